"""Places where services are provided."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from socioinfo.areas.models import Area
from socioinfo.core.i18n import TranslatableModel
from socioinfo.core.models import BaseModel
from socioinfo.directory.models.organisation import Organisation, RecordSource
from socioinfo.directory.models.taxonomy import AccessibilityFeature


class Location(TranslatableModel, BaseModel):
    """An address with a point; its city district is resolved from the point
    (``directory.services.save_location``), never typed by hand."""

    translated_fields = ("name", "accessibility_notes", "transport_notes")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="locations",
    )
    name = models.CharField(_("name"), max_length=300, blank=True)
    street = models.CharField(_("street"), max_length=200, blank=True)
    house_number = models.CharField(
        _("house number"), max_length=20, blank=True, help_text=_("e.g. 12 or 1035/12a")
    )
    city = models.CharField(_("municipality"), max_length=100, default="Brno")
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    address_point_code = models.CharField(
        _("RÚIAN address point code"), max_length=12, blank=True, db_index=True
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    city_district = models.ForeignKey(
        Area,
        verbose_name=_("city district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    municipality = models.ForeignKey(
        Area,
        verbose_name=_("municipality (area)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_features = models.ManyToManyField(
        AccessibilityFeature,
        verbose_name=_("accessibility features"),
        blank=True,
        related_name="locations",
    )
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    transport_notes = models.TextField(_("how to get there"), blank=True)
    registry_id = models.CharField(_("registry facility id"), max_length=50, blank=True)
    source = models.CharField(
        _("source"), max_length=10, choices=RecordSource.choices, default=RecordSource.MANUAL
    )

    history = HistoricalRecords(m2m_fields=[accessibility_features])

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["street", "house_number"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(latitude__isnull=True, longitude__isnull=True)
                    | models.Q(latitude__isnull=False, longitude__isnull=False)
                ),
                name="location_lat_lon_together",
            )
        ]

    def __str__(self) -> str:
        return self.name or self.address

    @property
    def address(self) -> str:
        street = f"{self.street} {self.house_number}".strip()
        town = f"{self.postcode} {self.city}".strip()
        return ", ".join(part for part in (street, town) if part)
