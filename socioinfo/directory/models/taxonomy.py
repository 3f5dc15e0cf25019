"""Code lists: service types (Act 108/2006 Sb.), target groups, age groups, languages,
accessibility features, and the life situations residents search by."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from socioinfo.core.i18n import TranslatableModel
from socioinfo.core.models import BaseModel


class ServiceForm(models.TextChoices):
    """Forms of provision (§33 of Act 108/2006 Sb.)."""

    RESIDENTIAL = "residential", _("residential")
    OUTPATIENT = "outpatient", _("outpatient")
    FIELD = "field", _("field")


class CapacityUnit(models.TextChoices):
    """Units of registered capacity, as in the national registry."""

    CLIENTS = "clients", _("clients")
    CONTACTS = "contacts", _("contacts (10 min)")
    INTERVENTIONS = "interventions", _("interventions (30 min)")
    BEDS = "beds", _("beds")
    CALLS = "calls", _("calls")


class ServiceType(TranslatableModel, BaseModel):
    """A kind of social service by Act 108/2006 Sb. (e.g. §37 social counselling)."""

    translated_fields = ("name",)

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    paragraph = models.CharField(_("section of the Act"), max_length=10, blank=True)
    name = models.CharField(_("name"), max_length=200)
    group = models.CharField(_("group by §32"), max_length=100, blank=True)
    permitted_forms = models.JSONField(_("forms permitted by the Act"), default=list, blank=True)
    registry_code = models.CharField(
        _("registry open-data code"),
        max_length=50,
        blank=True,
        help_text=_("e.g. DruhSocialniSluzby/1"),
    )
    registry_api_id = models.PositiveIntegerField(_("registry API id"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("service type")
        verbose_name_plural = _("service types")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["registry_code"],
                condition=~models.Q(registry_code=""),
                name="servicetype_unique_registry_code",
            )
        ]

    def __str__(self) -> str:
        return f"{self.paragraph} {self.name}".strip()


class TargetGroup(TranslatableModel, BaseModel):
    """A group of people a service is for (registry's cílové skupiny)."""

    translated_fields = ("name",)

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    registry_code = models.CharField(_("registry open-data code"), max_length=50, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class AgeGroup(TranslatableModel, BaseModel):
    """An age band of the registry (e.g. young adults 19–26)."""

    translated_fields = ("name",)

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    min_age = models.PositiveSmallIntegerField(_("from age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("to age"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("age group")
        verbose_name_plural = _("age groups")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Language(TranslatableModel, BaseModel):
    """A language staff of a service speak with clients (ISO 639-1 code)."""

    translated_fields = ("name",)

    code = models.CharField(_("ISO 639 code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=100)
    native_name = models.CharField(_("native name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AccessibilityFeature(TranslatableModel, BaseModel):
    """Something that makes a service usable for people with disabilities."""

    translated_fields = ("name", "description")

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("accessibility feature")
        verbose_name_plural = _("accessibility features")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LifeSituation(TranslatableModel, BaseModel):
    """A situation a resident is in ("I am losing my home"), mapped to the service types and
    target groups that help. The portal's main way in."""

    translated_fields = ("name", "summary")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("summary in plain language"), blank=True)
    service_types = models.ManyToManyField(
        ServiceType,
        verbose_name=_("service types that help"),
        blank=True,
        related_name="life_situations",
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        verbose_name=_("target groups"),
        blank=True,
        related_name="life_situations",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("shown on the portal"), default=True)

    history = HistoricalRecords(m2m_fields=[service_types, target_groups])

    class Meta:
        verbose_name = _("life situation")
        verbose_name_plural = _("life situations")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name
