"""Benchmark: importing an HSDS data package (``import_hsds``) of N generated services.

    python bench/bench_datapackage_import.py [--count 10000]
    python bench/bench_datapackage_import.py --target-url postgres://postgres@127.0.0.1:5432/socioinfo_bench_import

A source database of ``--count`` generated services (bench/generate_services.py) is exported
with ``export_hsds --all`` (in child processes); the package is then imported here into an
empty, migrated target database with the real boundaries:
(a) the first import (every record new) and a second import of the same package (nothing
    changes): seconds and services per second;
(b) the peak of Python memory (tracemalloc) of a first import into another empty target,
    traced separately because tracing slows Python several times.
The target is SQLite in bench/out unless ``--target-url`` names a PostgreSQL database (which
is dropped and created again for each import).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _manage(database_url: str, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0"}
    env.setdefault("DJANGO_SECRET_KEY", "bench-only-key-not-used-for-anything-served")
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def build_package(count: int) -> Path:
    source = OUT / f"import_source_{count}.sqlite3"
    package = OUT / f"import_package_{count}.zip"
    if package.exists():
        return package
    source.unlink(missing_ok=True)
    url = f"sqlite:///{source}"
    _manage(url, "migrate", "--no-input", "-v0")
    _manage(url, "load_areas")
    subprocess.run(
        [
            sys.executable,
            "bench/generate_services.py",
            "--count",
            str(count),
            "--database-url",
            url,
        ],
        cwd=ROOT,
        check=True,
    )
    _manage(url, "export_hsds", "--all", str(package))
    return package


def fresh_target(target_url: str | None, name: str) -> str:
    """An empty, migrated target with the boundaries loaded; its DATABASE_URL."""
    if target_url:
        base, _, database = target_url.rpartition("/")
        if "bench" not in database:
            raise SystemExit(f"Refusing to drop {database!r}: use a database named *bench*.")
        admin = f"{base}/postgres"
        for sql in (f"DROP DATABASE IF EXISTS {database}", f"CREATE DATABASE {database}"):
            subprocess.run(["psql", admin, "-q", "-c", sql], check=True)
        url = target_url
    else:
        path = OUT / f"import_target_{name}.sqlite3"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    _manage(url, "migrate", "--no-input", "-v0")
    _manage(url, "load_areas")
    return url


def timed_imports(package: Path, count: int) -> dict:
    from socioinfo.api.datapackage.importer import import_datapackage

    started = time.perf_counter()
    first = import_datapackage(package)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    second = import_datapackage(package)
    second_s = time.perf_counter() - started
    assert first.counts["services"].created == count, first.counts
    assert second.counts["services"].unchanged == count, second.counts
    return {
        "services": count,
        "first_s": round(first_s, 1),
        "first_per_s": round(count / first_s),
        "second_s": round(second_s, 1),
        "second_per_s": round(count / second_s),
    }


def traced_import(package: Path) -> float:
    from socioinfo.api.datapackage.importer import import_datapackage

    tracemalloc.start()
    import_datapackage(package)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--target-url", help="a PostgreSQL database to import into")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    package = build_package(args.count)

    from django import db

    from bench.generate_services import configure_django

    configure_django(fresh_target(args.target_url, "timed"))
    result = {"database": db.connection.vendor, **timed_imports(package, args.count)}
    db.connections.close_all()
    url = fresh_target(args.target_url, "traced")
    db.connections["default"].settings_dict.update(
        __import__("dj_database_url").parse(url, conn_max_age=0)
    )
    result["peak_mib_traced"] = traced_import(package)
    print(json.dumps(result, indent=2))
    (OUT / f"bench_datapackage_import_{result['database']}.json").write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
