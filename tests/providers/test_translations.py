"""Providers propose their service's texts in the portal's other languages; after review
the portal shows them to visitors in that language."""

import pytest

from socioinfo.providers import services
from socioinfo.providers.models import ChangeRequest
from tests.accounts.helpers import sign_in
from tests.providers.helpers import form_fields, submit

pytestmark = pytest.mark.django_db


def test_a_ukrainian_description_goes_through_review_to_the_portal(
    client, editor, mine, city_editor
):
    service = mine.services.get()
    url = f"/providers/service/{service.pk}/"
    sign_in(client, editor, verified=False)
    page = client.get(url).content.decode()
    assert 'name="translations-uk__description"' in page
    assert 'lang="ar" dir="rtl"' in page  # Arabic fields are written right to left
    submit(
        client,
        url,
        {
            "translations-uk__name": "Консультаційний центр",
            "translations-uk__description": "Безкоштовні консультації з боргів.",
        },
    )
    change = ChangeRequest.objects.get()
    assert [op["fields"] for op in change.changes] == [
        {
            "translations": {
                "uk": {
                    "name": "Консультаційний центр",
                    "description": "Безкоштовні консультації з боргів.",
                }
            }
        }
    ]
    review = client.get(f"/providers/requests/{change.pk}/").content.decode()
    assert "Безкоштовні консультації з боргів." in review
    client.logout()
    client.cookies["django_language"] = "uk"
    assert "Безкоштовні консультації" not in client.get(f"/service/{service.pk}/").content.decode()
    services.approve(change, by=city_editor)
    service.refresh_from_db()
    assert service.localized("description", "uk").text == "Безкоштовні консультації з боргів."
    assert (
        "Безкоштовні консультації з боргів."
        in client.get(f"/service/{service.pk}/").content.decode()
    )


def test_an_unchanged_translation_sends_nothing_and_other_languages_are_kept(
    client, editor, mine, city_editor
):
    service = mine.services.get()
    service.translations = {"uk": {"name": "Центр"}, "de": {"name": "Beratung"}}
    service.save()
    url = f"/providers/service/{service.pk}/"
    sign_in(client, editor, verified=False)
    assert form_fields(client.get(url))["translations-uk__name"] == ["Центр"]
    submit(client, url, {"translations-vi__name": "Trung tâm tư vấn"})
    change = ChangeRequest.objects.get()
    services.approve(change, by=city_editor)
    service.refresh_from_db()
    assert service.translations == {
        "uk": {"name": "Центр"},
        "de": {"name": "Beratung"},  # a language the form does not offer stays
        "vi": {"name": "Trung tâm tư vấn"},
    }


def test_a_places_directions_and_an_organisations_description_in_other_languages(
    client, editor, mine, city_editor
):
    location = mine.locations.get()
    sign_in(client, editor, verified=False)
    submit(
        client,
        f"/providers/place/{location.pk}/",
        {"translations-uk__transport_notes": "Трамвай 1 до зупинки Náměstí Svobody."},
    )
    submit(
        client,
        f"/providers/organisation/{mine.pk}/",
        {"translations-en__description": "An association helping families in debt."},
    )
    changes = list(ChangeRequest.objects.order_by("created_at"))
    assert [[op["model"] for op in c.changes] for c in changes] == [["location"], ["organisation"]]
    for change in changes:
        services.approve(change, by=city_editor)
    location.refresh_from_db()
    mine.refresh_from_db()
    assert location.localized("transport_notes", "uk").text.startswith("Трамвай 1")
    assert mine.localized("description", "en").text == "An association helping families in debt."
