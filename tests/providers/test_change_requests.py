"""A provider's change is stored as a change request; public data changes only when a city
editor approves it, all in one transaction, with history of who proposed and approved."""

import datetime

import pytest
from django.core import mail

from socioinfo.directory.models import ContactPoint, OpeningRule, Service, ServiceFormOffer
from socioinfo.providers import services
from socioinfo.providers.models import ChangeRequest, ChangeStatus
from tests.accounts.helpers import sign_in
from tests.providers.helpers import submit

pytestmark = pytest.mark.django_db


def _edit_service(client, service, changes):
    return submit(client, f"/providers/service/{service.pk}/", changes)


def test_a_proposed_change_leaves_public_data_until_approved(client, editor, mine, city_editor):
    service = mine.services.get()
    sign_in(client, editor, verified=False)
    response = _edit_service(client, service, {"name": "Poradna pro rodiny", "fees": "100 Kč"})
    change = ChangeRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/providers/requests/{change.pk}/"
    service.refresh_from_db()
    assert service.name == "Poradna nasespolek"  # public data as it was
    assert client.get(f"/service/{service.pk}/").content.decode().count("Poradna pro rodiny") == 0
    assert change.status == ChangeStatus.PENDING
    assert change.changes == [
        {
            "model": "service",
            "pk": str(service.pk),
            "action": "update",
            "fields": {"name": "Poradna pro rodiny", "fees": "100 Kč"},
            "old": {"name": "Poradna nasespolek", "fees": ""},
        }
    ]

    services.approve(change, by=city_editor, comment="Díky")
    service.refresh_from_db()
    assert (service.name, service.fees) == ("Poradna pro rodiny", "100 Kč")
    assert service.last_verified_on == datetime.date.today()
    latest = service.history.first()
    assert latest.history_user == city_editor
    assert editor.email in latest.history_change_reason  # who proposed it (in any language)
    change.refresh_from_db()
    assert (change.status, change.decided_by, change.proposed_by) == (
        ChangeStatus.APPROVED,
        city_editor,
        editor,
    )


def test_contacts_hours_and_capacities_travel_in_one_request(client, editor, mine, city_editor):
    service = mine.services.get()
    link = service.service_at_locations.get()
    sign_in(client, editor, verified=False)
    _edit_service(
        client,
        service,
        {
            "contacts-1-kind": "email",
            "contacts-1-value": "poradna@nasespolek.cz",
            "hours-0-DELETE": "on",
            "hours-1-weekday": "2",
            "hours-1-opens": "09:00",
            "hours-1-closes": "12:00",
            "hours-1-service_at_location": str(link.pk),
            "capacities-0-form": "outpatient",
            "capacities-0-capacity": "4",
            "capacities-0-capacity_unit": "clients",
        },
    )
    change = ChangeRequest.objects.get()
    assert sorted((op["model"], op["action"]) for op in change.changes) == [
        ("contactpoint", "create"),
        ("openingrule", "create"),
        ("openingrule", "delete"),
        ("serviceformoffer", "create"),
    ]
    assert not ServiceFormOffer.objects.filter(service=service).exists()
    services.approve(change, by=city_editor)
    assert list(
        OpeningRule.objects.filter(service_at_location=link).values_list("weekday", flat=True)
    ) == [2]
    assert service.contacts.filter(kind="email", value="poradna@nasespolek.cz").exists()
    assert ServiceFormOffer.objects.get(service=service).capacity == 4


def test_a_new_service_is_created_only_on_approval(client, editor, mine, city_editor):
    sign_in(client, editor, verified=False)
    location = mine.locations.get()
    submit(
        client,
        f"/providers/organisation/{mine.pk}/new-service/",
        {
            "name": "Noclehárna",
            "locations": str(location.pk),
            "contacts-0-kind": "phone",
            "contacts-0-value": "+420 541 222 333",
        },
    )
    change = ChangeRequest.objects.get()
    assert not Service.objects.filter(name="Noclehárna").exists()
    services.approve(change, by=city_editor)
    created = Service.objects.get(name="Noclehárna")
    assert created.organisation == mine
    assert created.status == "active"
    assert list(created.locations.all()) == [location]
    assert created.contacts.get().value == "+420 541 222 333"
    assert Service.objects.published().filter(pk=created.pk).exists()
    change.refresh_from_db()
    assert change.service == created


def test_approval_is_all_or_nothing(editor, mine, city_editor):
    service = mine.services.get()
    good = {
        "model": "service",
        "pk": str(service.pk),
        "action": "update",
        "fields": {"name": "Nové jméno"},
        "old": {"name": service.name},
    }
    bad_contact = ContactPoint(service=service, kind="phone", value="x")
    bad = {
        "model": "contactpoint",
        "pk": str(bad_contact.pk),
        "action": "create",
        "fields": {"service": str(service.pk), "kind": "phone", "value": "not a phone"},
        "old": {},
    }
    change = services.propose(
        user=editor, organisation=mine, kind="service", title="t", ops=[good, bad]
    )
    with pytest.raises(Exception):  # noqa: B017 - the contact's validation error
        services.approve(change, by=city_editor)
    service.refresh_from_db()
    assert service.name == "Poradna nasespolek"
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING


def test_the_review_page_shows_a_readable_diff_and_what_changed_since(
    client, editor, mine, city_editor
):
    service = mine.services.get()
    sign_in(client, editor, verified=False)
    _edit_service(client, service, {"name": "Poradna pro rodiny", "is_free": "on"})
    change = ChangeRequest.objects.get()
    Service.objects.filter(pk=service.pk).update(name="Přejmenováno městem")
    sign_in(client, city_editor)
    page = client.get(f"/providers/review/{change.pk}/").content.decode()
    assert "Poradna nasespolek" in page  # before
    assert "Poradna pro rodiny" in page  # proposed
    assert "Přejmenováno městem" in page  # now: changed since the request was made
    assert 'name="decision"' in page


def test_return_and_reject_change_nothing_and_tell_the_provider(
    client, editor, mine, city_editor, django_capture_on_commit_callbacks
):
    service = mine.services.get()
    sign_in(client, editor, verified=False)
    _edit_service(client, service, {"name": "A"})
    _edit_service(client, service, {"name": "B"})
    first, second = ChangeRequest.objects.order_by("created_at")
    sign_in(client, city_editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/providers/review/{first.pk}/", {"decision": "return", "comment": "Doplňte hodiny"}
        )
        client.post(
            f"/providers/review/{second.pk}/", {"decision": "reject", "comment": "Duplicitní"}
        )
    first.refresh_from_db(), second.refresh_from_db(), service.refresh_from_db()
    assert (first.status, second.status) == (ChangeStatus.RETURNED, ChangeStatus.REJECTED)
    assert service.name == "Poradna nasespolek"
    assert [m.to for m in mail.outbox] == [[editor.email], [editor.email]]
    assert "Doplňte hodiny" in mail.outbox[0].body


def test_returning_without_a_comment_is_refused(client, editor, mine, city_editor):
    sign_in(client, editor, verified=False)
    _edit_service(client, mine.services.get(), {"name": "A"})
    change = ChangeRequest.objects.get()
    sign_in(client, city_editor)
    response = client.post(f"/providers/review/{change.pk}/", {"decision": "return", "comment": ""})
    assert response.status_code == 200
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING


def test_a_city_editor_edits_directly_and_it_is_recorded(client, mine, city_editor):
    service = mine.services.get()
    sign_in(client, city_editor)
    _edit_service(client, service, {"name": "Opraveno redakcí"})
    service.refresh_from_db()
    assert service.name == "Opraveno redakcí"
    change = ChangeRequest.objects.get()
    assert (change.status, change.is_direct, change.decided_by) == ("approved", True, city_editor)
    assert service.history.first().history_user == city_editor


def test_sending_an_unchanged_form_makes_no_request(editor_client, mine):
    response = submit(editor_client, f"/providers/service/{mine.services.get().pk}/")
    assert response.status_code == 200
    assert not ChangeRequest.objects.exists()


def test_a_new_place_is_placed_in_its_city_district_on_approval(client, editor, mine, city_editor):
    sign_in(client, editor, verified=False)
    submit(
        client,
        f"/providers/organisation/{mine.pk}/new-place/",
        {"street": "Kounicova", "house_number": "10", "latitude": "49.2", "longitude": "16.6"},
    )
    services.approve(ChangeRequest.objects.get(), by=city_editor)
    location = mine.locations.get(street="Kounicova")
    assert location.city_district is not None


def test_a_returned_change_shows_its_comment_on_the_form(client, editor, mine, city_editor):
    service = mine.services.get()
    sign_in(client, editor, verified=False)
    _edit_service(client, service, {"name": "A"})
    services.return_for_changes(ChangeRequest.objects.get(), by=city_editor, comment="Chybí ceník")
    page = client.get(f"/providers/service/{service.pk}/").content.decode()
    assert "Chybí ceník" in page
    _edit_service(client, service, {"name": "B"})  # the corrected change supersedes it
    assert "Chybí ceník" not in client.get(f"/providers/service/{service.pk}/").content.decode()
