"""What the versioned read API (/api/v1/) returns, in Socioinfo's own shape: services with
structured opening hours and "open now", city districts with their service counts, and life
situations with what helps in them. Published records only; texts in the language asked for
(falling back to Czech)."""

import datetime
from collections.abc import Callable
from typing import Any

import numpy as np
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.directory.models import (
    AccessibilityFeature,
    Language,
    LifeSituation,
    OpeningException,
    OpeningRule,
    Service,
    ServiceAtLocation,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.selectors import places_open_now, services_open_now
from socioinfo.search.engine import engine
from socioinfo.search.query import SearchParams, count, select

TIME_ZONE = "Europe/Prague"
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
Url = Callable[[str], str]


def ranked_service_ids(params: SearchParams, open_at: datetime.datetime | None) -> list[Any]:
    """Ids of the services published today that match ``params`` (relevance first for words,
    else by name), narrowed to those open at ``open_at`` when it is given."""
    selection = select(params)
    eng = selection.engine
    mask = selection.mask()
    if open_at is not None:
        open_ids = services_open_now(open_at, Service.objects.published())
        mask &= eng.mask_of(open_ids.values_list("pk", flat=True))
    candidates = np.flatnonzero(mask)
    if selection.words:
        order = np.lexsort((eng.rank[candidates], -selection.scores[candidates]))
    else:
        order = np.argsort(eng.rank[candidates], kind="stable")
    return [eng.ids[int(candidates[i])] for i in order]


def _time(value: datetime.time | None) -> str | None:
    return None if value is None else f"{value:%H:%M}"


def opening_hours(
    rules: list[OpeningRule], exceptions: list[OpeningException], today: datetime.date
) -> dict[str, Any]:
    """Weekly rules still valid on ``today`` and the exceptions from ``today`` on, in Prague
    local time. A rule that closes at or before it opens runs past midnight; 00:00–00:00 is
    the whole day (given as 00:00–24:00)."""
    weekly = [
        {
            "day": DAYS[rule.weekday],
            "opens": _time(rule.opens),
            "closes": "24:00"
            if rule.opens == rule.closes == datetime.time(0)
            else _time(rule.closes),
            "overnight": rule.closes <= rule.opens and rule.closes != datetime.time(0),
            "valid_from": rule.valid_from.isoformat() if rule.valid_from else None,
            "valid_to": rule.valid_to.isoformat() if rule.valid_to else None,
            "note": rule.note,
        }
        for rule in sorted(rules, key=lambda r: (r.weekday, r.opens))
        if rule.valid_to is None or rule.valid_to >= today
    ]
    dated = [
        {
            "date": item.date.isoformat(),
            "closed": item.is_closed,
            "opens": None if item.is_closed else _time(item.opens),
            "closes": None if item.is_closed else _time(item.closes),
            "note": item.note,
        }
        for item in sorted(exceptions, key=lambda e: (e.date, e.opens or datetime.time(0)))
        if item.date >= today
    ]
    return {"time_zone": TIME_ZONE, "weekly": weekly, "exceptions": dated}


def _code(item: Any, lang: str, key: str = "slug") -> dict[str, Any]:
    return {key: getattr(item, key), "name": item.localized("name", lang).text}


def _district(area: Area | None) -> dict[str, str] | None:
    return None if area is None else {"code": area.code, "name": area.name}


def _place(
    link: ServiceAtLocation, today: datetime.date, lang: str, open_places: set[Any]
) -> dict[str, Any]:
    location = link.location
    rules, exceptions = list(link.openingrules.all()), list(link.openingexceptions.all())
    return {
        "id": str(link.pk),
        "location_id": str(location.pk),
        "name": location.localized("name", lang).text,
        "address": location.address,
        "street": f"{location.street} {location.house_number}".strip(),
        "postcode": location.postcode,
        "city": location.city,
        "district": _district(location.city_district),
        "latitude": location.latitude,
        "longitude": location.longitude,
        "note": link.note,
        # By the place's own hours; null where it has none (the service's own hours apply).
        "open_now": (link.pk in open_places) if rules or exceptions else None,
        "opening_hours": opening_hours(rules, exceptions, today),
    }


def service_items(
    ids: list[Any], at: datetime.datetime, lang: str, url: Url
) -> list[dict[str, Any]]:
    """The services of ``ids`` in that order, each with its places, opening hours and whether
    it is open at ``at``; ``url`` makes a path absolute."""
    today = timezone.localdate()
    places = (
        ServiceAtLocation.objects.order_by("location__name", "pk")
        .select_related("location", "location__city_district")
        .defer("location__city_district__geometry")
        .prefetch_related("openingrules", "openingexceptions")
    )
    found = {
        s.pk: s
        for s in Service.objects.filter(pk__in=ids)
        .select_related("organisation", "service_type")
        .prefetch_related(
            "forms",
            "target_groups",
            "languages",
            "contacts",
            "openingrules",
            "openingexceptions",
            Prefetch("service_at_locations", queryset=places),
        )
    }
    open_ids = set(
        services_open_now(at, Service.objects.filter(pk__in=ids)).values_list("pk", flat=True)
    )
    open_places = set(
        places_open_now(at, ServiceAtLocation.objects.filter(service_id__in=ids)).values_list(
            "pk", flat=True
        )
    )
    items = []
    for pk in ids:
        service = found.get(pk)
        if service is None:
            continue
        links = list(service.service_at_locations.all())
        districts = {
            link.location.city_district.code: link.location.city_district
            for link in links
            if link.location.city_district is not None
        }
        items.append(
            {
                "id": str(service.pk),
                "name": service.localized("name", lang).text,
                "description": service.localized("description", lang).text,
                "eligibility": service.localized("eligibility", lang).text,
                "fees": service.localized("fees", lang).text,
                "free_of_charge": service.is_free,
                "organization": {
                    "id": str(service.organisation_id),
                    "name": service.organisation.name,
                    "ico": service.organisation.ico or None,
                },
                "service_type": (
                    None
                    if service.service_type is None
                    else {
                        "slug": service.service_type.slug,
                        "section": service.service_type.paragraph or None,
                        "name": service.service_type.localized("name", lang).text,
                    }
                ),
                "forms": [
                    {
                        "form": offer.form,
                        "capacity": offer.capacity,
                        "capacity_unit": offer.capacity_unit or None,
                        "non_stop": offer.continuous,
                    }
                    for offer in service.forms.all()
                ],
                "target_groups": [_code(g, lang) for g in service.target_groups.all()],
                "languages": [_code(x, lang, "code") for x in service.languages.all()],
                "districts": [_district(districts[code]) for code in sorted(districts)],
                "contacts": [
                    {"kind": c.kind, "value": c.value, "note": c.note}
                    for c in sorted(service.contacts.all(), key=lambda c: (c.order, c.kind))
                ],
                "last_verified": (
                    service.last_verified_on.isoformat() if service.last_verified_on else None
                ),
                "open_now": service.pk in open_ids,
                "opening_hours": opening_hours(
                    list(service.openingrules.all()), list(service.openingexceptions.all()), today
                ),
                "places": [_place(link, today, lang, open_places) for link in links],
                "links": {
                    "portal": url(reverse("portal:service", args=[service.pk])),
                    "hsds": url(reverse("api:service", args=[service.pk])),
                },
            }
        )
    return items


def _published_counts(facet: str, keys: list[Any]) -> dict[Any, int]:
    eng = engine()
    published = eng.published(timezone.localdate())
    return {key: int(np.count_nonzero(eng.members(facet, [key]) & published)) for key in keys}


def districts(with_geometry: bool = False, code: str | None = None) -> list[Area]:
    """City districts (městské části) in the order of their official codes (only the one with
    ``code`` when it is given); their outlines are read only when asked for."""
    areas = Area.objects.filter(level=AreaLevel.CITY_DISTRICT).select_related("parent")
    if code is not None:
        areas = areas.filter(code=code)
    areas = areas.defer("parent__geometry")
    if not with_geometry:
        areas = areas.defer("geometry")
    return list(areas.order_by("code"))


def district_items(areas: list[Area], with_geometry: bool, url: Url) -> list[dict[str, Any]]:
    """City districts with their population and the number of published services there
    (with a place in the district or serving it)."""
    counts = _published_counts("district", [a.pk for a in areas])
    items = []
    for area in areas:
        item = {
            "code": area.code,
            "name": area.name,
            "level": area.level,
            "municipality": _district(area.parent),
            "population": area.population,
            "population_year": area.population_year,
            "services": counts[area.pk],
            "links": {
                "services": url(reverse("api_v1:services") + f"?district={area.code}"),
                "portal": url(reverse("portal:search") + f"?district={area.code}"),
            },
        }
        if with_geometry:
            item["geometry"] = area.geometry
        items.append(item)
    return items


def life_situations() -> list[LifeSituation]:
    """The life situations shown on the portal, in their order."""
    return list(
        LifeSituation.objects.filter(is_active=True).prefetch_related(
            "service_types", "target_groups"
        )
    )


def life_situation_items(
    situations: list[LifeSituation], lang: str, url: Url
) -> list[dict[str, Any]]:
    """Life situations with the service types and target groups that help, and the number of
    published services that match (the portal's situation page lists the same ones)."""
    items = []
    for situation in situations:
        items.append(
            {
                "slug": situation.slug,
                "name": situation.localized("name", lang).text,
                "summary": situation.localized("summary", lang).text,
                "service_types": [
                    {
                        "slug": t.slug,
                        "section": t.paragraph or None,
                        "name": t.localized("name", lang).text,
                    }
                    for t in situation.service_types.all()
                ],
                "target_groups": [_code(g, lang) for g in situation.target_groups.all()],
                "services": count(SearchParams(situation=situation)),
                "links": {
                    "services": url(reverse("api_v1:services") + f"?situation={situation.slug}"),
                    "portal": url(reverse("portal:situation", args=[situation.slug])),
                },
            }
        )
    return items


# URL parameter of /api/v1/services → (field of SearchParams, code list, key in the URL)
FILTERS: dict[str, tuple[str, Callable[[], Any], str]] = {
    "situation": ("situation", lambda: LifeSituation.objects.filter(is_active=True), "slug"),
    "service_type": ("service_type", lambda: ServiceType.objects.all(), "slug"),
    "target_group": ("target_group", lambda: TargetGroup.objects.all(), "slug"),
    "district": (
        "district",
        lambda: Area.objects.filter(level=AreaLevel.CITY_DISTRICT).defer("geometry"),
        "code",
    ),
    "language": ("language", lambda: Language.objects.all(), "code"),
    "accessibility": ("feature", lambda: AccessibilityFeature.objects.all(), "code"),
}


def filter_keys(name: str) -> list[str]:
    """Every value the filter ``name`` accepts, sorted."""
    _field, queryset, key = FILTERS[name]
    return sorted(queryset().values_list(key, flat=True))


def filter_value(name: str, value: str) -> Any:
    """The code-list row the filter ``name`` names by ``value``, or None."""
    _field, queryset, key = FILTERS[name]
    return queryset().filter(**{key: value}).first()
