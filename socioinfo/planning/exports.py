"""A plan as rows (CSV) and as a document (JSON): the same fields, in the plan's order."""

import csv
import io
from typing import Any

from socioinfo.planning import selectors
from socioinfo.planning.models import Plan, ResponsibleBody

CSV_COLUMNS = [
    "code",
    "level",
    "depth",
    "parent_code",
    "text",
    "responsibility",
    "responsible_bodies",
    "time_frame",
    "time_frame_kind",
    "year_from",
    "year_to",
    "target_groups",
    "service_types",
    "areas",
]


def item_rows(plan: Plan) -> list[dict[str, Any]]:
    """Every item of the plan as a flat row, parents before children."""
    names = selectors.level_names(plan)
    items = (
        plan.items.select_related("parent")
        .prefetch_related("responsible_bodies", "target_groups", "service_types", "areas")
        .order_by("order")
    )
    return [
        {
            "code": item.code,
            "level": names.get(item.depth, ""),
            "depth": item.depth,
            "parent_code": item.parent.code if item.parent else None,
            "text": item.text,
            "responsibility": item.responsibility,
            "responsible_bodies": [b.abbreviation for b in item.responsible_bodies.all()],
            "time_frame": item.time_frame,
            "time_frame_kind": item.time_frame_kind,
            "year_from": item.year_from,
            "year_to": item.year_to,
            "target_groups": [g.slug for g in item.target_groups.all()],
            "service_types": [t.slug for t in item.service_types.all()],
            "areas": [a.code for a in item.areas.all()],
        }
        for item in items
    ]


def plan_csv(plan: Plan) -> str:
    """UTF-8 CSV, one item a line; list fields joined with "; "."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in item_rows(plan):
        writer.writerow(
            {
                key: "; ".join(value)
                if isinstance(value, list)
                else ("" if value is None else value)
                for key, value in row.items()
            }
        )
    return out.getvalue()


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan with its levels, glossary and items as a tree."""
    rows = item_rows(plan)
    by_code: dict[str | None, list[dict[str, Any]]] = {}
    for row in rows:
        by_code.setdefault(row["parent_code"], []).append(row)

    def tree(parent: str | None) -> list[dict[str, Any]]:
        children = []
        for row in by_code.get(parent, []):
            node = {k: v for k, v in row.items() if k != "parent_code"}
            node["items"] = tree(row["code"])
            children.append(node)
        return children

    roots = tree(None)
    bodies = {b for row in rows for b in row["responsible_bodies"]}
    return {
        "id": str(plan.pk),
        "slug": plan.slug,
        "name": plan.name,
        "kind": plan.kind,
        "status": plan.status,
        "year_from": plan.year_from,
        "year_to": plan.year_to,
        "vision_value": plan.vision_value,
        "source": plan.source,
        "levels": [
            {"depth": depth, "name": name}
            for depth, name in sorted(selectors.level_names(plan).items())
        ],
        "responsible_bodies": [
            {"abbreviation": b.abbreviation, "name": b.name}
            for b in ResponsibleBody.objects.filter(abbreviation__in=bodies)
        ],
        "items": roots,
    }
