"""Planners run working groups on their own pages; nobody else may."""

import pytest

from socioinfo.accounts.roles import Role
from socioinfo.planning.models import Meeting, WorkingGroup
from tests.accounts.helpers import make_user, sign_in

pytestmark = pytest.mark.django_db
MEETING = {
    "title": "Jednání k akčnímu plánu",
    "starts_at": "2026-12-10T14:00",
    "ends_at": "2026-12-10T16:00",
    "place": "Brno",
    "agenda": "1. Akční plán",
    "minutes": "",
    "is_public": "on",
}


def test_a_planner_adds_a_member_with_an_account_who_then_sees_the_private_group(
    client, planning_demo
):
    group = WorkingGroup.objects.get(is_public=False)
    member = make_user(Role.WORKING_GROUP_MEMBER, email="clen@example.org")
    sign_in(client, member)
    assert client.get(f"/working-groups/{group.slug}/").status_code == 404
    sign_in(client, make_user(Role.PLANNER))
    client.post(
        f"/planning/working-groups/{group.slug}/",
        {
            "add_member": "1",
            "name": "Člen Skupiny",
            "organisation": "Spolek",
            "triad_role": "user",
            "email": "CLEN@example.org",
        },
    )
    assert group.members.get(name="Člen Skupiny").user == member
    sign_in(client, member)
    assert client.get(f"/working-groups/{group.slug}/").status_code == 200


def test_a_planner_schedules_a_meeting_records_attendance_minutes_and_a_task(client, planning_demo):
    group = WorkingGroup.objects.get(slug="seniori")
    sign_in(client, make_user(Role.PLANNER))
    response = client.post(
        f"/planning/working-groups/{group.slug}/", {"add_meeting": "1", **MEETING}
    )
    meeting = Meeting.objects.get(title="Jednání k akčnímu plánu")
    assert response["Location"] == f"/planning/meetings/{meeting.pk}/"
    chair = group.members.get(is_chair=True)
    client.post(
        f"/planning/meetings/{meeting.pk}/",
        {"save": "1", **MEETING, "minutes": "Schváleno.", "present": [str(chair.pk)]},
    )
    client.post(
        f"/planning/meetings/{meeting.pk}/",
        {
            "add_task": "1",
            "task-title": "Rozeslat zápis",
            "task-owner": str(chair.pk),
            "task-due_on": "2026-12-17",
        },
    )
    meeting.refresh_from_db()
    assert meeting.minutes == "Schváleno."
    assert {(a.member.name, a.present) for a in meeting.attendance.all()} == {
        (m.name, m.pk == chair.pk) for m in group.members.all()
    }
    assert meeting.tasks.get().owner == chair
    assert "Jednání k akčnímu plánu" in client.get("/meetings.ics").content.decode()


def test_a_meeting_cannot_end_before_it_starts(client, planning_demo):
    sign_in(client, make_user(Role.PLANNER))
    response = client.post(
        "/planning/working-groups/seniori/",
        {"add_meeting": "1", **MEETING, "ends_at": "2026-12-10T13:00"},
    )
    assert response.status_code == 200
    assert not Meeting.objects.filter(title=MEETING["title"]).exists()


@pytest.mark.parametrize("role", [Role.WORKING_GROUP_MEMBER, Role.PROVIDER_EDITOR])
def test_members_and_providers_do_not_run_groups(client, planning_demo, role):
    sign_in(client, make_user(role))
    meeting = Meeting.objects.filter(group__slug="seniori").first()
    assert client.get("/planning/working-groups/seniori/").status_code == 403
    assert (
        client.post(f"/planning/meetings/{meeting.pk}/", {"save": "1", **MEETING}).status_code
        == 403
    )
    meeting.refresh_from_db()
    assert meeting.title != MEETING["title"]
