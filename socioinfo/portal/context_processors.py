from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from socioinfo.directory.models import ContactPoint, Organisation, RecordSource
from socioinfo.search.engine import PerVersion


def _centre_phone() -> str:
    contact = (
        ContactPoint.objects.filter(kind="phone")
        .filter(organisation__services__pk=settings.SOCIOINFO_CENTRE_SERVICE_ID)
        .order_by("order")
        .first()
    )
    return contact.value if contact else ""


_facts = PerVersion()


def _site_facts() -> dict[str, Any]:
    """Read once per directory version (any change to the directory bumps it)."""
    return _facts.get(  # type: ignore[no-any-return]
        "site",
        lambda: {
            "demo": Organisation.objects.filter(source=RecordSource.DEMO).exists(),
            "phone": _centre_phone(),
        },
    )


def portal(request: HttpRequest) -> dict[str, Any]:
    """Shown on every page: the demo label and the Socio-info Centre's phone."""
    return {
        "demo_notice": SimpleLazyObject(lambda: _site_facts()["demo"]),
        "centre_phone": SimpleLazyObject(lambda: _site_facts()["phone"]),
    }
