"""Services, the forms in which they are provided with their capacity, and where."""

import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from socioinfo.areas.models import Area
from socioinfo.core.i18n import TranslatableModel
from socioinfo.core.models import BaseModel
from socioinfo.core.text import sort_key
from socioinfo.directory.models.location import Location
from socioinfo.directory.models.organisation import Organisation, RecordSource
from socioinfo.directory.models.taxonomy import (
    AccessibilityFeature,
    AgeGroup,
    CapacityUnit,
    Language,
    ServiceForm,
    ServiceType,
    TargetGroup,
)


class ServiceStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    ACTIVE = "active", _("active")
    INACTIVE = "inactive", _("inactive")


def today_in_prague() -> datetime.date:
    return timezone.localdate()


class ServiceQuerySet(models.QuerySet["Service"]):
    def published(self, on: datetime.date | None = None) -> "ServiceQuerySet":
        """The one gateway for public pages and the API: active services of active
        organisations, within their dates."""
        on = on or today_in_prague()
        return self.filter(
            status=ServiceStatus.ACTIVE,
            organisation__is_active=True,
        ).filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=on),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=on),
        )

    def stale(self, on: datetime.date | None = None) -> "ServiceQuerySet":
        """Services whose data nobody has confirmed for SOCIOINFO_STALE_AFTER_DAYS."""
        on = on or today_in_prague()
        limit = on - datetime.timedelta(days=settings.SOCIOINFO_STALE_AFTER_DAYS)
        return self.filter(
            models.Q(last_verified_on__isnull=True) | models.Q(last_verified_on__lt=limit)
        )


class Service(TranslatableModel, BaseModel):
    """A social service an organisation provides (registered by the Act or not)."""

    translated_fields = ("name", "description", "eligibility", "fees")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    name = models.CharField(_("name"), max_length=300)
    sort_name = models.CharField(max_length=300, editable=False, db_index=True, default="")
    service_type = models.ForeignKey(
        ServiceType,
        verbose_name=_("service type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="services",
    )
    description = models.TextField(_("what the service does"), blank=True)
    eligibility = models.TextField(_("who it is for"), blank=True)
    fees = models.TextField(_("fees"), blank=True, help_text=_("Leave empty when it is free."))
    is_free = models.BooleanField(_("free of charge"), default=False)
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="services"
    )
    age_groups = models.ManyToManyField(
        AgeGroup, verbose_name=_("age groups"), blank=True, related_name="services"
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages spoken"), blank=True, related_name="services"
    )
    accessibility_features = models.ManyToManyField(
        AccessibilityFeature,
        verbose_name=_("accessibility features"),
        blank=True,
        related_name="services",
    )
    areas_served = models.ManyToManyField(
        Area,
        verbose_name=_("areas served"),
        blank=True,
        related_name="services_serving",
        help_text=_("For field services: the areas where staff come to clients."),
    )
    locations: "models.ManyToManyField[Location, ServiceAtLocation]" = models.ManyToManyField(
        Location,
        through="ServiceAtLocation",
        verbose_name=_("locations"),
        blank=True,
        related_name="services",
    )
    registry_id = models.CharField(
        _("registry identifier"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("Identifier of the registered service in the national registry (RPSS)."),
    )
    valid_from = models.DateField(_("provided from"), null=True, blank=True)
    valid_to = models.DateField(_("provided until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ServiceStatus.choices, default=ServiceStatus.DRAFT
    )
    last_verified_on = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When the provider or the city last confirmed the data is current."),
    )
    source = models.CharField(
        _("source"), max_length=10, choices=RecordSource.choices, default=RecordSource.MANUAL
    )

    objects = ServiceQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=[target_groups, age_groups, languages, accessibility_features, areas_served]
    )

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["sort_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["registry_id"],
                condition=~models.Q(registry_id=""),
                name="service_unique_registry_id",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(valid_from__isnull=True)
                    | models.Q(valid_to__isnull=True)
                    | models.Q(valid_to__gte=models.F("valid_from"))
                ),
                name="service_valid_to_after_from",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sort_name = sort_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)


class ServiceFormOffer(BaseModel):
    """One form in which a service is provided, with its registered capacity."""

    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="forms"
    )
    form = models.CharField(_("form"), max_length=12, choices=ServiceForm.choices)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    capacity_unit = models.CharField(
        _("capacity unit"), max_length=15, choices=CapacityUnit.choices, blank=True
    )
    capacity_note = models.CharField(_("capacity note"), max_length=300, blank=True)
    continuous = models.BooleanField(_("non-stop"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("form of provision")
        verbose_name_plural = _("forms of provision")
        ordering = ["form"]
        constraints = [
            models.UniqueConstraint(fields=["service", "form"], name="serviceform_unique"),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | ~models.Q(capacity_unit=""),
                name="serviceform_capacity_has_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.get_form_display()


class ServiceAtLocation(BaseModel):
    """A service provided at a location (HSDS service_at_location)."""

    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="service_at_locations",
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="service_at_locations",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service at location")
        verbose_name_plural = _("services at locations")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "location"], name="service_at_location_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service} – {self.location}"
