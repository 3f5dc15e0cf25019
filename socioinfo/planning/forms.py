"""Input of the consultation and the planners' screens."""

import time
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.directory.models import ServiceType, TargetGroup
from socioinfo.planning.models import (
    ActionPlanEntry,
    Decision,
    GroupMember,
    Indicator,
    Meeting,
    PlanItem,
    ProgressStatus,
    Project,
    Task,
)

FORM_SALT = "socioinfo.planning.comment-form"
# A person needs more than a few seconds to read an item and write a comment; a form sent
# back faster was filled in by a program. An old form is refused too (a day is plenty).
MIN_SECONDS = 3
MAX_SECONDS = 24 * 3600


def form_started_token(now: float | None = None) -> str:
    """A signed time stamp of when the form was shown."""
    return signing.dumps({"t": int(now if now is not None else time.time())}, salt=FORM_SALT)


class CommentForm(forms.Form):
    """A comment on one item. Spam protection without third-party services: a field that
    people do not see (``website``, left empty by people, filled by robots) and the signed
    time the form was shown."""

    author_name = forms.CharField(label=_("Your name or organisation"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("We send you a link to confirm the comment. It is not published."),
    )
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 6}))
    proposal = forms.CharField(
        label=_("Proposed wording (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, signed_in: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.signed_in = signed_in
        if signed_in:
            del self.fields["email"]
        else:
            self.fields["email"].required = True
        if not self.is_bound:
            self.initial["started"] = form_started_token()

    def clean_website(self) -> str:
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean_started(self) -> str:
        token = self.cleaned_data["started"]
        try:
            started = signing.loads(token, salt=FORM_SALT)["t"]
        except (signing.BadSignature, KeyError, TypeError) as exc:
            raise forms.ValidationError(_("Please load the form again and resend it.")) from exc
        elapsed = time.time() - started
        if elapsed < MIN_SECONDS:
            raise forms.ValidationError(
                _("The form was sent too quickly. Please check it and send it again.")
            )
        if elapsed > MAX_SECONDS:
            raise forms.ValidationError(_("The form is too old. Please load it again."))
        return token


class SettlementForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    reasoning = forms.CharField(label=_("Reasoning"), widget=forms.Textarea(attrs={"rows": 3}))


class ItemForm(forms.Form):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}))
    responsibility = forms.CharField(label=_("Responsibility"), required=False)
    time_frame = forms.CharField(
        label=_("Time frame"),
        required=False,
        help_text=_("As written: průběžně, 2018 – 2024, do 2020."),
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    service_types = forms.ModelMultipleChoiceField(
        label=_("Related kinds of services"),
        queryset=ServiceType.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("City districts"),
        queryset=Area.objects.filter(level=AreaLevel.CITY_DISTRICT).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None: the whole city."),
    )


class ConsultationForm(forms.Form):
    opens_on = forms.DateField(label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(
        label=_("Closes on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class ProgressForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    status = forms.ChoiceField(label=_("Status"), choices=ProgressStatus.choices)
    percent = forms.IntegerField(label=_("Percent done"), min_value=0, max_value=100)
    narrative = forms.CharField(
        label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class MemberForm(forms.ModelForm):
    email = forms.EmailField(
        label=_("E-mail of their account (optional)"),
        required=False,
        help_text=_("With an account, the member sees the group even when it is not public."),
    )

    class Meta:
        model = GroupMember
        fields = ["name", "organisation", "triad_role", "is_chair"]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "place", "agenda", "minutes", "is_public"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        return data


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "owner", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = meeting.group.members.all()  # type: ignore[attr-defined]


class NextPlanForm(forms.Form):
    name = forms.CharField(label=_("Name of the next plan"), max_length=300)
    slug = forms.SlugField(label=_("Short name for its address"), max_length=100)
    year_from = forms.IntegerField(label=_("From year"), min_value=1990, max_value=2100)
    year_to = forms.IntegerField(label=_("To year"), min_value=1990, max_value=2100)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("year_from") and data.get("year_to") and data["year_to"] < data["year_from"]:
            self.add_error("year_to", _("The plan must end in or after the year it starts."))
        return data


def _measures_of(plan: Any = None) -> Any:
    items = PlanItem.objects.select_related("plan").order_by("plan__name", "order")
    return items.filter(plan=plan) if plan is not None else items.exclude(code="")


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = [
            "name",
            "slug",
            "description",
            "status",
            "budget",
            "funding_source",
            "measures",
            "districts",
        ]
        widgets = {
            "measures": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measures"].queryset = _measures_of()  # type: ignore[attr-defined]
        self.fields["districts"].queryset = Area.objects.filter(  # type: ignore[attr-defined]
            level=AreaLevel.CITY_DISTRICT
        ).order_by("name")


class ActionPlanEntryForm(forms.ModelForm):
    class Meta:
        model = ActionPlanEntry
        fields = ["measure", "project", "activities", "responsibility", "budget"]

    def __init__(self, *args: Any, plan: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = _measures_of(plan).exclude(code="")  # type: ignore[attr-defined]


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "baseline_year", "target", "target_year"]


class IndicatorValueForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)

    def __init__(self, *args: Any, measure: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = measure.indicators.all()  # type: ignore[attr-defined]
