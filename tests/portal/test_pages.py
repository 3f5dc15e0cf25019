"""The public pages on the demo data: content, structured data, languages, what the public
may not see, and what happens with odd input."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from socioinfo.directory.models import Organisation, RecordSource, Service, ServiceStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_cs(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cs"
    return client


def first_card_names(html: str) -> list[str]:
    return re.findall(r'<h3 class="card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', html)


def published(demo_data):
    return Service.objects.published().filter(source=RecordSource.DEMO)


def test_home_offers_search_life_situations_and_the_centre(demo_data, client_cs):
    html = client_cs.get("/").content.decode()
    assert 'role="search"' in html and 'name="q"' in html
    assert html.count('href="/situations/') >= 18
    assert "+420 542 173 830" in html
    assert 'class="status' in html  # the centre's open/closed state


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pecovatelska", "Pečovatelská služba"),
        ("seniorům", "Domov pro seniory"),
        ("seniorum", "Domov pro seniory"),
        ("dluhy", "Dluhová poradna"),
        ("zadlužení", "Dluhová poradna"),
        ("bez domova", "Noclehárna"),
    ],
)
def test_search_returns_the_expected_kind_of_service_first(demo_data, client_cs, query, expected):
    response = client_cs.get("/search/", {"q": query})
    names = first_card_names(response.content.decode())
    assert names and names[0].startswith(expected), names[:3]


def test_search_urls_are_shareable_and_paginate(demo_data, client_cs):
    first = client_cs.get("/search/?group=seniori").content.decode()
    second = client_cs.get("/search/?group=seniori&page=2").content.decode()
    assert 'rel="next"' in first and "page=2" in first
    assert set(first_card_names(first)).isdisjoint(first_card_names(second))


def test_an_empty_result_suggests_a_way_on(demo_data, client_cs):
    html = client_cs.get(
        "/search/", {"q": "dluhy", "lang": "ar", "form": "residential"}
    ).content.decode()
    assert 'class="empty"' in html
    assert re.search(r'href="\?[^"]*q=dluhy[^"]*"', html)  # loosen a filter
    assert "+420 542 173 830" in html
    assert html.count('class="card service-card"') >= 1  # nearest services


def test_odd_parameters_are_dropped_with_a_message_not_an_error(demo_data, client_cs):
    response = client_cs.get("/search/", {"q": "dluhy", "district": "zzz", "page": "x"})
    assert response.status_code == 200
    assert "message-warning" in response.content.decode()


def test_an_unknown_place_is_reported(demo_data, client_cs):
    html = client_cs.get("/search/", {"near": "Atlantida"}).content.decode()
    assert "Atlantida" in html and "message-warning" in html


def test_service_page_shows_everything_and_valid_json_ld(demo_data, client):
    service = published(demo_data).filter(service_type__paragraph="§37").first()
    response = client.get(f"/service/{service.pk}/", HTTP_ACCEPT_LANGUAGE="cs")
    html = response.content.decode()
    assert service.name in html
    assert service.organisation.name in html
    assert "tel:+420" in html
    assert 'class="hours"' in html or "non-stop" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Service" and data["name"] == service.name
    assert data["provider"]["identifier"]["value"] == service.organisation.ico
    channel = data["availableChannel"][0]["serviceLocation"]
    assert channel["address"]["addressLocality"] == "Brno"
    assert "geo" in channel


def test_organisation_page_lists_its_published_services(demo_data, client_cs):
    organisation = published(demo_data).first().organisation
    html = client_cs.get(f"/organisation/{organisation.pk}/").content.decode()
    assert organisation.name in html
    for service in published(demo_data).filter(organisation=organisation):
        assert service.name in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["identifier"]["value"] == organisation.ico


def test_unpublished_records_have_no_public_page(demo_data, client_cs):
    draft = Service.objects.filter(status=ServiceStatus.DRAFT).first()
    assert client_cs.get(f"/service/{draft.pk}/").status_code == 404
    ended = Service.objects.filter(status=ServiceStatus.INACTIVE).first()
    assert client_cs.get(f"/service/{ended.pk}/").status_code == 404
    lonely = Organisation.objects.create(name="Bez služeb", source=RecordSource.MANUAL)
    assert client_cs.get(f"/organisation/{lonely.pk}/").status_code == 404
    found = first_card_names(client_cs.get("/search/", {"q": draft.name}).content.decode())
    assert draft.name not in found


def test_life_situation_page_guides_and_lists_services(demo_data, client_cs):
    html = client_cs.get("/situations/domaci-nasili/").content.decode()
    assert "158" in html  # the police number in the plain-language guide
    assert "Intervenční centrum" in html
    assert client_cs.get("/situations/neexistuje/").status_code == 404


def test_untranslated_content_falls_back_to_czech_with_a_note(demo_data, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "uk"
    service = published(demo_data).first()
    html = client.get(f"/service/{service.pk}/").content.decode()
    assert '<html lang="uk"' in html
    assert 'class="fallback-note"' in html
    assert 'lang="cs"' in html  # Czech text marked for screen readers
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(f"/service/{service.pk}/").content.decode()
    assert 'class="fallback-note"' not in html  # the demo has English texts


def test_lists_say_when_their_texts_are_shown_in_czech(demo_data, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"  # life situations exist in cs and en
    for url in ("/", "/situations/", "/search/?q=dluhy"):
        assert 'class="fallback-note"' in client.get(url).content.decode(), url
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert 'class="fallback-note"' not in client.get("/situations/").content.decode()


def test_arabic_pages_are_right_to_left(demo_data, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    assert '<html lang="ar" dir="rtl"' in client.get("/situations/").content.decode()


def test_sitemap_and_robots(demo_data, client):
    sitemap = client.get("/sitemap.xml")
    root = ET.fromstring(sitemap.content)  # noqa: S314 - our own output
    locations = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locations) >= published(demo_data).count() + 18
    assert any("/situations/dluhy/" in url for url in locations)
    draft = Service.objects.filter(status=ServiceStatus.DRAFT).first()
    assert not any(str(draft.pk) in url for url in locations)
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Disallow: /admin/" in robots


def test_the_map_background_is_served_by_us(demo_data, client):
    data = json.loads(client.get("/map/districts.geojson").content)
    assert len(data["features"]) == 29
    assert len(client.get("/map/districts.geojson").content) < 80_000


def test_public_pages_are_read_only(demo_data, client_cs):
    assert client_cs.post("/search/", {"q": "x"}).status_code == 405
    service = published(demo_data).first()
    assert client_cs.post(f"/service/{service.pk}/").status_code == 405
