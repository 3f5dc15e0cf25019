"""The start page in a real browser: the skip link and the language switch."""

import pytest

from tests.browser.conftest import open_in

pytestmark = pytest.mark.browser


def test_first_tab_reaches_the_skip_link_and_it_moves_focus_to_main(browser, demo_server):
    context = browser.new_context()
    page = open_in(context, demo_server + "/", "cs")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Find help in Brno"), ("ar", None), ("cs", None)],
)
def test_language_can_be_changed_without_javascript(browser, demo_server, language, heading):
    context = browser.new_context(java_script_enabled=False)
    page = open_in(context, demo_server + "/", "cs" if language != "cs" else "en")
    page.select_option("#language-select", language)
    page.click(".language-form button")
    assert page.locator("html").get_attribute("lang") == language
    if heading:
        assert page.locator("h1").inner_text() == heading
    if language == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
    context.close()
