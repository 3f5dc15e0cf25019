"""What the advice screens read: the staff queue, recent choices for fast logging, and the
statistics (aggregated in the database with GROUP BY and conditional counts, never row by
row in Python, so a million enquiries answer in well under a second)."""

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from socioinfo.advice.models import (
    AgeBand,
    Channel,
    Client,
    Enquiry,
    Nationality,
    Referral,
    Status,
    SupportGiven,
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
    count: int | None  # None: suppressed (fewer than SMALL_COUNT)
    share: float | None = None  # percent of enquiries


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


def _zone() -> datetime.tzinfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    tz = _zone()
    return datetime.datetime(year, 1, 1, tzinfo=tz), datetime.datetime(year + 1, 1, 1, tzinfo=tz)


def enquiry_years() -> list[int]:
    """Years with enquiries, newest first (two index lookups)."""
    span = Enquiry.objects.filter(status=Status.DONE).aggregate(
        first=Min("contacted_at"), last=Max("contacted_at")
    )
    if span["first"] is None:
        return []
    tz = _zone()
    return list(range(span["last"].astimezone(tz).year, span["first"].astimezone(tz).year - 1, -1))


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


def _group(qs: QuerySet[Any], column: str) -> list[tuple[Any, int]]:
    return [
        (row[column], row["n"])
        for row in qs.order_by().values(column).annotate(n=Count("*")).values(column, "n")
    ]


def _names(model: Any, ids: Iterable[Any], attribute: str = "name") -> dict[Any, str]:
    ids = [i for i in ids if i is not None]
    objects = model.objects.filter(pk__in=ids)
    if hasattr(model, "localized"):
        return {o.pk: o.localized(attribute).text for o in objects}
    return {o.pk: getattr(o, attribute) for o in objects}


def _time_table(base: QuerySet[Enquiry], year: int | None, years: list[int]) -> Table:
    """Enquiries by month of a year, or by year: one query of conditional counts."""
    tz = _zone()
    if year is not None:
        bounds = [
            (
                str(month),
                datetime.datetime(year, month, 1, tzinfo=tz),
                datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz),
            )
            for month in range(1, 13)
        ]
        labels = {str(m): f"{m}/{year}" for m in range(1, 13)}
        slug, title = "months", _("Enquiries by month")
    else:
        bounds = [(str(y), *_year_bounds(y)) for y in sorted(years)]
        labels = {str(y): str(y) for y in years}
        slug, title = "years", _("Enquiries by year")
    if not bounds:
        return Table(slug, str(title), [])
    counts = base.aggregate(
        **{
            f"c{key}": Count("pk", filter=Q(contacted_at__gte=start, contacted_at__lt=end))
            for key, start, end in bounds
        }
    )
    return Table(
        slug,
        str(title),
        [Row(key, labels[key], counts[f"c{key}"]) for key, _start, _end in bounds],
    )


def enquiry_statistics(year: int | None = None, *, public: bool = False) -> Statistics:
    """Counts of a year's enquiries (all years when ``year`` is None) by month, channel,
    topic, client group, age, district and language; support types as shares of contacts
    (one contact has several, so they sum to more than 100 %); referrals by service type;
    unmet needs by reason, service type and district. ``public`` hides counts under 5."""
    years = enquiry_years()
    base = Enquiry.objects.filter(status=Status.DONE)
    related = Q(enquiry__status=Status.DONE)
    if year is not None:
        start, end = _year_bounds(year)
        base = base.filter(contacted_at__gte=start, contacted_at__lt=end)
        related &= Q(enquiry__contacted_at__gte=start, enquiry__contacted_at__lt=end)
    total = base.count()
    stats = Statistics(year=year, years=years, total=total, public=public)
    stats.tables.append(_time_table(base, year, years))

    def choices_table(slug: str, title: Any, column: str, choices: Any) -> Table:
        labels = {value: str(label) for value, label in choices.choices}
        return Table(slug, str(title), _counted(_group(base, column), labels, total, public=public))

    def model_table(slug: str, title: Any, qs: QuerySet[Any], column: str, model: Any) -> Table:
        rows = _group(qs, column)
        labels = _names(model, (k for k, _n in rows))
        return Table(slug, str(title), _counted(rows, labels, total, public=public))

    topics = Enquiry.topics.through.objects.filter(related)
    stats.tables += [
        choices_table("channels", _("Enquiries by channel"), "channel", Channel),
        model_table("topics", _("Enquiries by topic"), topics, "lifesituation_id", LifeSituation),
        model_table("groups", _("Enquiries by client group"), base, "target_group_id", TargetGroup),
        choices_table("ages", _("Enquiries by age"), "age_band", AgeBand),
        model_table(
            "districts", _("Enquiries by city district of residence"), base, "district_id", Area
        ),
        model_table("languages", _("Enquiries by language"), base, "language_id", Language),
        choices_table("nationalities", _("Enquiries by nationality"), "nationality", Nationality),
    ]
    support_labels = {value: str(label) for value, label in SupportType.choices}
    support = Table(
        "support",
        str(_("Support given, as a share of contacts")),
        _counted(
            _group(SupportGiven.objects.filter(related), "support_type"),
            support_labels,
            total,
            public=public,
        ),
        note=str(
            _(
                "One contact often carries several kinds of support, so the shares add up to "
                "more than 100 %."
            )
        ),
    )
    stats.tables.append(support)
    referrals = Referral.objects.filter(related)
    unmet = UnmetNeed.objects.filter(related)
    stats.tables += [
        model_table(
            "referrals", _("Referrals by service type"), referrals, "service_type_id", ServiceType
        ),
    ]
    unmet_labels = {value: str(label) for value, label in UnmetReason.choices}
    stats.tables.append(
        Table(
            "unmet-reasons",
            str(_("Unmet needs by reason")),
            _counted(_group(unmet, "reason"), unmet_labels, total, public=public),
        )
    )
    stats.tables += [
        model_table(
            "unmet-types", _("Unmet needs by service type"), unmet, "service_type_id", ServiceType
        ),
        model_table(
            "unmet-districts", _("Unmet needs by city district"), unmet, "district_id", Area
        ),
    ]
    return stats


def statistics_rows(stats: Statistics) -> list[list[Any]]:
    """The statistics as one flat table for CSV and XLSX: table, label, count, share."""
    rows: list[list[Any]] = []
    for table in stats.tables:
        for row in table.rows:
            rows.append(
                [
                    table.title,
                    row.label,
                    row.count if row.count is not None else f"<{SMALL_COUNT}",
                    round(row.share, 1) if row.share is not None else "",
                ]
            )
    return rows
