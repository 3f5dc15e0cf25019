"""Areas: region → district (okres) → municipality → city district → finer units."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from socioinfo.core.models import BaseModel


class AreaLevel(models.TextChoices):
    REGION = "region", _("region (kraj)")
    DISTRICT = "district", _("district (okres)")
    ORP = "orp", _("municipality with extended powers (ORP)")
    MUNICIPALITY = "municipality", _("municipality")
    CITY_DISTRICT = "city_district", _("city district")
    BASIC_UNIT = "basic_unit", _("basic settlement unit")


class Area(BaseModel):
    """One administrative or statistical area with its official code and geometry.

    ``parent`` follows the main hierarchy; an ORP is a sibling hierarchy between region and
    municipality, so a municipality points to its ORP through ``orp``.
    """

    level = models.CharField(_("level"), max_length=20, choices=AreaLevel.choices)
    code = models.CharField(
        _("official code"),
        max_length=20,
        help_text=_(
            "ČSÚ/RÚIAN code: NUTS 3 for a region, LAU 1 for an okres, the six-digit "
            "code for a municipality or city district."
        ),
    )
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    orp = models.ForeignKey(
        "self",
        verbose_name=_("ORP"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orp_municipalities",
        limit_choices_to={"level": AreaLevel.ORP},
    )
    other_codes = models.JSONField(
        _("other codes"),
        default=dict,
        blank=True,
        help_text=_('Further official codes, e.g. {"okres": "40703", "ruian": "1295"}.'),
    )
    geometry = models.JSONField(
        _("geometry"),
        null=True,
        blank=True,
        help_text=_("GeoJSON geometry (Polygon or MultiPolygon) in WGS 84."),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["level", "code"], name="area_unique_code_per_level"),
        ]
        indexes = [models.Index(fields=["level", "name"])]

    def __str__(self) -> str:
        return self.name
