"""Everything that changes the advice centre's records: logging an enquiry, a question from
the public form, clients and their consent, the access log, anonymisation and erasure."""

import datetime
import secrets
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from socioinfo.advice.counts import apply_change, contribution_of
from socioinfo.advice.models import (
    AccessAction,
    Channel,
    Client,
    ClientDetails,
    Enquiry,
    PersonalDataAccess,
    Referral,
    Status,
    SupportGiven,
    Team,
    UnmetNeed,
    WebContact,
)
from socioinfo.advice.rules import teams_of

RETENTION_DEFAULT_DAYS = 3 * 365


def retention_period() -> datetime.timedelta:
    """How long a client's record is kept after the last contact
    (``SOCIOINFO_ADVICE_RETENTION_DAYS``)."""
    days = getattr(settings, "SOCIOINFO_ADVICE_RETENTION_DAYS", RETENTION_DEFAULT_DAYS)
    return datetime.timedelta(days=days)


def team_for(user: Any) -> str:
    """The team an enquiry logged by the user belongs to (the Socio-info Centre when the
    user works in both)."""
    teams = teams_of(user)
    if Team.CENTRE.value in teams or not teams:
        return Team.CENTRE.value
    return Team.INTERCULTURAL.value


def new_pseudonym() -> str:
    """A short code that says nothing about the person (K-XXXXXX)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    while True:
        code = "K-" + "".join(secrets.choice(alphabet) for _ in range(6))
        if not Client.objects.filter(pseudonym=code).exists():
            return code


@transaction.atomic
def save_enquiry(
    enquiry: Enquiry,
    *,
    by: Any,
    topics: Iterable[Any],
    support: Iterable[str],
    referrals: Iterable[dict[str, Any]] = (),
    unmet_needs: Iterable[dict[str, Any]] = (),
) -> Enquiry:
    """Save an enquiry with its topics and support; add the referrals and unmet needs given.
    A new enquiry gets its worker and team from ``by``; a client's last contact moves on."""
    before = Counter() if enquiry._state.adding else contribution_of(enquiry.pk)
    if enquiry._state.adding:
        enquiry.worker = enquiry.worker or by
        enquiry.team = team_for(by)
    if enquiry.status == Status.WAITING and by is not None:
        enquiry.status = Status.DONE
        enquiry.worker = by
        enquiry.team = team_for(by)
    enquiry.save()
    enquiry.topics.set(list(topics))
    wanted = set(support)
    enquiry.support.exclude(support_type__in=wanted).delete()
    have = set(enquiry.support.values_list("support_type", flat=True))
    SupportGiven.objects.bulk_create(
        SupportGiven(enquiry=enquiry, support_type=kind) for kind in sorted(wanted - have)
    )
    for row in referrals:
        service = row["service"]
        Referral.objects.create(
            enquiry=enquiry,
            service=service,
            service_type_id=service.service_type_id,
            reason=row.get("reason", ""),
        )
    for row in unmet_needs:
        UnmetNeed.objects.create(enquiry=enquiry, **row)
    if enquiry.client_id:
        Client.objects.filter(
            pk=enquiry.client_id, last_contact_at__lt=enquiry.contacted_at
        ).update(last_contact_at=enquiry.contacted_at)
    apply_change(before, contribution_of(enquiry.pk))
    return enquiry


@transaction.atomic
def submit_web_question(
    *, question: str, name: str, email: str, phone: str, language: Any = None
) -> Enquiry:
    """A question from the public form: a new enquiry waiting in the staff queue, with the
    person's contact kept apart from it."""
    now = timezone.now()
    enquiry = Enquiry.objects.create(
        contacted_at=now,
        channel=Channel.WEB_FORM,
        status=Status.WAITING,
        team=Team.CENTRE,
        language=language,
        duration_minutes=0,
    )
    WebContact.objects.create(
        enquiry=enquiry,
        question=question,
        name=name,
        email=email,
        phone=phone,
        consent_given_at=now,
    )
    return enquiry


@transaction.atomic
def create_client(
    *, by: Any, consent: bool, name: str = "", phone: str = "", email: str = ""
) -> Client:
    """A pseudonymous client; personal details are kept only when the person consented."""
    now = timezone.now()
    client = Client.objects.create(
        pseudonym=new_pseudonym(),
        team=team_for(by),
        consent_given_at=now if consent else None,
        consent_recorded_by=by if consent else None,
        last_contact_at=now,
    )
    if consent and name:
        ClientDetails.objects.create(client=client, name=name, phone=phone, email=email)
    return client


def log_access(
    user: Any,
    action: str,
    *,
    client: Client | None = None,
    enquiry: Enquiry | None = None,
    path: str = "",
) -> None:
    """Write one line of the access log of personal details."""
    subject = client.pseudonym if client else (f"web:{enquiry.pk}" if enquiry else "")
    PersonalDataAccess.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        client=client,
        enquiry=enquiry,
        subject=subject,
        path=path[:300],
    )


def subject_access_export(client: Client, *, by: Any) -> dict[str, Any]:
    """Everything kept about a client (art. 15 GDPR), as plain data; logged."""
    details = ClientDetails.objects.filter(client=client).first()
    enquiries = client.enquiries.order_by("contacted_at").prefetch_related(
        "topics", "support", "referrals__service"
    )
    log_access(by, AccessAction.EXPORT, client=client)
    return {
        "pseudonym": client.pseudonym,
        "consent_given_at": client.consent_given_at.isoformat()
        if client.consent_given_at
        else None,
        "last_contact_at": client.last_contact_at.isoformat(),
        "personal_details": (
            {"name": details.name, "phone": details.phone, "email": details.email}
            if details
            else None
        ),
        "enquiries": [
            {
                "contacted_at": e.contacted_at.isoformat(),
                "channel": e.channel,
                "topics": [t.slug for t in e.topics.all()],
                "support": sorted(s.support_type for s in e.support.all()),
                "referrals": [
                    {"service": r.service.name if r.service else None, "reason": r.reason}
                    for r in e.referrals.all()
                ],
                "follow_up_on": e.follow_up_on.isoformat() if e.follow_up_on else None,
                "note": e.note,
            }
            for e in enquiries
        ],
    }


@transaction.atomic
def anonymise_client(
    client: Client, *, by: Any = None, action: str = AccessAction.ANONYMISE
) -> None:
    """Remove everything that could identify the client and keep the statistics: the
    personal details go, the enquiries lose their link and their free-text notes, and
    their anonymous profile and counts stay."""
    ClientDetails.objects.filter(client=client).delete()
    client.enquiries.update(client=None, note="")
    client.consent_given_at = None
    client.consent_recorded_by = None
    client.anonymised_at = timezone.now()
    client.save()
    log_access(by, action, client=client)


def erase_client(client: Client, *, by: Any) -> None:
    """Erasure on request (art. 17 GDPR): the same as anonymisation, now."""
    anonymise_client(client, by=by, action=AccessAction.ERASE)


def anonymise_expired_clients(now: datetime.datetime | None = None) -> int:
    """Anonymise every client whose last contact is older than the retention period, and
    the contact details of answered web questions as old; return how many clients."""
    cutoff = (now or timezone.now()) - retention_period()
    expired = Client.objects.filter(anonymised_at=None, last_contact_at__lt=cutoff)
    count = 0
    for client in expired:
        anonymise_client(client)
        count += 1
    WebContact.objects.filter(enquiry__contacted_at__lt=cutoff).delete()
    return count
