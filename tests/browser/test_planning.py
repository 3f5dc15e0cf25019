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


@pytest.fixture(scope="module")
def planner_page(browser, demo_server):
    """A planner signed in: the second factor set up from the key the page shows, as a
    person types it from the screen into an app."""
    from base64 import b32decode

    from django_otp.oath import totp

    from tests.browser.conftest import manage_demo_server

    output = manage_demo_server("load_demo_accounts")
    password = re.search(r"password: (\S+)", output).group(1)
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = open_in(context, demo_server + "/accounts/login/", "cs")
    page.fill("#id_username", "planovani@example.org")
    page.fill("#id_password", password)
    page.click(".account-form button[type=submit]")
    key = "".join(page.locator(".otp-key code").inner_text().split())
    page.fill("#id_token", f"{totp(b32decode(key)):06d}")
    page.click(".account-form button[type=submit]")
    yield page
    context.close()


def test_the_planners_pages_and_the_backup_codes_have_no_axe_violations(planner_page, demo_server):
    from tests.browser.conftest import SCREENSHOTS, axe_violations

    page = planner_page
    # Right after the set-up: the backup codes, shown once.
    assert "/second-factor/backup-codes/" in page.url
    assert page.locator(".backup-codes li").count() == 10
    page.screenshot(path=SCREENSHOTS / "planning-backup-codes-new-cs.png", full_page=True)
    failures = {"backup-codes-new": violations} if (violations := axe_violations(page)) else {}
    pages = {"backup-codes": page.url.removeprefix(demo_server)}
    page.goto(demo_server + "/planning/glossary/")
    pages["glossary"] = "/planning/glossary/"
    pages["glossary-entry"] = page.locator("table a").first.get_attribute("href")
    page.goto(demo_server + "/planning/working-groups/seniori/")
    pages["staff-meeting"] = page.locator("a[href^='/planning/meetings/']").first.get_attribute(
        "href"
    )
    pages["staff-project"] = "/planning/projects/podpora-stabilizace-ohrozenych-rodin/?service=a"
    for language in ("cs", "ar"):
        for name, path in pages.items():
            if name == "backup-codes" and language == "ar":
                continue  # shown once
            shown = open_in(page.context, demo_server + path, language)
            width = shown.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert width <= 0, name
            shown.screenshot(path=SCREENSHOTS / f"planning-{name}-{language}.png", full_page=True)
            if violations := axe_violations(shown):
                failures[f"{name}-{language}"] = violations
            shown.close()
    assert failures == {}


def test_a_planner_attaches_a_file_that_the_public_downloads(planner_page, demo_server, browser):
    page = open_in(planner_page.context, demo_server + "/working-groups/seniori/", "cs")
    public_meeting = page.locator("a[href^='/meetings/']").first.get_attribute("href")
    meeting_id = public_meeting.strip("/").split("/")[-1]
    page.goto(f"{demo_server}/planning/meetings/{meeting_id}/")
    page.fill("#id_document-title", "Zápis z jednání (PDF)")
    page.set_input_files(
        "#id_document-file",
        files=[
            {"name": "zapis.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}
        ],
    )
    page.locator("button[name=add_document]").click()
    assert page.locator(".messages").count() == 1
    visitor = browser.new_context(java_script_enabled=False)
    public = open_in(visitor, demo_server + public_meeting, "cs")
    link = public.locator("a", has_text="Zápis z jednání (PDF)")
    with public.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "zapis.pdf"
    with open(download.value.path(), "rb") as saved:
        assert saved.read() == b"%PDF-1.4\n%%EOF\n"
    visitor.close()
