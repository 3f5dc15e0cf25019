"""Benchmark: the PDFs of community planning made on the server (WeasyPrint) from the demo data.

    python bench/bench_planning_pdf.py      # SQLite file bench/out/bench_planning_pdf.sqlite3
    python bench/bench_planning_pdf.py --repeat 10

The database is recreated (migrate, load_areas, load_planning_demo: Brno's plan 2019–2028 with
its monitoring). Measured through Django's test client, anonymous, in Czech:

(a) the plan for council papers (``/plans/<slug>/export.pdf``) and the evaluation report
    (``/plans/<slug>/evaluation.pdf``): the first request of the process (WeasyPrint imported,
    the design system's fonts merged) and the median of ``--repeat`` further requests; pages
    and size;
(b) memory: the peak resident size of the process (ru_maxrss, which includes the native
    allocations of Pango, HarfBuzz and fontconfig) before the first PDF and after all of them,
    and the peak of Python allocations (tracemalloc) during one more request of each, traced
    separately because tracing slows Python several times.

Results are printed as markdown and written to bench/out/bench_planning_pdf.json.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_areas import (  # noqa: E402
    machine,
    max_rss_mb,
    prepare_database,
    progress,
    recreate_database,
)
from bench.generate_services import configure_django  # noqa: E402

DATABASE = f"sqlite:///{OUT / 'bench_planning_pdf.sqlite3'}"


def fetch(client: Any, url: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    response = client.get(url)
    seconds = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "application/pdf"
    return seconds, response.content


def measure(client: Any, url: str, repeat: int) -> dict[str, Any]:
    from pypdf import PdfReader

    first, pdf = fetch(client, url)
    times = [fetch(client, url)[0] for _ in range(repeat)]
    tracemalloc.start()
    fetch(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "url": url,
        "first_s": first,
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "kib": len(pdf) / 1024,
        "tracemalloc_peak_mib": peak / 2**20,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    configure_django(recreate_database(DATABASE))
    prepare_database()
    progress("load_planning_demo")
    from django.test import Client

    from socioinfo.planning.demo import PLAN_SLUG, load_planning_demo

    load_planning_demo()
    client = Client(HTTP_ACCEPT_LANGUAGE="cs")
    client.get(f"/plans/{PLAN_SLUG}/")  # the site's own warm-up: URLconf, templates, translations
    rss_before = max_rss_mb()
    results = {}
    for name, url in (
        ("plan", f"/plans/{PLAN_SLUG}/export.pdf"),
        ("evaluation", f"/plans/{PLAN_SLUG}/evaluation.pdf"),
    ):
        progress(f"{name}: {url}")
        results[name] = measure(client, url, args.repeat)
    rss_after = max_rss_mb()
    info = machine()
    import weasyprint
    from weasyprint.text.ffi import pango

    v = pango.pango_version()
    info["WeasyPrint (Pango)"] = (
        f"{weasyprint.__version__} ({v // 10000}.{v // 100 % 100}.{v % 100})"
    )
    lines = [
        f"| Brno plan demo, {args.repeat} repeats | plan (`export.pdf`) | evaluation "
        "(`evaluation.pdf`) |",
        "| --- | ---: | ---: |",
    ]
    plan, evaluation = results["plan"], results["evaluation"]
    for label, key, fmt in (
        ("pages", "pages", "{:.0f}"),
        ("size", "kib", "{:.0f} KiB"),
        ("first request of the process", "first_s", "{:.2f} s"),
        ("median of the next requests", "median_s", "**{:.2f} s**"),
        ("fastest / slowest", None, ""),
        ("peak Python memory (tracemalloc)", "tracemalloc_peak_mib", "{:.0f} MiB"),
    ):
        if key is None:
            cells = [f"{r['min_s']:.2f} / {r['max_s']:.2f} s" for r in (plan, evaluation)]
        else:
            cells = [fmt.format(r[key]) for r in (plan, evaluation)]
        lines.append(f"| {label} | {cells[0]} | {cells[1]} |")
    lines.append(
        f"| peak resident size of the process, before the first PDF → after all | "
        f"both: {rss_before:.0f} → {rss_after:.0f} MiB | |"
    )
    text = "\n".join(lines)
    print(text)
    print()
    for key, value in info.items():
        print(f"- {key}: {value}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_planning_pdf.json").write_text(
        json.dumps(
            {
                "results": results,
                "rss_before_mib": rss_before,
                "rss_after_mib": rss_after,
                "machine": info,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    raise SystemExit(main())
