"""`manage.py run_daily_jobs`: one cron line for every daily job; a failing job does not
stop the others."""

import datetime
from io import StringIO

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from socioinfo.core.management.commands import run_daily_jobs

pytestmark = pytest.mark.django_db


def _access_log(days_ago: int) -> AccessLog:
    entry = AccessLog.objects.create(
        username="jana@spolek.cz", ip_address="203.0.113.1", user_agent="test", path_info="/"
    )
    AccessLog.objects.filter(pk=entry.pk).update(
        attempt_time=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return entry


def test_the_jobs_remove_expired_sessions_and_old_sign_in_records_only(settings):
    settings.SOCIOINFO_SIGNIN_LOG_DAYS = 90
    now = timezone.now()
    Session.objects.create(
        session_key="old", session_data="", expire_date=now - datetime.timedelta(days=1)
    )
    Session.objects.create(
        session_key="live", session_data="", expire_date=now + datetime.timedelta(days=1)
    )
    old, recent = _access_log(120), _access_log(10)
    failure = AccessFailureLog.objects.create(
        username="jana@spolek.cz", ip_address="203.0.113.1", user_agent="test", path_info="/"
    )
    AccessFailureLog.objects.filter(pk=failure.pk).update(
        attempt_time=now - datetime.timedelta(days=120)
    )
    out = StringIO()
    call_command("run_daily_jobs", stdout=out)
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live"]
    assert list(AccessLog.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not AccessFailureLog.objects.exists()
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        name for name, _ in run_daily_jobs.daily_jobs()
    ]
    assert not AccessLog.objects.filter(pk=old.pk).exists()


def test_the_retention_and_the_reminders_run_among_them(monkeypatch):
    ran = []
    real = run_daily_jobs.call_command

    def record(name, *args, **kwargs):
        ran.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(run_daily_jobs, "call_command", record)
    call_command("run_daily_jobs", stdout=StringIO())
    assert {"anonymise_expired_clients", "send_freshness_reminders"} <= set(ran)


def test_a_failing_job_does_not_stop_the_others_and_is_named(monkeypatch):
    ran = []
    real = run_daily_jobs.call_command

    def flaky(name, *args, **kwargs):
        ran.append(name)
        if name == "axes_reset_logs":
            raise RuntimeError("database is locked")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(run_daily_jobs, "call_command", flaky)
    err = StringIO()
    with pytest.raises(CommandError, match="Failed: axes_reset_logs. The other jobs ran."):
        call_command("run_daily_jobs", stdout=StringIO(), stderr=err)
    assert ran == [name for name, _ in run_daily_jobs.daily_jobs()]
    assert "database is locked" in err.getvalue()
