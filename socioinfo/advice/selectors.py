"""What the advice screens read: the staff queue, recent choices for fast logging, and the
statistics (aggregated in the database with GROUP BY and conditional counts, never row by
row in Python, so a million enquiries answer in well under a second)."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Min, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from socioinfo.advice.counts import TOTAL
from socioinfo.advice.models import (
    AgeBand,
    Channel,
    Client,
    Enquiry,
    MonthlyCount,
    Nationality,
    Status,
    SupportType,
    UnmetNeed,
    UnmetReason,
)
from socioinfo.advice.rules import teams_of
from socioinfo.areas.models import Area
from socioinfo.directory.models import Language, LifeSituation, ServiceType, TargetGroup

# Counts below this are not published: a small count in a small district can point to a person.
SMALL_COUNT = 5


def waiting_queue() -> QuerySet[Enquiry]:
    """Questions from the public form that nobody has answered yet, oldest first."""
    return (
        Enquiry.objects.filter(status=Status.WAITING)
        .select_related("web_contact", "language")
        .order_by("contacted_at")
    )


def recent_enquiries(user: Any, limit: int = 20) -> QuerySet[Enquiry]:
    """The latest enquiries of the user's teams."""
    return (
        Enquiry.objects.filter(team__in=teams_of(user), status=Status.DONE)
        .select_related("worker", "district", "client")
        .prefetch_related("topics")
        .order_by("-contacted_at")[:limit]
    )


def enquiry_page(pk: Any) -> Enquiry:
    return (
        Enquiry.objects.select_related("worker", "district", "target_group", "language", "client")
        .prefetch_related("topics", "support", "referrals__service", "unmet_needs")
        .get(pk=pk)
    )


def clients_of(user: Any) -> QuerySet[Client]:
    """Clients of the user's teams that still exist as such (not anonymised)."""
    return Client.objects.filter(team__in=teams_of(user), anonymised_at=None).annotate(
        contacts=Count("enquiries")
    )


def recent_choices(user: Any, field_name: str, limit: int = 8, look_back: int = 60) -> list[Any]:
    """The values of ``field_name`` the user chose in their latest enquiries, most frequent
    first: the form puts them at the top of their list."""
    latest = (
        Enquiry.objects.filter(worker=user)
        .order_by("-contacted_at")
        .values_list("pk", flat=True)[:look_back]
    )
    rows = (
        Enquiry.objects.filter(pk__in=list(latest))
        .exclude(**{f"{field_name}__isnull": True})
        .values(field_name)
        .annotate(n=Count("pk"))
        .order_by("-n")[:limit]
    )
    return [row[field_name] for row in rows if row[field_name] not in ("", None)]


@dataclass
class Row:
    key: str
    label: str
    count: int | None  # None: suppressed (fewer than SMALL_COUNT, or ``protects``)
    share: float | None = None  # percent of enquiries
    # Hidden though not small, so that a single small count cannot be worked out from the
    # total and the other rows (secondary suppression).
    protects: bool = False


def with_secondary_suppression(rows: list[Row]) -> None:
    """Where exactly one row of a table is hidden as small, hide the smallest shown row
    too: the total and the rest then give only the sum of the two, never the small one."""
    hidden = [r for r in rows if r.count is None]
    shown = [r for r in rows if r.count is not None and r.count > 0]
    if len(hidden) == 1 and shown:
        smallest = min(shown, key=lambda r: (r.count, r.label))
        smallest.count, smallest.share, smallest.protects = None, None, True


@dataclass
class Table:
    slug: str
    title: str
    rows: list[Row]
    note: str = ""

    @property
    def largest(self) -> int:
        return max((r.count or 0 for r in self.rows), default=0)


@dataclass
class Statistics:
    year: int | None
    years: list[int]
    total: int
    public: bool
    tables: list[Table] = field(default_factory=list)

    def table(self, slug: str) -> Table:
        return next(t for t in self.tables if t.slug == slug)


def enquiry_years() -> list[int]:
    """Years with enquiries, newest first."""
    span = MonthlyCount.objects.filter(dimension=TOTAL).aggregate(
        first=Min("month"), last=Max("month")
    )
    if span["first"] is None:
        return []
    return list(range(span["last"].year, span["first"].year - 1, -1))


def _counted(
    rows: Iterable[tuple[Any, int]], labels: dict[Any, str], total: int, *, public: bool
) -> list[Row]:
    """Rows with shares of ``total``, largest first; small counts hidden when public."""
    out = []
    for key, count in sorted(rows, key=lambda kv: (-kv[1], labels.get(kv[0], ""))):
        label = labels.get(key) or str(_("not recorded"))
        if public and count < SMALL_COUNT:
            out.append(Row(str(key), label, None, None))
        else:
            out.append(Row(str(key), label, count, 100.0 * count / total if total else 0.0))
    return out


def _names(model: Any, keys: Iterable[str], attribute: str = "name") -> dict[str, str]:
    """Names of the rows whose ids are ``keys`` (ids as text), by key."""
    ids = [key for key in keys if key]
    if hasattr(model, "localized"):
        objects = model.objects.filter(pk__in=ids).only("pk", attribute, "translations")
        return {str(o.pk): o.localized(attribute).text for o in objects}
    # Only the names: an area's geometry is large and not needed here.
    return {
        str(pk): name for pk, name in model.objects.filter(pk__in=ids).values_list("pk", attribute)
    }


CHOICE_DIMENSIONS: dict[str, tuple[Any, Any]] = {
    "channels": (_("Enquiries by channel"), Channel),
    "ages": (_("Enquiries by age"), AgeBand),
    "nationalities": (_("Enquiries by nationality"), Nationality),
    "support": (_("Support given, as a share of contacts"), SupportType),
    "unmet-reasons": (_("Unmet needs by reason"), UnmetReason),
}
MODEL_DIMENSIONS: dict[str, tuple[Any, Any]] = {
    "topics": (_("Enquiries by topic"), LifeSituation),
    "groups": (_("Enquiries by client group"), TargetGroup),
    "districts": (_("Enquiries by city district of residence"), Area),
    "languages": (_("Enquiries by language"), Language),
    "referrals": (_("Referrals by service type"), ServiceType),
    "unmet-types": (_("Unmet needs by service type"), ServiceType),
    "unmet-districts": (_("Unmet needs by city district"), Area),
}
ORDER = [
    "channels",
    "topics",
    "groups",
    "ages",
    "districts",
    "languages",
    "nationalities",
    "support",
    "referrals",
    "unmet-reasons",
    "unmet-types",
    "unmet-districts",
]


def _time_table(counts: QuerySet[MonthlyCount], year: int | None, *, public: bool) -> Table:
    """Enquiries by month of a year, or by year (small counts hidden when public)."""

    def shown(n: int) -> int | None:
        return None if public and 0 < n < SMALL_COUNT else n

    totals = counts.filter(dimension=TOTAL)
    if year is not None:
        by_month = dict(totals.values_list("month__month").annotate(n=Sum("count")))
        rows = [Row(str(m), f"{m}/{year}", shown(by_month.get(m, 0))) for m in range(1, 13)]
        return Table("months", str(_("Enquiries by month")), rows)
    by_year = (
        totals.annotate(year=ExtractYear("month"))
        .values("year")
        .annotate(n=Sum("count"))
        .order_by("year")
    )
    rows = [Row(str(r["year"]), str(r["year"]), shown(r["n"])) for r in by_year]
    return Table("years", str(_("Enquiries by year")), rows)


def enquiry_statistics(year: int | None = None, *, public: bool = False) -> Statistics:
    """Counts of a year's enquiries (all years when ``year`` is None) by month, channel,
    topic, client group, age, district and language; support types as shares of contacts
    (one contact has several, so they sum to more than 100 %); referrals by service type;
    unmet needs by reason, service type and district. ``public`` hides counts under 5.
    Read from the monthly counts, summed in the database (one GROUP BY for all tables)."""
    counts = MonthlyCount.objects.all()
    if year is not None:
        counts = counts.filter(
            month__gte=datetime.date(year, 1, 1), month__lt=datetime.date(year + 1, 1, 1)
        )
    grouped: dict[str, list[tuple[str, int]]] = {}
    for dimension, key, n in (
        counts.values("dimension", "key")
        .annotate(n=Sum("count"))
        .values_list("dimension", "key", "n")
    ):
        grouped.setdefault(dimension, []).append((key, n))
    total = sum(n for _key, n in grouped.get(TOTAL, []))
    stats = Statistics(year=year, years=enquiry_years(), total=total, public=public)
    stats.tables.append(_time_table(counts, year, public=public))
    for slug in ORDER:
        rows = grouped.get(slug, [])
        if slug in CHOICE_DIMENSIONS:
            title, choices = CHOICE_DIMENSIONS[slug]
            labels = {str(value): str(label) for value, label in choices.choices}
        else:
            title, model = MODEL_DIMENSIONS[slug]
            labels = _names(model, (key for key, _n in rows))
        table = Table(slug, str(title), _counted(rows, labels, total, public=public))
        if slug == "support":
            table.note = str(
                _(
                    "One contact often carries several kinds of support, so the shares add up "
                    "to more than 100 %."
                )
            )
        stats.tables.append(table)
    if public:
        for table in stats.tables:
            with_secondary_suppression(table.rows)
    return stats


def hidden_text(row: Row) -> str:
    """What a hidden count says in files and charts."""
    return str(_("hidden")) if row.protects else f"<{SMALL_COUNT}"


def statistics_rows(stats: Statistics) -> list[list[Any]]:
    """The statistics as one flat table for CSV and XLSX: table, label, count, share."""
    rows: list[list[Any]] = []
    for table in stats.tables:
        for row in table.rows:
            rows.append(
                [
                    table.title,
                    row.label,
                    row.count if row.count is not None else hidden_text(row),
                    round(row.share, 1) if row.share is not None else "",
                ]
            )
    return rows


@dataclass(frozen=True)
class NeedCount:
    """How many recorded unmet needs of one service type in one district, for one reason;
    ``count`` is None where fewer than SMALL_COUNT (hidden in public outputs)."""

    service_type: str
    district: str
    reason: str
    count: int | None


def unmet_needs_summary(
    service_type_ids: Iterable[Any], district_ids: Iterable[Any] = (), *, public: bool = True
) -> list[NeedCount]:
    """Unmet needs recorded for these service types (in these districts, when any are given),
    counted by type, district and reason in the database, largest first: what planning reads
    on a measure. Counts under SMALL_COUNT are hidden when ``public``."""
    types = list(service_type_ids)
    if not types:
        return []
    needs = UnmetNeed.objects.filter(service_type__in=types)
    districts = list(district_ids)
    if districts:
        needs = needs.filter(district__in=districts)
    rows = (
        needs.values("service_type__name", "district__name", "reason")
        .annotate(n=Count("id"))
        .order_by("-n", "service_type__name", "district__name", "reason")
    )
    reasons = dict(UnmetReason.choices)
    return [
        NeedCount(
            row["service_type__name"],
            row["district__name"] or "",
            str(reasons.get(row["reason"], row["reason"])),
            None if public and row["n"] < SMALL_COUNT else row["n"],
        )
        for row in rows
    ]
