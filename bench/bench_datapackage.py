"""Benchmark: the HSDS data package export at 100,000 services (the database of
bench_search.py).

    python bench/bench_search.py                    # once: builds bench/out/bench_search.sqlite3
    python bench/bench_datapackage.py               # SQLite
    python bench/bench_datapackage.py --database-url postgres://postgres@127.0.0.1:5432/socioinfo_bench

(a) the published export as a zip (what /api/v1/hsds-datapackage.zip serves) and the full
    export (``export_hsds --all``): seconds, services per second, size;
(b) the peak of Python memory (tracemalloc) while exporting the first 10,000 and the first
    30,000 services, to show whether memory stays flat. Throughput is timed without tracing
    (tracemalloc slows Python several times); memory comes from separate, traced runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generate_services import configure_django  # noqa: E402


def measure_zip(include_all: bool) -> dict:
    from socioinfo.api.datapackage.export import write_zip

    with tempfile.TemporaryFile() as target:
        started = time.perf_counter()
        report = write_zip(target, include_all=include_all)
        seconds = time.perf_counter() - started
        size = target.tell()
    return {
        "services": report.services,
        "rows": sum(report.rows.values()),
        "seconds": seconds,
        "per_s": report.services / seconds,
        "mb": size / 1e6,
    }


def measure_memory(limit: int) -> dict:
    """Peak traced memory of exporting the first ``limit`` services (by id), with their
    organisations and places, into a folder."""
    from django.db.models import Exists, OuterRef, Q

    from socioinfo.api.datapackage import export
    from socioinfo.directory.models import Location, Organisation, Service

    # The first ``limit`` services by id, as a range (a list of ids in the queries would
    # itself cost memory).
    last = Service.objects.order_by("pk").values_list("pk", flat=True)[limit - 1]
    services = Service.objects.filter(pk__lte=last)
    locations = Location.objects.filter(Exists(services.filter(locations=OuterRef("pk"))))
    organisations = Organisation.objects.filter(
        Q(pk__in=services.values("organisation_id")) | Q(pk__in=locations.values("organisation_id"))
    )
    original = export.scope
    export.scope = lambda include_all: (services, organisations, locations)  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as folder:
            tracemalloc.start()
            started = time.perf_counter()
            report = export.write_directory(Path(folder), include_all=True)
            seconds = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
    finally:
        export.scope = original  # type: ignore[assignment]
    return {"services": report.services, "peak_mib": peak, "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--skip-all", action="store_true", help="only the published export")
    parser.add_argument("--memory-only", action="store_true", help="only the traced runs")
    args = parser.parse_args(argv)
    configure_django(args.database_url or f"sqlite:///{OUT / 'bench_search.sqlite3'}")
    from django.db import connection

    from socioinfo.directory.models import Service

    total = Service.objects.count()
    published = None if args.memory_only else measure_zip(include_all=False)
    everything = None if args.skip_all or args.memory_only else measure_zip(include_all=True)
    small = measure_memory(10_000)
    large = measure_memory(30_000)
    lines = [
        f"| HSDS data package, {connection.vendor}, {total:,} services | |",
        "| --- | ---: |",
    ]
    if published:
        lines.append(
            f"| published export as zip ({published['services']:,} services, "
            f"{published['rows']:,} rows) | {published['seconds']:.1f} s, "
            f"{published['per_s']:,.0f} services/s, {published['mb']:.0f} MB |"
        )
    if everything:
        lines.append(
            f"| full export (--all) as zip | {everything['seconds']:.1f} s, "
            f"{everything['per_s']:,.0f} services/s, {everything['mb']:.0f} MB |"
        )
    lines.append(
        f"| peak Python memory exporting {small['services']:,} / {large['services']:,} "
        f"services | {small['peak_mib']:.0f} / {large['peak_mib']:.0f} MiB |"
    )
    text = "\n".join(lines)
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"datapackage-{connection.vendor}.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    raise SystemExit(main())
