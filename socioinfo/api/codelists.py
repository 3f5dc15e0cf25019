"""The code lists every HSDS object refers to (service types, target groups, age groups,
languages, accessibility features, areas), kept in memory between requests. One small query
per use checks that nothing was added, deleted or edited since (row count and latest
``updated_at`` of each table); only then are they read again. At 100,000 services this saves
six round trips a request, which is what a list costs most on PostgreSQL."""

import threading
from dataclasses import dataclass
from typing import Any

from django.db import connection

from socioinfo.areas.models import Area
from socioinfo.core.db import table_state
from socioinfo.directory.models import AgeGroup, Language, ServiceType, TargetGroup
from socioinfo.directory.models.taxonomy import AccessibilityFeature

MODELS = (ServiceType, TargetGroup, AgeGroup, Language, AccessibilityFeature, Area)


@dataclass(frozen=True)
class CodeLists:
    types: dict[str, ServiceType]
    groups: dict[str, TargetGroup]
    ages: dict[str, AgeGroup]
    languages: dict[str, Language]
    features: dict[str, AccessibilityFeature]
    areas: dict[str, dict[str, Any]]


_lock = threading.Lock()
_cached: tuple[tuple[Any, ...], CodeLists] | None = None


def _state() -> tuple[Any, ...]:
    return (connection.alias, table_state((m._meta.db_table, "updated_at") for m in MODELS))


def _read() -> CodeLists:
    return CodeLists(
        types={str(t.pk): t for t in ServiceType.objects.all()},
        groups={str(g.pk): g for g in TargetGroup.objects.all()},
        ages={str(a.pk): a for a in AgeGroup.objects.all()},
        languages={str(lang.pk): lang for lang in Language.objects.all()},
        features={str(f.pk): f for f in AccessibilityFeature.objects.all()},
        areas={
            str(row["id"]): {**row, "id": str(row["id"])}
            for row in Area.objects.values("id", "name", "level", "code")
        },
    )


def code_lists() -> CodeLists:
    global _cached
    state = _state()
    with _lock:
        if _cached is not None and _cached[0] == state:
            return _cached[1]
    lists = _read()
    with _lock:
        _cached = (state, lists)
    return lists


def forget_code_lists() -> None:
    global _cached
    with _lock:
        _cached = None
