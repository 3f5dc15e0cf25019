"""What the public pages show, read from the directory (published records only)."""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from socioinfo.directory.models import (
    OpeningException,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
)
from socioinfo.directory.models.schedule import Weekday
from socioinfo.directory.selectors import services_open_now


@dataclass
class DayHours:
    weekday: int
    label: str
    spans: list[str]


@dataclass
class Hours:
    """Weekly hours of a service at a place (or of the service itself), with exceptions."""

    days: list[DayHours]
    nonstop: bool
    exceptions: list[OpeningException] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(day.spans for day in self.days) and not self.nonstop


def _span(rule: OpeningRule) -> str:
    text = (
        _("all day")
        if rule.opens == rule.closes == datetime.time(0)
        else f"{rule.opens:%H:%M}–{rule.closes:%H:%M}"
    )
    return f"{text} ({rule.note})" if rule.note else text


def weekly_hours(rules: list[OpeningRule], exceptions: list[OpeningException]) -> Hours:
    today = timezone.localdate()
    current = [
        r
        for r in rules
        if (r.valid_from is None or r.valid_from <= today)
        and (r.valid_to is None or r.valid_to >= today)
    ]
    days = []
    for weekday, label in Weekday.choices:
        spans = [_span(r) for r in sorted(current, key=lambda r: r.opens) if r.weekday == weekday]
        days.append(DayHours(weekday, str(label), spans))
    nonstop = len(current) > 0 and all(
        any(r.weekday == d and r.opens == r.closes == datetime.time(0) for r in current)
        for d in range(7)
    )
    upcoming = [e for e in exceptions if today <= e.date <= today + datetime.timedelta(days=45)]
    return Hours(days, nonstop, sorted(upcoming, key=lambda e: e.date))


@dataclass
class PlaceWithHours:
    link: ServiceAtLocation
    hours: Hours


@dataclass
class ServicePage:
    service: Service
    places: list[PlaceWithHours]
    own_hours: Hours | None
    open_now: bool
    has_hours: bool
    related: list[Service]
    stale: bool


def published_services() -> QuerySet[Service]:
    return Service.objects.published()


def service_page(pk: Any, at: datetime.datetime | None = None) -> ServicePage:
    service = get_object_or_404(
        published_services()
        .select_related("organisation", "service_type")
        .prefetch_related(
            "forms",
            "languages",
            "target_groups",
            "age_groups",
            "accessibility_features",
            "areas_served",
            "contacts",
            "organisation__contacts",
            "openingrules",
            "openingexceptions",
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related(
                    "location", "location__city_district"
                ).prefetch_related(
                    "openingrules",
                    "openingexceptions",
                    "location__accessibility_features",
                    "location__contacts",
                ),
            ),
        ),
        pk=pk,
    )
    places = [
        PlaceWithHours(
            link, weekly_hours(list(link.openingrules.all()), list(link.openingexceptions.all()))
        )
        for link in service.service_at_locations.all()
    ]
    own_rules = list(service.openingrules.all())
    own_hours = (
        weekly_hours(own_rules, list(service.openingexceptions.all())) if own_rules else None
    )
    has_hours = bool(own_rules) or any(not p.hours.empty for p in places)
    open_now = services_open_now(at, Service.objects.filter(pk=service.pk)).exists()
    related = (
        list(
            published_services()
            .filter(service_type=service.service_type)
            .exclude(pk=service.pk)
            .select_related("organisation")
            .order_by("sort_name", "pk")[:5]
        )
        if service.service_type_id
        else []
    )
    limit = timezone.localdate() - datetime.timedelta(days=settings.SOCIOINFO_STALE_AFTER_DAYS)
    stale = service.last_verified_on is None or service.last_verified_on < limit
    return ServicePage(service, places, own_hours, open_now, has_hours, related, stale)


def organisation_page(pk: Any) -> tuple[Organisation, list[Service]]:
    organisation = get_object_or_404(
        Organisation.objects.filter(is_active=True).prefetch_related("contacts", "locations"),
        pk=pk,
    )
    services = list(
        published_services()
        .filter(organisation=organisation)
        .select_related("service_type")
        .order_by("sort_name", "pk")
    )
    if not services:
        # An organisation with nothing published has no public page.
        get_object_or_404(Organisation.objects.none(), pk=pk)
    return organisation, services


def socio_info_centre() -> ServicePage | None:
    """The city's information and advice point, shown on every start page."""
    pk = settings.SOCIOINFO_CENTRE_SERVICE_ID
    if not pk or not published_services().filter(pk=pk).exists():
        return None
    return service_page(pk)


def sitemap_urls(request: Any) -> list[dict[str, Any]]:
    from django.urls import reverse

    from socioinfo.directory.models import LifeSituation

    def url(name: str, *args: Any) -> str:
        return request.build_absolute_uri(reverse(name, args=args))

    urls: list[dict[str, Any]] = [
        {"loc": url(name)}
        for name in (
            "portal:home",
            "portal:situations",
            "portal:search",
            "portal:centre",
            "portal:accessibility",
        )
    ]
    urls += [
        {"loc": url("portal:situation", s.slug)}
        for s in LifeSituation.objects.filter(is_active=True)
    ]
    services = published_services().only("pk", "updated_at").order_by("sort_name", "pk")
    urls += [{"loc": url("portal:service", s.pk), "lastmod": s.updated_at.date()} for s in services]
    organisations = Organisation.objects.filter(
        is_active=True, services__in=published_services()
    ).distinct()
    urls += [
        {"loc": url("portal:organisation", o.pk)} for o in organisations.order_by("name", "pk")
    ]
    return urls


def districts_geojson() -> str:
    """Simplified outlines of Brno's districts for the map (about 40 KB), cached in memory
    until areas change."""
    from socioinfo.areas.selectors import area_index, brno_city_districts

    return _districts_geojson(
        id(area_index("city_district")), tuple(brno_city_districts().values_list("pk", flat=True))
    )


@lru_cache(maxsize=2)
def _districts_geojson(index_id: int, pks: tuple[Any, ...]) -> str:
    import json

    import shapely
    from shapely.geometry import mapping

    from socioinfo.areas.geometry import geometry_from_geojson
    from socioinfo.areas.models import Area

    features = []
    for area in Area.objects.filter(pk__in=pks).order_by("code"):
        geometry = shapely.set_precision(
            geometry_from_geojson(area.geometry or {}).simplify(0.0004, preserve_topology=True),
            0.00001,
        )
        features.append(
            {
                "type": "Feature",
                "properties": {"name": area.name, "code": area.code},
                "geometry": mapping(geometry),
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
