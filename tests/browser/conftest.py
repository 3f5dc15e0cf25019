"""Headless Chromium (Debian's package) driven by Playwright, and axe-core from npm.

Browser tests use ``live_server``, whose database is flushed after each test, so the seed
fixture loads the real areas and code lists again for each one.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SOCIOINFO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# Playwright's sync API runs an event loop; Django must allow ORM calls from tests anyway.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (installs Debian's chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="cs-CZ")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def seeded_live_server(live_server, django_db_blocker):
    from django.apps import apps

    from socioinfo.areas.selectors import clear_area_index_cache
    from socioinfo.areas.services import load_areas
    from socioinfo.directory.codelists import load_code_lists

    with django_db_blocker.unblock():
        load_areas()
        load_code_lists(apps)
    clear_area_index_cache()
    return live_server


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.0–2.2 A and AA rules) on the page; return the violations."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make install)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values:
            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]
