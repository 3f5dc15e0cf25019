"""Stale services: a reminder e-mail whose signed, expiring, single-use link confirms the
service; one reminder per period; the staff report; the cron command and the task."""

import datetime
import re
import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

from socioinfo.directory.models import Service
from socioinfo.providers.freshness import send_freshness_reminders
from socioinfo.providers.models import FreshnessReminder
from tests.accounts.helpers import sign_in
from tests.providers.conftest import LONG_AGO

pytestmark = pytest.mark.django_db


@pytest.fixture
def stale_service(mine, editor):
    service = mine.services.get()
    Service.objects.filter(pk=service.pk).update(last_verified_on=LONG_AGO)
    return service


def _links(message) -> tuple[str, str]:
    confirm = re.search(r"http\S+/providers/still-correct/\S+/", message.body).group(0)
    edit = re.search(r"http\S+/providers/service/\S+/", message.body).group(0)
    return confirm.split("://", 1)[1].split("/", 1)[1], edit


def test_a_stale_service_produces_a_reminder_email_whose_link_confirms_it_and_updates_last_verified(
    client, stale_service, editor
):
    assert send_freshness_reminders() == 1
    (message,) = mail.outbox
    assert message.to == [editor.email]
    assert stale_service.name in message.body
    confirm_path, edit_link = _links(message)
    assert edit_link.endswith(f"/providers/service/{stale_service.pk}/")

    page = client.get("/" + confirm_path)  # opening the link (a mail scanner too) changes nothing
    assert page.status_code == 200
    stale_service.refresh_from_db()
    assert stale_service.last_verified_on == LONG_AGO

    done = client.post("/" + confirm_path)
    assert done.status_code == 200
    stale_service.refresh_from_db()
    assert stale_service.last_verified_on == timezone.localdate()
    assert stale_service.history.first().history_user == editor
    reminder = FreshnessReminder.objects.get()
    assert (reminder.confirmed_by, reminder.confirmed_at is not None) == (editor, True)
    public = client.get(f"/service/{stale_service.pk}/").content.decode()
    assert timezone.localdate().strftime("%-d. %-m. %Y") in public


def test_the_link_works_once(client, stale_service):
    send_freshness_reminders()
    confirm_path, _edit = _links(mail.outbox[0])
    client.post("/" + confirm_path)
    Service.objects.filter(pk=stale_service.pk).update(last_verified_on=LONG_AGO)
    again = client.post("/" + confirm_path)
    assert again.status_code == 410
    stale_service.refresh_from_db()
    assert stale_service.last_verified_on == LONG_AGO


def test_the_link_expires(client, stale_service, settings):
    settings.SOCIOINFO_REMINDER_LINK_DAYS = 30
    send_freshness_reminders()
    confirm_path, _edit = _links(mail.outbox[0])
    later = time.time() + 31 * 24 * 3600
    with mock.patch("time.time", return_value=later):
        response = client.post("/" + confirm_path)
    assert response.status_code == 410
    stale_service.refresh_from_db()
    assert stale_service.last_verified_on == LONG_AGO


def test_a_forged_or_other_purpose_token_is_refused(client, stale_service, editor):
    send_freshness_reminders()
    reminder = FreshnessReminder.objects.get()
    payload = {"r": str(reminder.pk), "u": editor.pk}
    other_salt = signing.dumps(payload, salt="socioinfo.accounts.invitation")
    for token in (other_salt, "nonsense", signing.dumps(payload) + "x"):
        assert client.post(f"/providers/still-correct/{token}/").status_code == 404
    stale_service.refresh_from_db()
    assert stale_service.last_verified_on == LONG_AGO


def test_a_link_stops_working_when_its_person_leaves_the_organisation(
    client, stale_service, editor
):
    send_freshness_reminders()
    confirm_path, _edit = _links(mail.outbox[0])
    editor.memberships.all().delete()
    assert client.post("/" + confirm_path).status_code == 404
    stale_service.refresh_from_db()
    assert stale_service.last_verified_on == LONG_AGO


def test_a_reminder_is_not_sent_twice_within_the_period(stale_service, settings):
    assert send_freshness_reminders() == 1
    assert send_freshness_reminders() == 0
    later = timezone.now() + datetime.timedelta(days=settings.SOCIOINFO_STALE_AFTER_DAYS + 1)
    assert send_freshness_reminders(now=later) == 1
    assert len(mail.outbox) == 2


def test_fresh_drafts_and_editorless_services_get_no_reminder(mine, theirs, editor):
    Service.objects.filter(organisation=theirs).update(last_verified_on=LONG_AGO)  # no editor
    assert send_freshness_reminders() == 0  # mine is fresh
    Service.objects.filter(organisation=mine).update(last_verified_on=LONG_AGO, status="draft")
    assert send_freshness_reminders() == 0
    assert mail.outbox == []


def test_the_cron_command_and_the_task_send_reminders(stale_service, capsys):
    call_command("send_freshness_reminders")
    assert "1" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_the_command_queues_the_task_for_the_worker(stale_service, capsys):
    from django_tasks_db.models import DBTaskResult

    call_command("send_freshness_reminders", "--enqueue")
    assert DBTaskResult.objects.filter(task_path__endswith="send_freshness_reminders_task").exists()
    assert mail.outbox == []


def test_the_dashboard_confirm_button_updates_last_verified(editor_client, stale_service):
    editor_client.post(f"/providers/service/{stale_service.pk}/confirm/")
    stale_service.refresh_from_db()
    assert stale_service.last_verified_on == timezone.localdate()


def test_the_staff_report_lists_stale_services_by_provider(
    client, city_editor, stale_service, theirs
):
    sign_in(client, city_editor)
    page = client.get("/providers/stale/").content.decode()
    assert stale_service.name in page
    assert theirs.services.get().name not in page  # confirmed today


def test_a_refused_e_mail_leaves_the_service_due_for_the_next_run(stale_service):
    refusing = mock.patch("socioinfo.providers.freshness.send_mail", side_effect=OSError("down"))
    with refusing, pytest.raises(OSError):
        send_freshness_reminders()
    assert not FreshnessReminder.objects.exists()
    assert send_freshness_reminders() == 1
