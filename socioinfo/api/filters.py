"""The query parameters of the HSDS API reference, read from a request and applied (combined
with AND). A parameter that cannot be read raises ``BadRequest`` with a sentence that says
what to fix; the views turn it into a 400."""

import datetime
import re
import uuid
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db.models import Avg
from django.http import HttpRequest
from django.utils.dateparse import parse_date, parse_datetime

from socioinfo.api.codelists import code_lists
from socioinfo.api.taxonomies import TAXONOMIES, all_terms, form_term_id
from socioinfo.areas.geometry import great_circle_m
from socioinfo.directory.models import Location, Service, ServiceAtLocation
from socioinfo.directory.models.taxonomy import ServiceForm

MAX_PROXIMITY_M = 100_000
POSTCODE = re.compile(r"^\d{5}$")


class BadRequest(Exception):
    pass


def flag(request: HttpRequest, name: str) -> bool:
    value = request.GET.get(name, "").lower()
    if value in ("", "false", "0", "no"):
        return False
    if value in ("true", "1", "yes"):
        return True
    raise BadRequest(f"{name} must be true or false, not {value!r}.")


def integer(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError as error:
        raise BadRequest(f"{name} must be a whole number, not {raw!r}.") from error
    if not low <= value <= high:
        raise BadRequest(f"{name} must be between {low} and {high}.")
    return value


def wants_ndjson(request: HttpRequest) -> bool:
    value = request.GET.get("format", "")
    if value not in ("", "json", "ndjson"):
        raise BadRequest("format must be json or ndjson.")
    return value == "ndjson"


def _uuid(request: HttpRequest, name: str) -> str | None:
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError as error:
        raise BadRequest(f"{name} must be a UUID, not {value!r}.") from error


def modified_after(request: HttpRequest) -> datetime.datetime | None:
    raw = request.GET.get("modified_after", "").strip()
    if not raw:
        return None
    try:
        moment = parse_datetime(raw)
        day = None if moment else parse_date(raw)
    except ValueError:
        moment = day = None
    if moment is None and day is None:
        raise BadRequest("modified_after must be an ISO 8601 date or date-time.")
    if moment is None:
        assert day is not None
        return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Area:
    """Where places must lie: with a postcode, or within ``metres`` of a centre."""

    postcode: str
    latitude: float | None = None
    longitude: float | None = None
    metres: int | None = None

    def distances_m(self, latitudes: np.ndarray, longitudes: np.ndarray) -> np.ndarray:
        assert self.latitude is not None and self.longitude is not None
        return great_circle_m(self.latitude, self.longitude, latitudes, longitudes)


def area(request: HttpRequest) -> Area | None:
    """``postcode`` alone: places with that postcode. With ``proximity`` (metres): places
    within that distance of the centre of our places with that postcode, as the HSDS API
    reference defines it (we have no postcode gazetteer, so the centre is our own places')."""
    raw = request.GET.get("postcode", "")
    proximity = request.GET.get("proximity", "").strip()
    if not raw.strip():
        if proximity:
            raise BadRequest("proximity needs a postcode to measure from, e.g. postcode=60200.")
        return None
    postcode = raw.replace(" ", "")
    if not POSTCODE.match(postcode):
        raise BadRequest(f"postcode must be a Czech postcode of five digits, not {raw!r}.")
    if not proximity:
        return Area(postcode)
    metres = integer(request, "proximity", 0, 1, MAX_PROXIMITY_M)
    centre = Location.objects.filter(postcode=postcode, latitude__isnull=False).aggregate(
        lat=Avg("latitude"), lon=Avg("longitude")
    )
    if centre["lat"] is None:
        raise BadRequest(
            f"No place in the directory has the postcode {postcode}, so there is no centre to "
            "measure proximity from; leave out proximity or try a neighbouring postcode."
        )
    return Area(postcode, centre["lat"], centre["lon"], metres)


def _term_kind(term_id: str) -> tuple[str, Any]:
    """Which code list a taxonomy term id belongs to, and its value there."""
    lists = code_lists()
    if term_id in lists.types:
        return "service_type", term_id
    if term_id in lists.groups:
        return "target_group", term_id
    if term_id in lists.ages:
        return "age_group", term_id
    for value, _label in ServiceForm.choices:
        if form_term_id(value) == term_id:
            return "form", value
    for term in all_terms():
        if term["id"] == term_id and term["code"] == "§32":
            return "group", term["name"]
    raise BadRequest(f"No taxonomy term has the id {term_id!r}; see /api/hsds/taxonomy_terms.")


TAXONOMY_FACETS = {
    "cz-social-service-types": "service_type",
    "cz-target-groups": "target_group",
    "cz-service-forms": "form",
}


def service_ids(request: HttpRequest, with_area: bool = True) -> list[Any]:
    """Ids of published services matching the service parameters (AND), in the API's order:
    relevance for a search, else name. Words, code lists and distance run on the search
    engine; organisation, modification time, postcode and age group on the database.
    ``with_area=False`` leaves postcode and proximity to the caller (places are filtered one
    by one on /service_at_locations)."""
    from socioinfo.search.query import SearchParams, select

    selection = select(SearchParams(text=request.GET.get("search", "").strip()))
    engine = selection.engine
    mask = selection.mask()
    database = Service.objects.published()
    narrowed = False
    if term_id := _uuid(request, "taxonomy_term_id"):
        kind, value = _term_kind(term_id)
        if kind == "group":
            types = [t.pk for t in code_lists().types.values() if t.group == value]
            mask &= engine.members("service_type", types)
        elif kind == "age_group":
            database, narrowed = database.filter(age_groups=value), True
        else:
            mask &= engine.members(kind, [value])
    if taxonomy_id := request.GET.get("taxonomy_id", "").strip():
        known = {t.id: t for t in TAXONOMIES}
        if taxonomy_id not in known:
            raise BadRequest(f"No taxonomy has the id {taxonomy_id!r}; see /api/hsds/taxonomies.")
        slug = known[taxonomy_id].slug
        if slug in TAXONOMY_FACETS:
            facet = TAXONOMY_FACETS[slug]
            mask &= engine.members(facet, list(engine.postings[facet]))
        else:
            database, narrowed = database.filter(age_groups__isnull=False).distinct(), True
    if organization_id := _uuid(request, "organization_id"):
        database, narrowed = database.filter(organisation_id=organization_id), True
    if moment := modified_after(request):
        database, narrowed = database.filter(updated_at__gte=moment), True
    where = area(request)
    if where is not None and with_area:
        if where.metres is None:
            database = database.filter(
                service_at_locations__location__postcode=where.postcode
            ).distinct()
            narrowed = True
        else:
            assert where.latitude is not None and where.longitude is not None
            near = engine.distances(mask, where.latitude, where.longitude)
            mask &= near <= where.metres / 1000
    if narrowed:
        mask &= engine.mask_of(database.values_list("pk", flat=True))
    candidates = np.flatnonzero(mask)
    ranks = engine.rank[candidates]
    if selection.words:
        order = np.lexsort((ranks, -selection.scores[candidates]))
    else:
        order = np.argsort(ranks, kind="stable")
    return [engine.ids[int(candidates[i])] for i in order]


def service_at_location_ids(request: HttpRequest) -> list[Any]:
    """Ids of the places of matching services, in the services' order (then by id), keeping
    only places with the postcode or within the proximity asked for."""
    order = {pk: n for n, pk in enumerate(service_ids(request, with_area=False))}
    where = area(request)
    rows = [
        row
        for row in ServiceAtLocation.objects.filter(service_id__in=Service.objects.published())
        .values_list(
            "pk", "service_id", "location__postcode", "location__latitude", "location__longitude"
        )
        .iterator(chunk_size=5000)
        if row[1] in order
    ]
    if where is not None and where.metres is None:
        rows = [row for row in rows if row[2] == where.postcode]
    elif where is not None:
        placed = [row for row in rows if row[3] is not None and row[4] is not None]
        distances = where.distances_m(
            np.array([row[3] for row in placed], dtype=np.float64),
            np.array([row[4] for row in placed], dtype=np.float64),
        )
        rows = [
            row for row, metres in zip(placed, distances, strict=True) if metres <= where.metres
        ]
    rows.sort(key=lambda row: (order[row[1]], str(row[0])))
    return [row[0] for row in rows]
