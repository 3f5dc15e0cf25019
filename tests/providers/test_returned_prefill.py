"""A returned change is put back into the service form to be corrected: the record's fields,
new, changed and removed rows, places, and the note; what no longer fits is named."""

import datetime

import pytest
from django.utils import timezone

from socioinfo.directory.models import OpeningRule
from socioinfo.providers import services
from socioinfo.providers.models import ChangeRequest
from tests.accounts.helpers import sign_in
from tests.factories import LocationFactory
from tests.providers.helpers import form_fields, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_returned_change_comes_back_into_the_form_and_is_sent_corrected(
    client, editor, mine, city_editor
):
    service = mine.services.get()
    rule = OpeningRule.objects.get(service_at_location__service=service)
    second_place = LocationFactory(organisation=mine, street="Cejl")
    closure = timezone.localdate() + datetime.timedelta(days=10)
    url = f"/providers/service/{service.pk}/"
    sign_in(client, editor, verified=False)
    submit(
        client,
        url,
        {
            "name": "Poradna s novým názvem",
            "is_free": "on",
            "locations": [
                str(service.service_at_locations.get().location_id),
                str(second_place.pk),
            ],
            "hours-0-opens": "07:30",
            "contacts-0-DELETE": "on",
            "exceptions-0-date": closure.isoformat(),
            "exceptions-0-is_closed": "on",
            "capacities-0-form": "outpatient",
            "capacities-0-capacity": "6",
            "capacities-0-capacity_unit": "clients",
            "note": "Nový název od ledna.",
        },
    )
    first = ChangeRequest.objects.get()
    services.return_for_changes(first, by=city_editor, comment="Doplňte kapacitu na 8.")

    page = client.get(url)
    assert f'href="?from={first.pk}"' in page.content.decode()
    restored = client.get(url, {"from": str(first.pk)})
    html = restored.content.decode()
    assert "correct it and send it again" in html
    fields = form_fields(restored)
    assert fields["name"] == ["Poradna s novým názvem"]
    assert fields["is_free"] == ["on"]
    assert sorted(fields["locations"]) == sorted(
        [str(service.service_at_locations.get().location_id), str(second_place.pk)]
    )
    assert fields["note"] == ["Nový název od ledna."]
    rule_row = next(
        key.removesuffix("-id") for key, value in fields.items() if value == [str(rule.pk)]
    )
    assert fields[f"{rule_row}-opens"][0].startswith("07:30")
    assert fields["contacts-0-DELETE"] == ["on"]
    added = {
        key.rsplit("-", 1)[0]
        for key, value in fields.items()
        if key.startswith("exceptions-")
        and key.endswith("-date")
        and value == [closure.isoformat()]
    }
    assert len(added) == 1 and fields[f"{added.pop()}-is_closed"] == ["on"]
    capacity = next(
        key.rsplit("-", 1)[0]
        for key, value in fields.items()
        if key.startswith("capacities-") and key.endswith("-capacity") and value == ["6"]
    )
    # The provider corrects what the city asked for and sends it: one new request, whole.
    fields[f"{capacity}-capacity"] = ["8"]
    response = client.post(url, fields)
    assert response.status_code == 302
    corrected = ChangeRequest.objects.exclude(pk=first.pk).get()
    assert {(op["model"], op["action"]) for op in corrected.changes} == {
        (op["model"], op["action"]) for op in first.changes
    }
    offer = next(op for op in corrected.changes if op["model"] == "serviceformoffer")
    assert offer["fields"]["capacity"] == 8
    assert corrected.note == "Nový název od ledna."


def test_a_part_that_no_longer_fits_is_named_not_lost_silently(client, editor, mine, city_editor):
    service = mine.services.get()
    rule = OpeningRule.objects.get(service_at_location__service=service)
    url = f"/providers/service/{service.pk}/"
    sign_in(client, editor, verified=False)
    submit(client, url, {"hours-0-opens": "07:30"})
    returned = ChangeRequest.objects.get()
    services.return_for_changes(returned, by=city_editor, comment="Opravte.")
    rule.delete()  # the city removed those hours meanwhile
    html = client.get(url, {"from": str(returned.pk)}).content.decode()
    assert "no longer fit" in html
    assert ChangeRequest.objects.count() == 1  # showing it sends nothing


def test_only_the_last_returned_request_of_the_service_is_put_back(
    client, editor, mine, city_editor
):
    service = mine.services.get()
    url = f"/providers/service/{service.pk}/"
    sign_in(client, editor, verified=False)
    submit(client, url, {"name": "První pokus"})
    old = ChangeRequest.objects.get()
    services.return_for_changes(old, by=city_editor, comment="Ne.")
    submit(client, url, {"name": "Druhý pokus"})  # supersedes the returned one
    fields = form_fields(client.get(url, {"from": str(old.pk)}))
    assert fields["name"] == [service.name]  # the public data, nothing put back


def test_a_translation_removed_in_the_returned_change_stays_removed_in_the_form(
    client, editor, mine, city_editor
):
    service = mine.services.get()
    service.translations = {"uk": {"name": "Центр"}, "en": {"name": "Centre"}}
    service.save()
    url = f"/providers/service/{service.pk}/"
    sign_in(client, editor, verified=False)
    submit(client, url, {"translations-uk__name": "", "translations-en__name": "Advice centre"})
    returned = ChangeRequest.objects.get()
    services.return_for_changes(returned, by=city_editor, comment="Opravte.")
    fields = form_fields(client.get(url, {"from": str(returned.pk)}))
    assert fields["translations-en__name"] == ["Advice centre"]
    assert fields["translations-uk__name"] == [""]
