"""Staff pages of the advice centre: the queue, logging an enquiry, clients, referral sheets
and statistics. Every view asks the one permission model (advice/rules.py)."""

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from socioinfo.accounts.permissions import permission_required
from socioinfo.advice import presenters, selectors, services
from socioinfo.advice.forms import (
    REFERRAL_LANGUAGES,
    ClientForm,
    EnquiryForm,
    ReferralSheetForm,
    service_choices_for,
)
from socioinfo.advice.models import AccessAction, Client, ClientDetails, Enquiry, Status, WebContact
from socioinfo.advice.referral_sheet import render_sheet, send_sheet


def _posted(request: HttpRequest) -> Any:
    """The submitted data of a POST (even an empty one), None for a GET."""
    return request.POST if request.method == "POST" else None


def _enquiry(request: HttpRequest, pk: Any) -> Enquiry:
    return get_object_or_404(Enquiry, pk=pk)


def _client(request: HttpRequest, pk: Any) -> Client:
    return get_object_or_404(Client, pk=pk, anonymised_at=None)


@permission_required("advice.use_advice")
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "advice/queue.html",
        {
            "waiting": selectors.waiting_queue(),
            "recent": selectors.recent_enquiries(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("advice.add_enquiry")
def enquiry_new(request: HttpRequest) -> HttpResponseBase:
    form = EnquiryForm(_posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        enquiry = services.save_enquiry(
            form.save(commit=False),
            by=request.user,
            topics=form.cleaned_data["topics"],
            support=form.cleaned_data["support"],
            referrals=form.referrals(),
            unmet_needs=form.unmet_needs(),
        )
        messages.success(request, _("The enquiry is saved."))
        if "another" in request.POST:
            return redirect("advice:enquiry_new")
        return redirect("advice:enquiry", pk=enquiry.pk)
    return render(request, "advice/enquiry_form.html", {"form": form, "enquiry": None})


@require_http_methods(["GET", "POST"])
@permission_required("advice.change_enquiry", obj=lambda request, pk: _enquiry(request, pk))
def enquiry_edit(request: HttpRequest, pk: Any) -> HttpResponseBase:
    enquiry = _enquiry(request, pk)
    show_note = request.user.has_perm("advice.view_note", enquiry)
    if enquiry.status == Status.WAITING:
        show_note = True  # nothing written yet; the answering worker's team takes it
    form = EnquiryForm(_posted(request), instance=enquiry, user=request.user, show_note=show_note)
    if request.method == "POST" and form.is_valid():
        services.save_enquiry(
            form.save(commit=False),
            by=request.user,
            topics=form.cleaned_data["topics"],
            support=form.cleaned_data["support"],
            referrals=form.referrals(),
            unmet_needs=form.unmet_needs(),
        )
        messages.success(request, _("The enquiry is saved."))
        return redirect("advice:enquiry", pk=enquiry.pk)
    return render(request, "advice/enquiry_form.html", {"form": form, "enquiry": enquiry})


@permission_required("advice.view_enquiry", obj=lambda request, pk: _enquiry(request, pk))
def enquiry_detail(request: HttpRequest, pk: Any) -> HttpResponse:
    enquiry = selectors.enquiry_page(pk)
    web_contact = WebContact.objects.filter(enquiry=enquiry).first()
    if web_contact is not None:
        services.log_access(
            request.user, AccessAction.VIEW, enquiry=enquiry, path=request.get_full_path()
        )
    return render(
        request,
        "advice/enquiry_detail.html",
        {
            "enquiry": enquiry,
            "web_contact": web_contact,
            "show_note": request.user.has_perm("advice.view_note", enquiry),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("advice.add_client")
def clients(request: HttpRequest) -> HttpResponseBase:
    form = ClientForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        client = services.create_client(
            by=request.user,
            consent=form.cleaned_data["consent"],
            name=form.cleaned_data["name"],
            phone=form.cleaned_data["phone"],
            email=form.cleaned_data["email"],
        )
        messages.success(request, _("Client %(pseudonym)s is created.") % {"pseudonym": client})
        return redirect("advice:client", pk=client.pk)
    return render(
        request,
        "advice/clients.html",
        {"form": form, "clients": selectors.clients_of(request.user).order_by("-last_contact_at")},
    )


@permission_required("advice.view_client", obj=lambda request, pk: _client(request, pk))
def client_detail(request: HttpRequest, pk: Any) -> HttpResponse:
    client = _client(request, pk)
    details = None
    if request.GET.get("details") == "1" and request.user.has_perm(
        "advice.view_client_details", client
    ):
        details = ClientDetails.objects.filter(client=client).first()
        services.log_access(
            request.user, AccessAction.VIEW, client=client, path=request.get_full_path()
        )
    return render(
        request,
        "advice/client_detail.html",
        {
            "client": client,
            "has_details": ClientDetails.objects.filter(client=client).exists(),
            "details": details,
            "enquiries": client.enquiries.order_by("-contacted_at").prefetch_related("topics"),
            "retention_ends": client.last_contact_at + services.retention_period(),
        },
    )


@permission_required("advice.export_client", obj=lambda request, pk: _client(request, pk))
def client_export(request: HttpRequest, pk: Any) -> HttpResponse:
    client = _client(request, pk)
    data = services.subject_access_export(client, by=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{client.pseudonym}.json"'
    return response


@require_http_methods(["GET", "POST"])
@permission_required("advice.erase_client", obj=lambda request, pk: _client(request, pk))
def client_erase(request: HttpRequest, pk: Any) -> HttpResponseBase:
    client = _client(request, pk)
    if request.method == "POST":
        services.erase_client(client, by=request.user)
        messages.success(request, _("The client's personal data are erased; the statistics stay."))
        return redirect("advice:clients")
    return render(request, "advice/client_erase.html", {"client": client})


def _year(request: HttpRequest) -> int | None:
    value = request.GET.get("year", "")
    if value in ("", "all"):
        return None
    try:
        year = int(value)
    except ValueError:
        raise Http404 from None
    if not 1990 <= year <= 2100:
        raise Http404
    return year


def _default_year(request: HttpRequest, years: list[int]) -> int | None:
    if "year" in request.GET:
        return _year(request)
    return years[0] if years else None


@permission_required("advice.view_statistics")
def statistics(request: HttpRequest) -> HttpResponse:
    year = _default_year(request, selectors.enquiry_years())
    stats = selectors.enquiry_statistics(year)
    return render(
        request,
        "advice/statistics.html",
        {"stats": stats, "charts": presenters.charted(stats), "public": False},
    )


@permission_required("advice.view_statistics")
def statistics_file(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    year = _year(request)
    stats = selectors.enquiry_statistics(year)
    name = f"advice-statistics-{year or 'all'}"
    if fmt == "xlsx":
        return presenters.xlsx_response(stats, name)
    return presenters.csv_response(stats, name)


@require_http_methods(["GET", "POST"])
@permission_required("advice.view_enquiry", obj=lambda request, pk: _enquiry(request, pk))
def referral_sheet(request: HttpRequest, pk: Any) -> HttpResponseBase:
    """Pick services and a language; show the one-page sheet for printing or e-mail it."""
    enquiry = _enquiry(request, pk)
    choices = service_choices_for(enquiry)
    language = enquiry.language.code if enquiry.language else "cs"
    initial = {
        "services": list(enquiry.referrals.exclude(service=None).values_list("service", flat=True)),
        "language": language if language in dict(REFERRAL_LANGUAGES) else "cs",
    }
    form = ReferralSheetForm(_posted(request), services=choices, initial=initial)
    if request.method == "POST" and form.is_valid():
        html = render_sheet(
            list(form.cleaned_data["services"]),
            form.cleaned_data["language"],
            site_url=settings.SOCIOINFO_SITE_URL,
        )
        if request.POST.get("action") != "send":
            return HttpResponse(html)
        if not form.cleaned_data["email"]:
            form.add_error("email", _("Write the e-mail address to send the sheet to."))
        else:
            send_sheet(html, form.cleaned_data["email"], form.cleaned_data["language"])
            messages.success(request, _("The referral sheet is sent."))
            return redirect("advice:enquiry", pk=enquiry.pk)
    return render(request, "advice/referral_sheet_form.html", {"form": form, "enquiry": enquiry})
