"""Reading the directory for screens and the API. Public reads go through
``Service.objects.published()``."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from socioinfo.directory.models import (
    LifeSituation,
    OpeningException,
    OpeningRule,
    Organisation,
    RecordSource,
    Service,
    ServiceAtLocation,
)


@dataclass
class DirectoryOverview:
    services: int
    organisations: int
    districts: int
    demo: bool
    life_situations: list[LifeSituation]


def directory_overview() -> DirectoryOverview:
    """Counts for the start page: published services, their organisations and districts."""
    published = Service.objects.published()
    situations = list(LifeSituation.objects.filter(is_active=True))
    for situation in situations:
        situation.localized_name = situation.localized("name")  # type: ignore[attr-defined]
    return DirectoryOverview(
        services=published.count(),
        organisations=Organisation.objects.filter(services__in=published).distinct().count(),
        districts=published.exclude(locations__city_district=None)
        .values("locations__city_district")
        .distinct()
        .count(),
        demo=Organisation.objects.filter(source=RecordSource.DEMO).exists(),
        life_situations=situations,
    )


def _rule_valid_on(day: datetime.date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def _open_rows(at: datetime.datetime | None) -> tuple[QuerySet[Any], ...]:
    """The opening rules and exceptions that make their owner (a service, or a service at a
    place) open at ``at`` (default: now) in Europe/Prague time: a weekly rule of the day
    (or one from yesterday running past midnight) without an exception on its date, or an
    exception that opens it then."""
    local = timezone.localtime(at or timezone.now())
    day, clock = local.date(), local.time().replace(tzinfo=None)
    yesterday = day - datetime.timedelta(days=1)

    today_rules = OpeningRule.objects.filter(
        Q(weekday=day.weekday())
        & (Q(opens__lte=clock, closes__gt=clock) | Q(closes__lte=F("opens"), opens__lte=clock))
        & _rule_valid_on(day)
    ).exclude(Exists(_exceptions_for_rule_owner(day)))
    overnight_rules = OpeningRule.objects.filter(
        Q(weekday=yesterday.weekday(), closes__lte=F("opens"), closes__gt=clock)
        & _rule_valid_on(yesterday)
    ).exclude(Exists(_exceptions_for_rule_owner(yesterday)))
    open_exceptions = OpeningException.objects.filter(
        date=day, is_closed=False, opens__lte=clock, closes__gt=clock
    )
    return today_rules, overnight_rules, open_exceptions


def services_open_now(
    at: datetime.datetime | None = None, services: QuerySet[Service] | None = None
) -> QuerySet[Service]:
    """Services open at ``at`` (default: now) by their own hours or those of any of their
    places. Defaults to published services."""
    condition = Q()
    for rows in _open_rows(at):
        condition |= Q(Exists(rows.filter(service=OuterRef("pk")))) | Q(
            Exists(rows.filter(service_at_location__service=OuterRef("pk")))
        )
    services = services if services is not None else Service.objects.published()
    return services.filter(condition)


def places_open_now(
    at: datetime.datetime | None, places: QuerySet[ServiceAtLocation]
) -> QuerySet[ServiceAtLocation]:
    """The services at places (of ``places``) open at ``at`` by the place's own hours."""
    condition = Q()
    for rows in _open_rows(at):
        condition |= Q(Exists(rows.filter(service_at_location=OuterRef("pk"))))
    return places.filter(condition)


def _exceptions_for_rule_owner(day: datetime.date) -> QuerySet[OpeningException]:
    """Exceptions on ``day`` for the same owner as the outer OpeningRule."""
    return OpeningException.objects.filter(date=day).filter(
        Q(service__isnull=False, service=OuterRef("service"))
        | Q(service_at_location__isnull=False, service_at_location=OuterRef("service_at_location"))
    )
