"""Keeping the search index in step with the directory.

Each service's terms come from its fields with a weight per field: what a service *is* (its
name, type, target groups and the life situations it helps in) weighs more than words that
only occur somewhere in its description. Czech and every stored translation are indexed, so a
search in English finds services whose English text matches.
"""

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction

from socioinfo.directory.models import LifeSituation, Service
from socioinfo.search.models import SearchTerm
from socioinfo.search.text import terms
from socioinfo.search.vocabulary import forget_vocabulary

WEIGHT_NAME = 10
WEIGHT_TYPE = 8
WEIGHT_SITUATION = 5
WEIGHT_GROUP = 5
WEIGHT_ORGANISATION = 3
WEIGHT_PLACE = 3
WEIGHT_TEXT = 1

_state = threading.local()


@contextmanager
def indexing_paused() -> Iterator[None]:
    """Bulk loaders switch per-save indexing off and rebuild once at the end."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def is_paused() -> bool:
    return getattr(_state, "paused", False)


def _texts(obj: Any, field: str) -> list[str]:
    values = [getattr(obj, field, "") or ""]
    for fields in (getattr(obj, "translations", None) or {}).values():
        if isinstance(fields, dict) and fields.get(field):
            values.append(fields[field])
    return values


def _situations_by_type_and_group() -> tuple[dict[Any, set[Any]], dict[Any, set[Any]]]:
    by_type: dict[Any, set[Any]] = {}
    by_group: dict[Any, set[Any]] = {}
    situations = LifeSituation.objects.filter(is_active=True).prefetch_related(
        "service_types", "target_groups"
    )
    for situation in situations:
        for service_type in situation.service_types.all():
            by_type.setdefault(service_type.pk, set()).add(situation)
        for group in situation.target_groups.all():
            by_group.setdefault(group.pk, set()).add(situation)
    return by_type, by_group


def service_terms(
    service: Service, situations: tuple[dict[Any, set[Any]], dict[Any, set[Any]]]
) -> dict[str, int]:
    """term → weight for one service (prefetched relations are used when present)."""
    weighted: dict[str, int] = {}

    def add(texts: Iterable[str], weight: int) -> None:
        for text in texts:
            for term in terms(text):
                if len(term) <= 64 and weighted.get(term, 0) < weight:
                    weighted[term] = weight

    add(_texts(service, "name"), WEIGHT_NAME)
    groups = list(service.target_groups.all())
    by_type, by_group = situations
    helping: set[Any] = set()
    if service.service_type is not None:
        add(_texts(service.service_type, "name"), WEIGHT_TYPE)
        helping = set(by_type.get(service.service_type_id, set()))
        # A situation applies when the type helps and the service is for one of its groups
        # (or the situation names no groups).
        helping = {
            s
            for s in helping
            if not s.target_groups.all()
            or {g.pk for g in groups} & {g.pk for g in s.target_groups.all()}
        }
    for situation in helping:
        add(_texts(situation, "name"), WEIGHT_SITUATION)
    for group in groups:
        add(_texts(group, "name"), WEIGHT_GROUP)
    add(_texts(service.organisation, "name"), WEIGHT_ORGANISATION)
    for location in service.locations.all():
        add([location.street, location.city], WEIGHT_PLACE)
        if location.city_district is not None:
            add([location.city_district.name], WEIGHT_PLACE)
    add(_texts(service, "description") + _texts(service, "eligibility"), WEIGHT_TEXT)
    return weighted


def _prefetched(services: Any) -> Any:
    return services.select_related("service_type", "organisation").prefetch_related(
        "target_groups", "locations__city_district"
    )


@transaction.atomic
def index_services(service_ids: Iterable[Any] | None = None, batch_size: int = 500) -> int:
    """(Re)build the terms of the given services, or of all services. Returns rows written."""
    situations = _situations_by_type_and_group()
    queryset = Service.objects.all()
    if service_ids is not None:
        ids = list(service_ids)
        queryset = queryset.filter(pk__in=ids)
        SearchTerm.objects.filter(service_id__in=ids).delete()
    else:
        SearchTerm.objects.all().delete()
    written = 0
    batch: list[SearchTerm] = []
    for service in _prefetched(queryset).iterator(chunk_size=batch_size):
        for term, weight in service_terms(service, situations).items():
            batch.append(SearchTerm(service_id=service.pk, term=term, weight=weight))
        if len(batch) >= 5000:
            SearchTerm.objects.bulk_create(batch)
            written += len(batch)
            batch = []
    SearchTerm.objects.bulk_create(batch)
    written += len(batch)
    forget_vocabulary()
    return written
