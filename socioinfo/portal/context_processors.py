from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from socioinfo.directory.models import ContactPoint, Organisation, RecordSource


def _centre_phone() -> str:
    contact = (
        ContactPoint.objects.filter(kind="phone")
        .filter(organisation__services__pk=settings.SOCIOINFO_CENTRE_SERVICE_ID)
        .order_by("order")
        .first()
    )
    return contact.value if contact else ""


def portal(request: HttpRequest) -> dict[str, Any]:
    """Shown on every page: the demo label and the Socio-info Centre's phone (both lazy, so
    pages that do not print them do not query for them)."""
    return {
        "demo_notice": SimpleLazyObject(
            lambda: Organisation.objects.filter(source=RecordSource.DEMO).exists()
        ),
        "centre_phone": SimpleLazyObject(_centre_phone),
    }
