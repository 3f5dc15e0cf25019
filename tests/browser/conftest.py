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


SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """The real site with the demo data, as `make run` serves it: its own SQLite file,
    migrated and loaded once per session, served by Django in a separate process."""
    import secrets
    import subprocess
    import sys
    import time
    import urllib.request

    root = Path(__file__).resolve().parents[2]
    folder = tmp_path_factory.mktemp("demo")
    # Production settings (no debug pages, static files collected and compressed), only
    # without HTTPS since the server is plain HTTP on localhost.
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "SOCIOINFO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "PYTHONUNBUFFERED": "1",
    }
    manage = [sys.executable, str(root / "manage.py")]
    _DEMO_SITE.update(env=env, manage=manage, root=root)
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["collectstatic", "--no-input", "-v0"],
        ["load_areas"],
        ["load_demo"],
        ["load_planning_demo"],
        ["load_advice_demo"],
    ):
        subprocess.run(manage + command, env=env, check=True, cwd=root, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        env=env,
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)  # noqa: S310 - local
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("the demo server did not start")
    yield url
    server.terminate()
    server.wait(timeout=10)


_DEMO_SITE: dict = {}


def manage_demo_server(*args: str) -> str:
    """Run a management command against the demo server's database; return its output."""
    import subprocess

    result = subprocess.run(
        _DEMO_SITE["manage"] + list(args),
        env=_DEMO_SITE["env"],
        cwd=_DEMO_SITE["root"],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab until the focused element matches the CSS selector: what a keyboard user
    does. Fails if it is not reached in ``limit`` presses."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached by keyboard in {limit} presses")


def open_in(context, url: str, language: str):
    """Open a page with the language cookie set, as the language switch leaves it."""
    from urllib.parse import urlparse

    parts = urlparse(url)
    context.add_cookies(
        [{"name": "django_language", "value": language, "url": f"{parts.scheme}://{parts.netloc}/"}]
    )
    page = context.new_page()
    page.goto(url)
    return page
