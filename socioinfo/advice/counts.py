"""Monthly counts of enquiries by each dimension the statistics show. The statistics pages
sum these rows (a few thousand for ten years) instead of grouping a million enquiries at
every request. Saving an enquiry moves its own contribution (``apply_change``: a few
single-row updates); bulk loads recount whole months with GROUP BY (``recount_months``)."""

import datetime
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.apps import apps as global_apps
from django.db import transaction
from django.db.models import Count, F

# dimension → column of the enquiry it counts
ENQUIRY_DIMENSIONS = {
    "channels": "channel",
    "groups": "target_group_id",
    "ages": "age_band",
    "districts": "district_id",
    "languages": "language_id",
    "nationalities": "nationality",
}
# dimension → (model, column) of rows that hang on an enquiry
RELATED_DIMENSIONS = {
    "topics": ("Enquiry_topics", "lifesituation_id"),
    "support": ("SupportGiven", "support_type"),
    "referrals": ("Referral", "service_type_id"),
    "unmet-reasons": ("UnmetNeed", "reason"),
    "unmet-types": ("UnmetNeed", "service_type_id"),
    "unmet-districts": ("UnmetNeed", "district_id"),
}
TOTAL = "total"


def key_of(value: Any) -> str:
    """A grouped value as the count row's key: a choice, or an id as text ("" for none)."""
    return "" if value is None else str(value)


@transaction.atomic
def recount_months(months: Iterable[datetime.date | None] | None = None, apps: Any = None) -> int:
    """Recount the given months (all of them when None) from the enquiries that are done;
    return how many count rows were written."""
    apps = apps or global_apps
    enquiry_model = apps.get_model("advice", "Enquiry")
    count_model = apps.get_model("advice", "MonthlyCount")
    chosen = None if months is None else sorted({m for m in months if m is not None})
    base = enquiry_model.objects.filter(status="done")
    related_filter: dict[str, Any] = {"enquiry__status": "done"}
    stale = count_model.objects.all()
    if chosen is not None:
        if not chosen:
            return 0
        base = base.filter(month__in=chosen)
        related_filter["enquiry__month__in"] = chosen
        stale = stale.filter(month__in=chosen)
    stale.delete()

    rows = []

    def add(queryset: Any, month: str, column: str | None, dimension: str) -> None:
        fields = [month] + ([column] if column else [])
        for row in queryset.order_by().values(*fields).annotate(n=Count("*")):
            rows.append(
                count_model(
                    month=row[month],
                    dimension=dimension,
                    key=key_of(row[column]) if column else "",
                    count=row["n"],
                )
            )

    add(base, "month", None, TOTAL)
    for dimension, column in ENQUIRY_DIMENSIONS.items():
        add(base, "month", column, dimension)
    for dimension, (model_name, column) in RELATED_DIMENSIONS.items():
        if model_name == "Enquiry_topics":
            model = enquiry_model.topics.through
        else:
            model = apps.get_model("advice", model_name)
        add(model.objects.filter(**related_filter), "enquiry__month", column, dimension)
    count_model.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


Contribution = Counter[tuple[datetime.date, str, str]]


def contribution_of(enquiry_id: Any) -> Contribution:
    """What one enquiry adds to the monthly counts: (month, dimension, key) → how many.
    Nothing while it waits for an answer."""
    from socioinfo.advice.models import Enquiry

    row = (
        Enquiry.objects.filter(pk=enquiry_id, status="done")
        .values("month", *ENQUIRY_DIMENSIONS.values())
        .first()
    )
    counts: Contribution = Counter()
    if row is None:
        return counts
    month = row["month"]
    counts[(month, TOTAL, "")] += 1
    for dimension, column in ENQUIRY_DIMENSIONS.items():
        counts[(month, dimension, key_of(row[column]))] += 1
    for dimension, (model_name, column) in RELATED_DIMENSIONS.items():
        if model_name == "Enquiry_topics":
            model = Enquiry.topics.through
        else:
            model = global_apps.get_model("advice", model_name)
        for value in model.objects.filter(enquiry_id=enquiry_id).values_list(column, flat=True):
            counts[(month, dimension, key_of(value))] += 1
    return counts


def apply_change(before: Contribution, after: Contribution) -> None:
    """Move the monthly counts from an enquiry's old contribution to its new one: a few
    single-row updates, however many enquiries the month has."""
    from socioinfo.advice.models import MonthlyCount

    delta = Counter(after)
    delta.subtract(before)
    touched = set()
    for (month, dimension, key), change in delta.items():
        if change == 0:
            continue
        touched.add(month)
        rows = MonthlyCount.objects.filter(month=month, dimension=dimension, key=key)
        if not rows.update(count=F("count") + change):
            MonthlyCount.objects.create(month=month, dimension=dimension, key=key, count=change)
    if touched:
        MonthlyCount.objects.filter(month__in=touched, count=0).delete()
