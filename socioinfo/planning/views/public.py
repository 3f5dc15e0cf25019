"""Public planning pages: plans, items, progress, consultations. A plan the person may not
read answers 404, so drafts are not even revealed to exist."""

from typing import Any

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from socioinfo.planning import presenters, selectors, services
from socioinfo.planning.forms import CommentForm
from socioinfo.planning.groups import announced_meetings
from socioinfo.planning.models import Comment, Consultation, Plan, PlanItem


def readable_plan(request: HttpRequest, slug: str) -> Plan:
    plan = get_object_or_404(Plan, slug=slug)
    if not request.user.has_perm("planning.view_plan", plan):
        raise Http404
    return plan


def readable_consultation(request: HttpRequest, pk: Any) -> Consultation:
    """A consultation is public once it has opened; its plan's page may still be a draft."""
    consultation = get_object_or_404(Consultation.objects.select_related("plan", "version"), pk=pk)
    opened = consultation.opens_on <= presenters.today()
    if not opened and not request.user.has_perm("planning.view_plan", consultation.plan):
        raise Http404
    return consultation


@require_GET
def plans(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "planning/plans.html",
        {
            "nav": "plans",
            "plans": selectors.plans_for(request.user),
            "consultations": selectors.open_consultations(),
            "settled": selectors.settled_consultations()[:10],
            "meetings": announced_meetings()[:5],
        },
    )


@require_GET
def plan(request: HttpRequest, slug: str) -> HttpResponse:
    plan = readable_plan(request, slug)
    return render(request, "planning/plan.html", presenters.plan_context(plan))


@require_GET
def item(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    plan = readable_plan(request, slug)
    try:
        item = selectors.item_page(plan, code)
    except PlanItem.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "planning/item.html", presenters.item_context(plan, item))


@require_GET
def progress(request: HttpRequest, slug: str) -> HttpResponse:
    plan = readable_plan(request, slug)
    return render(request, "planning/progress.html", presenters.progress_context(plan))


@require_GET
def item_diff(request: HttpRequest, slug: str, code: str, before: int, after: int) -> HttpResponse:
    plan = readable_plan_or_consulted(request, slug)
    item = get_object_or_404(plan.items, code=code)
    versions = {v.number: v for v in plan.versions.filter(number__in=[before, after])}
    if before not in versions or after not in versions:
        raise Http404
    diff = selectors.item_diff(item, versions[before], versions[after])
    return render(
        request,
        "planning/item_diff.html",
        {"plan": plan, "diff": diff, "before": versions[before], "after": versions[after]},
    )


def readable_plan_or_consulted(request: HttpRequest, slug: str) -> Plan:
    """A plan the person may read, or one whose consultation has opened (its versions and
    their differences are part of the published settlement)."""
    plan = get_object_or_404(Plan, slug=slug)
    if request.user.has_perm("planning.view_plan", plan):
        return plan
    if plan.consultations.filter(opens_on__lte=presenters.today()).exists():
        return plan
    raise Http404


@require_GET
def consultation(request: HttpRequest, pk: Any) -> HttpResponse:
    consultation = readable_consultation(request, pk)
    return render(
        request,
        "planning/consultation.html",
        presenters.consultation_context(consultation),
    )


@require_http_methods(["GET", "POST"])
def comment(request: HttpRequest, pk: Any, code: str) -> HttpResponse:
    consultation = readable_consultation(request, pk)
    item = get_object_or_404(consultation.plan.items, code=code)
    text = item.texts.filter(version=consultation.version).first()
    signed_in = request.user.is_authenticated
    open_now = services.accepts_comments(consultation)
    form = CommentForm(request.POST or None, signed_in=signed_in)
    if request.method == "POST" and open_now and form.is_valid():
        try:
            new = services.submit_comment(
                consultation, item, user=request.user, **_comment_fields(form.cleaned_data)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if new.confirmed_at is None:
                _send_confirmation(request, new)
                messages.success(
                    request,
                    _("Thank you. Confirm the comment with the link we sent to %(email)s.")
                    % {"email": new.email},
                )
            else:
                messages.success(request, _("Thank you. Your comment has been recorded."))
            return redirect("planning:consultation", pk=consultation.pk)
    return render(
        request,
        "planning/comment.html",
        {
            "consultation": consultation,
            "item": item,
            "text": text,
            "form": form,
            "open_now": open_now,
        },
    )


def _comment_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": data["text"],
        "proposal": data["proposal"],
        "author_name": data["author_name"],
        "email": data.get("email", ""),
    }


def _send_confirmation(request: HttpRequest, comment: Any) -> None:
    link = request.build_absolute_uri(
        reverse("planning:confirm_comment", args=[services.confirmation_token(comment)])
    )
    send_mail(
        _("Confirm your comment on %(plan)s") % {"plan": comment.consultation.plan.name},
        _(
            "Someone (probably you) commented on item %(code)s. Open this link within "
            "%(days)d days to confirm the comment:\n\n%(link)s\n\n"
            "If it was not you, ignore this message."
        )
        % {"code": comment.item.code, "days": services.CONFIRMATION_DAYS, "link": link},
        None,
        [comment.email],
    )


@require_GET
def confirm_comment(request: HttpRequest, token: str) -> HttpResponse:
    try:
        comment = services.confirm_comment(token)
    except (signing.BadSignature, ValueError, Comment.DoesNotExist):
        return render(request, "planning/confirm_failed.html", status=400)
    messages.success(request, _("Your comment is confirmed. Thank you."))
    return redirect("planning:consultation", pk=comment.consultation_id)


@require_GET
def action_plan(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = readable_plan(request, slug)
    action_plan = get_object_or_404(plan.action_plans, year=year)
    entries = action_plan.entries.select_related("measure", "project").order_by(
        "measure__order", "project__name"
    )
    return render(
        request,
        "planning/action_plan.html",
        {"nav": "plans", "plan": plan, "action_plan": action_plan, "entries": entries},
    )
