"""Planners keep the glossary of abbreviations of responsible bodies (OSP, JMK, NNO, …)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from socioinfo.accounts.permissions import permission_required
from socioinfo.planning import services
from socioinfo.planning.forms import GlossaryEntryForm
from socioinfo.planning.models import ResponsibleBody

CHANGE = "planning.change_plan"


def _saved(
    request: HttpRequest, form: GlossaryEntryForm, message: Callable[[int], str]
) -> HttpResponse:
    """Save the entry (linking it to the items that name it), say so, back to the list."""
    linked = services.save_glossary_entry(form.instance)
    text = message(linked) % {"abbreviation": form.instance.abbreviation, "count": linked}
    messages.success(request, text)
    return redirect("planning:staff_glossary")


@permission_required(CHANGE)
@require_http_methods(["GET", "POST"])
def glossary(request: HttpRequest) -> HttpResponse:
    """Every abbreviation with its full name and how many items name it; those without a
    full name are counted at the top. A form adds one."""
    form = GlossaryEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _saved(
            request,
            form,
            lambda n: ngettext(
                "%(abbreviation)s is added; %(count)d item names it.",
                "%(abbreviation)s is added; %(count)d items name it.",
                n,
            ),
        )
    entries = ResponsibleBody.objects.annotate(uses=Count("items")).order_by("abbreviation")
    return render(
        request,
        "planning/staff/glossary.html",
        {
            "entries": entries,
            "missing": [e for e in entries if not e.name],
            "form": form,
        },
    )


@permission_required(CHANGE)
@require_http_methods(["GET", "POST"])
def glossary_entry(request: HttpRequest, pk: Any) -> HttpResponse:
    """Edit an abbreviation or its full name; remove one that no item names."""
    entry = get_object_or_404(ResponsibleBody, pk=pk)
    abbreviation = entry.abbreviation  # the heading, also while a changed one is refused
    uses = entry.items.count()
    if "remove" in request.POST:
        if uses:
            messages.error(
                request,
                ngettext(
                    "%(abbreviation)s is named by %(count)d item; it cannot be removed.",
                    "%(abbreviation)s is named by %(count)d items; it cannot be removed.",
                    uses,
                )
                % {"abbreviation": entry.abbreviation, "count": uses},
            )
            return redirect("planning:staff_glossary_entry", pk=entry.pk)
        entry.delete()
        messages.success(request, _("The abbreviation is removed."))
        return redirect("planning:staff_glossary")
    form = GlossaryEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        return _saved(
            request,
            form,
            lambda n: ngettext(
                "%(abbreviation)s is saved; %(count)d item names it.",
                "%(abbreviation)s is saved; %(count)d items name it.",
                n,
            ),
        )
    return render(
        request,
        "planning/staff/glossary_entry.html",
        {
            "entry": entry,
            "abbreviation": abbreviation,
            "form": form,
            "uses": uses,
            "items": entry.items.select_related("plan").order_by("plan__name", "order"),
        },
    )
