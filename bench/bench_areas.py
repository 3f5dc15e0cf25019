"""Benchmark: loading synthetic services, and point → city district lookup.

    python bench/bench_areas.py                               # SQLite file in bench/out/
    python bench/bench_areas.py --database-url postgres://postgres@127.0.0.1:5432/socioinfo_bench

The database is recreated from scratch (its name must contain "bench", so a real database is
never wiped), migrated and loaded with the real boundaries. Then:

(a) generate and load ``--count`` services (bench/generate_services.py): wall time and rows/s
    of a run without tracing, then, after deleting them, the tracemalloc peak of a second run;
    ru_maxrss is the peak resident size of the whole process up to that point;
(b) locate ``--points`` random points in Brno's bounding box: AreaIndex.locate_many, a loop of
    AreaIndex.locate, and the naive way (a loop over the 29 polygons with shapely ``contains``,
    no index); every method must put every point in the same district;
(c) the same with GEOS prepared polygons, and the STRtree used only for bounding boxes.

Each lookup runs ``--repeat`` times; the median is reported. ``--lookup-only`` skips (a).
Results are printed as markdown and written to bench/out/.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import sqlite3
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Hashable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
if str(ROOT) not in sys.path:  # run as a script: bench/ is on the path, the project is not
    sys.path.insert(0, str(ROOT))

from bench.generate_services import (  # noqa: E402
    DEFAULT_SEED,
    clear_bench_services,
    configure_django,
    generate_services,
)

Keys = list[Hashable | None]


# --- database -------------------------------------------------------------------------------


def recreate_database(database_url: str | None) -> str:
    """A URL of an empty database: the SQLite file in bench/out/ by default, or the given
    database dropped and created again."""
    import dj_database_url

    if not database_url:
        OUT.mkdir(parents=True, exist_ok=True)
        database_url = f"sqlite:///{OUT / 'bench.sqlite3'}"
    config = dj_database_url.parse(database_url)
    name = str(config["NAME"])
    if "bench" not in Path(name).name:
        raise SystemExit(
            f"Refusing to recreate the database {name!r}: its name must contain 'bench'."
        )
    if config["ENGINE"].endswith("sqlite3"):
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)
        return database_url
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return database_url


def database_size() -> int:
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
    return Path(settings.DATABASES["default"]["NAME"]).stat().st_size


# --- measuring ------------------------------------------------------------------------------


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def prepare_database() -> dict[str, Any]:
    from django.core.management import call_command

    from socioinfo.areas.models import Area

    results: dict[str, Any] = {}
    progress("migrate")
    results["migrate_s"], _ = timed(lambda: call_command("migrate", verbosity=0))
    progress("load_areas")
    results["load_areas_s"], _ = timed(lambda: call_command("load_areas", stdout=io.StringIO()))
    results["areas"] = Area.objects.count()
    return results


def measure_loading(count: int, seed: int) -> dict[str, Any]:
    from socioinfo.areas.selectors import clear_area_index_cache
    from socioinfo.directory.models import Location, Organisation, Service

    results: dict[str, Any] = {}
    progress(f"generate {count:,} services (timed run)")
    clear_area_index_cache()
    seconds, report = timed(lambda: generate_services(count, seed=seed))
    assert Service.objects.count() == count and Location.objects.count() == count
    assert Organisation.objects.count() == report.organisations
    results.update(
        generate_s=seconds,
        rows=report.rows,
        services=report.services,
        organisations=report.organisations,
        locations=report.locations,
        target_group_links=report.target_group_links,
        relocated=report.relocated,
        phases=report.seconds,
        max_rss_mb=max_rss_mb(),
        database_bytes=database_size(),
    )

    progress("clear the bench services")
    results["clear_s"], deleted = timed(clear_bench_services)
    results["cleared_rows"] = sum(deleted.values())
    assert Service.objects.count() == 0

    progress(f"generate {count:,} services again under tracemalloc")
    clear_area_index_cache()
    tracemalloc.start()
    results["generate_traced_s"], _ = timed(lambda: generate_services(count, seed=seed))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    results["tracemalloc_peak_mb"] = peak / 2**20
    return results


# --- lookup methods -------------------------------------------------------------------------


def naive_loop(keys: Sequence[Hashable], polygons: Sequence[shapely.Geometry]):
    """What a Django app without a spatial index does: try each area in turn."""

    def locate_all(lons: list[float], lats: list[float]) -> Keys:
        found: Keys = []
        for lon, lat in zip(lons, lats, strict=True):
            point = shapely.Point(lon, lat)
            for key, polygon in zip(keys, polygons, strict=True):
                if polygon.contains(point):
                    found.append(key)
                    break
            else:
                found.append(None)
        return found

    return locate_all


def first_hit(keys: Sequence[Hashable], n: int, point_idx: np.ndarray, area_idx: np.ndarray):
    """Per point, the key of the first (lowest-index) area hit, as AreaIndex resolves
    overlaps."""
    first = np.full(n, len(keys), dtype=np.int64)
    np.minimum.at(first, point_idx, area_idx)
    return [keys[i] if i < len(keys) else None for i in first.tolist()]


def tree_bbox_then_prepared(keys: Sequence[Hashable], polygons: Sequence[shapely.Geometry]):
    """STRtree for bounding boxes only, then the exact test on the prepared polygon.

    ``STRtree.query(points, predicate=...)`` evaluates ``predicate(point, polygon)`` and so
    prepares the point, not the polygon; testing ``intersects(polygon, point)`` ourselves uses
    the polygon's prepared index of edges.
    """
    prepared = np.array(polygons, dtype=object)
    shapely.prepare(prepared)
    tree = shapely.STRtree(prepared)

    def locate_all(lons: np.ndarray, lats: np.ndarray) -> Keys:
        points = shapely.points(lons, lats)
        point_idx, area_idx = tree.query(points)
        hit = shapely.intersects(prepared[area_idx], points[point_idx])
        return first_hit(keys, len(points), point_idx[hit], area_idx[hit])

    return locate_all


def per_polygon_contains_xy(keys: Sequence[Hashable], polygons: Sequence[shapely.Geometry]):
    """No tree: one vectorised (prepared) ``contains_xy`` over all points per polygon."""
    prepared = np.array(polygons, dtype=object)
    shapely.prepare(prepared)

    def locate_all(lons: np.ndarray, lats: np.ndarray) -> Keys:
        first = np.full(len(lons), len(keys), dtype=np.int64)
        for i in range(len(keys) - 1, -1, -1):  # backwards, so the first area wins overlaps
            first[shapely.contains_xy(prepared[i], lons, lats)] = i
        return [keys[i] if i < len(keys) else None for i in first.tolist()]

    return locate_all


def measure_lookup(points: int, repeat: int, seed: int) -> dict[str, Any]:
    from socioinfo.areas.geometry import geometry_from_geojson
    from socioinfo.areas.models import AreaLevel
    from socioinfo.areas.selectors import area_index, areas_at_level, clear_area_index_cache

    # The same areas in the same order as area_index() uses.
    rows = list(
        areas_at_level(AreaLevel.CITY_DISTRICT).exclude(geometry=None).values_list("id", "geometry")
    )
    keys = [key for key, _geometry in rows]

    def polygons() -> list[shapely.Geometry]:  # fresh, unprepared copies for each method
        return [geometry_from_geojson(geometry) for _key, geometry in rows]

    clear_area_index_cache()
    index_build_s, index = timed(lambda: area_index(AreaLevel.CITY_DISTRICT))
    min_x, min_y, max_x, max_y = shapely.total_bounds(polygons())
    rng = np.random.default_rng(seed + 1)
    lons = rng.uniform(min_x, max_x, points)
    lats = rng.uniform(min_y, max_y, points)
    lon_list, lat_list = lons.tolist(), lats.tolist()

    naive = naive_loop(keys, polygons())
    naive_prepared_polygons = polygons()
    shapely.prepare(naive_prepared_polygons)
    naive_prepared = naive_loop(keys, naive_prepared_polygons)
    tree_prepared = tree_bbox_then_prepared(keys, polygons())
    contains_xy = per_polygon_contains_xy(keys, polygons())
    methods: list[tuple[str, str, Callable[[], Keys]]] = [
        (
            "b",
            "naive loop: 29 × shapely `contains`, no index (the peer way)",
            lambda: naive(lon_list, lat_list),
        ),
        (
            "b",
            "loop of `AreaIndex.locate` (STRtree)",
            lambda: [index.locate(x, y) for x, y in zip(lon_list, lat_list, strict=True)],
        ),
        (
            "b",
            "`AreaIndex.locate_many` (STRtree, vectorised)",
            lambda: index.locate_many(lons, lats),
        ),
        (
            "c",
            "naive loop over GEOS prepared polygons",
            lambda: naive_prepared(lon_list, lat_list),
        ),
        (
            "c",
            "29 × vectorised `contains_xy` on prepared polygons, no tree",
            lambda: contains_xy(lons, lats),
        ),
        (
            "c",
            "STRtree bounding boxes + `intersects` on prepared polygons, vectorised",
            lambda: tree_prepared(lons, lats),
        ),
    ]

    reference: Keys | None = None
    results: list[dict[str, Any]] = []
    for part, label, run in methods:
        progress(f"lookup: {label}")
        times = []
        for _ in range(repeat):
            seconds, found = timed(run)
            times.append(seconds)
            if reference is None:
                reference = found
            disagree = sum(1 for a, b in zip(found, reference, strict=True) if a != b)
            assert disagree == 0, f"{label}: {disagree} of {points} points differ from naive"
        median = statistics.median(times)
        results.append(
            {
                "part": part,
                "method": label,
                "median_s": median,
                "min_s": min(times),
                "max_s": max(times),
                "points_per_s": points / median,
            }
        )
    assert reference is not None
    return {
        "index_build_s": index_build_s,
        "points": points,
        "inside_brno": sum(1 for key in reference if key is not None),
        "bbox": [min_x, min_y, max_x, max_y],
        "methods": results,
    }


# --- the machine ----------------------------------------------------------------------------


def machine() -> dict[str, str]:
    from django.db import connection

    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram_kib = 0
    with open("/proc/meminfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                ram_kib = int(line.split()[1])
                break
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            postgres = str(cursor.fetchone()[0])
    else:
        postgres = "not used in this run"
    return {
        "CPU": cpu,
        "cores": f"{os.cpu_count()} (usable by this process: {len(os.sched_getaffinity(0))})",
        "RAM": f"{ram_kib / 2**20:.1f} GiB",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "Django": version("django"),
        "shapely (GEOS)": f"{shapely.__version__} ({shapely.geos_version_string})",
        "NumPy": np.__version__,
        "SQLite": sqlite3.sqlite_version,
        "PostgreSQL": postgres,
        "database of this run": connection.vendor,
    }


# --- report ---------------------------------------------------------------------------------


def markdown(
    info: dict[str, str],
    setup: dict[str, Any],
    loading: dict[str, Any] | None,
    lookup: dict[str, Any],
    args: argparse.Namespace,
) -> str:
    services = "no services (--lookup-only)" if loading is None else f"{args.count:,} services"
    lines = [
        f"## {info['database of this run']}: {services}, "
        f"{args.points:,} points, {args.repeat} repeats",
        "",
        "| machine | |",
        "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in info.items()),
        "",
        "| (a) loading | wall time | rows | rows/s | memory |",
        "| --- | ---: | ---: | ---: | --- |",
        f"| migrate (fresh database) | {setup['migrate_s']:.1f} s | | | |",
        f"| load_areas | {setup['load_areas_s']:.1f} s | {setup['areas']} areas | | |",
    ]
    if loading is not None:
        lines += loading_lines(loading)
    lines += lookup_lines(lookup)
    return "\n".join(lines) + "\n"


def loading_lines(loading: dict[str, Any]) -> list[str]:
    return [
        f"| generate + load {loading['services']:,} services | {loading['generate_s']:.1f} s "
        f"| {loading['rows']:,} | {loading['rows'] / loading['generate_s']:,.0f} "
        f"| tracemalloc peak {loading['tracemalloc_peak_mb']:.0f} MiB; "
        f"ru_maxrss {loading['max_rss_mb']:.0f} MiB |",
        f"| delete them again (`--clear`) | {loading['clear_s']:.1f} s "
        f"| {loading['cleared_rows']:,} | {loading['cleared_rows'] / loading['clear_s']:,.0f} | |",
        "",
        "Generation phases: "
        + ", ".join(f"{phase} {s:.2f} s" for phase, s in loading["phases"].items())
        + f". Rows: {loading['organisations']:,} organisations, {loading['locations']:,} "
        f"locations, {loading['services']:,} services, {loading['services']:,} "
        f"service-at-location links, {loading['target_group_links']:,} service–target-group "
        f"links. Database size afterwards: {loading['database_bytes'] / 2**20:.0f} MiB. "
        f"Points moved to another district by locate_many: {loading['relocated']}. "
        f"The traced run took {loading['generate_traced_s']:.1f} s.",
    ]


def lookup_lines(lookup: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"| (b, c) point → city district, {lookup['points']:,} points | median | points/s "
        "| × naive |",
        "| --- | ---: | ---: | ---: |",
    ]
    naive = lookup["methods"][0]["median_s"]
    for m in lookup["methods"]:
        lines.append(
            f"| ({m['part']}) {m['method']} | {m['median_s'] * 1000:,.0f} ms "
            f"| {m['points_per_s']:,.0f} | {naive / m['median_s']:.1f} |"
        )
    lines += [
        "",
        f"All methods agree on all {lookup['points']:,} points "
        f"({lookup['inside_brno']:,} inside Brno). Building the index from the database: "
        f"{lookup['index_build_s'] * 1000:.0f} ms.",
    ]
    return lines


def progress(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="services to generate")
    parser.add_argument("--points", type=int, default=100_000, help="points to locate")
    parser.add_argument(
        "--database-url",
        help="PostgreSQL or SQLite URL of a database whose name contains 'bench' "
        "(default: bench/out/bench.sqlite3); it is dropped and created again",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of each lookup method")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--lookup-only", action="store_true", help="skip (a): generate no services")
    args = parser.parse_args(argv)

    load_before = os.getloadavg()[0]
    configure_django(recreate_database(args.database_url))
    setup = prepare_database()
    loading = None if args.lookup_only else measure_loading(args.count, args.seed)
    lookup = measure_lookup(args.points, args.repeat, args.seed)
    info = machine()
    # The machine may be shared: other work running at the same time slows every figure.
    info["load average (1 min) before / after"] = f"{load_before:.2f} / {os.getloadavg()[0]:.2f}"
    report = markdown(info, setup, loading, lookup, args)
    print(report)
    OUT.mkdir(parents=True, exist_ok=True)
    stem = OUT / f"results-{info['database of this run']}{'-lookup' if args.lookup_only else ''}"
    stem.with_suffix(".md").write_text(report, encoding="utf-8")
    stem.with_suffix(".json").write_text(
        json.dumps(
            {"machine": info, "setup": setup, "loading": loading, "lookup": lookup}, indent=2
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
