"""Community planning in a real browser on the demo server: commenting by keyboard and
without JavaScript, and the plan and its evaluation report printed to PDF by Chromium.
(The planning pages are also in test_portal.py's axe, 360 px and 640 px checks.)"""

import re
import time

import pytest

from socioinfo.planning.demo import PLAN_SLUG
from tests.browser.conftest import open_in, tab_to

pytestmark = pytest.mark.browser


def consultation_path(page, base: str) -> str:
    page.goto(base + "/plans/")
    link = page.locator("section[aria-labelledby='consultations-title'] a").first
    return link.get_attribute("href")


def test_a_comment_is_sent_by_keyboard_alone_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    consultation = consultation_path(page, demo_server)
    page = open_in(context, demo_server + consultation, "cs")

    tab_to(page, "a[href$='/comment/B2.1.b/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/comment/B2.1.b/")
    tab_to(page, "#id_author_name")
    page.keyboard.type("Jana Nováková")
    page.keyboard.press("Tab")
    page.keyboard.type("jana@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Doplnit Líšeň a Vinohrady.")
    page.keyboard.press("Tab")
    page.keyboard.type("Rozšířit služby i v Líšni.")
    # The hidden anti-robot field is skipped: the next stop is the send button.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    time.sleep(3.2)  # a person takes longer than the form's minimum
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/consultations/[0-9a-f-]+/$"))
    message = page.locator(".messages").inner_text()
    context.close()
    assert "jana@example.org" in message


def test_the_comment_form_reports_errors_next_to_the_fields(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    consultation = consultation_path(page, demo_server)
    page.goto(demo_server + consultation + "comment/B2.1.a/")
    time.sleep(3.2)
    page.locator(".comment-form button[type=submit]").click()
    errors = page.locator(".field-error").all_inner_texts()
    context.close()
    assert len(errors) == 3  # name, e-mail, comment


@pytest.mark.parametrize("path", ["print/", "evaluation/"])
def test_the_plan_and_its_evaluation_report_print_to_pdf(browser, demo_server, path):
    context = browser.new_context()
    page = open_in(context, f"{demo_server}/plans/{PLAN_SLUG}/{path}", "cs")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    text = page.locator("main").inner_text()
    pdf = page.pdf(format="A4")
    context.close()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2
    assert "Podporovat pečující osoby" in text or "A1.3" in text
