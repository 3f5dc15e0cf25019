"""Keeping the directory fresh: which services nobody has confirmed for
SOCIOINFO_STALE_AFTER_DAYS, reminders to their providers' editors, and the signed
"still correct" link that confirms a service once."""

import datetime
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from socioinfo.accounts.models import User
from socioinfo.directory.models import Service, ServiceStatus
from socioinfo.providers.models import FreshnessReminder

STILL_CORRECT_SALT = "socioinfo.providers.still-correct"


class LinkError(Exception):
    """The link cannot be used; ``reason`` is invalid, expired or used."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def stale_period() -> datetime.timedelta:
    return datetime.timedelta(days=settings.SOCIOINFO_STALE_AFTER_DAYS)


def link_max_age() -> datetime.timedelta:
    return datetime.timedelta(days=settings.SOCIOINFO_REMINDER_LINK_DAYS)


@transaction.atomic
def confirm_still_correct(service: Service, *, by: Any, on: datetime.date | None = None) -> None:
    """The service's data is confirmed as current today (in its history with who did it)."""
    service.last_verified_on = on or timezone.localdate()
    service._history_user = by  # type: ignore[attr-defined]
    service._change_reason = _("Confirmed as still correct")  # type: ignore[attr-defined]
    service.save(update_fields=["last_verified_on", "updated_at"])


def services_due_for_reminder(now: datetime.datetime | None = None) -> QuerySet[Service]:
    """Active, stale services of active organisations that got no reminder within the
    period (so nobody is reminded twice about the same service in one period)."""
    now = now or timezone.now()
    recent = FreshnessReminder.objects.filter(
        service=OuterRef("pk"), sent_at__gt=now - stale_period()
    )
    return (
        Service.objects.filter(status=ServiceStatus.ACTIVE, organisation__is_active=True)
        .stale(on=timezone.localdate(now))
        .exclude(Exists(recent))
        .select_related("organisation")
        .order_by("organisation__name", "sort_name")
    )


def still_correct_token(reminder: FreshnessReminder, user: Any) -> str:
    """A link token that does one thing: confirm this reminder's service, for this person."""
    return signing.dumps({"r": str(reminder.pk), "u": user.pk}, salt=STILL_CORRECT_SALT)


def read_still_correct_token(token: str) -> tuple[FreshnessReminder, User]:
    """The reminder and person a link stands for; LinkError when it is forged, expired,
    already used, or the person no longer edits for the organisation."""
    try:
        payload = signing.loads(token, salt=STILL_CORRECT_SALT, max_age=link_max_age())
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise LinkError("invalid") from None
    if not isinstance(payload, dict):
        raise LinkError("invalid")
    reminder = (
        FreshnessReminder.objects.select_related("service__organisation")
        .filter(pk=str(payload.get("r")))
        .first()
    )
    user_id = payload.get("u")
    user = (
        User.objects.filter(pk=user_id, is_active=True).first()
        if isinstance(user_id, int)
        else None
    )
    if reminder is None or user is None:
        raise LinkError("invalid")
    if not user.memberships.filter(organisation=reminder.service.organisation_id).exists():
        raise LinkError("invalid")
    if reminder.confirmed_at is not None:
        raise LinkError("used")
    return reminder, user


@transaction.atomic
def confirm_by_link(token: str) -> FreshnessReminder:
    """Use a "still correct" link once: the service counts as verified today."""
    reminder, user = read_still_correct_token(token)
    reminder = FreshnessReminder.objects.select_for_update().get(pk=reminder.pk)
    if reminder.confirmed_at is not None:
        raise LinkError("used")
    confirm_still_correct(reminder.service, by=user)
    reminder.confirmed_at = timezone.now()
    reminder.confirmed_by = user
    reminder.save(update_fields=["confirmed_at", "confirmed_by", "updated_at"])
    return reminder


def send_freshness_reminders(
    *, now: datetime.datetime | None = None, site_url: str | None = None
) -> int:
    """E-mail each editor of a provider one reminder listing its stale services, each with
    a "still correct" link and a link to edit it. Returns how many services were reminded
    about; services of organisations without editors wait until someone is invited."""
    now = now or timezone.now()
    site = (site_url or settings.SOCIOINFO_SITE_URL).rstrip("/")
    by_organisation: dict[Any, list[Service]] = defaultdict(list)
    for service in services_due_for_reminder(now):
        by_organisation[service.organisation].append(service)
    count = 0
    for organisation, services in by_organisation.items():
        editors = list(
            User.objects.filter(memberships__organisation=organisation, is_active=True)
            .exclude(email="")
            .order_by("email")
        )
        if not editors:
            continue
        # The reminders are recorded only if their e-mails went out (a mail server that
        # refuses leaves the services due, so the next run tries again).
        with transaction.atomic():
            reminders = [
                FreshnessReminder.objects.create(
                    service=service, sent_at=now, sent_to=[user.email for user in editors]
                )
                for service in services
            ]
            for user in editors:
                _send_reminder(user, organisation, reminders, site)
        count += len(reminders)
    return count


def _send_reminder(
    user: Any, organisation: Any, reminders: list[FreshnessReminder], site: str
) -> None:
    items = [
        {
            "service": reminder.service,
            "confirm": site
            + reverse("providers:still_correct", args=[still_correct_token(reminder, user)]),
            "edit": site + reverse("providers:service_edit", args=[reminder.service.pk]),
        }
        for reminder in reminders
    ]
    send_mail(
        subject=_("Please check your services in Socioinfo: %(organisation)s")
        % {"organisation": organisation.name},
        message=render_to_string(
            "providers/email/reminder.txt",
            {
                "organisation": organisation,
                "items": items,
                "days": settings.SOCIOINFO_STALE_AFTER_DAYS,
                "link_days": settings.SOCIOINFO_REMINDER_LINK_DAYS,
                "dashboard": site + reverse("providers:dashboard"),
            },
        ),
        from_email=None,
        recipient_list=[user.email],
    )
