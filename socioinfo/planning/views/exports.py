"""A plan for council papers (printable HTML → PDF, and HTML a word processor opens as a
document), for spreadsheets (CSV) and for programs (JSON); and the evaluation report."""

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from socioinfo.planning import exports, presenters
from socioinfo.planning.views.public import readable_plan


@require_GET
def export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    plan = readable_plan(request, slug)
    response = HttpResponse(exports.plan_csv(plan), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{plan.slug}.csv"'
    return response


@require_GET
def export_json(request: HttpRequest, slug: str) -> HttpResponse:
    plan = readable_plan(request, slug)
    body = json.dumps(exports.plan_json(plan), ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


@require_GET
def export_print(request: HttpRequest, slug: str) -> HttpResponse:
    """The whole plan on plain pages: print it or save it as PDF from the browser."""
    plan = readable_plan(request, slug)
    return render(request, "planning/print_plan.html", presenters.plan_context(plan))


@require_GET
def export_doc(request: HttpRequest, slug: str) -> HttpResponse:
    """The same document as HTML that word processors open (Word, LibreOffice)."""
    plan = readable_plan(request, slug)
    response = render(
        request, "planning/print_plan.html", {**presenters.plan_context(plan), "as_doc": True}
    )
    response["Content-Type"] = "application/msword; charset=utf-8"
    response["Content-Disposition"] = f'attachment; filename="{plan.slug}.doc"'
    return response


@require_GET
def evaluation(request: HttpRequest, slug: str) -> HttpResponse:
    plan = readable_plan(request, slug)
    return render(request, "planning/evaluation.html", presenters.evaluation_context(plan))
