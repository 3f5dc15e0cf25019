"""Production settings are safe by default and DATABASE_URL takes the usual forms."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import dj_database_url

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="socioinfo.example.cz",
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_without_a_secret_key_refuses_to_start_and_says_why():
    result = run_manage("check")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_a_bad_boolean_variable_is_named_in_the_error():
    result = run_manage("check", DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_database_url_takes_sqlite_and_postgres_forms():
    sqlite = dj_database_url.parse("sqlite:////var/lib/socioinfo/db.sqlite3")
    assert (sqlite["ENGINE"], sqlite["NAME"]) == (
        "django.db.backends.sqlite3",
        "/var/lib/socioinfo/db.sqlite3",
    )
    pg = dj_database_url.parse("postgres://socioinfo:secret@db.example.cz:5433/socioinfo")
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert (pg["HOST"], pg["PORT"], pg["NAME"], pg["USER"]) == (
        "db.example.cz",
        5433,
        "socioinfo",
        "socioinfo",
    )


def test_settings_use_the_database_url_variable():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['NAME'])",
        DJANGO_DEBUG="1",
        DATABASE_URL="sqlite:////tmp/socioinfo-settings-test.sqlite3",
    )
    assert result.stdout.strip() == "/tmp/socioinfo-settings-test.sqlite3", result.stderr
