"""Benchmark: the HSDS API at 100,000 services (the database of bench_search.py).

    python bench/bench_search.py                    # once: builds bench/out/bench_search.sqlite3
    python bench/bench_api.py                       # SQLite
    python bench/bench_api.py --database-url postgres://postgres@127.0.0.1:5432/socioinfo_bench

(a) ``/api/hsds/services?per_page=50&search=…&taxonomy_term_id=…``: p50/p95 of ``--queries``
    random requests (a keyword and a service type);
(b) the full ``format=ndjson`` export: services per second and the peak of Python memory
    (tracemalloc) while streaming, against the peak for a tenth of the services, to show
    whether memory stays flat.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_search import KEYWORDS, percentiles  # noqa: E402
from bench.generate_services import configure_django  # noqa: E402


def measure_list(client, queries: int, seed: int) -> dict:
    from socioinfo.directory.models import ServiceType

    rng = random.Random(seed)
    types = [str(pk) for pk in ServiceType.objects.values_list("pk", flat=True)]
    times, totals = [], []
    client.get("/api/hsds/services", {"search": "dluhy"})  # builds the search engine
    for _n in range(queries):
        params = {
            "per_page": 50,
            "search": rng.choice(KEYWORDS),
            "taxonomy_term_id": rng.choice(types),
        }
        started = time.perf_counter()
        response = client.get("/api/hsds/services", params)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.content[:200]
        totals.append(response.json()["total_items"])
    return {**percentiles(times), "median_items": sorted(totals)[len(totals) // 2]}


def measure_ndjson(client, limit: int | None = None, trace: bool = False) -> dict:
    """Throughput is timed without tracing (tracemalloc slows Python several times); memory
    comes from a separate, traced pass."""
    params = {"format": "ndjson"}
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    response = client.get("/api/hsds/services", params)
    lines = 0
    size = 0
    for chunk in response.streaming_content:
        lines += chunk.count(b"\n")
        size += len(chunk)
        if limit and lines >= limit:
            break
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else float("nan")
    if trace:
        tracemalloc.stop()
    return {
        "services": lines,
        "seconds": seconds,
        "per_s": lines / seconds,
        "peak_mib": peak,
        "mb": size / 1e6,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args(argv)
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    configure_django(args.database_url or f"sqlite:///{OUT / 'bench_search.sqlite3'}")
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    listing = measure_list(client, args.queries, 11)
    tenth = measure_ndjson(client, limit=10_000, trace=True)
    traced = measure_ndjson(client, limit=30_000, trace=True)
    full = measure_ndjson(client)
    full["peak_mib"] = traced["peak_mib"]
    lines = [
        f"| HSDS API, {connection.vendor} | |",
        "| --- | ---: |",
        f"| /services?per_page=50&search=…&taxonomy_term_id=… p50 / p95 | "
        f"{listing['p50_ms']:.1f} / {listing['p95_ms']:.1f} ms |",
        f"| ndjson export, all {full['services']:,} services | {full['seconds']:.1f} s, "
        f"{full['per_s']:,.0f} services/s, {full['mb']:.0f} MB |",
        f"| peak Python memory streaming 10,000 / 30,000 services | "
        f"{tenth['peak_mib']:.0f} / {full['peak_mib']:.0f} MiB |",
    ]
    text = "\n".join(lines)
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"api-{connection.vendor}.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
