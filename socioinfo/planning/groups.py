"""What of the working groups a person may see: one place, so lists, the calendar and the
iCal feed agree with the permission model (planning/rules.py)."""

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from socioinfo.planning.models import Meeting, WorkingGroup


def _sees_every_group(user: Any) -> bool:
    return bool(user.has_perm("planning.manage_working_groups"))


def groups_for(user: Any) -> QuerySet[WorkingGroup]:
    """Public groups for everybody, plus the person's own groups; all for planners."""
    groups = WorkingGroup.objects.all()
    if _sees_every_group(user):
        return groups
    visible = Q(is_public=True)
    if getattr(user, "is_authenticated", False) and user.has_perm(
        "planning.view_workinggroup", None
    ):
        visible |= Q(members__user=user)
    return groups.filter(visible).distinct()


def meetings_for(user: Any) -> QuerySet[Meeting]:
    """Meetings of the groups the person may see, in time order. For the public: the
    public groups' meetings (their minutes are public too, rules.view_minutes)."""
    return Meeting.objects.filter(group__in=groups_for(user)).order_by("starts_at")


def upcoming_meetings(user: Any) -> QuerySet[Meeting]:
    return meetings_for(user).filter(ends_at__gte=timezone.now()).select_related("group")


def announced_meetings() -> QuerySet[Meeting]:
    """Upcoming meetings open to the public, of public groups: announced on the portal."""
    return (
        Meeting.objects.filter(is_public=True, group__is_public=True, ends_at__gte=timezone.now())
        .select_related("group")
        .order_by("starts_at")
    )
