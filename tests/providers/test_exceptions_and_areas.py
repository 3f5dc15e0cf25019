"""Providers keep their own days with other hours (holidays, closures) and the city
districts a field service reaches, through the same change requests as everything else."""

import datetime

import pytest
from django.utils import timezone

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.directory.models import OpeningException
from socioinfo.providers import services
from socioinfo.providers.models import ChangeRequest
from tests.accounts.helpers import sign_in
from tests.providers.helpers import form_fields, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _edit(client, service, changes):
    return submit(client, f"/providers/service/{service.pk}/", changes)


def test_a_closure_and_other_hours_go_through_review_and_then_count(
    client, editor, mine, city_editor
):
    service = mine.services.get()
    link = service.service_at_locations.get()
    christmas = timezone.localdate() + datetime.timedelta(days=20)
    short_day = christmas + datetime.timedelta(days=1)
    sign_in(client, editor, verified=False)
    _edit(
        client,
        service,
        {
            "exceptions-0-service_at_location": str(link.pk),
            "exceptions-0-date": christmas.isoformat(),
            "exceptions-0-is_closed": "on",
            "exceptions-0-note": "Štědrý den",
            "exceptions-1-service_at_location": "",
            "exceptions-1-date": short_day.isoformat(),
            "exceptions-1-opens": "09:00",
            "exceptions-1-closes": "11:00",
        },
    )
    change = ChangeRequest.objects.get()
    assert sorted((op["model"], op["action"]) for op in change.changes) == [
        ("openingexception", "create"),
        ("openingexception", "create"),
    ]
    assert not OpeningException.objects.exists()  # nothing public before the review
    services.approve(change, by=city_editor)
    closed = OpeningException.objects.get(date=christmas)
    assert (closed.service_at_location, closed.service, closed.is_closed) == (link, None, True)
    other = OpeningException.objects.get(date=short_day)
    assert (other.service, other.opens, other.closes) == (
        service,
        datetime.time(9),
        datetime.time(11),
    )
    # The form now shows them, and removing one is a change request too.
    fields = form_fields(client.get(f"/providers/service/{service.pk}/"))
    assert fields["exceptions-INITIAL_FORMS"] == ["2"]
    _edit(client, service, {"exceptions-0-DELETE": "on"})
    removal = ChangeRequest.objects.exclude(pk=change.pk).get()
    assert [(op["model"], op["action"]) for op in removal.changes] == [
        ("openingexception", "delete")
    ]
    services.approve(removal, by=city_editor)
    assert OpeningException.objects.count() == 1


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"exceptions-0-opens": "09:00"}, "give the time it opens and the time it closes"),
        (
            {"exceptions-0-opens": "12:00", "exceptions-0-closes": "09:00"},
            "The closing time must be after the opening time.",
        ),
        (
            {"exceptions-0-is_closed": "on", "past": True},
            "Give a date from today on; past days need no exception.",
        ),
    ],
)
def test_an_exception_that_cannot_be_is_refused_with_what_to_fix(
    client, editor, mine, row, message
):
    service = mine.services.get()
    day = timezone.localdate() + datetime.timedelta(days=-3 if row.pop("past", False) else 3)
    sign_in(client, editor, verified=False)
    response = _edit(client, service, {"exceptions-0-date": day.isoformat(), **row})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_an_exception_cannot_be_hung_on_another_organisations_place(client, editor, mine, theirs):
    service = mine.services.get()
    their_link = theirs.services.get().service_at_locations.get()
    sign_in(client, editor, verified=False)
    response = _edit(
        client,
        service,
        {
            "exceptions-0-service_at_location": str(their_link.pk),
            "exceptions-0-date": (timezone.localdate() + datetime.timedelta(days=2)).isoformat(),
            "exceptions-0-is_closed": "on",
        },
    )
    assert response.status_code == 200
    assert not ChangeRequest.objects.exists()
    assert not OpeningException.objects.exists()


def test_the_districts_a_field_service_reaches_are_proposed_and_approved(
    client, editor, mine, city_editor
):
    service = mine.services.get()
    districts = list(Area.objects.filter(level=AreaLevel.CITY_DISTRICT).order_by("name")[:2])
    sign_in(client, editor, verified=False)
    _edit(client, service, {"areas_served": [str(d.pk) for d in districts]})
    change = ChangeRequest.objects.get()
    assert [op["fields"] for op in change.changes] == [
        {"areas_served": sorted(str(d.pk) for d in districts)}
    ]
    assert not service.areas_served.exists()
    services.approve(change, by=city_editor)
    assert set(service.areas_served.all()) == set(districts)
