"""The city editors' pages: the queue of change requests, the decision, the stale report."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from socioinfo.accounts.permissions import permission_required
from socioinfo.providers import selectors, services
from socioinfo.providers.forms import DecisionForm
from socioinfo.providers.models import ChangeRequest
from socioinfo.providers.presenters import request_diff

NOINDEX = {"noindex": True}


def _change_request(request: HttpRequest, pk: Any) -> ChangeRequest:
    return get_object_or_404(ChangeRequest, pk=pk)


@permission_required("providers.review_changerequest")
def queue(request: HttpRequest) -> HttpResponse:
    """Requests waiting for a decision, oldest first, and the latest decisions."""
    context = {"pending": selectors.review_queue(), "decided": selectors.recently_decided()}
    return render(request, "providers/queue.html", {**context, **NOINDEX})


@permission_required("providers.review_changerequest", obj=_change_request)
def review(request: HttpRequest, pk: Any) -> HttpResponse:
    """The field-by-field diff and the decision: approve, return or reject with a comment."""
    change = selectors.change_request_for_page(pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decide = {
            "approve": services.approve,
            "reject": services.reject,
            "return": services.return_for_changes,
        }[form.cleaned_data["decision"]]
        try:
            decide(change, by=request.user, comment=form.cleaned_data["comment"])
        except services.ChangeRequestError as error:
            if error.reason == "own":
                raise PermissionDenied from None
            messages.warning(request, _("Someone has already decided this request."))
            return redirect("providers:queue")
        except ValidationError as error:
            form.add_error(
                None,
                _("The change cannot be applied: %(error)s") % {"error": "; ".join(error.messages)},
            )
        else:
            messages.success(request, _("Decided: %(title)s.") % {"title": change.title})
            return redirect("providers:queue")
    context = {"change": change, "diff": request_diff(change), "form": form}
    return render(request, "providers/review.html", {**context, **NOINDEX})


@permission_required("providers.view_stale_report")
def stale_report(request: HttpRequest) -> HttpResponse:
    """Services nobody confirmed for the stale period, by provider."""
    from django.conf import settings

    context = {"groups": selectors.stale_by_provider(), "days": settings.SOCIOINFO_STALE_AFTER_DAYS}
    return render(request, "providers/stale.html", {**context, **NOINDEX})
