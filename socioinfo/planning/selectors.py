"""Everything planning screens and exports read."""

import datetime
import difflib
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from socioinfo.planning.models import (
    Comment,
    Consultation,
    ItemText,
    Plan,
    PlanItem,
    PlanVersion,
    ProgressReport,
    ProgressStatus,
    Settlement,
)
from socioinfo.planning.models.plan import PUBLIC_STATUSES


@dataclass
class Node:
    item: PlanItem
    level: str
    children: list["Node"] = field(default_factory=list)

    def walk(self) -> Any:
        yield self
        for child in self.children:
            yield from child.walk()


def public_plans() -> QuerySet[Plan]:
    """Approved and archived plans, newest first."""
    return Plan.objects.filter(status__in=PUBLIC_STATUSES)


def plans_for(user: Any) -> QuerySet[Plan]:
    """The plans this person may read: all of them for planners, public ones otherwise."""
    if user.has_perm("planning.view_unpublished_plans"):
        return Plan.objects.all()
    return public_plans()


def open_consultations(today: datetime.date | None = None) -> QuerySet[Consultation]:
    """Consultations accepting comments today."""
    today = today or timezone.localdate()
    return Consultation.objects.filter(
        closed_at__isnull=True, opens_on__lte=today, closes_on__gte=today
    ).select_related("plan", "version")


def settled_consultations() -> QuerySet[Consultation]:
    """Closed consultations, latest first: their settlement tables are public."""
    return (
        Consultation.objects.filter(closed_at__isnull=False)
        .select_related("plan")
        .order_by("-closed_at")
    )


def level_names(plan: Plan) -> dict[int, str]:
    return dict(plan.levels.values_list("depth", "name"))


def plan_tree(plan: Plan) -> list[Node]:
    """The plan's items as a tree (roots first), in the plan's order, with their
    responsible bodies, in one query per relation."""
    names = level_names(plan)
    items = list(plan.items.prefetch_related("responsible_bodies").order_by("order"))
    nodes = {item.pk: Node(item, names.get(item.depth, "")) for item in items}
    roots = []
    for item in items:
        node = nodes[item.pk]
        if item.parent_id and item.parent_id in nodes:
            nodes[item.parent_id].children.append(node)
        else:
            roots.append(node)
    return roots


def ancestors(item: PlanItem) -> list[PlanItem]:
    """From the root down to the item's parent."""
    chain = []
    parent = item.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return list(reversed(chain))


def effective_time_frame(item: PlanItem) -> tuple[str, bool]:
    """The item's time frame as written, or its nearest ancestor's (then True)."""
    if item.time_frame:
        return item.time_frame, False
    for parent in reversed(ancestors(item)):
        if parent.time_frame:
            return parent.time_frame, True
    return "", False


def item_page(plan: Plan, code: str) -> PlanItem:
    return (
        plan.items.select_related("parent__parent__parent")
        .prefetch_related(
            "responsible_bodies",
            "target_groups",
            "service_types",
            "areas",
            "projects",
            Prefetch("progress", queryset=ProgressReport.objects.order_by("year")),
            "indicators__values",
        )
        .get(code=code)
    )


# --- Progress -------------------------------------------------------------------------


@dataclass
class ProgressRow:
    item: PlanItem
    measures: int
    reported: int
    percent: int  # average of the latest reports; unreported measures count as 0
    done: int
    delayed: int


def latest_progress(plan: Plan, year: int | None = None) -> dict[Any, ProgressReport]:
    """The latest report of each measure (up to ``year``)."""
    reports = ProgressReport.objects.filter(measure__plan=plan).order_by("measure", "year")
    if year is not None:
        reports = reports.filter(year__lte=year)
    return {report.measure_id: report for report in reports}


def progress_by_branch(plan: Plan, depth: int, year: int | None = None) -> list[ProgressRow]:
    """One row per item at ``depth`` (goals, priorities) over the measures below it."""
    roots = plan_tree(plan)
    latest = latest_progress(plan, year)
    leaf_depth = max((n.item.depth for r in roots for n in r.walk()), default=0)
    rows = []
    for root in roots:
        for node in root.walk():
            if node.item.depth != depth:
                continue
            leaves = [n.item for n in node.walk() if n.item.depth == leaf_depth]
            reports = [latest[m.pk] for m in leaves if m.pk in latest]
            total = sum(r.percent for r in reports)
            rows.append(
                ProgressRow(
                    item=node.item,
                    measures=len(leaves),
                    reported=len(reports),
                    percent=round(total / len(leaves)) if leaves else 0,
                    done=sum(r.status == ProgressStatus.DONE for r in reports),
                    delayed=sum(r.status == ProgressStatus.DELAYED for r in reports),
                )
            )
    return rows


def progress_years(plan: Plan) -> list[int]:
    return sorted(
        set(ProgressReport.objects.filter(measure__plan=plan).values_list("year", flat=True))
    )


# --- Consultation ------------------------------------------------------------------------


@dataclass
class SettlementRow:
    comment: Comment
    settlement: Settlement | None
    before: ItemText | None
    after: ItemText | None

    @property
    def changed(self) -> bool:
        return bool(
            self.before
            and self.after
            and (self.before.text, self.before.responsibility, self.before.time_frame)
            != (self.after.text, self.after.responsibility, self.after.time_frame)
        )


def next_version(version: PlanVersion) -> PlanVersion | None:
    return (
        PlanVersion.objects.filter(plan_id=version.plan_id, number__gt=version.number)
        .order_by("number")
        .first()
    )


def settlement_table(consultation: Consultation) -> list[SettlementRow]:
    """Every confirmed comment with its latest settlement and the item's text in the
    consulted version and in the next one (after settling), in the plan's order."""
    comments = list(
        consultation.comments.filter(confirmed_at__isnull=False)
        .select_related("item")
        .prefetch_related("settlements")
        .order_by("item__order", "created_at")
    )
    following = next_version(consultation.version)
    texts = {
        (t.item_id, t.version_id): t
        for t in ItemText.objects.filter(
            item__in={c.item_id for c in comments},
            version__in=[v for v in (consultation.version, following) if v],
        )
    }
    rows = []
    for comment in comments:
        settlements = list(comment.settlements.all())
        rows.append(
            SettlementRow(
                comment=comment,
                settlement=settlements[-1] if settlements else None,
                before=texts.get((comment.item_id, consultation.version_id)),
                after=texts.get((comment.item_id, following.pk)) if following else None,
            )
        )
    return rows


@dataclass
class DiffPart:
    kind: str  # "same", "removed", "added"
    text: str


def word_diff(before: str, after: str) -> list[DiffPart]:
    """Word by word: what was removed and what was added."""
    old, new = before.split(), after.split()
    parts: list[DiffPart] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new).get_opcodes():
        if tag == "equal":
            parts.append(DiffPart("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(DiffPart("removed", " ".join(old[i1:i2])))
        if j2 > j1:
            parts.append(DiffPart("added", " ".join(new[j1:j2])))
    return parts


@dataclass
class ItemDiff:
    item: PlanItem
    before: ItemText | None
    after: ItemText | None
    text: list[DiffPart]
    responsibility: list[DiffPart]
    time_frame: list[DiffPart]


def item_diff(item: PlanItem, before: PlanVersion, after: PlanVersion) -> ItemDiff:
    """The item's text, responsibility and time frame compared between two versions."""
    texts = {t.version_id: t for t in item.texts.filter(version__in=[before, after])}
    old, new = texts.get(before.pk), texts.get(after.pk)

    def diff(name: str) -> list[DiffPart]:
        return word_diff(getattr(old, name, "") or "", getattr(new, name, "") or "")

    return ItemDiff(item, old, new, diff("text"), diff("responsibility"), diff("time_frame"))


# --- Links across modules -----------------------------------------------------------------


@dataclass
class RelatedService:
    service: Any
    capacities: list[Any]


def services_for_item(item: PlanItem, limit: int = 50) -> tuple[list[RelatedService], int]:
    """Published directory services of the item's service types (in its areas, when it
    has any), with their capacity per form; and how many there are in all."""
    from socioinfo.directory.models import Service

    types = list(item.service_types.all())
    if not types:
        return [], 0
    services = Service.objects.published().filter(service_type__in=types)
    areas = list(item.areas.all())
    if areas:
        services = services.filter(
            models.Q(areas_served__in=areas) | models.Q(locations__city_district__in=areas)
        )
    services = services.distinct().select_related("organisation", "service_type")
    total = services.count()
    rows = [
        RelatedService(service, [f for f in service.forms.all() if f.capacity is not None])
        for service in services.prefetch_related("forms").order_by("sort_name")[:limit]
    ]
    return rows, total
