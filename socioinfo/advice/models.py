"""The advice centre: enquiries (one contact each), what was given, where the person was
referred, what was missing; pseudonymous clients with consent; the access log of personal
details.

Statistics read only the enquiry's anonymous profile and its child rows; a client's personal
details live in ``ClientDetails`` and nowhere else, so anonymising a client never changes a
figure.
"""

import datetime
import zoneinfo
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socioinfo.core.models import BaseModel


class Team(models.TextChoices):
    """Who works with an enquiry; a restricted note is read only by its author's team."""

    CENTRE = "centre", _("Socio-info Centre")
    INTERCULTURAL = "intercultural", _("intercultural assistants")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    PHONE = "phone", _("phone")
    EMAIL = "email", _("e-mail")
    WEB_FORM = "web_form", _("web form")
    OUTREACH = "outreach", _("outreach")
    ACCOMPANIMENT = "accompaniment", _("accompaniment")


class SupportType(models.TextChoices):
    """Kinds of support given in one contact; one contact often carries several."""

    INFORMATION = "information", _("information")
    COUNSELLING = "counselling", _("social counselling")
    INTERPRETING = "interpreting", _("interpreting")
    ACCOMPANIMENT = "accompaniment", _("accompaniment")
    CRISIS = "crisis", _("crisis intervention")
    REFERRAL = "referral", _("referral")
    NETWORKING = "networking", _("networking to public institutions")
    PREVENTION = "prevention", _("social prevention")
    OTHER = "other", _("other support")


class AgeBand(models.TextChoices):
    UNKNOWN = "", _("not known")
    UNDER_18 = "0-17", _("under 18")
    YOUNG_ADULT = "18-26", _("18–26")
    ADULT = "27-64", _("27–64")
    YOUNGER_SENIOR = "65-80", _("65–80")
    OLDER_SENIOR = "81+", _("over 80")


class Gender(models.TextChoices):
    UNKNOWN = "", _("not known")
    FEMALE = "f", _("woman")
    MALE = "m", _("man")
    OTHER = "x", _("other")


class Nationality(models.TextChoices):
    """The nationalities the centre and the intercultural assistants meet most."""

    UNKNOWN = "", _("not known")
    CZ = "CZ", _("Czech")
    SK = "SK", _("Slovak")
    UA = "UA", _("Ukrainian")
    RU = "RU", _("Russian")
    VN = "VN", _("Vietnamese")
    MD = "MD", _("Moldavian")
    RO = "RO", _("Romanian")
    AR = "AR", _("from an Arab country")
    OTHER = "XX", _("other")


class Status(models.TextChoices):
    WAITING = "waiting", _("waiting for an answer")
    DONE = "done", _("done")


class UnmetReason(models.TextChoices):
    NOTHING_SUITABLE = "nothing_suitable", _("nothing suitable exists")
    WAITING_LIST = "waiting_list", _("waiting list")
    CAPACITY = "capacity", _("no free capacity")
    DISTANCE = "distance", _("too far")
    LANGUAGE = "language", _("language")
    COST = "cost", _("cost")


class Client(BaseModel):
    """A person in repeated contact, known by a pseudonym. Personal details only with
    consent, in ``ClientDetails``; anonymised after the retention period (tasks.py)."""

    pseudonym = models.CharField(_("pseudonym"), max_length=20, unique=True)
    team = models.CharField(_("team"), max_length=20, choices=Team.choices)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consent recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_contact_at = models.DateTimeField(_("last contact"), default=timezone.now, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        ordering = ["-last_contact_at"]

    def __str__(self) -> str:
        return self.pseudonym


class ClientDetails(BaseModel):
    """Who the client is: kept only with consent, never read by statistics."""

    client = models.OneToOneField(
        Client, verbose_name=_("client"), on_delete=models.CASCADE, related_name="details"
    )
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("client's personal details")
        verbose_name_plural = _("clients' personal details")

    def __str__(self) -> str:
        return str(self.client)


def month_of(moment: datetime.datetime) -> datetime.date:
    """The first day of the month of ``moment`` in the city's time zone."""
    local = moment.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)) if moment.tzinfo else moment
    return local.date().replace(day=1)


class Enquiry(BaseModel):
    """One contact with a person: when, how, who (anonymously), about what, what was given."""

    contacted_at = models.DateTimeField(_("date and time"), default=timezone.now, db_index=True)
    # The month of contacted_at in Prague, kept so statistics group by it in the database.
    month = models.DateField(editable=False, null=True, db_index=True)
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.IN_PERSON
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DONE, db_index=True
    )
    team = models.CharField(_("team"), max_length=20, choices=Team.choices, default=Team.CENTRE)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("worker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advice_enquiries",
    )
    client = models.ForeignKey(
        Client,
        verbose_name=_("client"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
    )
    # The anonymous profile: what statistics read.
    age_band = models.CharField(_("age"), max_length=5, choices=AgeBand.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, blank=True)
    district = models.ForeignKey(
        "areas.Area",
        verbose_name=_("city district of residence"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_group = models.ForeignKey(
        "directory.TargetGroup",
        verbose_name=_("client group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nationality = models.CharField(
        _("nationality"), max_length=2, choices=Nationality.choices, blank=True
    )
    language = models.ForeignKey(
        "directory.Language",
        verbose_name=_("language"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    first_contact = models.BooleanField(_("first contact"), default=True)
    with_interpreter = models.BooleanField(_("with an interpreter"), default=False)
    topics = models.ManyToManyField(
        "directory.LifeSituation", verbose_name=_("topics"), blank=True, related_name="+"
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=15)
    follow_up_on = models.DateField(_("follow-up"), null=True, blank=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("Read only by your team. Write no more than needed.")
    )
    # Generated by load_advice_demo, which replaces only these rows.
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-contacted_at"]
        indexes = [models.Index(fields=["team", "contacted_at"])]

    def __str__(self) -> str:
        return f"{self.contacted_at:%Y-%m-%d %H:%M} {self.get_channel_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.month = month_of(self.contacted_at)
        super().save(*args, **kwargs)


class SupportGiven(models.Model):
    """One kind of support given in an enquiry (a contact carries several)."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="support")
    support_type = models.CharField(_("support"), max_length=20, choices=SupportType.choices)

    class Meta:
        verbose_name = _("support given")
        verbose_name_plural = _("support given")
        constraints = [
            models.UniqueConstraint(
                fields=["enquiry", "support_type"], name="advice_support_once_per_enquiry"
            )
        ]
        indexes = [models.Index(fields=["support_type", "enquiry"])]

    def __str__(self) -> str:
        return self.get_support_type_display()


class Referral(BaseModel):
    """The person was sent to a service of the directory, for a reason."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey(
        "directory.Service",
        verbose_name=_("service"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept from the service so the statistics stay when a service is removed.
    service_type = models.ForeignKey(
        "directory.ServiceType",
        verbose_name=_("service type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")


class UnmetNeed(BaseModel):
    """What the person needed and did not find: the gap planning and the atlas read."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="unmet_needs")
    reason = models.CharField(_("why unmet"), max_length=20, choices=UnmetReason.choices)
    service_type = models.ForeignKey(
        "directory.ServiceType",
        verbose_name=_("service type needed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    district = models.ForeignKey(
        "areas.Area",
        verbose_name=_("city district where needed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("unmet need")
        verbose_name_plural = _("unmet needs")


class WebContact(BaseModel):
    """How to answer a question asked on the public form: personal details, kept apart
    from the enquiry's statistics and deleted once the enquiry is answered and expired."""

    enquiry = models.OneToOneField(Enquiry, on_delete=models.CASCADE, related_name="web_contact")
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    question = models.TextField(_("question"))
    consent_given_at = models.DateTimeField(_("consent given"))

    class Meta:
        verbose_name = _("web form contact")
        verbose_name_plural = _("web form contacts")


class MonthlyCount(models.Model):
    """Enquiries of one month counted by one dimension (channel, topic, district, …): what
    the statistics read, so a page over a million enquiries sums a few thousand rows.
    Recounted from the enquiries with GROUP BY whenever a month's enquiries change
    (services.recount_months)."""

    month = models.DateField()
    dimension = models.CharField(max_length=20)
    key = models.CharField(max_length=40, blank=True)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "dimension", "key"], name="advice_monthlycount_unique"
            )
        ]
        indexes = [models.Index(fields=["dimension", "month"])]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.dimension} {self.key}: {self.count}"


class AccessAction(models.TextChoices):
    VIEW = "view", _("viewed")
    EXPORT = "export", _("exported")
    ERASE = "erase", _("erased")
    ANONYMISE = "anonymise", _("anonymised")


class PersonalDataAccess(models.Model):
    """One look at (or action on) someone's personal details; read by administrators."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=10, choices=AccessAction.choices)
    client = models.ForeignKey(
        Client, verbose_name=_("client"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    enquiry = models.ForeignKey(
        Enquiry, verbose_name=_("enquiry"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("whose"), max_length=40, blank=True)
    path = models.CharField(_("page"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("access to personal details")
        verbose_name_plural = _("access log of personal details")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.subject}"
