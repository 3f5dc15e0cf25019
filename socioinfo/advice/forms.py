"""Staff forms built for speed by keyboard (sensible defaults, the worker's recent choices at
the top of each list) and the public question form with its spam checks."""

import datetime
from typing import Any, cast

from django import forms
from django.core import signing
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socioinfo.advice.models import Enquiry, SupportType, UnmetReason
from socioinfo.advice.selectors import clients_of, recent_choices
from socioinfo.areas.selectors import brno_city_districts
from socioinfo.directory.models import Language, LifeSituation, Service, ServiceType, TargetGroup

REFERRAL_LANGUAGES = [
    ("cs", "čeština"),
    ("uk", "українська"),
    ("ru", "русский"),
    ("vi", "Tiếng Việt"),
    ("ar", "العربية"),
    ("en", "English"),
]


class LocalizedModelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.localized("name").text if hasattr(obj, "localized") else str(obj)


class LocalizedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.localized("name").text if hasattr(obj, "localized") else str(obj)


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} – {obj.organisation.name}"


def recent_first(queryset: QuerySet[Any], recent: list[Any], *order: str) -> QuerySet[Any]:
    """The queryset with the recent choices first (most frequent first), then the rest."""
    if not recent:
        return queryset.order_by(*order)
    rank = Case(
        *[When(pk=pk, then=Value(index)) for index, pk in enumerate(recent)],
        default=Value(len(recent)),
        output_field=IntegerField(),
    )
    return queryset.annotate(recent_rank=rank).order_by("recent_rank", *order)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class EnquiryForm(forms.ModelForm):
    """One contact. The common path: check the time, pick a topic and the support given,
    press Enter."""

    support = forms.MultipleChoiceField(
        label=_("Support given"),
        choices=SupportType.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[SupportType.INFORMATION.value],
    )
    topics = LocalizedModelMultipleChoiceField(
        label=_("Topics"),
        queryset=LifeSituation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    referral_service = ServiceChoiceField(
        label=_("Referred to"),
        queryset=Service.objects.none(),
        required=False,
        empty_label=_("nobody"),
    )
    referral_reason = forms.CharField(
        label=_("Reason for the referral"), max_length=300, required=False
    )
    unmet_reason = forms.ChoiceField(
        label=_("Unmet need"),
        choices=[("", _("none"))] + list(UnmetReason.choices),
        required=False,
    )
    unmet_service_type = forms.ModelChoiceField(
        label=_("Service type needed"), queryset=ServiceType.objects.all(), required=False
    )
    unmet_district = forms.ModelChoiceField(
        label=_("Where it was needed"), queryset=brno_city_districts(), required=False
    )

    class Meta:
        model = Enquiry
        fields = [
            "contacted_at",
            "channel",
            "client",
            "age_band",
            "gender",
            "district",
            "target_group",
            "nationality",
            "language",
            "first_contact",
            "with_interpreter",
            "topics",
            "duration_minutes",
            "follow_up_on",
            "note",
        ]
        widgets = {
            "contacted_at": DateTimeInput(),
            "channel": forms.RadioSelect,
            "age_band": forms.RadioSelect,
            "gender": forms.RadioSelect,
            "follow_up_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
            "duration_minutes": forms.NumberInput(attrs={"min": 0, "max": 600, "step": 5}),
        }

    field_order = [
        "contacted_at",
        "channel",
        "topics",
        "support",
        "age_band",
        "gender",
        "district",
        "target_group",
        "nationality",
        "language",
        "first_contact",
        "with_interpreter",
        "client",
        "duration_minutes",
        "referral_service",
        "referral_reason",
        "unmet_reason",
        "unmet_service_type",
        "unmet_district",
        "follow_up_on",
        "note",
    ]

    def __init__(self, *args: Any, user: Any, show_note: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["contacted_at"].widget = DateTimeInput()
        fields["contacted_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if not self.instance.pk:
            fields["contacted_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        else:
            self.initial["support"] = list(
                self.instance.support.values_list("support_type", flat=True)
            ) or [SupportType.INFORMATION.value]
        fields["topics"].queryset = recent_first(
            LifeSituation.objects.filter(is_active=True),
            self._recent_topics(user),
            "order",
            "name",
        )
        fields["district"].queryset = recent_first(
            brno_city_districts(), recent_choices(user, "district"), "name"
        )
        fields["target_group"].queryset = recent_first(
            TargetGroup.objects.all(), recent_choices(user, "target_group"), "order", "name"
        )
        fields["language"].queryset = recent_first(
            Language.objects.all(), recent_choices(user, "language"), "name"
        )
        fields["client"].queryset = clients_of(user).order_by("pseudonym")
        fields["client"].label_from_instance = lambda c: c.pseudonym  # type: ignore[attr-defined]
        fields["referral_service"].queryset = (
            Service.objects.published().select_related("organisation").order_by("sort_name")
        )
        for name in ("target_group", "language"):
            fields[name].label_from_instance = (  # type: ignore[attr-defined]
                lambda obj: obj.localized("name").text
            )
        if not show_note:
            del fields["note"]

    @staticmethod
    def _recent_topics(user: Any) -> list[Any]:
        through = Enquiry.topics.through
        latest = list(
            Enquiry.objects.filter(worker=user)
            .order_by("-contacted_at")
            .values_list("pk", flat=True)[:60]
        )
        from django.db.models import Count

        rows = (
            through.objects.filter(enquiry_id__in=latest)
            .values("lifesituation_id")
            .annotate(n=Count("pk"))
            .order_by("-n")[:6]
        )
        return [row["lifesituation_id"] for row in rows]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("referral_reason") and not data.get("referral_service"):
            self.add_error("referral_service", _("Choose the service the person was referred to."))
        if (data.get("unmet_service_type") or data.get("unmet_district")) and not data.get(
            "unmet_reason"
        ):
            self.add_error("unmet_reason", _("Say why the need was not met."))
        return data

    def referrals(self) -> list[dict[str, Any]]:
        service = self.cleaned_data.get("referral_service")
        return (
            [{"service": service, "reason": self.cleaned_data.get("referral_reason", "")}]
            if service
            else []
        )

    def unmet_needs(self) -> list[dict[str, Any]]:
        reason = self.cleaned_data.get("unmet_reason")
        if not reason:
            return []
        return [
            {
                "reason": reason,
                "service_type": self.cleaned_data.get("unmet_service_type"),
                "district": self.cleaned_data.get("unmet_district"),
            }
        ]


class ClientForm(forms.Form):
    consent = forms.BooleanField(
        label=_("The person agrees that we keep their name and phone number"),
        required=False,
        help_text=_(
            "Without consent only the pseudonym is kept. Everything is anonymised after the "
            "retention period from the last contact."
        ),
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_details = any(data.get(f) for f in ("name", "phone", "email"))
        if has_details and not data.get("consent"):
            raise forms.ValidationError(
                _("Personal details may be kept only with the person's consent.")
            )
        if data.get("consent") and not data.get("name"):
            self.add_error("name", _("Write the name the person agreed to give."))
        return data


class ReferralSheetForm(forms.Form):
    services = forms.ModelMultipleChoiceField(
        label=_("Services on the sheet"),
        queryset=Service.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(label=_("Language of the sheet"), choices=REFERRAL_LANGUAGES)
    email = forms.EmailField(label=_("Send to e-mail"), required=False)

    def __init__(self, *args: Any, services: QuerySet[Service], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["services"]
        field.queryset = services
        self.fields["services"].label_from_instance = (  # type: ignore[attr-defined]
            lambda s: f"{s.name} – {s.organisation.name}"
        )


# The public form: a honeypot field, the time the form was shown (signed) and a rate limit
# per address (views) keep robots out without a third-party CAPTCHA.
MIN_SECONDS_TO_FILL = 3
MAX_AGE_OF_FORM = datetime.timedelta(hours=12)
_SALT = "socioinfo.advice.ask"


def form_started_token() -> str:
    return signing.TimestampSigner(salt=_SALT).sign("ask")


class AskForm(forms.Form):
    question = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        help_text=_(
            "Describe your situation in your own words. Do not write anything you do not "
            "want us to know."
        ),
    )
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("E-mail for the answer"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone for the answer"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the Socio-info Centre keeps what I wrote and my contact details in "
            "order to answer me."
        ),
        error_messages={"required": _("Without your consent we cannot answer you.")},
    )
    # Robots fill every field; people never see this one.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["started"].initial = form_started_token()
        self.is_robot = False

    def clean_website(self) -> str:
        value: str = self.cleaned_data.get("website", "")
        if value:
            self.is_robot = True
        return value

    def clean_started(self) -> str:
        token: str = self.cleaned_data.get("started", "")
        signer = signing.TimestampSigner(salt=_SALT)
        try:
            signer.unsign(token, max_age=MAX_AGE_OF_FORM)
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _("The form was open too long. Please check your question and send it again.")
            ) from None
        except signing.BadSignature:
            raise forms.ValidationError(
                _("Please check your question and send it again.")
            ) from None
        try:
            signer.unsign(token, max_age=MIN_SECONDS_TO_FILL)
        except signing.SignatureExpired:
            return token  # older than the minimum: a person had time to write
        # Sent within seconds of opening: a robot, or a very fast person who can send again.
        raise forms.ValidationError(_("Please check your question and send it again."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("email") and not data.get("phone"):
            self.add_error(
                "email", _("Give an e-mail address or a phone number, so we can answer you.")
            )
        return data

    def with_fresh_token(self) -> "AskForm":
        """Show the form again with everything typed kept and a new time token."""
        data = cast(Any, self.data).copy()
        data["started"] = form_started_token()
        data["website"] = ""
        self.data = data
        return self


def service_choices_for(enquiry: Enquiry) -> QuerySet[Service]:
    """Services to offer on a referral sheet: those the enquiry referred to and the
    published services of the types that help with its topics."""
    from django.db.models import Q

    types = ServiceType.objects.filter(life_situations__in=enquiry.topics.all())
    referred = enquiry.referrals.exclude(service=None).values("service_id")
    return (
        Service.objects.published()
        .filter(Q(pk__in=referred) | Q(service_type__in=types))
        .select_related("organisation")
        .distinct()
        .order_by("sort_name")
    )
