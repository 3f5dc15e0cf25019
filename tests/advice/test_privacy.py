"""Privacy proven per endpoint: advice records and client details only for advice roles, the
note only for its author's team, and every look at personal details in the access log."""

import pytest
from django.urls import reverse

from socioinfo.accounts.roles import Role
from socioinfo.advice.models import (
    AccessAction,
    ClientDetails,
    Enquiry,
    PersonalDataAccess,
    SupportType,
    Team,
)
from socioinfo.advice.services import create_client, save_enquiry, submit_web_question
from tests.accounts.helpers import make_user, sign_in


@pytest.fixture
def records(worker):
    client = create_client(by=worker, consent=True, name="Jana Nováková", phone="+420 600 111 222")
    enquiry = save_enquiry(
        Enquiry(client=client, note="Soukromá poznámka poradny"),
        by=worker,
        topics=[],
        support=[SupportType.INFORMATION],
    )
    question = submit_web_question(
        question="Potřebuji poradit s dluhy", name="Petr", email="petr@example.org", phone=""
    )
    return {"client": client, "enquiry": enquiry, "question": question}


def advice_endpoints(records) -> list[tuple[str, str]]:
    """Every advice page and file, with the method that uses it."""
    enquiry, client = records["enquiry"].pk, records["client"].pk
    question = records["question"].pk
    return [
        ("get", reverse("advice:queue")),
        ("get", reverse("advice:enquiry_new")),
        ("post", reverse("advice:enquiry_new")),
        ("get", reverse("advice:enquiry", args=[enquiry])),
        ("get", reverse("advice:enquiry", args=[question])),
        ("get", reverse("advice:enquiry_edit", args=[enquiry])),
        ("post", reverse("advice:enquiry_edit", args=[enquiry])),
        ("get", reverse("advice:referral_sheet", args=[enquiry])),
        ("post", reverse("advice:referral_sheet", args=[enquiry])),
        ("get", reverse("advice:clients")),
        ("post", reverse("advice:clients")),
        ("get", reverse("advice:client", args=[client])),
        ("get", reverse("advice:client", args=[client]) + "?details=1"),
        ("get", reverse("advice:client_export", args=[client])),
        ("get", reverse("advice:client_erase", args=[client])),
        ("post", reverse("advice:client_erase", args=[client])),
        ("get", reverse("advice:statistics")),
        ("get", reverse("advice:statistics_file", args=["csv"])),
        ("get", reverse("advice:statistics_file", args=["xlsx"])),
    ]


SECRETS = ["Jana Nováková", "600 111 222", "Soukromá poznámka", "petr@example.org", "dluhy"]


@pytest.mark.parametrize(
    "role", [Role.PROVIDER_EDITOR, Role.PLANNER, Role.ADMINISTRATOR, Role.CITY_EDITOR]
)
def test_every_advice_endpoint_refuses_other_roles(client, records, role):
    sign_in(client, make_user(role))
    for method, url in advice_endpoints(records):
        response = getattr(client, method)(url)
        body = response.content.decode()
        assert response.status_code == 403, (method, url)
        assert not any(secret in body for secret in SECRETS), (method, url)
    assert ClientDetails.objects.filter(client=records["client"]).exists()
    assert not PersonalDataAccess.objects.exists()


def test_every_advice_endpoint_sends_anonymous_people_to_sign_in(client, records):
    for method, url in advice_endpoints(records):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response.headers["Location"].startswith(reverse("accounts:login")), url
    assert ClientDetails.objects.filter(client=records["client"]).exists()


def test_an_advice_worker_without_the_second_factor_is_sent_to_confirm_it(client, records, worker):
    sign_in(client, worker, verified=False)
    for method, url in advice_endpoints(records):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response.headers["Location"].startswith(reverse("accounts:second_factor"))


def test_advice_roles_reach_every_page(worker_client, records):
    for method, url in advice_endpoints(records):
        if method == "get":
            assert worker_client.get(url).status_code == 200, url


def test_the_note_is_shown_to_the_authors_team_only(client, records, worker, assistant):
    url = reverse("advice:enquiry", args=[records["enquiry"].pk])
    assert records["enquiry"].team == Team.CENTRE
    assert "Soukromá poznámka poradny" in sign_in(client, worker).get(url).content.decode()
    client.logout()
    page = sign_in(client, assistant).get(url)
    assert page.status_code == 200
    assert "Soukromá poznámka poradny" not in page.content.decode()
    edit = client.get(reverse("advice:enquiry_edit", args=[records["enquiry"].pk]))
    assert "note" not in edit.context["form"].fields
    assert "Soukromá poznámka poradny" not in edit.content.decode()


def test_an_edit_by_another_team_keeps_the_note(client, records, assistant):
    enquiry = records["enquiry"]
    sign_in(client, assistant).post(
        reverse("advice:enquiry_edit", args=[enquiry.pk]),
        {
            "contacted_at": "2026-01-05T10:00",
            "channel": "phone",
            "support": ["information"],
            "duration_minutes": "10",
        },
    )
    enquiry.refresh_from_db()
    assert (enquiry.channel, enquiry.note) == ("phone", "Soukromá poznámka poradny")


def test_personal_details_are_shown_on_request_and_each_view_is_logged(
    worker_client, records, worker
):
    url = reverse("advice:client", args=[records["client"].pk])
    plain = worker_client.get(url).content.decode()
    assert "Jana Nováková" not in plain
    assert not PersonalDataAccess.objects.exists()
    shown = worker_client.get(url + "?details=1").content.decode()
    assert "Jana Nováková" in shown
    entry = PersonalDataAccess.objects.get()
    assert (entry.user, entry.action, entry.client) == (
        worker,
        AccessAction.VIEW,
        records["client"],
    )


def test_reading_a_web_question_with_contact_details_is_logged(worker_client, records, worker):
    worker_client.get(reverse("advice:enquiry", args=[records["question"].pk]))
    entry = PersonalDataAccess.objects.get()
    assert (entry.user, entry.enquiry) == (worker, records["question"])


def test_administrators_read_the_access_log_in_the_admin_and_nobody_else(client, records, worker):
    sign_in(client, worker).get(
        reverse("advice:client", args=[records["client"].pk]) + "?details=1"
    )
    client.logout()
    log = reverse("admin:advice_personaldataaccess_changelist")
    administrator = make_user(Role.ADMINISTRATOR, is_staff=True)
    page = sign_in(client, administrator).get(log)
    assert page.status_code == 200
    assert records["client"].pseudonym in page.content.decode()
    entry = PersonalDataAccess.objects.get()
    change = client.post(reverse("admin:advice_personaldataaccess_delete", args=[entry.pk]))
    assert change.status_code == 403
    client.logout()
    sign_in(client, make_user(Role.CITY_EDITOR, is_staff=True))
    assert client.get(log).status_code == 403


def test_advice_records_are_not_in_the_admin(admin_client):
    from django.contrib import admin

    registered = {model._meta.label for model in admin.site._registry}
    assert "advice.Enquiry" not in registered
    assert "advice.ClientDetails" not in registered
