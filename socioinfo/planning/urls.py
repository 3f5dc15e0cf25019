from django.urls import path

from socioinfo.planning.views import (
    exports,
    groups,
    public,
    staff,
    staff_glossary,
    staff_groups,
    staff_projects,
)

app_name = "planning"
urlpatterns = [
    path("plans/", public.plans, name="plans"),
    path("plans/<slug:slug>/", public.plan, name="plan"),
    path("plans/<slug:slug>/items/<str:code>/", public.item, name="item"),
    path(
        "plans/<slug:slug>/items/<str:code>/versions/<int:before>-<int:after>/",
        public.item_diff,
        name="item_diff",
    ),
    path("plans/<slug:slug>/progress/", public.progress, name="progress"),
    path("plans/<slug:slug>/action-plans/<int:year>/", public.action_plan, name="action_plan"),
    path("plans/<slug:slug>/evaluation/", exports.evaluation, name="evaluation"),
    path("plans/<slug:slug>/print/", exports.export_print, name="export_print"),
    path("plans/<slug:slug>/export.doc", exports.export_doc, name="export_doc"),
    path("plans/<slug:slug>/export.csv", exports.export_csv, name="export_csv"),
    path("plans/<slug:slug>/export.json", exports.export_json, name="export_json"),
    path("plans/<slug:slug>/export.pdf", exports.export_pdf, name="export_pdf"),
    path("plans/<slug:slug>/evaluation.pdf", exports.evaluation_pdf, name="evaluation_pdf"),
    path("consultations/<uuid:pk>/", public.consultation, name="consultation"),
    path("consultations/<uuid:pk>/comment/<str:code>/", public.comment, name="comment"),
    path("consultations/confirm/<str:token>/", public.confirm_comment, name="confirm_comment"),
    path("projects/<slug:slug>/", groups.project, name="project"),
    path("working-groups/", groups.groups, name="groups"),
    path("working-groups/calendar/", groups.calendar, name="calendar"),
    path("working-groups/<slug:slug>/", groups.group, name="group"),
    path("meetings/<uuid:pk>/", groups.meeting, name="meeting"),
    path(
        "meetings/<uuid:pk>/documents/<uuid:document>/",
        groups.meeting_document,
        name="meeting_document",
    ),
    path("meetings.ics", groups.calendar_feed, name="calendar_feed"),
    path("planning/", staff.dashboard, name="staff"),
    path(
        "planning/plans/<slug:slug>/items/<str:code>/edit/", staff.edit_item, name="staff_edit_item"
    ),
    path(
        "planning/plans/<slug:slug>/consultation/",
        staff.open_consultation,
        name="staff_open_consultation",
    ),
    path(
        "planning/plans/<slug:slug>/items/<str:code>/progress/",
        staff.record_progress,
        name="staff_record_progress",
    ),
    path(
        "planning/plans/<slug:slug>/items/<str:code>/indicators/",
        staff_projects.indicators,
        name="staff_indicators",
    ),
    path("planning/plans/<slug:slug>/next/", staff.start_next_plan, name="staff_next_plan"),
    path("planning/consultations/<uuid:pk>/", staff.consultation, name="staff_consultation"),
    path("planning/consultations/<uuid:pk>/close/", staff.close, name="staff_close"),
    path("planning/comments/<uuid:pk>/settle/", staff.settle, name="staff_settle"),
    path("planning/projects/new/", staff_projects.project, name="staff_new_project"),
    path("planning/projects/<slug:slug>/", staff_projects.project, name="staff_project"),
    path(
        "planning/plans/<slug:slug>/action-plans/<int:year>/",
        staff_projects.action_plan,
        name="staff_action_plan",
    ),
    path("planning/glossary/", staff_glossary.glossary, name="staff_glossary"),
    path(
        "planning/glossary/<uuid:pk>/", staff_glossary.glossary_entry, name="staff_glossary_entry"
    ),
    path("planning/working-groups/<slug:slug>/", staff_groups.group, name="staff_group"),
    path("planning/meetings/<uuid:pk>/", staff_groups.meeting, name="staff_meeting"),
]
