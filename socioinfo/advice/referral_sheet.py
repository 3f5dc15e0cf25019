"""The referral sheet: chosen services of the directory on one page, in the client's
language (the interface catalogue for the labels, the services' own translations for their
texts, Czech where a text has none), with addresses, hours, phones and a small map."""

from dataclasses import dataclass
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from socioinfo.advice.sheet_map import district_map_svg
from socioinfo.areas.models import Area
from socioinfo.directory.models import ContactPoint
from socioinfo.directory.models.contact import ContactKind
from socioinfo.portal.selectors import ServicePage, service_page


@dataclass
class SheetEntry:
    number: int
    page: ServicePage
    phones: list[str]


def _phones(page: ServicePage) -> list[str]:
    service = page.service
    rows = ContactPoint.objects.filter(kind=ContactKind.PHONE).filter(
        service=service
    ) | ContactPoint.objects.filter(kind=ContactKind.PHONE, organisation=service.organisation_id)
    return list(dict.fromkeys(rows.order_by("order").values_list("value", flat=True)))


def render_sheet(services: list[Any], language: str, *, site_url: str = "") -> str:
    """The sheet as a whole HTML page in ``language``."""
    with translation.override(language):
        entries = []
        points = []
        district_ids = set()
        for number, service in enumerate(services, start=1):
            page = service_page(service.pk)
            entries.append(SheetEntry(number, page, _phones(page)))
            for place in page.places:
                location = place.link.location
                if location.latitude is not None and location.longitude is not None:
                    points.append((location.latitude, location.longitude, str(number)))
                if location.city_district_id:
                    district_ids.add(location.city_district_id)
        outlines = [
            g
            for g in Area.objects.filter(pk__in=district_ids).values_list("geometry", flat=True)
            if g
        ]
        map_svg = district_map_svg(
            outlines, points, _("Map of the places; the numbers match the list")
        )
        return render_to_string(
            "advice/referral_sheet.html",
            {
                "entries": entries,
                "map_svg": map_svg,
                "language": language,
                "bidi": translation.get_language_bidi(),
                "site_url": site_url,
            },
        )


def send_sheet(html: str, address: str, language: str) -> None:
    """E-mail the sheet (HTML with a plain-text part)."""
    with translation.override(language):
        subject = _("Where to turn next – Socio-info Centre")
    message = EmailMultiAlternatives(subject, strip_tags(html), None, [address])
    message.attach_alternative(html, "text/html")
    message.send()
