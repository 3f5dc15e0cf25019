"""What planning templates show, prepared from the selectors: page contexts and the
numbers of the server-drawn charts (SVG bars, always next to a table of the same data)."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from socioinfo.planning import selectors
from socioinfo.planning.models import (
    Consultation,
    Plan,
    PlanItem,
    ProgressStatus,
    ResponsibleBody,
)

BAR_HEIGHT = 28
LABEL_WIDTH = 70
CHART_WIDTH = 400


def today() -> datetime.date:
    return timezone.localdate()


@dataclass
class Bar:
    label: str
    value: int  # percent, 0–100
    y: int
    width: float
    text_x: float


@dataclass
class BarChart:
    """A horizontal percentage bar chart drawn as inline SVG."""

    bars: list[Bar]
    width: int
    height: int
    label_width: int


def percent_chart(rows: list[tuple[str, int]]) -> BarChart:
    span = CHART_WIDTH - LABEL_WIDTH - 50
    bars = []
    for index, (label, value) in enumerate(rows):
        width = span * max(0, min(100, value)) / 100
        bars.append(Bar(label, value, index * BAR_HEIGHT, width, LABEL_WIDTH + width + 6))
    return BarChart(bars, CHART_WIDTH, max(1, len(rows)) * BAR_HEIGHT, LABEL_WIDTH)


def glossary_of(nodes: list[selectors.Node]) -> list[ResponsibleBody]:
    bodies = {
        b.pk: b for root in nodes for n in root.walk() for b in n.item.responsible_bodies.all()
    }
    return sorted(bodies.values(), key=lambda b: b.abbreviation)


def plan_context(plan: Plan) -> dict[str, Any]:
    tree = selectors.plan_tree(plan)
    consultations = plan.consultations.filter(opens_on__lte=today()).order_by("-opens_on")
    return {
        "nav": "plans",
        "plan": plan,
        "tree": tree,
        "glossary": glossary_of(tree),
        "consultations": consultations,
        "levels": selectors.level_names(plan),
        "action_plans": plan.action_plans.order_by("year"),
    }


def unmet_needs_for(item: PlanItem) -> list[Any]:
    """Unmet needs the Socio-info Centre recorded for the item's service types (in its areas,
    when it has any), counted by the advice centre with small counts hidden."""
    from socioinfo.advice.selectors import unmet_needs_summary

    return unmet_needs_summary(
        item.service_types.values_list("pk", flat=True),
        item.areas.values_list("pk", flat=True),
    )


def item_context(plan: Plan, item: PlanItem) -> dict[str, Any]:
    time_frame, inherited = selectors.effective_time_frame(item)
    services, services_total = selectors.services_for_item(item)
    children = list(item.children.order_by("order").prefetch_related("responsible_bodies"))
    progress = list(item.progress.all())
    return {
        "nav": "plans",
        "plan": plan,
        "item": item,
        "ancestors": selectors.ancestors(item),
        "level_name": selectors.level_names(plan).get(item.depth, ""),
        "children": children,
        "time_frame": time_frame,
        "time_frame_inherited": inherited,
        "services": services,
        "services_total": services_total,
        "unmet_needs": unmet_needs_for(item),
        "progress": progress,
        "progress_chart": percent_chart([(str(r.year), r.percent) for r in progress]),
        "indicators": list(item.indicators.all()),
    }


def progress_context(plan: Plan, year: int | None = None) -> dict[str, Any]:
    goals = selectors.progress_by_branch(plan, 1, year)
    priorities = selectors.progress_by_branch(plan, 2, year)
    latest = selectors.latest_progress(plan, year)
    measures = [
        n.item for root in selectors.plan_tree(plan) for n in root.walk() if n.item.depth == 3
    ]
    statuses = dict.fromkeys(ProgressStatus, 0)
    for report in latest.values():
        statuses[ProgressStatus(report.status)] += 1
    return {
        "nav": "plans",
        "plan": plan,
        "years": selectors.progress_years(plan),
        "goals": goals,
        "goals_chart": percent_chart([(r.item.code, r.percent) for r in goals]),
        "priorities": priorities,
        "priorities_chart": percent_chart([(r.item.code, r.percent) for r in priorities]),
        "measures_total": len(measures),
        "measures_reported": len(latest),
        "statuses": [(status.label, count) for status, count in statuses.items()],
        "levels": selectors.level_names(plan),
    }


def consultation_context(consultation: Consultation) -> dict[str, Any]:
    plan = consultation.plan
    tree = selectors.plan_tree(plan)
    texts = {t.item_id: t for t in consultation.version.texts.all()}
    following = selectors.next_version(consultation.version)
    return {
        "nav": "plans",
        "consultation": consultation,
        "plan": plan,
        "items": [(n, texts.get(n.item.pk)) for root in tree for n in root.walk()],
        "open_now": consultation.closed_at is None
        and consultation.opens_on <= today() <= consultation.closes_on,
        "rows": selectors.settlement_table(consultation),
        "next_version": following,
        "levels": selectors.level_names(plan),
    }


@dataclass
class MeasureEvaluation:
    item: PlanItem
    report: Any  # the latest ProgressReport or None
    indicators: list[tuple[Any, Any]]  # (indicator, latest value or None)


def evaluation_context(plan: Plan) -> dict[str, Any]:
    """The evaluation report: progress by goal and priority, every measure's last report
    and indicators against their targets, the projects, and what the next plan takes over
    (measures not done)."""
    from socioinfo.planning.models import Indicator, Project

    latest = selectors.latest_progress(plan)
    indicators: dict[Any, list[tuple[Any, Any]]] = {}
    for indicator in Indicator.objects.filter(measure__plan=plan).prefetch_related("values"):
        values = list(indicator.values.all())
        indicators.setdefault(indicator.measure_id, []).append(
            (indicator, values[-1] if values else None)
        )
    tree = selectors.plan_tree(plan)
    measures = [
        MeasureEvaluation(n.item, latest.get(n.item.pk), indicators.get(n.item.pk, []))
        for root in tree
        for n in root.walk()
        if n.item.depth == 3
    ]
    context = progress_context(plan)
    context.update(
        {
            "measures": measures,
            "carried_over": [
                m for m in measures if not m.report or m.report.status != ProgressStatus.DONE
            ],
            "projects": Project.objects.filter(measures__plan=plan)
            .distinct()
            .prefetch_related("measures", "districts"),
            "consultations": plan.consultations.order_by("opens_on"),
            "generated_on": today(),
        }
    )
    return context
