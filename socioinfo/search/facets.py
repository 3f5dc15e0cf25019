"""Counts per facet value among search results, so people see where a filter leads. A chosen
facet is counted without its own filter, so its alternatives stay visible."""

from typing import Any

import numpy as np

from socioinfo.areas.models import Area
from socioinfo.core.text import sort_key
from socioinfo.directory.models import AccessibilityFeature, Language, ServiceType, TargetGroup
from socioinfo.directory.models.taxonomy import ServiceForm
from socioinfo.search.query import FacetValue, SearchParams, Selection, select

# facet name in SearchParams → the engine's facet and the model of its values
FACET_SOURCES: dict[str, tuple[str, Any]] = {
    "target_group": ("target_group", TargetGroup),
    "service_type": ("service_type", ServiceType),
    "district": ("district", Area),
    "form": ("form", None),
    "language": ("language", Language),
    "feature": ("feature", AccessibilityFeature),
}


def _counts(selection: Selection, name: str, facet: str) -> dict[Any, int]:
    mask = selection.mask(without=name)
    counts = {}
    for value, services in selection.engine.postings[facet].items():
        n = int(np.count_nonzero(mask[services]))
        if n:
            counts[value] = n
    return counts


def facet_counts(selection: Selection, params: SearchParams) -> dict[str, list[FacetValue]]:
    facets: dict[str, list[FacetValue]] = {}
    for name, (facet, model) in FACET_SOURCES.items():
        counts = _counts(selection, name, facet)
        chosen = getattr(params, name)
        if model is None:
            facets[name] = [
                FacetValue(value, str(label), counts[value], value == chosen)
                for value, label in ServiceForm.choices
                if value in counts
            ]
            continue
        objects = model.objects.filter(pk__in=list(counts))
        if model is Area:
            objects = objects.filter(level="city_district").defer("geometry")
            items = sorted(objects, key=lambda area: sort_key(area.name))
            facets[name] = [
                FacetValue(a.code, a.name, counts[a.pk.hex], a == chosen) for a in items
            ]
            continue
        key = "code" if model in (Language, AccessibilityFeature) else "slug"
        facets[name] = [
            FacetValue(
                getattr(obj, key), obj.localized("name").text, counts[obj.pk.hex], obj == chosen
            )
            for obj in objects
        ]
    return facets


def facet_counts_for(params: SearchParams, at: Any = None) -> dict[str, list[FacetValue]]:
    return facet_counts(select(params, at), params)
