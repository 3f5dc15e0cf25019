"""Sessions expire: after DJANGO_SESSION_COOKIE_AGE seconds without a request, and when the
browser closes."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from socioinfo.accounts.roles import Role
from tests.accounts.helpers import PASSWORD, make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def setting_with_env(name: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_SESSION")}
    code = f"from django.conf import settings; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "socioinfo.settings", "DJANGO_DEBUG": "1", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_the_session_length_comes_from_the_environment():
    assert setting_with_env("SESSION_COOKIE_AGE") == "7200"
    assert setting_with_env("SESSION_COOKIE_AGE", DJANGO_SESSION_COOKIE_AGE="900") == "900"
    assert setting_with_env("SESSION_EXPIRE_AT_BROWSER_CLOSE") == "True"


def test_a_signed_in_session_lasts_the_configured_age_and_each_request_renews_it(client, settings):
    settings.SESSION_COOKIE_AGE = 900
    make_user(Role.PROVIDER_EDITOR, email="jana@spolek.cz", password=PASSWORD)
    client.post(reverse("accounts:login"), {"username": "jana@spolek.cz", "password": PASSWORD})
    session = Session.objects.get()
    left = session.expire_date - timezone.now()
    assert datetime.timedelta(seconds=890) < left <= datetime.timedelta(seconds=900)
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == ""  # ends with the browser

    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(seconds=60))
    assert client.get(reverse("accounts:account")).status_code == 200
    renewed = Session.objects.get().expire_date - timezone.now()
    assert renewed > datetime.timedelta(seconds=890)


def test_an_expired_session_is_signed_out(client):
    make_user(Role.PROVIDER_EDITOR, email="jana@spolek.cz", password=PASSWORD)
    client.post(reverse("accounts:login"), {"username": "jana@spolek.cz", "password": PASSWORD})
    assert client.get(reverse("accounts:account")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("accounts:account"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
