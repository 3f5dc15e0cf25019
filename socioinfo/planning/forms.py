"""Input of the consultation and the planners' screens."""

import time
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.directory.models import ServiceType, TargetGroup
from socioinfo.planning.models import (
    ActionPlanEntry,
    Decision,
    GroupMember,
    Indicator,
    Meeting,
    MeetingDocument,
    PlanItem,
    ProgressStatus,
    Project,
    ResponsibleBody,
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


class GlossaryEntryForm(forms.ModelForm):
    """An abbreviation used in plans' responsibilities and its full name."""

    class Meta:
        model = ResponsibleBody
        fields = ["abbreviation", "name"]
        help_texts = {
            "abbreviation": _("As it is written in the plans, e.g. OSP or ANNO JMK."),
            "name": _("The full name the public reads, e.g. Odbor sociální péče MMB."),
        }

    def clean_abbreviation(self) -> str:
        value: str = " ".join(self.cleaned_data["abbreviation"].split())
        others = ResponsibleBody.objects.exclude(pk=self.instance.pk)
        if others.filter(abbreviation__iexact=value).exists():
            raise forms.ValidationError(
                _("The glossary already has %(abbreviation)s."), params={"abbreviation": value}
            )
        return value


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


# What a meeting document may be: the extension, the type it is served as, and how its
# first bytes must start (a file whose content does not match its name is refused).
DOCUMENT_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    ".odp": ("application/vnd.oasis.opendocument.presentation", (b"PK\x03\x04",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (b"PK\x03\x04",),
    ),
    ".doc": ("application/msword", (b"\xd0\xcf\x11\xe0",)),
    ".xls": ("application/vnd.ms-excel", (b"\xd0\xcf\x11\xe0",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".txt": ("text/plain; charset=utf-8", ()),
    ".csv": ("text/csv; charset=utf-8", ()),
}


class MeetingDocumentForm(forms.ModelForm):
    """A document of a meeting: a file to upload or the address of one kept elsewhere."""

    class Meta:
        model = MeetingDocument
        fields = ["title", "file", "url"]
        help_texts = {
            "url": _("Or, instead of a file, the address of a document published elsewhere."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, office documents (ODF or Microsoft Office), pictures (PNG, JPEG) or text, "
            "at most %(size)s."
        ) % {"size": filesizeformat(settings.SOCIOINFO_DOCUMENT_MAX_BYTES)}
        self.fields["file"].widget.attrs["accept"] = ",".join(DOCUMENT_TYPES)

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        suffix = ("." + upload.name.rsplit(".", 1)[-1].lower()) if "." in upload.name else ""
        if suffix not in DOCUMENT_TYPES:
            raise forms.ValidationError(
                _("Files of this type cannot be attached. Allowed: %(types)s."),
                params={"types": ", ".join(sorted(DOCUMENT_TYPES))},
                code="type",
            )
        if upload.size > settings.SOCIOINFO_DOCUMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; at most %(limit)s can be attached."),
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.SOCIOINFO_DOCUMENT_MAX_BYTES),
                },
                code="size",
            )
        content_type, signatures = DOCUMENT_TYPES[suffix]
        upload.seek(0)
        head = upload.read(8 * 1024)
        upload.seek(0)
        text_ok = True
        if not signatures:
            try:
                head.decode("utf-8")
            except UnicodeDecodeError as exc:
                # A multi-byte character cut at the end of the sample is still text.
                text_ok = exc.start >= len(head) - 3
        if (signatures and not head.startswith(signatures)) or not text_ok:
            raise forms.ValidationError(
                _("The content of the file does not match its name (%(suffix)s)."),
                params={"suffix": suffix},
                code="content",
            )
        self.instance.content_type = content_type
        self.instance.filename = Path(upload.name).name[:255]
        self.instance.size = upload.size
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and bool(data.get("file")) == bool(data.get("url")):
            raise forms.ValidationError(
                _("Choose a file to upload or give the address of a document, one of the two."),
                code="file_or_url",
            )
        return data


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
