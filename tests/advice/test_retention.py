"""Retention: the background task anonymises clients whose last contact is older than the
retention period, and the statistics do not change. Subject access and erasure."""

import datetime
import json
import zoneinfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from socioinfo.advice.models import (
    AccessAction,
    Client,
    ClientDetails,
    Enquiry,
    PersonalDataAccess,
    SupportType,
)
from socioinfo.advice.selectors import enquiry_statistics
from socioinfo.advice.services import create_client, save_enquiry
from socioinfo.advice.tasks import anonymise_expired_clients_task
from socioinfo.areas.selectors import brno_city_districts

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def _client_with_contact(worker, when, name):
    client = create_client(by=worker, consent=True, name=name, phone="+420 600 000 001")
    save_enquiry(
        Enquiry(
            client=client,
            contacted_at=when,
            district=brno_city_districts().first(),
            note=f"poznámka o {name}",
        ),
        by=worker,
        topics=[],
        support=[SupportType.COUNSELLING, SupportType.INTERPRETING],
    )
    Client.objects.filter(pk=client.pk).update(last_contact_at=when)
    return Client.objects.get(pk=client.pk)


@pytest.fixture
def expired_and_current(worker):
    now = timezone.now()
    expired = _client_with_contact(worker, now - datetime.timedelta(days=3 * 365 + 5), "Stará")
    current = _client_with_contact(worker, now - datetime.timedelta(days=30), "Nová")
    return expired, current


def _figures(year):
    stats = enquiry_statistics(year)
    return stats.total, [(t.slug, [(r.key, r.count) for r in t.rows]) for t in stats.tables]


def test_the_task_anonymises_an_expired_client_and_the_statistics_stay(expired_and_current):
    expired, current = expired_and_current
    years = {expired.last_contact_at.astimezone(PRAGUE).year, current.last_contact_at.year}
    before = {year: _figures(year) for year in years}

    assert anonymise_expired_clients_task.call() == 1

    expired.refresh_from_db()
    current.refresh_from_db()
    assert expired.anonymised_at is not None and current.anonymised_at is None
    assert not ClientDetails.objects.filter(client=expired).exists()
    assert ClientDetails.objects.filter(client=current).exists()
    assert not Enquiry.objects.filter(client=expired).exists()
    assert not Enquiry.objects.filter(note__contains="Stará").exists()
    assert Enquiry.objects.filter(note__contains="Nová").exists()
    assert {year: _figures(year) for year in years} == before


def test_the_task_runs_from_the_database_queue(expired_and_current, monkeypatch):
    """Enqueued through the database backend and run by django-tasks' worker."""
    from django_tasks_db.management.commands import db_worker

    # The worker closes connections between tasks; the test's transaction must stay open.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    expired, _current = expired_and_current
    result = anonymise_expired_clients_task.enqueue()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    result.refresh()
    expired.refresh_from_db()
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 1
    assert expired.anonymised_at is not None


def test_the_cron_command_anonymises_too(expired_and_current):
    expired, _current = expired_and_current
    call_command("anonymise_expired_clients", verbosity=0)
    expired.refresh_from_db()
    assert expired.anonymised_at is not None


def test_the_retention_period_is_a_setting(expired_and_current, settings):
    settings.SOCIOINFO_ADVICE_RETENTION_DAYS = 10
    assert anonymise_expired_clients_task.call() == 2


def test_subject_access_export_holds_everything_kept_and_is_logged(
    worker_client, expired_and_current, worker
):
    _expired, current = expired_and_current
    response = worker_client.get(reverse("advice:client_export", args=[current.pk]))
    data = json.loads(response.content)
    assert data["pseudonym"] == current.pseudonym
    assert data["personal_details"]["name"] == "Nová"
    assert [e["note"] for e in data["enquiries"]] == ["poznámka o Nová"]
    assert PersonalDataAccess.objects.get().action == AccessAction.EXPORT


def test_erasure_removes_the_personal_data_and_keeps_the_statistics(
    worker_client, expired_and_current
):
    _expired, current = expired_and_current
    year = current.last_contact_at.astimezone(PRAGUE).year
    before = _figures(year)
    response = worker_client.post(reverse("advice:client_erase", args=[current.pk]))
    current.refresh_from_db()
    assert response.status_code == 302
    assert current.anonymised_at is not None
    assert not ClientDetails.objects.filter(client=current).exists()
    assert _figures(year) == before
    assert PersonalDataAccess.objects.filter(action=AccessAction.ERASE).count() == 1
    assert worker_client.get(reverse("advice:client", args=[current.pk])).status_code == 404


def test_details_are_kept_only_with_consent(worker_client):
    response = worker_client.post(
        reverse("advice:clients"), {"name": "Bez souhlasu", "phone": "123"}
    )
    assert response.status_code == 200
    assert not Client.objects.exists()
    worker_client.post(reverse("advice:clients"), {})
    client = Client.objects.get()
    assert client.consent_given_at is None
    assert not ClientDetails.objects.exists()
