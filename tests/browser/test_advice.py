"""The public "Ask the Socio-info Centre" form in a real browser: by keyboard alone and
without JavaScript, a question reaches the staff queue."""

import time

import pytest

from tests.browser.conftest import manage_demo_server, open_in, tab_to

pytestmark = pytest.mark.browser


def _waiting_questions() -> int:
    output = manage_demo_server(
        "shell",
        "-c",
        "from socioinfo.advice.models import Enquiry; "
        "print(Enquiry.objects.filter(status='waiting').count())",
    )
    return int(output.strip().splitlines()[-1])


def test_asking_a_question_by_keyboard_without_javascript(browser, demo_server):
    before = _waiting_questions()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = open_in(context, demo_server + "/socio-info-centre/ask/", "cs")

    tab_to(page, "textarea[name=question]")
    page.keyboard.type("Kde najdu pomoc s dluhy?")
    tab_to(page, "input[name=email]")
    page.keyboard.type("tazatel@example.org")
    tab_to(page, "input[name=consent]")
    page.keyboard.press("Space")
    time.sleep(3.5)  # the form refuses what is sent within seconds of opening
    tab_to(page, "form.ask-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/socio-info-centre/ask/sent/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0
    assert _waiting_questions() == before + 1


def test_a_validation_error_keeps_the_text_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = open_in(context, demo_server + "/socio-info-centre/ask/", "cs")
    page.fill("textarea[name=question]", "Potřebuji poradit s bydlením.")
    page.click("form.ask-form button[type=submit]")
    page.wait_for_load_state("load")
    kept = page.input_value("textarea[name=question]")
    errors = page.locator(".errorlist").count()
    context.close()
    assert kept == "Potřebuji poradit s bydlením."
    assert errors >= 2  # consent and a way to answer
