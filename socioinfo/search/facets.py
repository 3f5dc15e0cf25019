"""Counts per facet value among search results, so people see where a filter leads. A chosen
facet is counted without its own filter, so its alternatives stay visible."""

from typing import Any

import numpy as np
from django.utils.translation import get_language

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.core.text import sort_key
from socioinfo.directory.models import AccessibilityFeature, Language, ServiceType, TargetGroup
from socioinfo.directory.models.taxonomy import ServiceForm
from socioinfo.search.engine import PerVersion
from socioinfo.search.query import FacetValue, SearchParams, Selection, select

# facet name in SearchParams → the engine's facet
FACETS = ("target_group", "service_type", "district", "form", "language", "feature")

# per language: facet → engine key → (key in URLs, label), in display order
_labels = PerVersion()


def labels() -> dict[str, dict[str, tuple[str, str]]]:
    """Labels of every facet value in the active language, read once per language and
    directory version (they are small code lists)."""
    return _labels.get(get_language() or "cs", _read_labels)  # type: ignore[no-any-return]


def _read_labels() -> dict[str, dict[str, tuple[str, str]]]:
    return {
        "target_group": {
            g.pk.hex: (g.slug, g.localized("name").text) for g in TargetGroup.objects.all()
        },
        "service_type": {
            t.pk.hex: (t.slug, t.localized("name").text) for t in ServiceType.objects.all()
        },
        "language": {
            lang.pk.hex: (lang.code, lang.localized("name").text) for lang in Language.objects.all()
        },
        "feature": {
            f.pk.hex: (f.code, f.localized("name").text) for f in AccessibilityFeature.objects.all()
        },
        "form": {value: (value, str(label)) for value, label in ServiceForm.choices},
        "district": {
            a.pk.hex: (a.code, a.name)
            for a in sorted(
                Area.objects.filter(level=AreaLevel.CITY_DISTRICT).defer("geometry"),
                key=lambda area: sort_key(area.name),
            )
        },
    }


def _counts(selection: Selection, name: str) -> dict[str, int]:
    mask = selection.mask(without=name)
    counts = {}
    for value, services in selection.engine.postings[name].items():
        n = int(np.count_nonzero(mask[services]))
        if n:
            counts[value] = n
    return counts


def _chosen_key(value: Any) -> str:
    if value is None or value == "":
        return ""
    return value.pk.hex if hasattr(value, "pk") else str(value)


def facet_counts(selection: Selection, params: SearchParams) -> dict[str, list[FacetValue]]:
    value_labels = labels()
    facets: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        counts = _counts(selection, name)
        chosen = _chosen_key(getattr(params, name))
        facets[name] = [
            FacetValue(public, label, counts[key], key == chosen)
            for key, (public, label) in value_labels[name].items()
            if key in counts
        ]
    return facets


def facet_counts_for(params: SearchParams, at: Any = None) -> dict[str, list[FacetValue]]:
    return facet_counts(select(params, at), params)
