"""Who may read and change community planning (the table: docs/permissions.md; what each
permission guards: docs/planning.md).

Planners (and administrators) build plans, run consultations and working groups and settle
comments. Working-group members see their own groups, public or not. Everyone, signed in
or not, reads approved plans, public groups and open consultations: those pages ask the
``planning.view_*`` permissions with the object, which answer yes for public objects.
"""

from typing import Any

import rules

from socioinfo.accounts.rules import is_administrator, is_planner, is_working_group_member

plans_the_city = is_administrator | is_planner


@rules.predicate
def plan_is_public(user: Any, plan: Any = None) -> bool:
    return plan is not None and plan.is_public


@rules.predicate
def group_is_public(user: Any, group: Any = None) -> bool:
    return group is not None and group.is_public


@rules.predicate
def is_member_of_group(user: Any, group: Any = None) -> bool:
    """The user is a member of the group (of some group, asked without one)."""
    if not getattr(user, "is_authenticated", False):
        return False
    memberships = user.working_group_memberships.all()
    if group is None:
        return memberships.exists()
    return memberships.filter(group=group).exists()


@rules.predicate
def meeting_group_is_public(user: Any, meeting: Any = None) -> bool:
    return meeting is not None and meeting.group.is_public


@rules.predicate
def is_member_of_meeting_group(user: Any, meeting: Any = None) -> bool:
    if meeting is None:
        return bool(is_member_of_group(user, None))
    return bool(is_member_of_group(user, meeting.group))


rules.add_perm("planning", plans_the_city)
rules.add_perm("planning.view_plan", plans_the_city | plan_is_public)
rules.add_perm("planning.view_unpublished_plans", plans_the_city)
rules.add_perm("planning.change_plan", plans_the_city)
rules.add_perm("planning.manage_consultation", plans_the_city)
rules.add_perm("planning.settle_comment", plans_the_city)
rules.add_perm("planning.record_progress", plans_the_city)
rules.add_perm("planning.manage_working_groups", plans_the_city)
rules.add_perm(
    "planning.view_workinggroup",
    plans_the_city | group_is_public | (is_working_group_member & is_member_of_group),
)
# Minutes, attendance and tasks of a meeting: public groups publish them; a group that is
# not public shows them to its members only.
rules.add_perm(
    "planning.view_minutes",
    plans_the_city
    | meeting_group_is_public
    | (is_working_group_member & is_member_of_meeting_group),
)

# The tables in the admin (administrators; the admin site admits only its roles).
for _model in (
    "plan",
    "planlevel",
    "planitem",
    "responsiblebody",
    "project",
    "actionplan",
    "actionplanentry",
    "indicator",
    "indicatorvalue",
    "workinggroup",
    "groupmember",
    "meeting",
    "attendance",
    "meetingdocument",
    "task",
):
    for _action in ("view", "add", "change", "delete"):
        if not rules.perm_exists(f"planning.{_action}_{_model}"):  # view_plan, change_plan
            rules.add_perm(f"planning.{_action}_{_model}", plans_the_city)
