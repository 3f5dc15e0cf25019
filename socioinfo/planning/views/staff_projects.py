"""Planners keep projects, the yearly action plans and the indicators of measures."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from socioinfo.accounts.permissions import permission_required
from socioinfo.core.views import object_or_404
from socioinfo.directory.models import Service
from socioinfo.planning.forms import (
    ActionPlanEntryForm,
    IndicatorForm,
    IndicatorValueForm,
    ProjectForm,
)
from socioinfo.planning.models import ActionPlan, IndicatorValue, Plan, Project

SERVICE_MATCHES = 20


@permission_required("planning.change_plan")
@require_http_methods(["GET", "POST"])
def project(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Create a project (no slug) or edit one; link the directory services it creates or
    extends: find them by name or organisation (`?service=`), link or unlink one."""
    instance = get_object_or_404(Project, slug=slug) if slug else None
    if instance is not None and (
        "link_service" in request.POST or "unlink_service" in request.POST
    ):
        return _link_service(request, instance)
    form = ProjectForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("The project is saved."))
        return redirect("planning:project", slug=saved.slug)
    query = " ".join(request.GET.get("service", "").split())[:100]
    matches: Any = []
    if instance is not None and query:
        matches = (
            Service.objects.filter(
                Q(name__icontains=query) | Q(organisation__name__icontains=query)
            )
            .exclude(pk__in=instance.services.values("pk"))
            .select_related("organisation", "service_type")
            .order_by("sort_name")[:SERVICE_MATCHES]
        )
    return render(
        request,
        "planning/staff/project.html",
        {
            "form": form,
            "project": instance,
            "linked": instance.services.select_related("organisation") if instance else [],
            "service_query": query,
            "matches": matches,
        },
    )


def _link_service(request: HttpRequest, project: Project) -> HttpResponse:
    linking = "link_service" in request.POST
    service = object_or_404(Service, request.POST["link_service" if linking else "unlink_service"])
    if linking:
        project.services.add(service)
        messages.success(request, _("%(service)s is linked.") % {"service": service.name})
    else:
        project.services.remove(service)
        messages.success(request, _("%(service)s is unlinked.") % {"service": service.name})
    url = reverse("planning:staff_project", args=[project.slug])
    query = request.POST.get("service", "").strip()
    return redirect(
        f"{url}?{urlencode({'service': query})}#services" if query else f"{url}#services"
    )


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
