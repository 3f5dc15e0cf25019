"""The referral sheet: chosen directory services on one page in the client's language, with
addresses, hours, phones and a small map drawn on the server. The catalogues are translated
later, so these tests check the structure in each language, not the words."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from socioinfo.advice.models import Enquiry, SupportType
from socioinfo.advice.services import save_enquiry
from socioinfo.directory.models import ContactPoint, Service
from socioinfo.directory.models.contact import ContactKind

LANGUAGES = ["cs", "uk", "ru", "vi", "ar", "en"]


@pytest.fixture
def referred(demo_data, worker):
    """An enquiry referred to a published service that has a placed address and a phone."""
    phones = ContactPoint.objects.filter(kind=ContactKind.PHONE)
    service = (
        Service.objects.published()
        .filter(locations__city_district__isnull=False, locations__latitude__isnull=False)
        .filter(pk__in=phones.values("service"))
        .order_by("sort_name")
        .first()
    ) or (
        Service.objects.published()
        .filter(locations__city_district__isnull=False)
        .filter(organisation__in=phones.values("organisation"))
        .order_by("sort_name")
        .first()
    )
    enquiry = save_enquiry(
        Enquiry(),
        by=worker,
        topics=[],
        support=[SupportType.REFERRAL],
        referrals=[{"service": service, "reason": "debts"}],
    )
    return enquiry, service


def _sheet(worker_client, enquiry, service, language):
    return worker_client.post(
        reverse("advice:referral_sheet", args=[enquiry.pk]),
        {"services": [str(service.pk)], "language": language, "action": "show"},
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sheet_is_one_page_in_the_clients_language(worker_client, referred, language):
    enquiry, service = referred
    response = _sheet(worker_client, enquiry, service, language)
    html = response.content.decode()
    location = service.locations.exclude(city_district=None).first()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert service.organisation.name in html
    assert location.street in html
    assert re.search(r'href="tel:\+?\d+"', html)
    assert "@page { size: A4" in html
    assert "<script" not in html


def test_the_sheet_has_a_map_of_the_district_and_the_numbered_places(worker_client, referred):
    enquiry, service = referred
    html = _sheet(worker_client, enquiry, service, "cs").content.decode()
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in svg and "<title" in svg
    assert svg.count("<polygon") >= 1  # the district outline from socioinfo.areas
    assert re.search(r'class="place-label">1</text>', svg)
    assert "tile" not in html.lower() and "http" not in svg.replace(
        "http://www.w3.org/2000/svg", ""
    )


def test_the_form_offers_the_referred_services_and_the_enquiry_language(worker_client, referred):
    enquiry, service = referred
    form = worker_client.get(reverse("advice:referral_sheet", args=[enquiry.pk])).context["form"]
    assert service in form.fields["services"].queryset
    assert form.initial["services"] == [service.pk]


def test_the_sheet_is_sent_by_email_with_an_html_part(worker_client, referred):
    enquiry, service = referred
    response = worker_client.post(
        reverse("advice:referral_sheet", args=[enquiry.pk]),
        {
            "services": [str(service.pk)],
            "language": "uk",
            "email": "klient@example.org",
            "action": "send",
        },
    )
    assert response.status_code == 302
    message = mail.outbox[0]
    assert message.to == ["klient@example.org"]
    html, mime = message.alternatives[0]
    assert mime == "text/html" and '<html lang="uk"' in html
    assert service.organisation.name in message.body


def test_sending_needs_an_address(worker_client, referred):
    enquiry, service = referred
    response = worker_client.post(
        reverse("advice:referral_sheet", args=[enquiry.pk]),
        {"services": [str(service.pk)], "language": "cs", "action": "send"},
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not mail.outbox
