"""Seed 002's working groups, their meetings and the iCal feed (RFC 5545)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from socioinfo.planning import ical
from socioinfo.planning.models import GroupKind, Meeting, TriadRole, WorkingGroup


@pytest.mark.django_db
def test_the_coordination_group_eight_groups_by_target_group_and_three_new_ones(planning_demo):
    kinds = [g.kind for g in WorkingGroup.objects.all()]
    assert kinds.count(GroupKind.COORDINATION) == 1
    assert kinds.count(GroupKind.TARGET_GROUP) == 8
    assert kinds.count(GroupKind.THEMATIC) == 3
    seniors = WorkingGroup.objects.get(slug="seniori")
    assert [tg.slug for tg in seniors.target_groups.all()] == ["seniori"]
    roles = set(seniors.members.values_list("triad_role", flat=True))
    assert roles == {TriadRole.COMMISSIONER, TriadRole.PROVIDER, TriadRole.USER}
    past = seniors.meetings.exclude(minutes="").get()
    assert past.attendance.count() == 3 and past.tasks.get().owner is not None
    assert past.documents.count() == 1


@pytest.mark.django_db
def test_the_feed_lists_public_meetings_as_icalendar(client, planning_demo):
    response = client.get("/meetings.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    public = Meeting.objects.filter(group__is_public=True).count()
    assert body.count("BEGIN:VEVENT") == public == 22
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


@pytest.mark.django_db
def test_upcoming_public_meetings_are_announced_on_the_groups_page(client, planning_demo):
    page = client.get("/working-groups/").content.decode()
    upcoming = page.split('id="upcoming-title"', 1)[1].split("</section>", 1)[0]
    assert upcoming.count('href="/meetings/') == 10


def test_an_event_is_written_with_utc_times_escaped_text_and_folded_lines():
    prague = ZoneInfo("Europe/Prague")
    event = ical.Event(
        uid="1@socioinfo",
        starts_at=datetime.datetime(2026, 12, 3, 14, 0, tzinfo=prague),
        ends_at=datetime.datetime(2026, 12, 3, 16, 0, tzinfo=prague),
        summary="Senioři: jednání; program, různé",
        description="1. Bod\n2. " + "Žluťoučký kůň " * 6,
    )
    text = ical.calendar(
        [event], name="Plánování", now=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    )
    assert "DTSTART:20261203T130000Z\r\n" in text  # 14:00 in Prague in winter
    assert "SUMMARY:Senioři: jednání\\; program\\, různé\r\n" in text
    lines = text.split("\r\n")
    description = [i for i, line in enumerate(lines) if line.startswith("DESCRIPTION:")][0]
    assert lines[description + 1].startswith(" ")  # folded
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:1. Bod\\n2. " + "Žluťoučký kůň " * 6 in unfolded.replace("\r\n", "|")


@pytest.mark.django_db
def test_the_next_public_meetings_are_announced_on_the_plans_page(client, planning_demo):
    from django.utils import timezone

    soon = timezone.now() + datetime.timedelta(hours=1)
    Meeting.objects.filter(group__is_public=False).update(
        starts_at=soon, ends_at=soon + datetime.timedelta(hours=1)
    )
    page = client.get("/plans/").content.decode()
    announced = page.split('id="meetings-title"', 1)[1].split("</section>", 1)[0]
    assert announced.count('href="/meetings/') == 5
    private = Meeting.objects.filter(group__is_public=False)
    assert not any(str(m.pk) in page for m in private)


@pytest.mark.django_db
def test_the_calendar_lists_the_visible_meetings_by_month(client, planning_demo):
    page = client.get("/working-groups/calendar/").content.decode()
    from django.utils import timezone

    start = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    visible = Meeting.objects.filter(group__is_public=True, starts_at__date__gte=start)
    assert page.count('<th scope="row">') == visible.count() > 0
    assert not any(str(m.pk) in page for m in Meeting.objects.filter(group__is_public=False))
    months = {m.starts_at.strftime("%Y-%m") for m in visible}
    assert all(f'id="month-{month}"' in page for month in months)


@pytest.mark.django_db
def test_the_start_page_announces_public_meetings_and_never_a_closed_groups(client, planning_demo):
    closed = Meeting.objects.filter(group__is_public=False).order_by("starts_at").last()
    closed.title = "Neveřejné jednání o rozpočtu"
    closed.is_public = True  # open to the public, but its group is not: not announced
    closed.save()
    page = client.get("/").content.decode()
    announced = Meeting.objects.filter(
        is_public=True, group__is_public=True, starts_at__gte=timezone.now()
    ).earliest("starts_at")
    assert f'href="/meetings/{announced.pk}/"' in page
    assert "Neveřejné jednání o rozpočtu" not in page
    assert 'href="/plans/"' in page
