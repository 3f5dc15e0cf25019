"""The planning demo: Brno's real plan 2019–2028 read from ``data/planning/`` by the seed
parser, its glossary of responsible bodies, and (later steps) projects, monitoring and
working groups. Idempotent: rows are matched by slug and code and updated in place."""

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from socioinfo.directory.models import ServiceType, TargetGroup
from socioinfo.planning.models import (
    ItemText,
    Plan,
    PlanItem,
    PlanKind,
    PlanLevel,
    PlanStatus,
    PlanVersion,
    ResponsibleBody,
)
from socioinfo.planning.seed_text import SeedItem, SeedPlan, parse_plan
from socioinfo.planning.services import bodies_in, set_plan_status

PLAN_FILE = "brno_plan_2019_2028_soudrzne_a_respektujici_mesto.txt"
PLAN_SLUG = "brno-2019-2028-soudrzne-a-respektujici-mesto"
PLAN_SOURCE = "Statutární město Brno, Strategie Brno 2050: plán 2019–2028"
LEVELS = [
    ("primární cíl", "primární cíle"),
    ("dílčí cíl", "dílčí cíle"),
    ("priorita", "priority"),
    ("opatření", "opatření"),
]


@dataclass
class PlanningDemoReport:
    items_by_depth: dict[int, int] = field(default_factory=dict)
    bodies: int = 0
    projects: int = 0
    groups: int = 0
    consultations: int = 0


def data_dir() -> Path:
    return Path(settings.DATA_DIR) / "planning"


def load_glossary() -> int:
    """The responsible bodies of data/planning/responsible_bodies.csv."""
    with (data_dir() / "responsible_bodies.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        ResponsibleBody.objects.update_or_create(
            abbreviation=row["abbreviation"], defaults={"name": row["name"]}
        )
    return len(rows)


def read_seed_plan() -> SeedPlan:
    return parse_plan((data_dir() / PLAN_FILE).read_text(encoding="utf-8"))


def load_seed_plan() -> Plan:
    """Brno's plan 2019–2028 from the seed text, approved, with version 1 frozen from it."""
    seed = read_seed_plan()
    plan, created = Plan.objects.update_or_create(
        slug=PLAN_SLUG,
        defaults={
            "name": seed.name,
            "kind": PlanKind.STRATEGIC,
            "year_from": seed.year_from,
            "year_to": seed.year_to,
            "vision_value": seed.vision_value,
            "description": seed.description,
            "source": PLAN_SOURCE,
        },
    )
    for depth, (name, plural) in enumerate(LEVELS):
        PlanLevel.objects.update_or_create(
            plan=plan, depth=depth, defaults={"name": name, "name_plural": plural}
        )
    glossary = list(ResponsibleBody.objects.all())
    links = _links()
    order = iter(range(1, 10_000))
    items: list[PlanItem] = []

    def save(node: SeedItem, parent: PlanItem | None, depth: int) -> None:
        lookup: dict[str, Any] = {"plan": plan, "code": node.code}
        if depth == 0:
            lookup["depth"] = 0
        item, _created = PlanItem.objects.update_or_create(
            **lookup,
            defaults={
                "parent": parent,
                "depth": depth,
                "order": next(order),
                "text": node.text,
                "responsibility": node.responsibility,
                "time_frame": node.time_frame.text,
                "time_frame_kind": node.time_frame.kind,
                "year_from": node.time_frame.year_from,
                "year_to": node.time_frame.year_to,
            },
        )
        item.responsible_bodies.set(bodies_in(node.responsibility, glossary))
        types, groups = links.get(node.code, ([], []))
        item.service_types.set(ServiceType.objects.filter(slug__in=types))
        item.target_groups.set(TargetGroup.objects.filter(slug__in=groups))
        items.append(item)
        for child in node.children:
            save(child, item, depth + 1)

    save(seed.primary_goal, None, 0)
    version, _new = PlanVersion.objects.get_or_create(
        plan=plan, number=1, defaults={"note": "text zveřejněný městem"}
    )
    for item in items:
        ItemText.objects.update_or_create(
            item=item,
            version=version,
            defaults={
                "text": item.text,
                "responsibility": item.responsibility,
                "time_frame": item.time_frame,
            },
        )
    if created or plan.status != PlanStatus.APPROVED:
        set_plan_status(plan, PlanStatus.APPROVED, note="plán schválený městem")
    return plan


def _links() -> dict[str, tuple[list[str], list[str]]]:
    """Demo links of measures to service types and target groups (ours, not the city's)."""
    with (data_dir() / "brno_plan_2019_2028_links.csv").open(encoding="utf-8") as handle:
        return {
            row["code"]: (row["service_types"].split(), row["target_groups"].split())
            for row in csv.DictReader(handle)
        }


@transaction.atomic
def load_planning_demo(today: datetime.date | None = None) -> PlanningDemoReport:
    """Load (or refresh) every planning demo record."""
    from socioinfo.planning import demo_extra

    today = today or timezone.localdate()
    report = PlanningDemoReport()
    report.bodies = load_glossary()
    plan = load_seed_plan()
    for depth in range(len(LEVELS)):
        report.items_by_depth[depth] = plan.items.filter(depth=depth).count()
    report.projects = demo_extra.load_projects(plan, read_seed_plan())
    demo_extra.load_monitoring(plan, today)
    report.groups = demo_extra.load_working_groups(today, plan)
    report.consultations = demo_extra.load_demo_consultation(plan, today)
    return report
