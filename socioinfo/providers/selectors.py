"""What provider self-service and moderation read: the dashboard, the queue, the report."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from socioinfo.accounts.selectors import organisations_of
from socioinfo.directory.models import Organisation, Service, ServiceStatus
from socioinfo.directory.ownership import visible_to
from socioinfo.providers.freshness import stale_period
from socioinfo.providers.models import ChangeRequest, ChangeStatus


@dataclass
class ServiceCard:
    service: Service
    problems: list[str]
    pending: int


@dataclass
class OrganisationCard:
    organisation: Organisation
    services: list[ServiceCard] = field(default_factory=list)
    locations: list[Any] = field(default_factory=list)
    pending: list[ChangeRequest] = field(default_factory=list)


def service_problems(service: Any, today: datetime.date) -> list[str]:
    """What a resident would miss on the service's page, in plain words."""
    problems = []
    if service.status == ServiceStatus.DRAFT:
        problems.append(_("draft: not published yet"))
    if not service.hours_count:
        problems.append(_("no opening hours"))
    if not service.phone_count:
        problems.append(_("no phone number"))
    if not service.place_count and not service.area_count:
        problems.append(_("no place and no area served"))
    if service.last_verified_on is None:
        problems.append(_("never confirmed"))
    elif service.last_verified_on < today - stale_period():
        problems.append(
            _("last confirmed on %(date)s")
            % {"date": date_format(service.last_verified_on, "j. n. Y")}
        )
    return problems


def _with_counts(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.annotate(
        hours_count=Count("openingrules", distinct=True)
        + Count("service_at_locations__openingrules", distinct=True),
        phone_count=Count("contacts", filter=Q(contacts__kind="phone"), distinct=True),
        place_count=Count("service_at_locations", distinct=True),
        area_count=Count("areas_served", distinct=True),
    )


def dashboard(user: Any) -> list[OrganisationCard]:
    """The user's organisations, each with its services and what they lack, its places and
    its change requests waiting for the city."""
    today = timezone.localdate()
    cards = []
    for organisation in organisations_of(user).prefetch_related("locations"):
        card = OrganisationCard(organisation, locations=list(organisation.locations.all()))
        pending = ChangeRequest.objects.filter(
            organisation=organisation, status=ChangeStatus.PENDING
        ).order_by("-created_at")
        card.pending = list(pending)
        pending_by_service: dict[Any, int] = {}
        for request in card.pending:
            pending_by_service[request.service_id] = (
                pending_by_service.get(request.service_id, 0) + 1
            )
        services = _with_counts(visible_to(user, Service.objects.filter(organisation=organisation)))
        for service in services.order_by("sort_name"):
            card.services.append(
                ServiceCard(
                    service, service_problems(service, today), pending_by_service.get(service.pk, 0)
                )
            )
        cards.append(card)
    return cards


def requests_for(user: Any) -> QuerySet[ChangeRequest]:
    """Change requests the user may read: their organisations' (a provider editor) or all
    (the city's editors), newest first."""
    return (
        visible_to(user, ChangeRequest.objects.all())
        .select_related("organisation", "proposed_by", "decided_by")
        .order_by("-created_at")
    )


def review_queue() -> QuerySet[ChangeRequest]:
    """Requests waiting for a decision, oldest first (first come, first served)."""
    return (
        ChangeRequest.objects.filter(status=ChangeStatus.PENDING)
        .select_related("organisation", "proposed_by")
        .order_by("created_at")
    )


def recently_decided(limit: int = 20) -> QuerySet[ChangeRequest]:
    return (
        ChangeRequest.objects.exclude(status=ChangeStatus.PENDING)
        .select_related("organisation", "proposed_by", "decided_by")
        .order_by("-decided_at")[:limit]
    )


@dataclass
class StaleGroup:
    organisation: Organisation
    services: list[Service]
    editors: int


def stale_by_provider(on: datetime.date | None = None) -> list[StaleGroup]:
    """Active services nobody confirmed for the stale period, grouped by provider, with
    the last reminder sent and how many editors the provider has."""
    services = (
        Service.objects.filter(status=ServiceStatus.ACTIVE, organisation__is_active=True)
        .stale(on=on)
        .select_related("organisation")
        .annotate(last_reminder=Max("freshness_reminders__sent_at"))
        .order_by("organisation__name", "sort_name")
    )
    groups: dict[Any, StaleGroup] = {}
    for service in services:
        group = groups.get(service.organisation_id)
        if group is None:
            group = groups[service.organisation_id] = StaleGroup(service.organisation, [], 0)
        group.services.append(service)
    editors = dict(
        Organisation.objects.filter(pk__in=groups)
        .annotate(n=Count("memberships"))
        .values_list("pk", "n")
    )
    for pk, group in groups.items():
        group.editors = editors.get(pk, 0)
    return list(groups.values())


def change_request_for_page(pk: Any) -> ChangeRequest:
    return ChangeRequest.objects.select_related("organisation", "proposed_by", "decided_by").get(
        pk=pk
    )


def last_returned(service: Service) -> ChangeRequest | None:
    """The latest request about the service that the city returned for changes, if it is
    newer than any other request about it (so its comment still applies)."""
    latest = ChangeRequest.objects.filter(service=service).order_by("-created_at").first()
    return latest if latest is not None and latest.status == ChangeStatus.RETURNED else None
