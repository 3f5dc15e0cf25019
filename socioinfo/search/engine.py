"""The search engine: the term index and the facets of every active service, held in memory as
NumPy arrays, so a query with words, filters, distance order and facet counts takes
milliseconds even at 100,000 services (docs/benchmarks.md), the same on every database.

The database stays the source of truth: the engine is built from ``SearchTerm`` rows and the
directory tables, and rebuilt when a version number in Django's cache changes (every index or
facet change bumps it, see ``signals.py``). A small directory is rebuilt at once; a large one
is rebuilt in a background thread while the previous engine keeps answering, so a change
shows up within seconds without making anyone wait.
"""

import datetime
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.core.cache import cache
from django.db import connection, transaction

from socioinfo.areas.geometry import great_circle_m

VERSION_KEY = "socioinfo:search:version"
# Up to this many services the engine is rebuilt in the request that finds it stale.
SYNC_REBUILD_LIMIT = 20_000
# Facets and the relation each is read from.
FACETS = ("service_type", "target_group", "district", "form", "language", "feature")
NO_DATE_FROM = 0
NO_DATE_TO = 10**7


def _key(value: Any) -> str:
    """Service ids as the database returns them (UUID on PostgreSQL, hex text on SQLite)."""
    if isinstance(value, uuid.UUID):
        return value.hex
    return str(value).replace("-", "")


@dataclass
class Engine:
    version: int
    ids: list[uuid.UUID]
    position: dict[str, int]
    valid_from: np.ndarray
    valid_to: np.ndarray
    rank: np.ndarray
    postings: dict[str, dict[Any, np.ndarray]]
    terms: dict[str, tuple[np.ndarray, np.ndarray]]
    location_service: np.ndarray
    location_lat: np.ndarray
    location_lon: np.ndarray
    synonym_groups: tuple[tuple[frozenset[str], ...], ...] = ()
    phrases: tuple[tuple[tuple[str, ...], int], ...] = ()
    sorted_terms: tuple[str, ...] = field(default=())

    @property
    def size(self) -> int:
        return len(self.ids)

    def published(self, today: datetime.date) -> np.ndarray:
        day = today.toordinal()
        return (self.valid_from <= day) & (self.valid_to >= day)

    def members(self, facet: str, values: Iterable[Any]) -> np.ndarray:
        """A mask of the services that have any of the values in the facet."""
        mask = np.zeros(self.size, dtype=bool)
        for value in values:
            found = self.postings[facet].get(_key(value))
            if found is not None:
                mask[found] = True
        return mask

    def mask_of(self, service_ids: Iterable[Any]) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        positions = [self.position.get(_key(pk)) for pk in service_ids]
        mask[[p for p in positions if p is not None]] = True
        return mask

    def term_scores(self, groups: list[tuple[set[str], int]]) -> tuple[np.ndarray, np.ndarray]:
        """Scores from terms with their factors, and a mask of the services any term hit."""
        scores = np.zeros(self.size, dtype=np.int64)
        hit = np.zeros(self.size, dtype=bool)
        for term_set, factor in groups:
            for term in term_set:
                found = self.terms.get(term)
                if found is None:
                    continue
                services, weights = found
                np.add.at(scores, services, weights.astype(np.int64) * factor)
                hit[services] = True
        return scores, hit

    def distances(self, candidates: np.ndarray, latitude: float, longitude: float) -> np.ndarray:
        """Kilometres from the point to each service's nearest place (inf without a place)."""
        result = np.full(self.size, np.inf)
        chosen = candidates[self.location_service]
        services = self.location_service[chosen]
        metres = great_circle_m(
            latitude, longitude, self.location_lat[chosen], self.location_lon[chosen]
        )
        np.minimum.at(result, services, metres / 1000)
        return result


def _read_terms(table: str, position: dict[Any, int]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """term → (service positions, weights). A plain scan in table order: reading in term order
    through the index is slower, since the index does not hold the weight."""
    collected: dict[str, tuple[list[int], list[int]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT term, {_text('service_id')}, weight FROM {table}")  # noqa: S608
        lookup = position.get
        while chunk := cursor.fetchmany(100_000):
            for term, service_id, weight in chunk:
                i = lookup(service_id)
                if i is None:
                    continue
                entry = collected.get(term)
                if entry is None:
                    entry = collected[term] = ([], [])
                entry[0].append(i)
                entry[1].append(weight)
    return {
        term: (np.array(services, dtype=np.int32), np.array(weights, dtype=np.int16))
        for term, (services, weights) in collected.items()
    }


_lock = threading.Lock()
_state: dict[str, Any] = {"engine": None, "building": False}


def _increment() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def bump_version() -> None:
    """Tell every process that the index or the facets changed: now (this process may search
    before the transaction ends) and again when the transaction commits (another process may
    have rebuilt from the data as it was before the commit)."""
    _increment()
    if connection.in_atomic_block:
        transaction.on_commit(_increment)


def current_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.set(VERSION_KEY, 0, None)
        return 0
    return int(version)


class PerVersion:
    """Values computed once per directory version and key (e.g. per language): labels,
    filter choices, resolved places. Any change to the directory clears them."""

    def __init__(self, limit: int = 2000) -> None:
        self.limit = limit
        self._version: int | None = None
        self._values: dict[Any, Any] = {}

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        version = current_version()
        if version != self._version or len(self._values) >= self.limit:
            self._values.clear()
            self._version = version
        if key not in self._values:
            self._values[key] = compute()
        return self._values[key]


def engine() -> Engine:
    """The engine for the current version (see the module's docstring for when it waits)."""
    version = current_version()
    current: Engine | None = _state["engine"]
    if current is not None and current.version == version:
        return current
    if current is not None and current.size > SYNC_REBUILD_LIMIT:
        with _lock:
            if not _state["building"]:
                _state["building"] = True
                threading.Thread(
                    target=_rebuild_in_background, args=(version,), daemon=True
                ).start()
        return current
    built = build(version)
    _state["engine"] = built
    return built


def _rebuild_in_background(version: int) -> None:
    try:
        _state["engine"] = build(version)
    finally:
        _state["building"] = False
        connection.close()


def forget_engine() -> None:
    """Drop this process's engine (tests that swap databases)."""
    _state["engine"] = None


def _rows(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _ordinal(value: Any, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, datetime.date):
        return value.toordinal()
    return datetime.date.fromisoformat(str(value)).toordinal()


def _relation(through: Any, value_field: str) -> str:
    meta = through._meta
    service = meta.get_field("service").column
    value = meta.get_field(value_field).column
    return f"SELECT {_text(service)}, {value} FROM {meta.db_table}"  # noqa: S608 - our own names


def _text(column: str) -> str:
    """Ids read as text: PostgreSQL would otherwise build a UUID object for each of millions
    of rows (about 20 s at 100,000 services)."""
    return f"CAST({column} AS TEXT)"


def build(version: int) -> Engine:
    """Read the engine from the database with raw queries: at 100,000 services that is about
    3 million term rows, and converting each through the ORM would take most of a minute."""
    from socioinfo.areas.models import Area
    from socioinfo.directory.models import (
        Location,
        Organisation,
        Service,
        ServiceAtLocation,
        ServiceFormOffer,
        ServiceStatus,
    )
    from socioinfo.search.models import SearchTerm, SynonymGroup
    from socioinfo.search.text import terms, unaccent, words

    service_table, organisation_table = Service._meta.db_table, Organisation._meta.db_table
    rows = _rows(
        f"SELECT {_text('s.id')}, s.valid_from, s.valid_to, s.sort_name, s.service_type_id "  # noqa: S608
        f"FROM {service_table} s JOIN {organisation_table} o ON o.id = s.organisation_id "
        f"WHERE s.status = %s AND o.is_active",
        (ServiceStatus.ACTIVE.value,),
    )
    raw_position = {row[0]: i for i, row in enumerate(rows)}
    ids = [uuid.UUID(_key(row[0])) for row in rows]
    position = {pk.hex: i for i, pk in enumerate(ids)}
    valid_from = np.array([_ordinal(row[1], NO_DATE_FROM) for row in rows], dtype=np.int32)
    valid_to = np.array([_ordinal(row[2], NO_DATE_TO) for row in rows], dtype=np.int32)
    order = sorted(range(len(rows)), key=lambda i: (rows[i][3] or "", ids[i].hex))
    rank = np.empty(len(rows), dtype=np.int32)
    rank[order] = np.arange(len(rows), dtype=np.int32)

    pairs: dict[str, dict[Any, list[int]]] = {facet: defaultdict(list) for facet in FACETS}

    def add_all(facet: str, found: Iterable[tuple[Any, Any]]) -> None:
        by_value = pairs[facet]
        lookup = raw_position.get
        for service_id, value in found:
            i = lookup(service_id)
            if i is not None and value is not None:
                by_value[_key(value)].append(i)

    add_all("service_type", ((row[0], row[4]) for row in rows))
    add_all("target_group", _rows(_relation(Service.target_groups.through, "targetgroup")))
    add_all("language", _rows(_relation(Service.languages.through, "language")))
    add_all("form", _rows(_relation(ServiceFormOffer, "form")))
    add_all(
        "feature",
        _rows(_relation(Service.accessibility_features.through, "accessibilityfeature")),
    )
    link_table = ServiceAtLocation._meta.db_table
    location_table = Location._meta.db_table
    features_through = Location.accessibility_features.through._meta
    add_all(
        "feature",
        _rows(
            f"SELECT {_text('l.service_id')}, "  # noqa: S608
            f"f.{features_through.get_field('accessibilityfeature').column} "
            f"FROM {link_table} l JOIN {features_through.db_table} f "
            f"ON f.{features_through.get_field('location').column} = l.location_id"
        ),
    )
    location_rows = _rows(
        f"SELECT {_text('l.service_id')}, p.city_district_id, p.latitude, p.longitude "  # noqa: S608
        f"FROM {link_table} l JOIN {location_table} p ON p.id = l.location_id"
    )
    add_all("district", ((row[0], row[1]) for row in location_rows))
    children: dict[str, list[Any]] = defaultdict(list)
    for area_id, parent_id in Area.objects.values_list("pk", "parent_id"):
        if parent_id is not None:
            children[_key(parent_id)].append(area_id)
    served = _rows(_relation(Service.areas_served.through, "area"))
    # Serving a city means serving each of its districts.
    add_all(
        "district",
        (
            (service_id, area)
            for service_id, area_id in served
            for area in [area_id, *children.get(_key(area_id), [])]
        ),
    )
    placed = [
        (raw_position[s], float(lat), float(lon))
        for s, _d, lat, lon in location_rows
        if lat is not None and s in raw_position
    ]

    postings = {
        facet: {
            value: np.unique(np.array(found, dtype=np.int32)) for value, found in by_value.items()
        }
        for facet, by_value in pairs.items()
    }

    term_arrays = _read_terms(SearchTerm._meta.db_table, raw_position)

    groups = []
    phrases = []
    for group in SynonymGroup.objects.filter(is_active=True).only("words"):
        members = tuple(m for m in (frozenset(terms(w)) for w in group.word_list) if m)
        groups.append(members)
        for member in group.word_list:
            member_words = tuple(unaccent(w) for w in words(member))
            if len(member_words) > 1:
                phrases.append((member_words, len(groups) - 1))
    phrases.sort(key=lambda item: -len(item[0]))

    return Engine(
        version=version,
        ids=ids,
        position=position,
        valid_from=valid_from,
        valid_to=valid_to,
        rank=rank,
        postings=postings,
        terms=term_arrays,
        location_service=np.array([p[0] for p in placed], dtype=np.int32),
        location_lat=np.array([p[1] for p in placed], dtype=np.float64),
        location_lon=np.array([p[2] for p in placed], dtype=np.float64),
        synonym_groups=tuple(groups),
        phrases=tuple(phrases),
        sorted_terms=tuple(sorted(term_arrays)),
    )
