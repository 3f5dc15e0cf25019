"""Planners keep projects, the yearly action plans and the indicators of measures."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from socioinfo.accounts.permissions import permission_required
from socioinfo.planning.forms import (
    ActionPlanEntryForm,
    IndicatorForm,
    IndicatorValueForm,
    ProjectForm,
)
from socioinfo.planning.models import ActionPlan, IndicatorValue, Plan, Project


@permission_required("planning.change_plan")
@require_http_methods(["GET", "POST"])
def project(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Create a project (no slug) or edit one."""
    instance = get_object_or_404(Project, slug=slug) if slug else None
    form = ProjectForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("The project is saved."))
        return redirect("planning:project", slug=saved.slug)
    return render(request, "planning/staff/project.html", {"form": form, "project": instance})


@permission_required("planning.change_plan")
@require_http_methods(["GET", "POST"])
def action_plan(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The action plan of a year: its entries and a form to add one (the action plan is
    created with its first entry)."""
    plan = get_object_or_404(Plan, slug=slug)
    existing = plan.action_plans.filter(year=year).first()
    form = ActionPlanEntryForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.action_plan, _created = ActionPlan.objects.get_or_create(plan=plan, year=year)
        entry.save()
        messages.success(request, _("The entry is added."))
        return redirect("planning:staff_action_plan", slug=plan.slug, year=year)
    entries: Any = existing.entries.select_related("measure", "project") if existing else []
    return render(
        request,
        "planning/staff/action_plan.html",
        {"plan": plan, "year": year, "entries": entries, "form": form},
    )


@permission_required("planning.record_progress")
@require_http_methods(["GET", "POST"])
def indicators(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """A measure's indicators: add one (baseline and target) or record a year's value."""
    plan = get_object_or_404(Plan, slug=slug)
    measure = get_object_or_404(plan.items, code=code)
    new_form = IndicatorForm(request.POST if "add_indicator" in request.POST else None)
    value_form = IndicatorValueForm(
        request.POST if "add_value" in request.POST else None, measure=measure
    )
    if new_form.is_bound and new_form.is_valid():
        indicator = new_form.save(commit=False)
        indicator.measure = measure
        indicator.save()
        messages.success(request, _("The indicator is added."))
        return redirect("planning:staff_indicators", slug=plan.slug, code=measure.code)
    if value_form.is_bound and value_form.is_valid():
        data = value_form.cleaned_data
        IndicatorValue.objects.update_or_create(
            indicator=data["indicator"], year=data["year"], defaults={"value": data["value"]}
        )
        messages.success(request, _("The value is recorded."))
        return redirect("planning:staff_indicators", slug=plan.slug, code=measure.code)
    return render(
        request,
        "planning/staff/indicators.html",
        {
            "plan": plan,
            "item": measure,
            "indicators": measure.indicators.prefetch_related("values"),
            "new_form": new_form,
            "value_form": value_form,
        },
    )
