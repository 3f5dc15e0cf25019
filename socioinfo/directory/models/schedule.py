"""Structured opening hours: weekly rules plus dated exceptions, in Prague local time.

A rule belongs to a service at a location (a counselling office's hours) or to a service
itself (a phone line or a field service). A rule whose closing time is not after its opening
time runs past midnight; 00:00–00:00 is the whole day. Exceptions on a date replace that
date's weekly rules for their owner: a closed day, or different hours.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from socioinfo.core.models import BaseModel
from socioinfo.directory.models.service import Service, ServiceAtLocation


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def _exactly_one_owner() -> models.Q:
    return models.Q(service__isnull=False, service_at_location__isnull=True) | models.Q(
        service__isnull=True, service_at_location__isnull=False
    )


class ScheduleOwnerMixin(models.Model):
    service = models.ForeignKey(
        Service,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("service"),
        related_name="%(class)ss",
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("service at location"),
        related_name="%(class)ss",
    )

    class Meta:
        abstract = True

    def owning_service_id(self):  # type: ignore[no-untyped-def]
        if self.service_at_location is not None:
            return self.service_at_location.service_id
        return self.service_id


class OpeningRule(ScheduleOwnerMixin, BaseModel):
    """Open on a weekday from ``opens`` to ``closes`` (optionally only within dates)."""

    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("e.g. by appointment")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=_exactly_one_owner(), name="openingrule_one_owner"),
            models.CheckConstraint(
                condition=models.Q(weekday__gte=0, weekday__lte=6), name="openingrule_weekday"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    @property
    def crosses_midnight(self) -> bool:
        return self.closes <= self.opens


class OpeningException(ScheduleOwnerMixin, BaseModel):
    """A date with other hours than usual: closed (holiday) or open differently."""

    date = models.DateField(_("date"))
    is_closed = models.BooleanField(_("closed all day"), default=False)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opening exception")
        verbose_name_plural = _("opening exceptions")
        ordering = ["date", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_owner(), name="openingexception_one_owner"
            ),
            models.CheckConstraint(
                condition=models.Q(is_closed=True)
                | models.Q(opens__isnull=False, closes__isnull=False, closes__gt=models.F("opens")),
                name="openingexception_closed_or_hours",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date}: " + (
            str(_("closed")) if self.is_closed else f"{self.opens}–{self.closes}"
        )

    def clean(self) -> None:
        if not self.is_closed and (self.opens is None or self.closes is None):
            raise ValidationError(
                _("Either tick “closed all day” or give both opening and closing times.")
            )
        if not self.is_closed and self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("The closing time must be after the opening time.")})
