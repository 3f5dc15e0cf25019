"""Planners run the working groups: members, meetings with agenda, minutes and
attendance, and tasks."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from socioinfo.accounts.permissions import permission_required
from socioinfo.core.views import object_or_404
from socioinfo.planning import services
from socioinfo.planning.forms import MeetingDocumentForm, MeetingForm, MemberForm, TaskForm
from socioinfo.planning.models import Meeting, MeetingDocument, WorkingGroup

MANAGE = "planning.manage_working_groups"


@permission_required(MANAGE)
@require_http_methods(["GET", "POST"])
def group(request: HttpRequest, slug: str) -> HttpResponse:
    """A group's members and meetings, with the forms to add either."""
    group = get_object_or_404(WorkingGroup, slug=slug)
    member_form = MemberForm(request.POST if "add_member" in request.POST else None)
    meeting_form = MeetingForm(request.POST if "add_meeting" in request.POST else None)
    if member_form.is_bound and member_form.is_valid():
        try:
            services.add_member(group, **member_form.cleaned_data)
        except ValidationError as exc:
            member_form.add_error("email", exc)
        else:
            messages.success(request, _("The member is added."))
            return redirect("planning:staff_group", slug=group.slug)
    if meeting_form.is_bound and meeting_form.is_valid():
        meeting = meeting_form.save(commit=False)
        meeting.group = group
        meeting.save()
        return redirect("planning:staff_meeting", pk=meeting.pk)
    return render(
        request,
        "planning/staff/group.html",
        {
            "group": group,
            "members": group.members.all(),
            "meetings": group.meetings.order_by("-starts_at"),
            "member_form": member_form,
            "meeting_form": meeting_form,
        },
    )


@permission_required(MANAGE)
@require_http_methods(["GET", "POST"])
def meeting(request: HttpRequest, pk: Any) -> HttpResponse:
    """Edit a meeting (agenda, minutes), record attendance, add tasks and documents."""
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    form = MeetingForm(request.POST if "save" in request.POST else None, instance=meeting)
    # Prefixed: the meeting, its tasks and its documents all have a title.
    task_form = TaskForm(
        request.POST if "add_task" in request.POST else None, meeting=meeting, prefix="task"
    )
    document_form = MeetingDocumentForm(
        *((request.POST, request.FILES) if "add_document" in request.POST else ()),
        instance=MeetingDocument(meeting=meeting),
        prefix="document",
    )
    if "remove_document" in request.POST:
        document = object_or_404(meeting.documents, request.POST["remove_document"])
        document.delete()  # the file goes once this is committed (planning.signals)
        messages.success(request, _("The document is removed."))
        return redirect("planning:staff_meeting", pk=meeting.pk)
    if document_form.is_bound and document_form.is_valid():
        document_form.save()
        messages.success(request, _("The document is attached."))
        return redirect("planning:staff_meeting", pk=meeting.pk)
    if form.is_bound and form.is_valid():
        form.save()
        services.set_attendance(meeting, set(request.POST.getlist("present")))
        messages.success(request, _("The meeting is saved."))
        return redirect("planning:staff_meeting", pk=meeting.pk)
    if task_form.is_bound and task_form.is_valid():
        task = task_form.save(commit=False)
        task.meeting = meeting
        task.save()
        messages.success(request, _("The task is added."))
        return redirect("planning:staff_meeting", pk=meeting.pk)
    present = set(meeting.attendance.filter(present=True).values_list("member_id", flat=True))
    return render(
        request,
        "planning/staff/meeting.html",
        {
            "meeting": meeting,
            "form": form,
            "task_form": task_form,
            "members": [(m, m.pk in present) for m in meeting.group.members.all()],
            "tasks": meeting.tasks.select_related("owner"),
            "documents": meeting.documents.all(),
            "document_form": document_form,
        },
    )
