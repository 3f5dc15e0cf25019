"""Every role's permissions, as one table: the same table as docs/permissions.md."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from socioinfo.accounts.roles import Role
from socioinfo.accounts.selectors import organisations_of
from socioinfo.directory.models import ContactPoint, OpeningRule, Service
from socioinfo.directory.ownership import visible_to
from tests.accounts.helpers import make_user
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

ADMIN = Role.ADMINISTRATOR
EDITOR = Role.CITY_EDITOR
PLANNER = Role.PLANNER
ADVICE = Role.ADVICE_WORKER
ASSISTANT = Role.INTERCULTURAL_ASSISTANT
PROVIDER = Role.PROVIDER_EDITOR
MEMBER = Role.WORKING_GROUP_MEMBER
EVALUATOR = Role.SUBSIDY_EVALUATOR

EDITORS = {ADMIN, EDITOR}
CITY_STAFF = {ADMIN, EDITOR, PLANNER, ADVICE, ASSISTANT, EVALUATOR}

# (permission, object it is asked about, roles that have it). "_a" objects belong to the
# provider editor's organisation A, "_b" objects to another organisation B.
TABLE = [
    ("accounts.access_admin", None, EDITORS),
    ("accounts.view_user", None, EDITORS),
    ("accounts.change_user", None, {ADMIN}),
    ("accounts.view_membership", None, EDITORS),
    ("accounts.add_membership", None, EDITORS),
    ("accounts.invite_to_organisation", "org_a", EDITORS),
    ("accounts.change_invitation", None, EDITORS),
    ("directory.view_every_organisation", None, CITY_STAFF),
    ("directory.export_services", None, CITY_STAFF),
    ("directory.view_organisation", "org_a", CITY_STAFF | {PROVIDER}),
    ("directory.view_organisation", "org_b", CITY_STAFF),
    ("directory.add_organisation", None, EDITORS),
    ("directory.change_organisation", "org_a", EDITORS | {PROVIDER}),
    ("directory.change_organisation", "org_b", EDITORS),
    ("directory.delete_organisation", "org_a", EDITORS),
    ("directory.view_service", "service_a", CITY_STAFF | {PROVIDER}),
    ("directory.view_service", "service_b", CITY_STAFF),
    ("directory.add_service", "org_a", EDITORS | {PROVIDER}),
    ("directory.add_service", "org_b", EDITORS),
    ("directory.change_service", "service_a", EDITORS | {PROVIDER}),
    ("directory.change_service", "service_b", EDITORS),
    ("directory.delete_service", "service_a", EDITORS),
    ("directory.change_location", "location_a", EDITORS | {PROVIDER}),
    ("directory.change_location", "location_b", EDITORS),
    ("directory.change_contactpoint", "contact_a", EDITORS | {PROVIDER}),
    ("directory.change_contactpoint", "contact_b", EDITORS),
    ("directory.change_openingrule", "hours_a", EDITORS | {PROVIDER}),
    ("directory.change_openingrule", "hours_b", EDITORS),
    ("directory.view_servicetype", None, CITY_STAFF),
    ("directory.change_servicetype", None, EDITORS),
    ("directory.change_lifesituation", None, EDITORS),
    ("areas.view_area", None, CITY_STAFF),
    ("areas.change_area", None, {ADMIN}),
    ("search.change_synonymgroup", None, EDITORS),
    ("axes.delete_accessattempt", None, {ADMIN}),
    ("otp_totp.delete_totpdevice", None, {ADMIN}),
    ("otp_static.delete_staticdevice", None, {ADMIN}),
    ("planning.view_unpublished_plans", None, {ADMIN, PLANNER}),
    ("planning.change_plan", None, {ADMIN, PLANNER}),
    ("planning.manage_consultation", None, {ADMIN, PLANNER}),
    ("planning.settle_comment", None, {ADMIN, PLANNER}),
    ("planning.record_progress", None, {ADMIN, PLANNER}),
    ("planning.manage_working_groups", None, {ADMIN, PLANNER}),
    ("advice.use_advice", None, {ADVICE, ASSISTANT}),
    ("advice.view_enquiry", None, {ADVICE, ASSISTANT}),
    ("advice.add_enquiry", None, {ADVICE, ASSISTANT}),
    ("advice.view_client_details", None, {ADVICE, ASSISTANT}),
    ("advice.export_client", None, {ADVICE, ASSISTANT}),
    ("advice.erase_client", None, {ADVICE, ASSISTANT}),
    ("advice.view_statistics", None, {ADVICE, ASSISTANT}),
    ("advice.view_personaldataaccess", None, {ADMIN}),
    ("providers.view_dashboard", None, {PROVIDER}),
    ("providers.review_changerequest", None, EDITORS),
    ("providers.edit_directly", None, EDITORS),
    ("providers.view_stale_report", None, EDITORS),
]


@pytest.fixture
def world():
    """Organisations A and B with a service, a location, a contact and hours each, and one
    person per role (the provider editor is a member of A only)."""
    objects = {}
    for key in ("a", "b"):
        organisation = OrganisationFactory(name=f"Spolek {key.upper()}")
        service = ServiceFactory(organisation=organisation)
        objects[f"org_{key}"] = organisation
        objects[f"service_{key}"] = service
        objects[f"location_{key}"] = LocationFactory(organisation=organisation)
        objects[f"contact_{key}"] = ContactPoint.objects.create(
            service=service, kind="phone", value="+420 542 000 000"
        )
        objects[f"hours_{key}"] = OpeningRule.objects.create(
            service=service, weekday=0, opens="08:00", closes="12:00"
        )
    people = {
        role: make_user(role, organisations=[objects["org_a"]] if role is PROVIDER else [])
        for role in Role
    }
    return objects, people


@pytest.mark.parametrize(
    ("perm", "target", "expected"), TABLE, ids=[f"{p}({t or ''})" for p, t, _e in TABLE]
)
def test_each_role_has_exactly_the_permissions_in_the_table(world, perm, target, expected):
    objects, people = world
    obj = objects[target] if target else None
    granted = {role for role, user in people.items() if user.has_perm(perm, obj)}
    assert granted == expected


def test_no_role_and_anonymous_have_no_permission_at_all(world):
    objects, _people = world
    nobody = make_user()
    for perm, target, _expected in TABLE:
        obj = objects[target] if target else None
        assert not nobody.has_perm(perm, obj), perm
        assert not AnonymousUser().has_perm(perm, obj), perm


def test_a_switched_off_account_loses_every_permission(world):
    _objects, people = world
    editor = people[EDITOR]
    editor.is_active = False
    editor.save()
    editor.refresh_from_db()
    assert not editor.has_perm("directory.change_service")


def test_django_permission_tables_grant_nothing():
    """The rules predicates are the only source: a permission row given to a user or a
    group is ignored, so nobody can grant access around the model."""
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="change_service"))
    role_group = user.groups.model.objects.get(name=PLANNER.value)
    role_group.permissions.add(Permission.objects.get(codename="delete_service"))
    user.groups.add(role_group)
    user = type(user).objects.get(pk=user.pk)
    assert not user.has_perm("directory.change_service", ServiceFactory())
    assert not user.has_perm("directory.delete_service")


def test_provider_editor_of_a_is_refused_on_b_and_sees_only_a(world):
    objects, people = world
    provider = people[PROVIDER]
    assert list(organisations_of(provider)) == [objects["org_a"]]
    assert provider.has_perm("directory.change_service", objects["service_a"])
    assert not provider.has_perm("directory.change_service", objects["service_b"])
    assert set(visible_to(provider, Service.objects.all())) == {objects["service_a"]}
    assert visible_to(people[MEMBER], Service.objects.all()).count() == 0
    assert visible_to(people[PLANNER], Service.objects.all()).count() == 2


def test_a_provider_editor_of_two_organisations_may_change_both(world):
    objects, _people = world
    both = make_user(PROVIDER, organisations=[objects["org_a"], objects["org_b"]])
    assert both.has_perm("directory.change_service", objects["service_a"])
    assert both.has_perm("directory.change_service", objects["service_b"])


def test_membership_without_the_provider_editor_role_grants_nothing(world):
    from socioinfo.accounts import services

    objects, _people = world
    former = make_user(PROVIDER, organisations=[objects["org_a"]])
    services.set_roles(former, [])
    assert not former.has_perm("directory.change_service", objects["service_a"])


def _documented_table() -> dict[tuple[str, str], set[Role]]:
    """The roles × permissions table of docs/permissions.md, read back."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "permissions.md").read_text()
    header = next(line for line in text.splitlines() if line.startswith("| permission"))
    columns = [cell.strip() for cell in header.strip("|").split("|")][2:]
    roles = [Role(column) for column in columns]
    table = {}
    for line in text.splitlines():
        match = re.match(r"\| `([a-z_.]+)` \| ([^|]*) \|(.*)\|$", line)
        if match:
            perm, target, cells = match.groups()
            marks = [cell.strip() for cell in cells.split("|")]
            table[(perm, target.strip())] = {
                r for r, m in zip(roles, marks, strict=True) if m == "✓"
            }
    return table


DOC_TARGETS = {
    None: "any",
    "org_a": "own organisation",
    "org_b": "another organisation",
    "service_a": "own service",
    "service_b": "another's service",
    "location_a": "own location",
    "location_b": "another's location",
    "contact_a": "own contact",
    "contact_b": "another's contact",
    "hours_a": "own hours",
    "hours_b": "another's hours",
}


def test_docs_permissions_table_matches_the_rules():
    documented = _documented_table()
    expected = {(perm, DOC_TARGETS[target]): roles for perm, target, roles in TABLE}
    assert documented == expected
