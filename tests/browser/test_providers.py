"""Provider self-service and moderation in a real browser on the demo server: every page
type without axe violations in Czech and Arabic and within 360 px, a change proposed and
approved by keyboard alone without JavaScript, the "still correct" link."""

import re
import time

import pytest
from django_otp.oath import totp

from tests.browser.conftest import (
    SCREENSHOTS,
    axe_violations,
    manage_demo_server,
    open_in,
    tab_to,
)

pytestmark = pytest.mark.browser

TOTP_KEY = "3132333435363738393031323334353637383930"  # the RFC 6238 test key

_SETUP = f"""
from django_otp.plugins.otp_totp.models import TOTPDevice
from socioinfo.accounts.models import User
editor = User.objects.get(email="redakce@example.org")
TOTPDevice.objects.filter(user=editor).delete()
TOTPDevice.objects.create(user=editor, name="phone", key="{TOTP_KEY}", confirmed=True)
"""

_REMINDER = """
from django.utils import timezone
from socioinfo.accounts.models import User
from socioinfo.providers.freshness import still_correct_token
from socioinfo.providers.models import FreshnessReminder
user = User.objects.get(email="poskytovatel@example.org")
service = user.memberships.first().organisation.services.first()
reminder = FreshnessReminder.objects.create(
    service=service, sent_at=timezone.now(), sent_to=[user.email]
)
print(still_correct_token(reminder, user))
"""


def still_correct_path() -> str:
    """A fresh "still correct" link of a reminder on the demo server."""
    token = manage_demo_server("shell", "-c", _REMINDER).strip().splitlines()[-1]
    return f"/providers/still-correct/{token}/"


@pytest.fixture(scope="module")
def demo_password(demo_server):
    output = manage_demo_server("load_demo_accounts")
    manage_demo_server("shell", "-c", _SETUP)
    return re.search(r"password: (\S+)", output).group(1)


def _sign_in(context, base: str, email: str, password: str, language: str = "cs"):
    page = open_in(context, base + "/accounts/login/", language)
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.click(".account-form button[type=submit]")
    for _attempt in range(2):
        if "/second-factor/" not in page.url:
            break
        # A code is accepted once: a second sign-in within its 30 s waits for the next one.
        if _attempt:
            time.sleep(31 - time.time() % 30)
        page.fill("#id_token", f"{totp(bytes.fromhex(TOTP_KEY)):06d}")
        page.click(".account-form button[type=submit]")
    assert "/second-factor/" not in page.url
    return page


def _provider_pages(page, base: str) -> dict[str, str]:
    page.goto(base + "/providers/")
    service = page.locator("a[href^='/providers/service/']").first.get_attribute("href")
    organisation = page.locator("a[href^='/providers/organisation/']").first.get_attribute("href")
    place = page.locator("a[href^='/providers/place/']").first.get_attribute("href")
    return {
        "dashboard": "/providers/",
        "organisation-edit": organisation,
        "service-edit": service,
        "service-new": organisation + "new-service/",
        "place-edit": place,
        "place-new": organisation + "new-place/",
        "requests": "/providers/requests/",
    }


def _check(page, base: str, pages: dict[str, str], prefix: str, language: str) -> dict:
    failures = {}
    for name, path in pages.items():
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, name
        page.screenshot(path=SCREENSHOTS / f"{prefix}-{name}-{language}.png", full_page=True)
        if violations := axe_violations(page):
            failures[name] = violations
    return failures


@pytest.mark.parametrize("language", ["cs", "ar"])
def test_provider_pages_have_no_axe_violations_and_fit_360_px(
    browser, demo_server, demo_password, language
):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = _sign_in(context, demo_server, "poskytovatel@example.org", demo_password, language)
    failures = _check(page, demo_server, _provider_pages(page, demo_server), "provider", language)
    context.close()
    assert failures == {}


def test_a_change_is_proposed_and_approved_by_keyboard_without_javascript(
    browser, demo_server, demo_password
):
    provider = browser.new_context(java_script_enabled=False)
    page = _sign_in(provider, demo_server, "poskytovatel@example.org", demo_password)
    service = _provider_pages(page, demo_server)["service-edit"]
    public = service.replace("/providers/service/", "/service/")
    page.goto(demo_server + service)
    tab_to(page, "#id_name")
    page.keyboard.press("Control+A")
    page.keyboard.type("Služba přejmenovaná poskytovatelem")
    # A long form: the link before it skips to the note and the send button.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#send"
    page.keyboard.press("Enter")
    tab_to(page, ".provider-form button[type=submit]", limit=3)
    page.keyboard.press("Enter")
    # (The browser keeps the page's #send through the redirect, as browsers do.)
    page.wait_for_url(re.compile(r".*/providers/requests/[0-9a-f-]{36}/(#send)?$"))
    request_path = page.url.split(demo_server, 1)[1].removesuffix("#send")
    assert page.locator("ins", has_text="Služba přejmenovaná poskytovatelem").count() == 1
    page.goto(demo_server + public)
    assert "Služba přejmenovaná poskytovatelem" not in page.content()  # not before approval
    provider.close()

    city = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = _sign_in(city, demo_server, "redakce@example.org", demo_password)
    review = request_path.replace("/providers/requests/", "/providers/review/")
    page.goto(demo_server + review)
    tab_to(page, "input[name=decision][value=approve]")
    page.keyboard.press("Space")
    tab_to(page, ".account-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/providers/review/")
    page.goto(demo_server + public)
    assert "Služba přejmenovaná poskytovatelem" in page.content()
    city.close()


@pytest.mark.parametrize("language", ["cs", "ar"])
def test_moderation_pages_have_no_axe_violations(browser, demo_server, demo_password, language):
    provider = browser.new_context(java_script_enabled=False)
    page = _sign_in(provider, demo_server, "poskytovatel@example.org", demo_password, language)
    place = _provider_pages(page, demo_server)["place-edit"]
    page.goto(demo_server + place)
    page.fill("#id_transport_notes", f"Tramvaj 1 ({language})")
    page.click(".provider-form button[type=submit]")
    request_path = page.url.split(demo_server, 1)[1]
    provider.close()
    city = browser.new_context(viewport={"width": 360, "height": 800})
    page = _sign_in(city, demo_server, "redakce@example.org", demo_password, language)
    review = request_path.replace("/providers/requests/", "/providers/review/")
    pages = {"queue": "/providers/review/", "review": review, "stale": "/providers/stale/"}
    failures = _check(page, demo_server, pages, "moderation", language)
    city.close()
    assert failures == {}


@pytest.mark.parametrize("language", ["cs", "ar"])
def test_the_still_correct_link_pages_have_no_axe_violations(browser, demo_server, language):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    pages = {"still-correct": still_correct_path(), "link-invalid": "/providers/still-correct/x/"}
    page = open_in(context, demo_server + "/", language)
    failures = _check(page, demo_server, pages, "link", language)
    context.close()
    assert failures == {}


def test_the_still_correct_link_confirms_once_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    path = still_correct_path()
    page = open_in(context, demo_server + path, "cs")
    page.click(".account-form button[type=submit]")
    assert page.locator("[role=status]").count() == 1
    page.goto(demo_server + path)
    assert page.locator(".message-warning").count() == 1  # the link worked once
    context.close()
