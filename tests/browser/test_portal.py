"""Every public page type in a real browser, on the demo data as `make run` serves it:
accessible (axe-core, WCAG 2.2 AA) in Czech and Arabic, usable by keyboard, without
JavaScript and on a 360 px screen. Screenshots go to test-results/screenshots/."""

import re

import pytest

from tests.browser.conftest import (
    SCREENSHOTS,
    axe_violations,
    manage_demo_server,
    open_in,
    tab_to,
)
from tests.browser.planning_pages import planning_page_types

pytestmark = pytest.mark.browser


def page_types(base: str, page) -> dict[str, str]:
    """One URL of every public page type, found by following the site's own links."""
    page.goto(base + "/search/?q=dluhy")
    service = page.locator(".service-card a").first.get_attribute("href")
    page.goto(base + service)
    organisation = page.locator("a[href^='/organisation/']").first.get_attribute("href")
    invitation = invitation_path(organisation.strip("/").split("/")[-1])
    return {
        "home": "/",
        "situations": "/situations/",
        "situation": "/situations/dluhy/",
        "search": "/search/?q=dluhy&district=551210",
        "search-browse": "/search/?group=seniori",
        "search-empty": "/search/?q=xylofon",
        "search-near": "/search/?q=pečovatelská&near=Líšeň",
        "service": service,
        "organisation": organisation,
        "centre": "/socio-info-centre/",
        "accessibility": "/accessibility/",
        "api-docs": "/api/",
        "not-found": "/service/00000000-0000-0000-0000-000000000000/",
        "login": "/accounts/login/",
        "password-reset": "/accounts/password/reset/",
        "password-reset-sent": "/accounts/password/reset/sent/",
        "password-reset-bad-link": "/accounts/password/reset/MQ/set-password/",
        "invitation": invitation,
        "invitation-invalid": "/accounts/invitation/neplatny-odkaz/",
        **planning_page_types(base, page),
        "ask": "/socio-info-centre/ask/",
        "ask-sent": "/socio-info-centre/ask/sent/",
        "advice-statistics": "/socio-info-centre/statistics/?year=2025",
    }


def invitation_path(organisation_id: str, email: str = "pozvana@example.org") -> str:
    """A fresh invitation to the organisation on the demo server: the path of its link."""
    output = manage_demo_server("invite", email, organisation_id)
    link = output.strip().splitlines()[-1]
    return "/accounts/" + link.split("/accounts/", 1)[1]


@pytest.fixture(scope="module")
def urls(browser, demo_server):
    context = browser.new_context()
    found = page_types(demo_server, context.new_page())
    context.close()
    return found


@pytest.mark.parametrize("language", ["cs", "ar"])
def test_every_public_page_type_has_no_axe_violations(browser, demo_server, urls, language):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    failures = {}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    for name, path in urls.items():
        page = open_in(context, demo_server + path, language)
        page.wait_for_load_state("load")
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        page.screenshot(path=SCREENSHOTS / f"{name}-{language}.png", full_page=True)
        violations = axe_violations(page)
        if violations:
            failures[name] = violations
        page.close()
    context.close()
    assert failures == {}


def test_keyboard_only_home_to_a_phone_number(browser, demo_server):
    """Home → life situation → service → phone number, with Tab and Enter only."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = open_in(context, demo_server + "/", "cs")

    tab_to(page, "a[href='/situations/dluhy/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/situations/dluhy/")
    tab_to(page, ":is(.service-card, .service-card *)")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/service/[0-9a-f-]+/$"))
    tab_to(page, "a[href^='tel:']")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    context.close()
    assert re.fullmatch(r"tel:\+420\d{9}", focused)
    assert outline != "none"  # visible focus


@pytest.mark.parametrize("width", [360, 640])
def test_every_page_type_fits_a_narrow_screen(browser, demo_server, urls, width):
    """360 px is a small phone; 640 px is a 1280 px screen at 200 % zoom."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    overflowing = {}
    for name, path in urls.items():
        page = open_in(context, demo_server + path, "cs")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            overflowing[name] = overflow
        if width == 360:
            page.screenshot(path=SCREENSHOTS / f"{name}-360px.png", full_page=True)
        page.close()
    context.close()
    assert overflowing == {}


def test_searching_and_filtering_work_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = open_in(context, demo_server + "/", "cs")
    page.fill("#home-q", "pecovatelska")
    page.click(".search-box button[type=submit]")
    assert "q=pecovatelska" in page.url
    first = page.locator(".service-card h3").first.inner_text()
    assert first.startswith("Pečovatelská služba")
    page.click(".filters summary")  # the filters fold away while there is a query
    page.select_option("#id_district", label="Brno-Bystrc")
    page.click(".field-actions button[type=submit]")
    assert "district=551198" in page.url
    cards = page.locator(".service-card")
    assert cards.count() >= 1
    # A facet link narrows further and a chip removes the filter again.
    page.locator(".chips a").first.click()
    assert "district=" not in page.url
    assert not page.locator("#results-map").is_visible()  # the map needs JavaScript
    context.close()


def test_the_map_adds_to_the_list_with_javascript(browser, demo_server):
    context = browser.new_context()
    page = open_in(context, demo_server + "/search/?q=dluhy", "cs")
    page.wait_for_selector("#results-map .leaflet-interactive")
    assert page.locator(".service-card").count() > 0  # the list stays
    context.close()


def test_the_language_is_switched_on_any_page_and_remembered(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = open_in(context, demo_server + "/situations/", "cs")
    page.select_option("#language-select", "uk")
    page.click(".language-form button")
    assert page.url.endswith("/situations/")
    assert page.locator("html").get_attribute("lang") == "uk"
    page.goto(demo_server + "/search/?q=dluhy")
    assert page.locator("html").get_attribute("lang") == "uk"
    context.close()


def test_a_service_page_prints_as_one_page(browser, demo_server, urls):
    context = browser.new_context()
    page = open_in(context, demo_server + urls["service"], "cs")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    pdf = page.pdf(format="A4")
    context.close()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
