"""The start page in a real browser: accessible, keyboard-usable, readable on a phone."""

import pytest

from tests.browser.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["cs", "en", "ar"])
def test_home_page_has_no_axe_violations(page, seeded_live_server, language):
    page.goto(seeded_live_server.url + "/")
    if language != "cs":
        page.select_option("#language-select", language)
        page.click("button[type=submit]")
    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []


def test_arabic_is_right_to_left(page, seeded_live_server):
    page.goto(seeded_live_server.url + "/")
    page.select_option("#language-select", "ar")
    page.click("button[type=submit]")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_first_tab_reaches_the_skip_link_and_it_moves_focus_to_main(page, seeded_live_server):
    page.goto(seeded_live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("width", [360, 640])
def test_page_fits_a_narrow_screen_without_sideways_scrolling(browser, seeded_live_server, width):
    """360 px is a small phone; 640 px is a 1280 px screen at 200 % zoom."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(seeded_live_server.url + "/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


def test_language_can_be_changed_without_javascript(browser, seeded_live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(seeded_live_server.url + "/")
    page.select_option("#language-select", "en")
    page.click("button[type=submit]")
    heading = page.locator("h1").inner_text()
    context.close()
    assert heading == "Social services in Brno"
