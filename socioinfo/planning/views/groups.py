"""Working groups, their meetings, the calendar and its iCal feed, and projects. Public
groups and their meetings are on the portal; a group that is not public is shown to its
members and planners only (404 for anyone else)."""

import datetime
from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from socioinfo.planning import groups as group_selectors
from socioinfo.planning import ical
from socioinfo.planning.models import Meeting, Project, WorkingGroup


@require_GET
def groups(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "planning/groups.html",
        {
            "nav": "plans",
            "groups": group_selectors.groups_for(request.user),
            "upcoming": group_selectors.upcoming_meetings(request.user)[:10],
        },
    )


@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    """Meetings the person may see, by month, from the start of last month on."""
    start = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    meetings = (
        group_selectors.meetings_for(request.user)
        .filter(starts_at__date__gte=start)
        .select_related("group")
    )
    months: dict[datetime.date, list[Meeting]] = {}
    for meeting in meetings:
        local = timezone.localtime(meeting.starts_at).date().replace(day=1)
        months.setdefault(local, []).append(meeting)
    return render(
        request,
        "planning/calendar.html",
        {"nav": "plans", "months": sorted(months.items())},
    )


@require_GET
def group(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(WorkingGroup, slug=slug)
    if not request.user.has_perm("planning.view_workinggroup", group):
        raise Http404
    return render(
        request,
        "planning/group.html",
        {
            "nav": "plans",
            "group": group,
            "members": group.members.all(),
            "meetings": group_selectors.meetings_for(request.user).filter(group=group),
        },
    )


@require_GET
def meeting(request: HttpRequest, pk: Any) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    if not request.user.has_perm("planning.view_minutes", meeting):
        raise Http404
    return render(
        request,
        "planning/meeting.html",
        {
            "nav": "plans",
            "meeting": meeting,
            "attendance": meeting.attendance.select_related("member"),
            "documents": meeting.documents.all(),
            "tasks": meeting.tasks.select_related("owner"),
        },
    )


@require_GET
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """The meetings this person may see (public ones for everybody) as iCalendar."""
    meetings = group_selectors.meetings_for(request.user).select_related("group")
    events = [
        ical.Event(
            uid=f"{m.pk}@socioinfo",
            starts_at=m.starts_at,
            ends_at=m.ends_at,
            summary=f"{m.group.name}: {m.title}",
            location=m.place,
            description=m.agenda,
            url=request.build_absolute_uri(reverse("planning:meeting", args=[m.pk])),
        )
        for m in meetings
    ]
    body = ical.calendar(events, name="Socioinfo – plánování", now=timezone.now())
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@require_GET
def project(request: HttpRequest, slug: str) -> HttpResponse:
    project = get_object_or_404(
        Project.objects.prefetch_related("measures__plan", "districts", "services"), slug=slug
    )
    measures = [
        m for m in project.measures.all() if request.user.has_perm("planning.view_plan", m.plan)
    ]
    return render(
        request,
        "planning/project.html",
        {
            "nav": "plans",
            "project": project,
            "measures": measures,
            "services": project.services.published(),  # type: ignore[attr-defined]
        },
    )


@require_GET
def meeting_document(request: HttpRequest, pk: Any, document: Any) -> HttpResponseBase:
    """An uploaded document of a meeting, to whoever may read the meeting (everybody for a
    public group; members, planners and administrators otherwise; 404 for the rest)."""
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    if not request.user.has_perm("planning.view_minutes", meeting):
        raise Http404
    doc = get_object_or_404(meeting.documents.exclude(file=""), pk=document)
    try:
        handle = doc.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=doc.filename or doc.file.name.rsplit("/", 1)[-1]
    )
    response["Content-Type"] = doc.content_type or "application/octet-stream"
    response["X-Content-Type-Options"] = "nosniff"
    # Who may read it can change (a group made non-public); no shared cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response
