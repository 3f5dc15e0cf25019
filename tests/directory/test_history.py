"""Every change to the directory keeps history: who, when, what."""

import pytest

from socioinfo.directory.models import Language
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_editing_a_service_records_who_when_and_what(django_user_model):
    editor = django_user_model.objects.create_user("editor")
    service = ServiceFactory(name="Poradna Na Rohu")
    service._history_user = editor
    service.name = "Poradna U Rohu"
    service.save()
    newest, oldest = service.history.all()[:2]
    assert newest.history_user == editor
    assert newest.history_date is not None
    delta = newest.diff_against(oldest)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("name", "Poradna Na Rohu", "Poradna U Rohu")
    ]


def test_changing_languages_spoken_is_kept_in_history():
    service = ServiceFactory()
    service.languages.add(Language.objects.get(code="uk"))
    latest = service.history.latest()
    assert [row.language.code for row in latest.languages.all()] == ["uk"]


def test_organisation_and_location_changes_are_kept():
    organisation = OrganisationFactory()
    organisation.website = "https://poradna.example.org"
    organisation.save()
    location = LocationFactory(organisation=organisation)
    location.street = "Kobližná"
    location.save()
    assert organisation.history.count() == 2
    assert location.history.count() == 2


def test_deleted_service_stays_in_history():
    service = ServiceFactory()
    pk = service.pk
    service.delete()
    assert service.history.model.objects.filter(id=pk, history_type="-").exists()
