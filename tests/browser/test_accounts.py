"""Signing in and accepting an invitation in a real browser: by keyboard alone and without
JavaScript, on the demo server."""

import re

import pytest

from tests.browser.conftest import manage_demo_server, open_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_password(demo_server):
    output = manage_demo_server("load_demo_accounts")
    return re.search(r"password: (\S+)", output).group(1)


def test_a_provider_editor_signs_in_by_keyboard_alone(browser, demo_server, demo_password):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = open_in(context, demo_server + "/accounts/login/", "cs")
    for _press in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_username":
            break
    page.keyboard.type("poskytovatel@example.org")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(demo_password)
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/")
    assert page.locator("h1").count() == 1
    assert page.locator("a[href^='/organisation/']").count() == 2  # their two organisations
    context.close()


def test_a_wrong_password_is_reported_next_to_the_form_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = open_in(context, demo_server + "/accounts/login/", "cs")
    page.fill("#id_username", "skupina@example.org")
    page.fill("#id_password", "spatne-heslo")
    page.click(".account-form button[type=submit]")
    assert page.locator("[role=alert]").count() == 1
    assert page.url.endswith("/accounts/login/")
    context.close()


def test_an_invitation_is_accepted_without_javascript(browser, demo_server):
    from tests.browser.test_portal import invitation_path

    organisation_id = re.search(
        r"[0-9a-f-]{36}", manage_demo_server("shell", "-c", _FIRST_ORGANISATION)
    ).group(0)
    path = invitation_path(organisation_id, email="nova@example.org")
    context = browser.new_context(java_script_enabled=False)
    page = open_in(context, demo_server + path, "cs")
    page.fill("#id_first_name", "Jana")
    page.fill("#id_password1", "Kvetinova-louka-2026")
    page.fill("#id_password2", "Kvetinova-louka-2026")
    page.click(".account-form button[type=submit]")
    assert page.url.endswith("/accounts/")
    assert page.locator(f"a[href='/organisation/{organisation_id}/']").count() == 1
    again = open_in(context, demo_server + path, "cs")  # the link worked once
    assert again.locator(".message-warning").count() == 1
    context.close()


_FIRST_ORGANISATION = (
    "from socioinfo.directory.models import Organisation; "
    "print(Organisation.objects.order_by('name').values_list('pk', flat=True)[0])"
)


@pytest.mark.parametrize("language", ["cs", "ar"])
def test_my_account_and_the_second_factor_set_up_have_no_axe_violations(
    browser, demo_server, demo_password, language
):
    from tests.browser.conftest import SCREENSHOTS, axe_violations

    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = open_in(context, demo_server + "/accounts/login/", language)
    page.fill("#id_username", "poskytovatel@example.org")
    page.fill("#id_password", demo_password)
    page.click(".account-form button[type=submit]")
    failures = {}
    for name, path in {"account": "/accounts/", "setup": "/accounts/second-factor/setup/"}.items():
        page.goto(demo_server + path)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        page.screenshot(path=SCREENSHOTS / f"staff-{name}-{language}.png", full_page=True)
        if violations := axe_violations(page):
            failures[name] = violations
    context.close()
    assert failures == {}
