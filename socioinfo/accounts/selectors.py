"""Reading accounts: whose organisations, which roles, which invitations."""

import uuid
from typing import Any

from django.db.models import QuerySet

from socioinfo.accounts.models import Invitation, Membership
from socioinfo.directory.models import Organisation

_ROLES_CACHE = "_socioinfo_roles"
_ORGANISATIONS_CACHE = "_socioinfo_organisation_ids"


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def roles_of(user: Any) -> frozenset[str]:
    """The names of the user's roles (a superuser is always an administrator); empty for
    anonymous and inactive users. Cached on the user object for the request."""
    if not _signed_in(user):
        return frozenset()
    cached = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            from socioinfo.accounts.roles import Role

            names.add(Role.ADMINISTRATOR.value)
        cached = frozenset(names)
        setattr(user, _ROLES_CACHE, cached)
    return cached


def organisation_ids_of(user: Any) -> frozenset[uuid.UUID]:
    """Ids of the organisations the user is a member of (cached on the user object)."""
    if not _signed_in(user):
        return frozenset()
    cached = getattr(user, _ORGANISATIONS_CACHE, None)
    if cached is None:
        cached = frozenset(
            Membership.objects.filter(user=user).values_list("organisation_id", flat=True)
        )
        setattr(user, _ORGANISATIONS_CACHE, cached)
    return cached


def forget_cached_access(user: Any) -> None:
    """Drop the cached roles and memberships after they change."""
    for name in (_ROLES_CACHE, _ORGANISATIONS_CACHE, "_group_names_cache"):
        if hasattr(user, name):
            delattr(user, name)


def organisations_of(user: Any) -> QuerySet[Organisation]:
    """The organisations the user edits for, by name."""
    return Organisation.objects.filter(pk__in=organisation_ids_of(user)).order_by("name")


def recent_invitations(limit: int = 50) -> QuerySet[Invitation]:
    """The latest invitations with who sent them, newest first."""
    return Invitation.objects.select_related("organisation", "invited_by", "accepted_by")[:limit]


def backup_codes_left(user: Any) -> int:
    """How many unused backup codes the person has."""
    from django_otp.plugins.otp_static.models import StaticToken

    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
