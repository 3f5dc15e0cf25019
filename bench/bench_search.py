"""Benchmark: public search at 100,000 services, on SQLite and PostgreSQL.

    python bench/bench_search.py                               # SQLite file in bench/out/
    python bench/bench_search.py --database-url postgres://postgres@127.0.0.1:5432/socioinfo_bench

The database is recreated (its name must contain "bench"), migrated, loaded with the real
boundaries and ``--count`` synthetic services (bench/generate_services.py), which are indexed
for search. Then, for ``--queries`` random queries of the kind the portal gets most — a keyword,
two facets (target group and city district) and "near" a point in Brno, sorted by distance:

(a) the search query alone (``socioinfo.search.query.search`` without facet counts): p50/p95;
(b) the whole results page (``GET /search/?…`` through Django, with facet counts, rendered
    HTML): p50/p95;
(c) the same two for a keyword alone (relevance order, no distance);
(d) the weight of the public pages as transferred (gzip), with and without the map.

Results are printed as markdown and written to bench/out/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_areas import machine, prepare_database, progress, recreate_database  # noqa: E402
from bench.generate_services import configure_django, generate_services  # noqa: E402

KEYWORDS = [
    "pečovatelská",
    "seniorům",
    "dluhy",
    "poradna",
    "azylový dům",
    "osobní asistence",
    "krizová pomoc",
    "stacionář",
    "pecovatelska",
    "bez domova",
]


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {
        "p50_ms": cuts[49] * 1000,
        "p95_ms": cuts[94] * 1000,
        "max_ms": ordered[-1] * 1000,
        "n": len(ordered),
    }


def random_queries(count: int, seed: int) -> list[dict[str, str]]:
    import random

    from socioinfo.areas.selectors import brno_city_districts
    from socioinfo.directory.models import TargetGroup

    rng = random.Random(seed)
    groups = list(TargetGroup.objects.values_list("slug", flat=True))
    districts = list(brno_city_districts().values_list("code", flat=True))
    queries = []
    for _n in range(count):
        queries.append(
            {
                "q": rng.choice(KEYWORDS),
                "group": rng.choice(groups),
                "district": rng.choice(districts),
                "lat": f"{rng.uniform(49.15, 49.25):.5f}",
                "lon": f"{rng.uniform(16.52, 16.70):.5f}",
            }
        )
    return queries


def params_for(query: dict[str, str]) -> Any:
    from socioinfo.areas.models import Area, AreaLevel
    from socioinfo.directory.models import TargetGroup
    from socioinfo.search.places import Place
    from socioinfo.search.query import SearchParams

    return SearchParams(
        text=query["q"],
        target_group=TargetGroup.objects.get(slug=query["group"]) if "group" in query else None,
        district=(
            Area.objects.defer("geometry").get(
                code=query["district"], level=AreaLevel.CITY_DISTRICT
            )
            if "district" in query
            else None
        ),
        near=Place("bench", float(query["lat"]), float(query["lon"])) if "lat" in query else None,
    )


def measure(queries: list[dict[str, str]]) -> dict[str, Any]:
    from urllib.parse import urlencode

    from django.test import Client

    from socioinfo.search.query import search

    client = Client(HTTP_HOST="127.0.0.1")
    query_times, page_times, totals = [], [], []
    for query in queries:
        params = params_for(query)
        started = time.perf_counter()
        result = search(params, with_facets=False)
        query_times.append(time.perf_counter() - started)
        totals.append(result.total)
        started = time.perf_counter()
        response = client.get("/search/?" + urlencode(query))
        page_times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return {
        "query": percentiles(query_times),
        "page": percentiles(page_times),
        "results_median": statistics.median(totals),
        "results_max": max(totals),
    }


def static_weight(html: str) -> dict[str, int]:
    """Bytes transferred for one page: gzip of the HTML and of each stylesheet and script it
    links, and the font files its text needs (Roboto regular, medium and bold, latin and
    latin-ext); the map (Leaflet and the district outlines) counted apart."""
    from django.contrib.staticfiles import finders

    def gz(data: bytes) -> int:
        return len(gzip.compress(data, 9))

    weight = {"html": gz(html.encode()), "css_js": 0, "fonts": 0, "map": 0}
    for url in re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        path = finders.find(url)
        if path is None:
            continue
        size = gz(Path(path).read_bytes())
        weight["map" if "leaflet" in url or "portal.js" in url else "css_js"] += size
    for font in ("regular", "medium", "bold"):
        for suffix in ("", "-ext"):
            path = finders.find(f"vendor/gov-fonts/roboto-{font}{suffix}.woff2")
            if path:
                weight["fonts"] += Path(path).stat().st_size
    weight["total_without_map"] = weight["html"] + weight["css_js"] + weight["fonts"]
    return weight


def page_weights() -> dict[str, dict[str, int]]:
    from django.test import Client

    from socioinfo.directory.models import Service

    client = Client(HTTP_HOST="127.0.0.1")
    service = Service.objects.published().first()
    assert service is not None
    pages = {
        "home": "/",
        "search (20 results)": "/search/?q=pe%C4%8Dovatelsk%C3%A1",
        "service": f"/service/{service.pk}/",
        "life situation": "/situations/dluhy/",
    }
    from django.core.cache import cache

    cache.clear()
    weights = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        weights[name] = static_weight(response.content.decode())
    return weights


def markdown(report: dict[str, Any]) -> str:
    lines = [f"| | {report['database']} |", "| --- | ---: |"]
    lines.append(f"| services | {report['services']:,} |")
    lines.append(f"| search terms | {report['terms']:,} |")
    lines.append(f"| indexing | {report['index_s']:.0f} s |")
    lines.append(
        f"| first query (builds the in-memory engine) | {report['first_query_ms']:.0f} ms, "
        f"peak {report['engine_mib']:.0f} MiB |"
    )
    for label, key in (
        ("keyword + group + district + near", "faceted"),
        ("keyword alone", "keyword"),
    ):
        m = report[key]
        lines.append(
            f"| {label}: search query p50 / p95 | {m['query']['p50_ms']:.1f} / "
            f"{m['query']['p95_ms']:.1f} ms |"
        )
        lines.append(
            f"| {label}: whole page p50 / p95 | {m['page']['p50_ms']:.1f} / "
            f"{m['page']['p95_ms']:.1f} ms |"
        )
        lines.append(
            f"| {label}: results (median, max) | {m['results_median']:,.0f}, {m['results_max']:,} |"
        )
    lines.append("")
    lines.append("| page | HTML | CSS + JS | fonts | **total without map** | map extra |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, w in report["weights"].items():
        lines.append(
            f"| {name} | {w['html'] / 1024:.1f} KB | {w['css_js'] / 1024:.1f} KB | "
            f"{w['fonts'] / 1024:.1f} KB | **{w['total_without_map'] / 1024:.1f} KB** | "
            f"{w['map'] / 1024:.1f} KB |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="PostgreSQL URL (default: SQLite in bench/out/)")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database of an earlier run (skips generating and indexing)",
    )
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)

    url = args.database_url or f"sqlite:///{OUT / 'bench_search.sqlite3'}"
    if not args.reuse:
        url = recreate_database(url)
    import os

    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"  # the test client speaks plain HTTP
    configure_django(url)
    from django.db import connection

    from socioinfo.directory.models import Service
    from socioinfo.search.models import SearchTerm
    from socioinfo.search.query import SearchParams, search

    if args.reuse:
        generated = None
    else:
        prepare_database()
        progress(f"generating and indexing {args.count:,} services")
        generated = generate_services(args.count, search_index=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    report: dict[str, Any] = {
        "database": connection.vendor,
        "services": Service.objects.count(),
        "terms": SearchTerm.objects.count(),
        "index_s": generated.seconds.get("search_index", 0.0) if generated else float("nan"),
    }
    import tracemalloc

    tracemalloc.start()
    started = time.perf_counter()
    search(SearchParams(text="dluhy"), with_facets=False)
    report["first_query_ms"] = (time.perf_counter() - started) * 1000
    report["engine_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    progress(f"{args.queries} faceted queries")
    faceted = random_queries(args.queries, args.seed)
    report["faceted"] = measure(faceted)
    progress(f"{args.queries} keyword queries")
    report["keyword"] = measure([{"q": q["q"]} for q in faceted])
    progress("page weights")
    report["weights"] = page_weights()
    report["machine"] = machine()

    text = markdown(report)
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    name = f"search-{connection.vendor}"
    (OUT / f"{name}.md").write_text(text + "\n", encoding="utf-8")
    (OUT / f"{name}.json").write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
