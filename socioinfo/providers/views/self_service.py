"""A provider editor's pages: the dashboard, the forms that propose changes, their change
requests. Every page asks the one permission model (socioinfo.accounts.permissions)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socioinfo.accounts.permissions import permission_required
from socioinfo.directory.models import Location, Organisation, Service
from socioinfo.providers import forms, prefill, selectors, services
from socioinfo.providers.freshness import confirm_still_correct
from socioinfo.providers.models import ChangeKind, ChangeRequest

NOINDEX = {"noindex": True}


def _organisation(request: HttpRequest, pk: Any) -> Organisation:
    return get_object_or_404(Organisation, pk=pk)


def _service(request: HttpRequest, pk: Any) -> Service:
    return get_object_or_404(Service.objects.select_related("organisation"), pk=pk)


def _location(request: HttpRequest, pk: Any) -> Location:
    return get_object_or_404(Location.objects.select_related("organisation"), pk=pk)


def _submit(request: HttpRequest, ops: list, note: str, **change: Any) -> HttpResponse | None:
    """Turn the forms' operations into a change request (applied at once for the city's
    editors); None when nothing changed, so the page is shown again."""
    try:
        change_request = services.propose(user=request.user, ops=ops, note=note, **change)
    except services.NothingToChange:
        messages.warning(request, _("Nothing has changed, so nothing was sent."))
        return None
    except ValidationError as error:  # a direct edit the directory's rules refuse
        messages.error(request, "; ".join(error.messages))
        return None
    if change_request.is_direct:
        messages.success(request, _("Saved and published."))
    else:
        messages.success(
            request,
            _("Sent to the city's editors. The public page shows the old data until they approve."),
        )
    return redirect("providers:request", change_request.pk)


@permission_required("providers.view_dashboard")
def dashboard(request: HttpRequest) -> HttpResponse:
    """The user's organisations, their services and what each lacks."""
    cards = selectors.dashboard(request.user)
    return render(request, "providers/dashboard.html", {"cards": cards, **NOINDEX})


@permission_required("directory.change_organisation", obj=_organisation)
def organisation_edit(request: HttpRequest, pk: Any) -> HttpResponse:
    organisation = _organisation(request, pk)
    public_name = organisation.name  # validating the form sets the proposed name on it
    data = request.POST if request.method == "POST" else None
    form = forms.OrganisationForm(data, instance=organisation)
    contacts = forms.contact_formset(organisation, data)
    translations = forms.TranslationsForm(data, instance=organisation)
    note = forms.NoteForm(data)
    if data and all(f.is_valid() for f in (form, contacts, translations, note)):
        texts = {"translations": translations.translations()}
        ops = forms.model_form_ops(form, texts) + contacts.ops()
        title = _("Organisation details: %(name)s") % {"name": public_name}
        response = _submit(
            request,
            ops,
            note.cleaned_data["note"],
            organisation=organisation,
            kind=ChangeKind.ORGANISATION,
            title=title,
        )
        if response:
            return response
    context = {
        "organisation": organisation,
        "form": form,
        "contacts": contacts,
        "translations": translations,
        "note": note,
        "has_errors": forms.has_errors(form, contacts, translations, note),
    }
    return render(request, "providers/organisation_form.html", {**context, **NOINDEX})


def _service_forms(
    service: Service, organisation: Organisation, data: Any
) -> tuple[Any, Any, Any, Any]:
    form = forms.ServiceForm(data, instance=service, organisation=organisation)
    parts: dict[str, Any] = {
        "contacts": forms.contact_formset(service, data),
        "capacities": forms.capacity_formset(service, data),
        "hours": forms.hours_formset(service, data),
        "exceptions": forms.exceptions_formset(service, data),
    }
    translations = forms.TranslationsForm(data, instance=service)
    return form, parts, forms.NoteForm(data), translations


def _returned_data(
    returned: ChangeRequest, forms_now: tuple[Any, ...]
) -> tuple[QueryDict, list[str]]:
    """The returned request laid over the public data, and what no longer fits."""
    form, parts, note, translations = forms_now
    data = prefill.shown_data(form, note, translations, *parts.values())
    left = prefill.overlay(
        data,
        returned.changes,
        record=("service", returned.service_id, form),
        formsets={
            "contactpoint": parts["contacts"],
            "serviceformoffer": parts["capacities"],
            "openingrule": parts["hours"],
            "openingexception": parts["exceptions"],
        },
        places=form["locations"],
        translations=translations,
    )
    data["note"] = [returned.note]
    bound = QueryDict(mutable=True)
    for name, values in data.items():
        bound.setlist(name, values)
    return bound, prefill.describe(left)


def _service_page(
    request: HttpRequest, service: Service, organisation: Organisation
) -> HttpResponse:
    """The service form with its contacts, capacities, hours and days with other hours (new
    or existing); ``?from=<id>`` of the last returned request puts that request back into
    the forms to be corrected."""
    sent = request.POST if request.method == "POST" else None
    adding = service._state.adding
    public_name = service.name  # validating the form sets the proposed name on the instance
    returned = None if adding else selectors.last_returned(service)
    form, parts, note, translations = _service_forms(service, organisation, sent)
    restored, not_restored = False, list[str]()
    if sent is None and returned is not None and request.GET.get("from") == str(returned.pk):
        data, not_restored = _returned_data(returned, (form, parts, note, translations))
        form, parts, note, translations = _service_forms(service, organisation, data)
        restored = True
    if sent and all(f.is_valid() for f in (form, note, translations, *parts.values())):
        ops = form.ops(translations.translations()) + [
            op for part in parts.values() for op in part.ops()
        ]
        name = form.cleaned_data["name"]
        title = (
            services.new_service_title(name)
            if adding
            else _("Service: %(name)s") % {"name": public_name}
        )
        kind = ChangeKind.NEW_SERVICE if adding else ChangeKind.SERVICE
        response = _submit(
            request,
            ops,
            note.cleaned_data["note"],
            organisation=organisation,
            kind=kind,
            title=title,
            service=None if adding else service,
        )
        if response:
            return response
    context = {
        "returned": returned,
        "restored": restored,
        "not_restored": not_restored,
        "service": service,
        "adding": adding,
        "organisation": organisation,
        "form": form,
        "note": note,
        "translations": translations,
        "has_errors": forms.has_errors(form, note, translations, *parts.values()),
        **parts,
    }
    return render(request, "providers/service_form.html", {**context, **NOINDEX})


@permission_required("directory.change_service", obj=_service)
def service_edit(request: HttpRequest, pk: Any) -> HttpResponse:
    service = _service(request, pk)
    return _service_page(request, service, service.organisation)


@permission_required("directory.add_service", obj=_organisation)
def service_new(request: HttpRequest, pk: Any) -> HttpResponse:
    organisation = _organisation(request, pk)
    return _service_page(request, Service(organisation=organisation), organisation)


def _location_page(
    request: HttpRequest, location: Location, organisation: Organisation
) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    adding = location._state.adding
    form = forms.LocationForm(data, instance=location)
    translations = forms.TranslationsForm(data, instance=location)
    note = forms.NoteForm(data)
    if data and all(f.is_valid() for f in (form, translations, note)):
        extra = {"organisation": organisation} if adding else {}
        ops = forms.model_form_ops(form, {**extra, "translations": translations.translations()})
        where = (
            form.cleaned_data["name"]
            or f"{form.cleaned_data['street']} {form.cleaned_data['house_number']}"
        )
        kind = ChangeKind.NEW_LOCATION if adding else ChangeKind.LOCATION
        title = (_("New place: %(name)s") if adding else _("Place: %(name)s")) % {
            "name": where.strip()
        }
        response = _submit(
            request,
            ops,
            note.cleaned_data["note"],
            organisation=organisation,
            kind=kind,
            title=title,
        )
        if response:
            return response
    context = {
        "location": location,
        "adding": adding,
        "organisation": organisation,
        "form": form,
        "translations": translations,
        "note": note,
        "has_errors": forms.has_errors(form, translations, note),
    }
    return render(request, "providers/location_form.html", {**context, **NOINDEX})


@permission_required("directory.change_location", obj=_location)
def location_edit(request: HttpRequest, pk: Any) -> HttpResponse:
    location = _location(request, pk)
    return _location_page(request, location, location.organisation)


@permission_required("directory.add_location", obj=_organisation)
def location_new(request: HttpRequest, pk: Any) -> HttpResponse:
    organisation = _organisation(request, pk)
    return _location_page(request, Location(organisation=organisation), organisation)


@require_POST
@permission_required("directory.change_service", obj=_service)
def service_confirm(request: HttpRequest, pk: Any) -> HttpResponse:
    """ "Still correct" from the dashboard: confirming is not a change, so no review."""
    service = _service(request, pk)
    confirm_still_correct(service, by=request.user)
    messages.success(
        request, _("Thank you: %(name)s is confirmed as current.") % {"name": service.name}
    )
    return redirect("providers:dashboard")


@permission_required("providers")
def requests(request: HttpRequest) -> HttpResponse:
    """The change requests of the user's organisations (all of them for the city)."""
    rows = selectors.requests_for(request.user)[:100]
    return render(request, "providers/requests.html", {"requests": rows, **NOINDEX})


def _change_request(request: HttpRequest, pk: Any) -> ChangeRequest:
    return get_object_or_404(ChangeRequest.objects.select_related("organisation"), pk=pk)


@permission_required("providers.view_changerequest", obj=_change_request)
def change_request(request: HttpRequest, pk: Any) -> HttpResponse:
    """One request: what was proposed, field by field, and what was decided."""
    change = selectors.change_request_for_page(pk)
    from socioinfo.providers.presenters import request_diff

    context = {
        "change": change,
        "diff": request_diff(change),
        "may_review": request.user.has_perm("providers.review_changerequest", change),
    }
    return render(request, "providers/request.html", {**context, **NOINDEX})
