"""Synthetic directory data for benchmarks: N services in Brno, fast.

    python bench/generate_services.py --count 100000      # into DATABASE_URL (or db.sqlite3)
    python bench/generate_services.py --clear             # remove them again

Each service gets its own location, a point drawn at random (fixed seed) inside one of Brno's
29 city districts, weighted by population; an organisation holds ~20 services. The city
district of every location is resolved in one vectorised ``locate_many`` call, then rows go in
with ``bulk_create`` in batches inside one transaction (all or nothing).

Records are ``RecordSource.MANUAL`` and recognisable by their organisation names, which start
with "Bench organisation". ``bulk_create`` bypasses ``save()`` and signals, so what they would
do is done here or left out on purpose: ``Service.sort_name`` is filled in; no
django-simple-history rows are written (``--clear`` writes none either: bench rows come and go
without history); the search index is built only with ``--search-index`` (it costs more than
the load itself, see docs/benchmarks.md).

Needs the areas (``manage.py load_areas``) and the code lists (seeded by ``migrate``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely

BENCH_PREFIX = "Bench organisation "
SERVICES_PER_ORGANISATION = 20
# A multiple of SERVICES_PER_ORGANISATION, so no organisation straddles two chunks; big enough
# that per-chunk overhead vanishes, small enough that model instances stay a few MB.
CHUNK = 5_000
BATCH_SIZE = 1_000
DEFAULT_COUNT = 100_000
DEFAULT_SEED = 20_250_101


def configure_django(database_url: str | None = None) -> None:
    """Point Django at ``database_url`` (or the environment's DATABASE_URL) and set it up.

    DEBUG is forced off: with it on, Django keeps the SQL of every query, and the SQL of a
    thousand-row insert is large, which would distort both the time and the memory measured.
    """
    import django

    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-key-not-used-for-anything-served")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socioinfo.settings")
    django.setup()


def random_points_in_polygons(
    polygons: list[shapely.Geometry], counts: list[int], rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``counts[i]`` uniform random points inside ``polygons[i]``, by rejection sampling in
    each bounding box. Returns (lons, lats, polygon index of each point), shuffled."""
    lons: list[np.ndarray] = []
    lats: list[np.ndarray] = []
    owner: list[np.ndarray] = []
    for i, (polygon, wanted) in enumerate(zip(polygons, counts, strict=True)):
        if wanted == 0:
            continue
        shapely.prepare(polygon)
        min_x, min_y, max_x, max_y = polygon.bounds
        fill = polygon.area / ((max_x - min_x) * (max_y - min_y))
        got_x: list[np.ndarray] = []
        got_y: list[np.ndarray] = []
        have = 0
        while have < wanted:
            n = int((wanted - have) / fill * 1.2) + 16
            xs = rng.uniform(min_x, max_x, n)
            ys = rng.uniform(min_y, max_y, n)
            inside = shapely.contains_xy(polygon, xs, ys)
            got_x.append(xs[inside])
            got_y.append(ys[inside])
            have += int(inside.sum())
        lons.append(np.concatenate(got_x)[:wanted])
        lats.append(np.concatenate(got_y)[:wanted])
        owner.append(np.full(wanted, i, dtype=np.int64))
    order = rng.permutation(sum(counts))
    return (
        np.concatenate(lons)[order],
        np.concatenate(lats)[order],
        np.concatenate(owner)[order],
    )


def split_by_weight(total: int, weights: list[float], rng: np.random.Generator) -> list[int]:
    """``total`` split into len(weights) counts proportional to the weights (multinomial)."""
    w = np.asarray(weights, dtype=float)
    return [int(c) for c in rng.multinomial(total, w / w.sum())]


@dataclass
class GenerationReport:
    services: int = 0
    organisations: int = 0
    locations: int = 0
    target_group_links: int = 0
    # Points drawn inside district A that locate_many puts in district B: only possible on the
    # slivers where two ArcČR polygons overlap (the first district by code wins).
    relocated: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        """Rows written: organisations, locations, services, service-at-location links and
        service–target-group links."""
        return self.organisations + 2 * self.services + self.locations + self.target_group_links


def generate_services(
    count: int = DEFAULT_COUNT,
    seed: int = DEFAULT_SEED,
    batch_size: int = BATCH_SIZE,
    search_index: bool = False,
) -> GenerationReport:
    """Create ``count`` active bench services, each with its own location in Brno, in one
    transaction; an organisation per ~20 services. Deterministic for a given seed (apart from
    the UUIDs). With ``search_index`` the new services are also indexed for search."""
    from django.db import transaction

    from socioinfo.areas.geometry import geometry_from_geojson
    from socioinfo.areas.models import AreaLevel
    from socioinfo.areas.selectors import area_index, brno_city_districts
    from socioinfo.directory.models import LegalForm, ServiceType, TargetGroup

    report = GenerationReport()
    rng = np.random.default_rng(seed)

    started = time.perf_counter()
    districts = list(brno_city_districts().values_list("id", "geometry", "population", "parent"))
    if len(districts) != 29:
        raise RuntimeError(
            f"Expected Brno's 29 city districts, found {len(districts)}: run load_areas first."
        )
    type_ids = list(ServiceType.objects.order_by("order", "slug").values_list("id", flat=True))
    group_ids = list(TargetGroup.objects.order_by("order", "slug").values_list("id", flat=True))
    if not type_ids or not group_ids:
        raise RuntimeError("No service types or target groups: run migrate first.")
    polygons = [geometry_from_geojson(geometry) for _id, geometry, _pop, _parent in districts]
    weights = [float(pop or 1) for _id, _geometry, pop, _parent in districts]
    lons, lats, drawn_in = random_points_in_polygons(
        polygons, split_by_weight(count, weights, rng), rng
    )
    report.seconds["points"] = time.perf_counter() - started

    started = time.perf_counter()
    index = area_index(AreaLevel.CITY_DISTRICT)
    report.seconds["index"] = time.perf_counter() - started
    started = time.perf_counter()
    located = index.locate_many(lons, lats)
    report.seconds["locate_many"] = time.perf_counter() - started
    district_ids = [district[0] for district in districts]
    report.relocated = sum(
        1 for key, i in zip(located, drawn_in.tolist(), strict=True) if key != district_ids[i]
    )
    brno_id = districts[0][3]

    started = time.perf_counter()
    organisation_count = -(-count // SERVICES_PER_ORGANISATION)
    attributes = {
        "lons": lons.tolist(),
        "lats": lats.tolist(),
        "located": located,
        "service_type": rng.integers(len(type_ids), size=count).tolist(),
        "legal_form": [
            LegalForm.values[i]
            for i in rng.integers(len(LegalForm.values), size=organisation_count)
        ],
        "is_free": (rng.random(count) < 0.7).tolist(),
        "group_count": rng.integers(1, 4, size=count).tolist(),
        # For each service a random ordering of the target groups; the first 1–3 are taken.
        "group_order": np.argsort(rng.random((count, len(group_ids))), axis=1)[:, :3].tolist(),
    }
    with transaction.atomic():
        for start in range(0, count, CHUNK):
            _insert_chunk(
                report,
                range(start, min(start + CHUNK, count)),
                attributes,
                type_ids,
                group_ids,
                brno_id,
                batch_size,
            )
    report.seconds["insert"] = time.perf_counter() - started
    if search_index:
        from socioinfo.directory.models import Service
        from socioinfo.search.indexer import index_services

        started = time.perf_counter()
        index_services(
            Service.objects.filter(organisation__name__startswith=BENCH_PREFIX).values_list(
                "pk", flat=True
            )
        )
        report.seconds["search_index"] = time.perf_counter() - started
    return report


def _insert_chunk(
    report: GenerationReport,
    numbers: range,
    attributes: dict[str, Any],
    type_ids: list[Any],
    group_ids: list[Any],
    brno_id: Any,
    batch_size: int,
) -> None:
    from socioinfo.core.text import sort_key
    from socioinfo.directory.models import (
        Location,
        Organisation,
        RecordSource,
        Service,
        ServiceAtLocation,
        ServiceStatus,
    )

    organisations: dict[int, Organisation] = {}
    for n in numbers:
        o = n // SERVICES_PER_ORGANISATION
        if o not in organisations:
            organisations[o] = Organisation(
                name=f"{BENCH_PREFIX}{o + 1:06d}",
                legal_form=attributes["legal_form"][o],
                source=RecordSource.MANUAL,
            )
    locations = []
    services = []
    links = []
    TargetGroupLink = Service.target_groups.through
    group_links = []
    for n in numbers:
        organisation = organisations[n // SERVICES_PER_ORGANISATION]
        located = attributes["located"][n]
        location = Location(
            organisation=organisation,
            name=f"Bench location {n + 1:06d}",
            street="Benchmarková",
            house_number=str(n % 300 + 1),
            city="Brno",
            latitude=attributes["lats"][n],
            longitude=attributes["lons"][n],
            city_district_id=located,
            municipality_id=brno_id if located is not None else None,
            source=RecordSource.MANUAL,
        )
        name = f"Bench service {n + 1:06d}"
        service = Service(
            organisation=organisation,
            name=name,
            sort_name=sort_key(name),  # what Service.save() would set
            service_type_id=type_ids[attributes["service_type"][n]],
            description="Synthetic service for benchmarks.",
            is_free=attributes["is_free"][n],
            status=ServiceStatus.ACTIVE,
            source=RecordSource.MANUAL,
        )
        locations.append(location)
        services.append(service)
        links.append(ServiceAtLocation(service=service, location=location))
        for g in attributes["group_order"][n][: attributes["group_count"][n]]:
            group_links.append(TargetGroupLink(service=service, targetgroup_id=group_ids[g]))

    Organisation.objects.bulk_create(organisations.values(), batch_size=batch_size)
    Location.objects.bulk_create(locations, batch_size=batch_size)
    Service.objects.bulk_create(services, batch_size=batch_size)
    ServiceAtLocation.objects.bulk_create(links, batch_size=batch_size)
    TargetGroupLink.objects.bulk_create(group_links, batch_size=batch_size)
    report.organisations += len(organisations)
    report.locations += len(locations)
    report.services += len(services)
    report.target_group_links += len(group_links)


def clear_bench_services() -> dict[str, int]:
    """Delete every bench organisation with its services and locations; returns the number of
    deleted rows per model. Real records are untouched: only manual organisations whose name
    starts with "Bench organisation " go."""
    from django.db import transaction
    from django.test.utils import override_settings

    from socioinfo.directory.models import Organisation, RecordSource, Service
    from socioinfo.search.indexer import indexing_paused

    organisations = Organisation.objects.filter(
        name__startswith=BENCH_PREFIX, source=RecordSource.MANUAL
    )
    # The rows were created without history; deleting them must not write 100,000s of
    # "deleted" history rows either, nor reindex services that are going away.
    with (
        override_settings(SIMPLE_HISTORY_ENABLED=False),
        indexing_paused(),
        transaction.atomic(),
    ):
        _total, services = Service.objects.filter(organisation__in=organisations).delete()
        _total, rest = organisations.delete()
    deleted = dict(services)
    for label, n in rest.items():
        deleted[label] = deleted.get(label, 0) + n
    return deleted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="services to create")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--database-url", help="database to write to (default: the DATABASE_URL variable)"
    )
    parser.add_argument(
        "--search-index", action="store_true", help="also index the new services for search"
    )
    parser.add_argument("--clear", action="store_true", help="delete the bench records instead")
    args = parser.parse_args(argv)
    configure_django(args.database_url)
    if args.clear:
        started = time.perf_counter()
        deleted = clear_bench_services()
        summary = ", ".join(f"{n} {label}" for label, n in sorted(deleted.items())) or "nothing"
        print(f"Deleted {summary} in {time.perf_counter() - started:.1f} s.")
        return 0
    started = time.perf_counter()
    report = generate_services(args.count, seed=args.seed, search_index=args.search_index)
    elapsed = time.perf_counter() - started
    print(
        f"Created {report.services} services, {report.locations} locations and "
        f"{report.organisations} organisations ({report.rows} rows) in {elapsed:.1f} s "
        f"({report.rows / elapsed:,.0f} rows/s); "
        + ", ".join(f"{phase} {s:.2f} s" for phase, s in report.seconds.items())
    )
    if not args.search_index:
        print("Not indexed for search: add --search-index, or run manage.py rebuild_search_index.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
