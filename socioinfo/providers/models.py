"""Change requests (what a provider proposes, what the city decided) and freshness reminders.

The proposed values are stored as data, not applied: public records stay as they are until
a city editor approves (``socioinfo.providers.services.approve``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from socioinfo.core.models import BaseModel
from socioinfo.directory.models import Organisation, Service


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("waiting for review")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", pgettext_lazy("change request", "rejected")
    RETURNED = "returned", _("returned for changes")


class ChangeKind(models.TextChoices):
    ORGANISATION = "organisation", _("organisation details")
    SERVICE = "service", _("service details")
    NEW_SERVICE = "new_service", _("new service")
    LOCATION = "location", pgettext_lazy("change request", "place")
    NEW_LOCATION = "new_location", _("new place")


class ChangeRequest(BaseModel):
    """Proposed changes to one organisation's records, as operations on rows:
    ``[{"model": "service", "pk": "…", "action": "update", "fields": {…}, "old": {…}}]``.
    ``old`` holds the public values when the request was made, so a reviewer sees what
    changed since."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="change_requests",
        verbose_name=_("organisation"),
    )
    service = models.ForeignKey(
        Service,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="change_requests",
        verbose_name=_("service"),
    )
    kind = models.CharField(_("what"), max_length=20, choices=ChangeKind.choices)
    title = models.CharField(_("title"), max_length=300)
    changes = models.JSONField(_("proposed changes"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    note = models.TextField(_("note for the city"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposed_changes",
        verbose_name=_("proposed by"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decided_changes",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)
    is_direct = models.BooleanField(
        _("edited directly by the city"),
        default=False,
        help_text=_("A city editor's own edit, applied at once and kept for the record."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="pending", decided_at__isnull=True)
                | (~models.Q(status="pending") & models.Q(decided_at__isnull=False)),
                name="changerequest_decided_when_not_pending",
            )
        ]

    def __str__(self) -> str:
        return self.title


class FreshnessReminder(BaseModel):
    """A reminder e-mailed to a provider's editors that a service's data needs confirming;
    its link confirms the service once."""

    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="freshness_reminders",
        verbose_name=_("service"),
    )
    sent_at = models.DateTimeField(_("sent"))
    sent_to = models.JSONField(_("sent to"), default=list)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    class Meta:
        verbose_name = _("freshness reminder")
        verbose_name_plural = _("freshness reminders")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.service} ({self.sent_at:%Y-%m-%d})"
