"""Change requests: proposing, approving (applied in one transaction), rejecting, returning,
and a city editor's direct edit. Every public change made here is in the directory's
history with who approved it and why."""

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from socioinfo.directory.models import Location, Organisation, Service
from socioinfo.directory.ownership import owning_organisation_ids
from socioinfo.directory.services import save_location
from socioinfo.providers import changes
from socioinfo.providers.models import ChangeKind, ChangeRequest, ChangeStatus

# Rows whose removal a provider may propose: parts of a service, never a whole record.
DELETABLE = {
    "contactpoint",
    "serviceformoffer",
    "openingrule",
    "openingexception",
    "serviceatlocation",
}


class NothingToChange(Exception):
    """The form was sent without any difference from the public data."""


class ChangeRequestError(Exception):
    """The request cannot be decided (``reason``: decided, own)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _built_rows(ops: list[dict[str, Any]]) -> list[tuple[dict[str, Any], models.Model]]:
    """Each operation's row with its proposed values in memory; rows created by the same
    request are linked in memory so their ownership can be followed."""
    built = [(op, changes.build(op)[0]) for op in ops]
    created = {op["pk"]: obj for op, obj in built if op["action"] == "create"}
    for op, obj in built:
        for name, value in op["fields"].items():
            field = obj._meta.get_field(name)
            if field.is_relation and not field.many_to_many and value in created:
                setattr(obj, name, created[value])
    return built


def check_scope(user: Any, organisation: Organisation, ops: list[dict[str, Any]]) -> None:
    """Every operation stays within ``organisation``, before and after, and ``user`` may
    change (or add) each row; otherwise PermissionDenied."""
    allowed = frozenset({organisation.pk})
    for op, after in _built_rows(ops):
        model = op["model"]
        if model not in changes.MODELS or op["action"] not in {"create", "update", "delete"}:
            raise PermissionDenied
        if op["action"] == "delete" and model not in DELETABLE:
            raise PermissionDenied
        owners_after = owning_organisation_ids(after)
        if not owners_after or not owners_after <= allowed:
            raise PermissionDenied
        if op["action"] == "create":
            if not user.has_perm(f"directory.add_{model}", after):
                raise PermissionDenied
            continue
        before = changes.load(op)
        if before is None:
            raise PermissionDenied
        owners_before = owning_organisation_ids(before)
        if not owners_before or not owners_before <= allowed:
            raise PermissionDenied
        if not user.has_perm(f"directory.change_{model}", before):
            raise PermissionDenied


@transaction.atomic
def propose(
    *,
    user: Any,
    organisation: Organisation,
    kind: str,
    title: str,
    ops: list[dict[str, Any] | None],
    service: Service | None = None,
    note: str = "",
) -> ChangeRequest:
    """Record the proposed operations as a pending change request; public data is not
    touched. A city editor's edit (``providers.edit_directly``) is applied at once and kept
    as an approved request. Raises NothingToChange or PermissionDenied."""
    clean_ops = [op for op in ops if op]
    if not clean_ops:
        raise NothingToChange
    check_scope(user, organisation, clean_ops)
    request = ChangeRequest.objects.create(
        organisation=organisation,
        service=service,
        kind=kind,
        title=title,
        changes=clean_ops,
        note=note,
        proposed_by=user,
    )
    if user.has_perm("providers.edit_directly", organisation):
        request.is_direct = True
        _apply(request, by=user, reason=_("Edited directly by %(user)s") % {"user": user})
        _decide(request, ChangeStatus.APPROVED, by=user, comment="")
    return request


def _apply(request: ChangeRequest, *, by: Any, reason: str) -> None:
    """Write the request's operations to the directory (inside the caller's transaction),
    each row's history carrying ``by`` and ``reason``."""
    check_scope_for_review(request)
    touched_services: set[uuid.UUID] = set()
    for op, obj in _built_rows(changes.sort_for_apply(request.changes)):
        obj._history_user = by  # type: ignore[attr-defined]
        obj._change_reason = reason  # type: ignore[attr-defined]
        if op["action"] == "delete":
            if changes.load(op) is not None:
                obj.delete()
            continue
        many = {
            name: value
            for name, value in op["fields"].items()
            if name in changes.EDITABLE[op["model"]] and obj._meta.get_field(name).many_to_many
        }
        if op["action"] == "update" and changes.load(op) is None:
            continue  # deleted meanwhile: nothing left to update
        if isinstance(obj, Location):
            save_location(obj)
        else:
            obj.full_clean()
            obj.save()
        for name, values in many.items():
            getattr(obj, name).set(values)
        service_id = obj.pk if isinstance(obj, Service) else getattr(obj, "service_id", None)
        if service_id:
            touched_services.add(service_id)
        if isinstance(obj, Service) and request.service_id is None:
            request.service = obj
    # The provider and the city have just looked at these services: they count as verified.
    for service in Service.objects.filter(pk__in=touched_services):
        service.last_verified_on = timezone.localdate()
        service._history_user = by  # type: ignore[attr-defined]
        service._change_reason = reason  # type: ignore[attr-defined]
        service.save(update_fields=["last_verified_on", "updated_at"])


def check_scope_for_review(request: ChangeRequest) -> None:
    """Whatever is stored, a request only ever changes its own organisation's rows."""
    allowed = frozenset({request.organisation_id})
    for op, after in _built_rows(request.changes):
        owners = owning_organisation_ids(after)
        if not owners or not owners <= allowed:
            raise PermissionDenied
        before = changes.load(op) if op["action"] != "create" else None
        if before is not None and not owning_organisation_ids(before) <= allowed:
            raise PermissionDenied


def _decide(request: ChangeRequest, status: str, *, by: Any, comment: str) -> None:
    request.status = status
    request.decided_by = by
    request.decided_at = timezone.now()
    request.comment = comment
    request._history_user = by  # type: ignore[attr-defined]
    request.save()


def _locked_pending(request: ChangeRequest, by: Any) -> ChangeRequest:
    locked = ChangeRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status != ChangeStatus.PENDING:
        raise ChangeRequestError("decided")
    if locked.proposed_by_id is not None and locked.proposed_by_id == by.pk:
        raise ChangeRequestError("own")
    if not by.has_perm("providers.review_changerequest", locked):
        raise PermissionDenied
    return locked


@transaction.atomic
def approve(request: ChangeRequest, *, by: Any, comment: str = "") -> ChangeRequest:
    """Apply every proposed change in one transaction (all or nothing) and tell the
    proposer. Nobody approves their own request."""
    locked = _locked_pending(request, by)
    reason = _("Change request “%(title)s” proposed by %(proposer)s, approved by %(user)s") % {
        "title": locked.title,
        "proposer": locked.proposed_by or "?",
        "user": by,
    }
    _apply(locked, by=by, reason=reason[:100])
    _decide(locked, ChangeStatus.APPROVED, by=by, comment=comment)
    transaction.on_commit(lambda: notify_proposer(locked), robust=True)
    return locked


@transaction.atomic
def reject(request: ChangeRequest, *, by: Any, comment: str = "") -> ChangeRequest:
    """Close the request without changing anything; the proposer is told why."""
    locked = _locked_pending(request, by)
    _decide(locked, ChangeStatus.REJECTED, by=by, comment=comment)
    transaction.on_commit(lambda: notify_proposer(locked), robust=True)
    return locked


@transaction.atomic
def return_for_changes(request: ChangeRequest, *, by: Any, comment: str) -> ChangeRequest:
    """Send the request back with a comment: nothing is applied; the provider sends a
    corrected one."""
    locked = _locked_pending(request, by)
    _decide(locked, ChangeStatus.RETURNED, by=by, comment=comment)
    transaction.on_commit(lambda: notify_proposer(locked), robust=True)
    return locked


def notify_proposer(request: ChangeRequest, *, site_url: str | None = None) -> None:
    """E-mail the proposer the decision and the reviewer's comment."""
    if request.proposed_by is None or not request.proposed_by.email:
        return
    link = (site_url or settings.SOCIOINFO_SITE_URL).rstrip("/") + reverse(
        "providers:request", args=[request.pk]
    )
    send_mail(
        subject=_("Your change to %(title)s: %(status)s")
        % {"title": request.title, "status": request.get_status_display()},
        message=render_to_string(
            "providers/email/decision.txt", {"request": request, "link": link}
        ),
        from_email=None,
        recipient_list=[request.proposed_by.email],
    )


def new_service_title(name: str) -> str:
    return _("New service: %(name)s") % {"name": name}


KIND_FOR_CREATE = {"service": ChangeKind.NEW_SERVICE, "location": ChangeKind.NEW_LOCATION}
