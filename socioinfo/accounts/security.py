"""How django-axes tells one sign-in attempt from another (see settings AXES_*)."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def lockout_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The e-mail address tried, in lower case, so "Jana@x.cz" and "jana@x.cz" count together."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(raw).strip().lower()


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind our own proxy (DJANGO_BEHIND_PROXY=1) it is the last
    address in X-Forwarded-For, the one the proxy itself added; earlier entries can be forged."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return str(request.META.get("REMOTE_ADDR", ""))
