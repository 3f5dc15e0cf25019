"""Planners' screens: edit a draft's items, open a consultation, settle each comment and
close the consultation. Every view asks the permission model (planning/rules.py)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from socioinfo.accounts.permissions import permission_required
from socioinfo.planning import selectors, services
from socioinfo.planning.forms import (
    ConsultationForm,
    ItemForm,
    NextPlanForm,
    ProgressForm,
    SettlementForm,
)
from socioinfo.planning.models import Comment, Consultation, Plan, Project, WorkingGroup


@permission_required("planning.view_unpublished_plans")
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "planning/staff/dashboard.html",
        {
            "plans": Plan.objects.all(),
            "groups": WorkingGroup.objects.all(),
            "projects": Project.objects.all(),
            "this_year": timezone.localdate().year,
            "consultations": Consultation.objects.select_related("plan").order_by("-opens_on"),
        },
    )


@permission_required("planning.change_plan")
@require_http_methods(["GET", "POST"])
def edit_item(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, slug=slug)
    item = get_object_or_404(plan.items, code=code)
    initial = {
        "text": item.text,
        "responsibility": item.responsibility,
        "time_frame": item.time_frame,
        "target_groups": item.target_groups.all(),
        "service_types": item.service_types.all(),
        "areas": item.areas.all(),
    }
    form = ItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.edit_item(item, **form.cleaned_data)
        messages.success(request, _("The item is saved in the draft of the next version."))
        next_url = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(next_url)
        return redirect("planning:item", slug=plan.slug, code=item.code)
    return render(
        request,
        "planning/staff/edit_item.html",
        {"plan": plan, "item": item, "form": form, "next": request.GET.get("next", "")},
    )


@permission_required("planning.manage_consultation")
@require_http_methods(["GET", "POST"])
def open_consultation(request: HttpRequest, slug: str) -> HttpResponse:
    plan = get_object_or_404(Plan, slug=slug)
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.open_consultation(plan, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("planning:staff_consultation", pk=consultation.pk)
    return render(request, "planning/staff/open_consultation.html", {"plan": plan, "form": form})


@permission_required("planning.settle_comment")
def consultation(request: HttpRequest, pk: Any) -> HttpResponse:
    consultation = get_object_or_404(Consultation.objects.select_related("plan"), pk=pk)
    rows = selectors.settlement_table(consultation)
    return render(
        request,
        "planning/staff/consultation.html",
        {
            "consultation": consultation,
            "plan": consultation.plan,
            "rows": [(row, SettlementForm(prefix=str(row.comment.pk))) for row in rows],
            "unconfirmed": consultation.comments.filter(confirmed_at__isnull=True).count(),
            "unsettled": services.unsettled_comments(consultation).count(),
        },
    )


@permission_required("planning.settle_comment")
@require_POST
def settle(request: HttpRequest, pk: Any) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("consultation"), pk=pk)
    form = SettlementForm(request.POST, prefix=str(comment.pk))
    if form.is_valid():
        try:
            services.settle_comment(comment, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The comment is settled."))
    else:
        messages.error(request, _("Choose a decision and give the reasoning."))
    return redirect("planning:staff_consultation", pk=comment.consultation_id)


@permission_required("planning.manage_consultation")
@require_POST
def close(request: HttpRequest, pk: Any) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    try:
        version = services.close_consultation(consultation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("planning:staff_consultation", pk=consultation.pk)
    messages.success(
        request,
        _("The consultation is closed; the settled text is version %(number)d.")
        % {"number": version.number},
    )
    return redirect("planning:consultation", pk=consultation.pk)


@permission_required("planning.record_progress")
@require_http_methods(["GET", "POST"])
def record_progress(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, slug=slug)
    measure = get_object_or_404(plan.items, code=code)
    form = ProgressForm(request.POST or None, initial={"year": timezone.localdate().year - 1})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_progress(measure, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("year", exc)
        else:
            messages.success(request, _("The progress is recorded."))
            return redirect("planning:item", slug=plan.slug, code=measure.code)
    return render(
        request, "planning/staff/progress.html", {"plan": plan, "item": measure, "form": form}
    )


@permission_required("planning.change_plan")
@require_http_methods(["GET", "POST"])
def start_next_plan(request: HttpRequest, slug: str) -> HttpResponse:
    plan = get_object_or_404(Plan, slug=slug)
    initial = {
        "year_from": plan.year_to + 1,
        "year_to": plan.year_to + 1 + (plan.year_to - plan.year_from),
    }
    form = NextPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.start_next_plan(plan, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("slug", exc)
        else:
            messages.success(request, _("The draft of the next plan is ready."))
            return redirect("planning:plan", slug=draft.slug)
    return render(request, "planning/staff/next_plan.html", {"plan": plan, "form": form})
