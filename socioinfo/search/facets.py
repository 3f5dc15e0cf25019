"""Counts per facet value among search results, so people see where a filter leads."""

from typing import Any

from django.db.models import Count, QuerySet

from socioinfo.areas.models import Area
from socioinfo.core.text import sort_key
from socioinfo.directory.models import (
    AccessibilityFeature,
    Language,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.models.taxonomy import ServiceForm
from socioinfo.search.query import (
    MAX_LISTED_IDS,
    FacetValue,
    SearchParams,
    feature_q,
    result_pks,
)


def _count_by(queryset: QuerySet[Any], key: str) -> dict[str, int]:
    return {
        str(row[key]): row["n"]
        for row in queryset.values(key).annotate(n=Count("service_id", distinct=True))
        if row[key] is not None
    }


def facet_counts(
    params: SearchParams, at: Any = None, result_ids: list[Any] | None = None
) -> dict[str, list[FacetValue]]:
    """Counts per value of each facet among the results (for a facet that is selected, among
    the results without it, so the other choices stay visible)."""
    facets: dict[str, list[FacetValue]] = {}

    ids: Any = (
        result_ids
        if result_ids is not None and len(result_ids) <= MAX_LISTED_IDS
        else result_pks(params, at)
    )

    def ids_without(name: str) -> Any:
        return ids if not getattr(params, name) else result_pks(params.without(name), at)

    through = Service.target_groups.through.objects
    group_counts = _count_by(
        through.filter(service_id__in=ids_without("target_group")), "targetgroup_id"
    )
    facets["target_group"] = [
        FacetValue(
            g.slug, g.localized("name").text, group_counts[str(g.pk)], g == params.target_group
        )
        for g in TargetGroup.objects.all()
        if str(g.pk) in group_counts
    ]
    type_ids = ids_without("service_type")
    type_counts = {
        str(row["service_type"]): row["n"]
        for row in Service.objects.filter(pk__in=type_ids)
        .values("service_type")
        .annotate(n=Count("pk"))
        if row["service_type"] is not None
    }
    facets["service_type"] = [
        FacetValue(
            t.slug, t.localized("name").text, type_counts[str(t.pk)], t == params.service_type
        )
        for t in ServiceType.objects.all()
        if str(t.pk) in type_counts
    ]
    district_ids = ids_without("district")
    located = _count_by(
        ServiceAtLocation.objects.filter(service_id__in=district_ids), "location__city_district"
    )
    facets["district"] = [
        FacetValue(a.code, a.name, located[str(a.pk)], a == params.district)
        for a in sorted(
            Area.objects.filter(pk__in=list(located)).defer("geometry"),
            key=lambda area: sort_key(area.name),
        )
    ]
    form_counts = _count_by(
        ServiceFormOffer.objects.filter(service_id__in=ids_without("form")), "form"
    )
    facets["form"] = [
        FacetValue(value, str(label), form_counts[value], value == params.form)
        for value, label in ServiceForm.choices
        if value in form_counts
    ]
    language_counts = _count_by(
        Service.languages.through.objects.filter(service_id__in=ids_without("language")),
        "language_id",
    )
    facets["language"] = [
        FacetValue(
            lang.code,
            lang.localized("name").text,
            language_counts[str(lang.pk)],
            lang == params.language,
        )
        for lang in Language.objects.all()
        if str(lang.pk) in language_counts
    ]
    feature_ids = ids_without("feature")
    own = _count_by(
        Service.accessibility_features.through.objects.filter(service_id__in=feature_ids),
        "accessibilityfeature_id",
    )
    at_places = {
        str(row["location__accessibility_features"]): row["n"]
        for row in ServiceAtLocation.objects.filter(service_id__in=feature_ids)
        .values("location__accessibility_features")
        .annotate(n=Count("service_id", distinct=True))
        if row["location__accessibility_features"] is not None
    }
    facets["feature"] = []
    for feature in AccessibilityFeature.objects.all():
        key = str(feature.pk)
        if key in own or key in at_places:
            n = Service.objects.filter(pk__in=feature_ids).filter(feature_q(feature)).count()
            facets["feature"].append(
                FacetValue(
                    feature.code, feature.localized("name").text, n, feature == params.feature
                )
            )
    return facets
