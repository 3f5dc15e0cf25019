"""The forbidden paths: editing a plan, settling a comment, reading a non-public group's
minutes; and what working-group members and the public see."""

import pytest

from socioinfo.accounts.roles import Role
from socioinfo.planning import services
from socioinfo.planning.demo import PLAN_SLUG
from socioinfo.planning.models import Comment, Meeting, Plan, PlanItem, WorkingGroup
from tests.accounts.helpers import make_user, sign_in

pytestmark = pytest.mark.django_db
EDIT_A13 = f"/planning/plans/{PLAN_SLUG}/items/A1.3/edit/"
NEW_TEXT = {"text": "Jiný text", "responsibility": "OSP", "time_frame": "průběžně"}


def a13():
    return PlanItem.objects.get(plan__slug=PLAN_SLUG, code="A1.3")


def test_anonymous_cannot_edit_a_plan(client, planning_demo):
    response = client.post(EDIT_A13, NEW_TEXT)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert a13().text == "Podporovat pečující osoby"


@pytest.mark.parametrize(
    "role", [Role.PROVIDER_EDITOR, Role.WORKING_GROUP_MEMBER, Role.CITY_EDITOR]
)
def test_other_roles_cannot_edit_a_plan(client, planning_demo, role):
    sign_in(client, make_user(role))
    assert client.get(EDIT_A13).status_code == 403
    assert client.post(EDIT_A13, NEW_TEXT).status_code == 403
    assert a13().text == "Podporovat pečující osoby"


def test_a_planner_edits_the_working_text(client, planning_demo):
    sign_in(client, make_user(Role.PLANNER))
    client.post(EDIT_A13, NEW_TEXT)
    item = a13()
    assert item.text == "Jiný text"
    # version 1 keeps the text as published
    assert item.texts.get(version__number=1).text == "Podporovat pečující osoby"


def _waiting_comment() -> Comment:
    return Comment.objects.get(consultation__closed_at__isnull=True, settlements__isnull=True)


@pytest.mark.parametrize("who", ["anonymous", "provider editor"])
def test_only_planners_settle_comments_and_close_consultations(client, planning_demo, who):
    if who == "provider editor":
        from tests.factories import OrganisationFactory

        sign_in(client, make_user(Role.PROVIDER_EDITOR, organisations=[OrganisationFactory()]))
    comment = _waiting_comment()
    settle = client.post(
        f"/planning/comments/{comment.pk}/settle/",
        {f"{comment.pk}-decision": "accepted", f"{comment.pk}-reasoning": "Ano."},
    )
    close = client.post(f"/planning/consultations/{comment.consultation_id}/close/")
    staff_page = client.get(f"/planning/consultations/{comment.consultation_id}/")
    expected = 302 if who == "anonymous" else 403
    assert (settle.status_code, close.status_code, staff_page.status_code) == (expected,) * 3
    assert not comment.settlements.exists()


def _non_public_meeting() -> Meeting:
    group = WorkingGroup.objects.get(is_public=False)
    return group.meetings.exclude(minutes="").get()


def test_a_non_public_groups_minutes_are_hidden_from_the_public_and_other_members(
    client, planning_demo
):
    meeting = _non_public_meeting()
    url = f"/meetings/{meeting.pk}/"
    assert client.get(url).status_code == 404
    assert client.get(f"/working-groups/{meeting.group.slug}/").status_code == 404
    assert meeting.group.name not in client.get("/working-groups/").content.decode()
    assert str(meeting.pk) not in client.get("/meetings.ics").content.decode()
    outsider = make_user(Role.WORKING_GROUP_MEMBER)
    public_group = WorkingGroup.objects.filter(is_public=True).first()
    public_group.members.create(user=outsider, name="Jiný člen", triad_role="user")
    sign_in(client, outsider)
    assert client.get(url).status_code == 404
    sign_in(client, make_user(Role.PROVIDER_EDITOR))
    assert client.get(url).status_code == 404


def test_members_see_their_non_public_group_and_planners_see_all(client, planning_demo):
    meeting = _non_public_meeting()
    member = make_user(Role.WORKING_GROUP_MEMBER)
    meeting.group.members.create(user=member, name="Člen", triad_role="provider")
    sign_in(client, member)
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert meeting.minutes in page
    assert str(meeting.pk) in client.get("/meetings.ics").content.decode()
    sign_in(client, make_user(Role.PLANNER))
    assert client.get(f"/meetings/{meeting.pk}/").status_code == 200


def test_the_public_reads_public_groups_minutes(client, planning_demo):
    meeting = Meeting.objects.filter(group__is_public=True).exclude(minutes="").first()
    assert meeting.minutes in client.get(f"/meetings/{meeting.pk}/").content.decode()


def test_a_planner_reads_a_draft_plan_the_public_cannot(client, planning_demo):
    draft = Plan.objects.get(slug__startswith="demo-navrh")
    assert client.get(f"/plans/{draft.slug}/").status_code == 404
    sign_in(client, make_user(Role.PLANNER))
    assert client.get(f"/plans/{draft.slug}/").status_code == 200


def test_settling_needs_a_confirmed_comment(planning_demo):
    draft = Plan.objects.get(slug__startswith="demo-navrh")
    consultation = draft.consultations.get(closed_at__isnull=True)
    item = draft.items.get(code="B2.1.b")
    comment = services.submit_comment(
        consultation, item, text="T", author_name="X", email="x@example.org"
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.settle_comment(comment, decision="accepted", reasoning="R", by=None)


def test_administrators_keep_the_planning_tables_in_the_admin(admin_client, planning_demo):
    for url in (
        "/admin/planning/workinggroup/",
        "/admin/planning/meeting/add/",
        "/admin/planning/planitem/",
        "/admin/planning/project/",
    ):
        assert admin_client.get(url).status_code == 200, url


def test_a_city_editor_does_not_manage_planning_in_the_admin(client, planning_demo):
    sign_in(client, make_user(Role.CITY_EDITOR))
    assert client.get("/admin/planning/workinggroup/").status_code == 403


def test_a_planner_links_an_item_to_code_lists_and_districts(client, planning_demo):
    from socioinfo.areas.models import Area
    from socioinfo.directory.models import ServiceType, TargetGroup

    sign_in(client, make_user(Role.PLANNER))
    respite = ServiceType.objects.get(slug="odlehcovaci-sluzby")
    carers = TargetGroup.objects.get(slug="pecujici-osoby")
    lisen = Area.objects.get(level="city_district", name="Brno-Líšeň")
    client.post(
        EDIT_A13,
        {
            **NEW_TEXT,
            "text": "Podporovat pečující osoby",
            "service_types": [respite.pk],
            "target_groups": [carers.pk],
            "areas": [lisen.pk],
        },
    )
    item = a13()
    assert list(item.service_types.all()) == [respite]
    assert list(item.target_groups.all()) == [carers]
    assert list(item.areas.all()) == [lisen]


def test_editing_returns_only_to_a_page_of_this_site(client, planning_demo):
    sign_in(client, make_user(Role.PLANNER))
    back = client.post(EDIT_A13, {**NEW_TEXT, "next": "/consultations/"})
    assert back["Location"] == "/consultations/"
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example/"):
        response = client.post(EDIT_A13, {**NEW_TEXT, "next": evil})
        assert response["Location"] == f"/plans/{PLAN_SLUG}/items/A1.3/", evil
