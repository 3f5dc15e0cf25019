"""Providers of social services."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from socioinfo.core.i18n import TranslatableModel
from socioinfo.core.models import BaseModel
from socioinfo.directory.validators import validate_ico


class RecordSource(models.TextChoices):
    """Where a directory record came from; demo records are always labelled as such."""

    MANUAL = "manual", _("entered by staff")
    REGISTRY = "registry", _("national registry (RPSS)")
    DEMO = "demo", _("demo data")


class LegalForm(models.TextChoices):
    ASSOCIATION = "spolek", _("association (spolek)")
    PUBLIC_BENEFIT = "ops", _("public benefit company (o. p. s.)")
    INSTITUTE = "ustav", _("institute (ústav)")
    CHURCH = "cirkevni", _("church legal entity")
    CONTRIBUTORY = "prispevkova", _("contributory organisation of a public body")
    MUNICIPALITY = "obec", _("municipality or city district")
    REGION = "kraj", _("region")
    FOUNDATION = "nadace", _("foundation or endowment fund")
    COMPANY = "sro", _("company (s. r. o., a. s.)")
    SELF_EMPLOYED = "osvc", _("self-employed person")
    OTHER = "jina", _("other")


class Organisation(TranslatableModel, BaseModel):
    """A provider: an NGO, a church charity, a city or regional organisation, a company."""

    translated_fields = ("description",)

    name = models.CharField(_("name"), max_length=300)
    legal_form = models.CharField(
        _("legal form"), max_length=20, choices=LegalForm.choices, blank=True
    )
    ico = models.CharField(
        _("IČO"),
        max_length=8,
        blank=True,
        validators=[validate_ico],
        help_text=_("Company identification number: 8 digits with a valid checksum."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    registry_id = models.CharField(
        _("registry provider id"),
        max_length=50,
        blank=True,
        help_text=_("Identifier of the provider in the national registry, if known."),
    )
    source = models.CharField(
        _("source"), max_length=10, choices=RecordSource.choices, default=RecordSource.MANUAL
    )
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["ico"], condition=~models.Q(ico=""), name="organisation_unique_ico"
            )
        ]

    def __str__(self) -> str:
        return self.name
