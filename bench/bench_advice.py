"""Benchmark: the advice centre's statistics over 1,000,000 enquiries, on SQLite and PostgreSQL.

    python bench/bench_advice.py                      # SQLite file bench/out/bench_advice.sqlite3
    python bench/bench_advice.py --database-url postgres://postgres@127.0.0.1:5432/socioinfo_bench_advice
    python bench/bench_advice.py --reuse              # measure again on the last generated data

The database is recreated (its name must contain "bench"), migrated and loaded with the real
boundaries; then ``--count`` enquiries spread over ``--years`` years are written in bulk
(COPY on PostgreSQL, executemany on SQLite) with their topics, support types, referrals and
unmet needs. Measured, ``--repeat`` times each, through Django's test client with an advice
worker signed in (second factor confirmed):

(a) the staff statistics page over all years (every enquiry);
(b) the staff statistics page of the latest year;
(c) the public statistics page (small counts hidden) over all years.

Results are printed as markdown and written to bench/out/bench_advice.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_areas import machine, prepare_database, progress, recreate_database  # noqa: E402
from bench.bench_search import percentiles  # noqa: E402
from bench.generate_services import configure_django  # noqa: E402

SQLITE_URL = f"sqlite:///{OUT / 'bench_advice.sqlite3'}"
BATCH = 20_000

CHANNELS = ["in_person"] * 6 + ["phone"] * 2 + ["email", "web_form", "outreach", "accompaniment"]
AGES = ["", "0-17", "18-26", "27-64", "27-64", "65-80", "65-80", "81+"]
GENDERS = ["f", "f", "m", "m", "", "x"]
NATIONALITIES = ["CZ"] * 6 + ["UA", "UA", "RU", "VN", "MD", "RO", "AR", "SK", "XX", ""]
SUPPORT = {
    "interpreting": 0.565,
    "counselling": 0.535,
    "prevention": 0.175,
    "networking": 0.161,
    "information": 0.30,
    "accompaniment": 0.07,
    "referral": 0.12,
    "crisis": 0.015,
    "other": 0.04,
}
UNMET = ["nothing_suitable", "waiting_list", "capacity", "distance", "language", "cost"]


def _codes() -> dict[str, list[Any]]:
    from socioinfo.areas.selectors import brno_city_districts
    from socioinfo.directory.models import Language, LifeSituation, ServiceType, TargetGroup

    return {
        "districts": list(brno_city_districts().values_list("pk", flat=True)) + [None],
        "groups": list(TargetGroup.objects.values_list("pk", flat=True)) + [None],
        "languages": list(Language.objects.values_list("pk", flat=True)) + [None],
        "situations": list(LifeSituation.objects.values_list("pk", flat=True)),
        "types": list(ServiceType.objects.values_list("pk", flat=True)),
    }


def _value(field: Any, value: Any, connection: Any) -> Any:
    return field.get_db_prep_save(value, connection)


def generate_enquiries(count: int, years: int, seed: int) -> dict[str, Any]:
    """Write ``count`` enquiries (and their child rows) in bulk; return the row counts and
    the time taken."""
    from django.db import connection, transaction

    from socioinfo.advice.counts import recount_months
    from socioinfo.advice.models import Enquiry, month_of

    rng = random.Random(seed)
    codes = _codes()
    last_year = datetime.date.today().year - 1
    # Whole years in Prague time (UTC+1 in winter), so the last one ends on 31 December.
    start = datetime.datetime(last_year - years, 12, 31, 23, tzinfo=datetime.UTC)
    span = int(
        (datetime.datetime(last_year, 12, 31, 23, tzinfo=datetime.UTC) - start).total_seconds()
    )
    is_pg = connection.vendor == "postgresql"
    uuid_field = Enquiry._meta.get_field("id")
    when_field = Enquiry._meta.get_field("contacted_at")

    def uid(value: uuid.UUID | None) -> Any:
        if value is None:
            return None
        return value if is_pg else uuid_field.get_db_prep_save(value, connection)

    def moment(dt: datetime.datetime) -> Any:
        return dt if is_pg else when_field.get_db_prep_save(dt, connection)

    def day(value: datetime.date) -> Any:
        return value if is_pg else value.isoformat()

    enquiry_columns = (
        "id, created_at, updated_at, contacted_at, channel, status, team, age_band, gender, "
        "nationality, first_contact, with_interpreter, duration_minutes, follow_up_on, note, "
        "is_demo, client_id, district_id, language_id, target_group_id, worker_id, month"
    )
    tables = {
        "advice_enquiry": enquiry_columns,
        "advice_enquiry_topics": "enquiry_id, lifesituation_id",
        "advice_supportgiven": "enquiry_id, support_type",
        "advice_referral": "id, created_at, updated_at, reason, enquiry_id, service_id, "
        "service_type_id",
        "advice_unmetneed": "id, created_at, updated_at, reason, district_id, enquiry_id, "
        "service_type_id",
    }
    counts = dict.fromkeys(tables, 0)
    started = time.perf_counter()
    now = moment(datetime.datetime.now(datetime.UTC))
    with transaction.atomic(), connection.cursor() as cursor:
        written = 0
        while written < count:
            size = min(BATCH, count - written)
            rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in tables}
            for _n in range(size):
                key = uuid.UUID(int=rng.getrandbits(128), version=4)
                eid = uid(key)
                instant = start + datetime.timedelta(seconds=rng.randrange(span))
                when = moment(instant)
                interpreted = rng.random() < SUPPORT["interpreting"]
                district = rng.choice(codes["districts"])
                rows["advice_enquiry"].append(
                    (
                        eid, now, now, when, rng.choice(CHANNELS), "done",
                        "intercultural" if interpreted else "centre", rng.choice(AGES),
                        rng.choice(GENDERS), rng.choice(NATIONALITIES), rng.random() < 0.7,
                        interpreted, 15, None, "", False, None, uid(district),
                        uid(rng.choice(codes["languages"])), uid(rng.choice(codes["groups"])),
                        None, day(month_of(instant)),
                    )
                )  # fmt: skip
                for situation in {
                    rng.choice(codes["situations"]) for _t in range(rng.choice((1, 1, 2)))
                }:
                    rows["advice_enquiry_topics"].append((eid, uid(situation)))
                for kind, share in SUPPORT.items():
                    if interpreted if kind == "interpreting" else rng.random() < share:
                        rows["advice_supportgiven"].append((eid, kind))
                if rng.random() < 0.12:
                    rows["advice_referral"].append(
                        (
                            uid(uuid.uuid4()),
                            now,
                            now,
                            "",
                            eid,
                            None,
                            uid(rng.choice(codes["types"])),
                        )
                    )
                if rng.random() < 0.04:
                    rows["advice_unmetneed"].append(
                        (
                            uid(uuid.uuid4()), now, now, rng.choice(UNMET), uid(district), eid,
                            uid(rng.choice(codes["types"])),
                        )
                    )  # fmt: skip
            for table, columns in tables.items():
                _insert(cursor, table, columns, rows[table], is_pg)
                counts[table] += len(rows[table])
            written += size
            progress(f"{written:,} enquiries")
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    progress("recounting the monthly counts")
    recount_started = time.perf_counter()
    count_rows = recount_months(None)
    return {
        "rows": counts,
        "seconds": round(seconds, 1),
        "per_second": round(count / seconds),
        "recount_seconds": round(time.perf_counter() - recount_started, 1),
        "monthly_count_rows": count_rows,
    }


def _insert(
    cursor: Any, table: str, columns: str, rows: list[tuple[Any, ...]], is_pg: bool
) -> None:
    if not rows:
        return
    if is_pg:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(columns.split(",")))
    cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def signed_in_client() -> Any:
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from socioinfo.accounts import services
    from socioinfo.accounts.models import User
    from socioinfo.accounts.roles import Role

    user, _created = User.objects.get_or_create(email="bench-advice@example.org")
    services.set_roles(user, [Role.ADVICE_WORKER])
    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="bench", confirmed=True
    )
    client = Client()
    client.force_login(user, backend="socioinfo.accounts.backends.EmailPasswordBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def measure(repeat: int) -> dict[str, Any]:
    from socioinfo.advice.models import Enquiry
    from socioinfo.advice.selectors import enquiry_years

    latest = enquiry_years()[0]
    staff = signed_in_client()
    from django.test import Client

    public = Client()
    cases = {
        "staff page, all years": (staff, "/advice/statistics/?year=all"),
        f"staff page, {latest}": (staff, f"/advice/statistics/?year={latest}"),
        "public page, all years": (public, "/socio-info-centre/statistics/?year=all"),
    }
    results: dict[str, Any] = {"enquiries": Enquiry.objects.count(), "latest_year": latest}
    for name, (client, url) in cases.items():
        samples = []
        for _n in range(repeat + 1):
            started = time.perf_counter()
            response = client.get(url, secure=True)
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        results[name] = percentiles(samples[1:])  # the first run warms the caches
        results[name]["bytes"] = len(response.content)
        progress(f"{name}: p50 {results[name]['p50_ms']:.0f} ms")
    return results


def markdown(
    info: dict[str, str], generated: dict[str, Any] | None, results: dict[str, Any]
) -> str:
    lines = [
        f"Database: **{info['database of this run']}**; {results['enquiries']:,} enquiries.",
        "",
    ]
    if generated:
        rows = ", ".join(f"{table} {n:,}" for table, n in generated["rows"].items())
        lines += [
            f"Generated in {generated['seconds']} s ({generated['per_second']:,} enquiries/s): "
            f"{rows}; monthly counts recounted in {generated['recount_seconds']} s "
            f"({generated['monthly_count_rows']:,} rows).",
            "",
        ]
    lines += [
        "| page | p50 | p95 | max | size | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, figures in results.items():
        if isinstance(figures, dict):
            lines.append(
                f"| {name} | {figures['p50_ms']:.0f} ms | {figures['p95_ms']:.0f} ms | "
                f"{figures['max_ms']:.0f} ms | {figures['bytes'] / 1024:.0f} KiB | ≤ 1,000 ms |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2010)
    parser.add_argument("--reuse", action="store_true", help="measure the last generated data")
    args = parser.parse_args(argv)

    url = args.database_url or SQLITE_URL
    if not args.reuse:
        url = recreate_database(url)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
    configure_django(url)
    # Load every module the pages use now: a long run must not pick up half-edited files.
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports the views
    generated = None
    if not args.reuse:
        prepare_database()
        progress(f"generating {args.count:,} enquiries")
        generated = generate_enquiries(args.count, args.years, args.seed)
    info = machine()
    results = measure(args.repeat)
    report = markdown(info, generated, results)
    print(report)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"bench_advice_{info['database of this run']}.json").write_text(
        json.dumps({"machine": info, "generated": generated, "results": results}, indent=2)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
