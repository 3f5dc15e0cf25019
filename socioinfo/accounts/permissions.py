"""The one gate for staff pages and staff API endpoints.

``refusal(request, perm, obj)`` answers why a request may not go on: not signed in, second
factor not confirmed yet (for roles that need it), or ``user.has_perm(perm, obj)`` is false.
Views use ``permission_required`` (functions) or ``PermissionRequiredMixin`` (classes), API
endpoints ``api_permission_required``; the admin site asks the same function.
"""

import enum
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from socioinfo.accounts.rules import needs_second_factor


class Refusal(enum.Enum):
    LOGIN = "login"
    SECOND_FACTOR = "second_factor"
    FORBIDDEN = "forbidden"


def second_factor_missing(request: HttpRequest) -> bool:
    """Signed in, with a role (or a choice) that needs a TOTP code, not confirmed yet in
    this session."""
    user = request.user
    if not user.is_authenticated or not needs_second_factor(user):
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (is_verified and is_verified())


def refusal(request: HttpRequest, perm: str | None, obj: Any = None) -> Refusal | None:
    """Why the request may not use ``perm`` on ``obj`` (None: it may). Without a permission
    name only signing in (and the second factor) is required."""
    user = request.user
    if not user.is_authenticated or not user.is_active:
        return Refusal.LOGIN
    if second_factor_missing(request):
        return Refusal.SECOND_FACTOR
    if perm is not None and not user.has_perm(perm, obj):
        return Refusal.FORBIDDEN
    return None


def second_factor_url(next_url: str) -> str:
    return f"{reverse('accounts:second_factor')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"


def refusal_response(request: HttpRequest, reason: Refusal) -> HttpResponse:
    """Pages: the login page, then the second-factor step, or a 403 page."""
    if reason is Refusal.LOGIN:
        return redirect_to_login(request.get_full_path())
    if reason is Refusal.SECOND_FACTOR:
        return redirect(second_factor_url(request.get_full_path()))
    raise PermissionDenied


ObjectGetter = Callable[..., Any]


def permission_required(
    perm: str | None = None, *, obj: ObjectGetter | None = None
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    """Decorate a view: signed in (second factor where required) and ``perm`` granted.
    ``obj(request, **kwargs)`` returns the object the permission is about, if any."""

    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            target = obj(request, **kwargs) if obj else None
            reason = refusal(request, perm, target)
            if reason is not None:
                return refusal_response(request, reason)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class PermissionRequiredMixin:
    """The same gate for class-based views: set ``permission`` and, for an object-level
    check, override ``get_permission_object()``."""

    permission: str | None = None

    def get_permission_object(self) -> Any:
        return None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        reason = refusal(request, self.permission, self.get_permission_object())
        if reason is not None:
            return refusal_response(request, reason)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc,no-any-return]


def api_permission_required(
    perm: str,
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    """The gate for JSON endpoints: a 403 with a message that says what to do."""

    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            reason = refusal(request, perm)
            if reason is None:
                return view(request, *args, **kwargs)
            messages = {
                Refusal.LOGIN: _("Sign in at %(url)s first.") % {"url": reverse("accounts:login")},
                Refusal.SECOND_FACTOR: _("Confirm your second factor at %(url)s first.")
                % {"url": reverse("accounts:second_factor")},
                Refusal.FORBIDDEN: _("Your account may not use this endpoint."),
            }
            return JsonResponse({"error": messages[reason]}, status=403)

        return wrapped

    return decorator
