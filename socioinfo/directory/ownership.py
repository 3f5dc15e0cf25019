"""Which organisation owns a directory record: the one fact the permission predicates and
the per-user scoping of staff lists need (socioinfo/accounts/rules.py)."""

import uuid
from functools import reduce
from operator import or_
from typing import Any, TypeVar

from django.db import models

from socioinfo.directory.models import (
    ContactPoint,
    Location,
    OpeningException,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
)

# For each owned model, the paths from a row to its organisation (any of them may apply).
ORGANISATION_PATHS: dict[type[models.Model], tuple[str, ...]] = {
    Organisation: ("pk",),
    Service: ("organisation",),
    Location: ("organisation",),
    ServiceAtLocation: ("service__organisation",),
    ServiceFormOffer: ("service__organisation",),
    ContactPoint: ("organisation", "service__organisation", "location__organisation"),
    OpeningRule: ("service__organisation", "service_at_location__service__organisation"),
    OpeningException: ("service__organisation", "service_at_location__service__organisation"),
}

M = TypeVar("M", bound=models.Model)


def _follow(obj: Any, path: str) -> uuid.UUID | None:
    *hops, last = path.split("__")
    for hop in hops:
        obj = getattr(obj, hop, None)
        if obj is None:
            return None
    if last == "pk":
        return obj.pk  # type: ignore[no-any-return]
    return getattr(obj, f"{last}_id", None)


def owning_organisation_ids(obj: Any) -> frozenset[uuid.UUID]:
    """The organisations a directory record belongs to (empty for records nobody owns, such
    as code lists). A service at a location belongs to the service's organisation and, for
    safety, to the location's too."""
    paths = ORGANISATION_PATHS.get(type(obj))
    if paths is None:
        return frozenset()
    ids = {_follow(obj, path) for path in paths}
    if isinstance(obj, ServiceAtLocation):
        ids.add(_follow(obj, "location__organisation"))
    return frozenset(pk for pk in ids if pk is not None)


def is_owned_model(model: type[models.Model]) -> bool:
    return model in ORGANISATION_PATHS


def owned_by(queryset: models.QuerySet[M], organisation_ids: Any) -> models.QuerySet[M]:
    """Rows of ``queryset`` that belong to one of the organisations."""
    paths = ORGANISATION_PATHS[queryset.model]
    lookups = [
        models.Q(**{("pk" if path == "pk" else f"{path}_id") + "__in": organisation_ids})
        for path in paths
    ]
    return queryset.filter(reduce(or_, lookups)).distinct()


def visible_to(user: Any, queryset: models.QuerySet[M]) -> models.QuerySet[M]:
    """The rows of an owned model that ``user`` may see: all of them for city staff who read
    the whole directory, their organisations' rows for a provider editor, none otherwise."""
    if user.has_perm("directory.view_every_organisation"):
        return queryset
    from socioinfo.accounts.rules import edits_for_organisation
    from socioinfo.accounts.selectors import organisation_ids_of

    if edits_for_organisation(user):
        return owned_by(queryset, organisation_ids_of(user))
    return queryset.none()
