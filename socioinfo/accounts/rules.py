"""Named predicates of the one permission model, and the accounts app's own permissions.

Every view, admin page and API endpoint asks ``user.has_perm(perm, obj)``; the rules backend
answers from the predicates registered here and in each app's ``rules.py`` (loaded by
``rules.apps.AutodiscoverRulesConfig``). Django's permission tables grant nothing. Reuse
these predicates in new rules rather than checking roles by hand: see docs/permissions.md.
"""

from typing import Any

import rules

from socioinfo.accounts.roles import ADMIN_SITE_ROLES, SECOND_FACTOR_ROLES, Role
from socioinfo.accounts.selectors import organisation_ids_of, roles_of


def _has_role(role: Role) -> rules.Predicate:
    def check(user: Any) -> bool:
        return role.value in roles_of(user)

    return rules.Predicate(check, name=f"is_{role.name.lower()}")


is_administrator = _has_role(Role.ADMINISTRATOR)
is_city_editor = _has_role(Role.CITY_EDITOR)
is_planner = _has_role(Role.PLANNER)
is_advice_worker = _has_role(Role.ADVICE_WORKER)
is_intercultural_assistant = _has_role(Role.INTERCULTURAL_ASSISTANT)
is_provider_editor = _has_role(Role.PROVIDER_EDITOR)
is_working_group_member = _has_role(Role.WORKING_GROUP_MEMBER)
is_subsidy_evaluator = _has_role(Role.SUBSIDY_EVALUATOR)


@rules.predicate
def is_member_of_organisation(user: Any, obj: Any = None) -> bool:
    """The object belongs to organisations the user is a member of (all of them, when it
    touches several). Without an object: the user is a member of some organisation."""
    mine = organisation_ids_of(user)
    if obj is None:
        return bool(mine)
    from socioinfo.directory.ownership import owning_organisation_ids

    owners = owning_organisation_ids(obj)
    return bool(owners) and owners <= mine


@rules.predicate
def uses_the_admin_site(user: Any) -> bool:
    return bool(roles_of(user) & {role.value for role in ADMIN_SITE_ROLES})


# The whole directory, unpublished records included: city staff who read it for their work.
reads_whole_directory = (
    is_administrator
    | is_city_editor
    | is_planner
    | is_advice_worker
    | is_intercultural_assistant
    | is_subsidy_evaluator
)
# Changes public data directly, without review: the city's editors.
edits_whole_directory = is_administrator | is_city_editor
# A provider's editor, for the organisations they are a member of.
edits_for_organisation = is_provider_editor & is_member_of_organisation


def needs_second_factor(user: Any) -> bool:
    """The user must confirm a TOTP code before staff pages: a role that requires it, or a
    user who chose to set one up (then it is asked for too)."""
    if roles_of(user) & {role.value for role in SECOND_FACTOR_ROLES}:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    from django_otp import devices_for_user

    return any(True for _device in devices_for_user(user, confirmed=True))


# The accounts app: the admin site, users and their roles, memberships and invitations.
rules.add_perm("accounts.access_admin", uses_the_admin_site)
rules.add_perm("accounts", uses_the_admin_site)
rules.add_perm("accounts.view_user", is_administrator | is_city_editor)
rules.add_perm("accounts.add_user", is_administrator)
rules.add_perm("accounts.change_user", is_administrator)
rules.add_perm("accounts.delete_user", is_administrator)
rules.add_perm("accounts.view_membership", is_administrator | is_city_editor)
rules.add_perm("accounts.add_membership", is_administrator | is_city_editor)
rules.add_perm("accounts.change_membership", is_administrator)
rules.add_perm("accounts.delete_membership", is_administrator | is_city_editor)
rules.add_perm("accounts.view_invitation", is_administrator | is_city_editor)
rules.add_perm("accounts.add_invitation", is_administrator | is_city_editor)
rules.add_perm("accounts.change_invitation", is_administrator | is_city_editor)
rules.add_perm("accounts.delete_invitation", is_administrator)
# Invite a provider's staff to an organisation (the object), or to any (no object).
rules.add_perm("accounts.invite_to_organisation", is_administrator | is_city_editor)

# Sign-in records (django-axes: deleting an attempt unlocks) and second-factor devices
# (deleting one lets a person who lost their phone, and their backup codes, set up a new
# one): administrators only.
for _app, _models in {
    "axes": ["accessattempt", "accesslog", "accessfailurelog", "accessattemptexpiration"],
    "otp_totp": ["totpdevice"],
    "otp_static": ["staticdevice"],
}.items():
    rules.add_perm(_app, is_administrator)
    for _model in _models:
        rules.add_perm(f"{_app}.view_{_model}", is_administrator)
        rules.add_perm(f"{_app}.delete_{_model}", is_administrator)
