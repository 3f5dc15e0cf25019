"""A plan for council papers (a PDF made on the server, printable HTML, and HTML a word
processor opens as a document), for spreadsheets (CSV) and for programs (JSON); and the
evaluation report (a page and its PDF)."""

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from socioinfo.core.pdf import html_to_pdf
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


def pdf_response(request: HttpRequest, template: str, context: dict, filename: str) -> HttpResponse:
    """A standalone print template rendered as a PDF download; links in it point to the site."""
    html = render_to_string(template, {**context, "as_pdf": True}, request=request)
    response = HttpResponse(
        html_to_pdf(html, base_url=request.build_absolute_uri()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def export_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The printable plan as a PDF (tagged, page numbers in the footer)."""
    plan = readable_plan(request, slug)
    return pdf_response(
        request, "planning/print_plan.html", presenters.plan_context(plan), f"{plan.slug}.pdf"
    )


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


@require_GET
def evaluation_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The evaluation report as a PDF (the same report without the page around it)."""
    plan = readable_plan(request, slug)
    return pdf_response(
        request,
        "planning/print_evaluation.html",
        presenters.evaluation_context(plan),
        f"{plan.slug}-evaluation.pdf",
    )
