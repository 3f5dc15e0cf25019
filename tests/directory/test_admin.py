"""Staff editing in the admin: search, filters, inline editing, translations, history."""

import datetime

import pytest
from django.urls import reverse

from socioinfo.areas.models import Area
from socioinfo.directory.models import LifeSituation, Location, Organisation, Service
from tests.factories import (
    LocationFactory,
    OrganisationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db


def changelist(client, model, **params):
    url = reverse(f"admin:directory_{model}_changelist")
    response = client.get(url, params)
    assert response.status_code == 200
    return response


def names(response):
    return {str(obj) for obj in response.context["cl"].result_list}


def test_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("admin:directory_service_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_service_search_finds_by_organisation_name(admin_client):
    ServiceFactory(name="Dluhová poradna", organisation=OrganisationFactory(name="Spolek Most"))
    ServiceFactory(name="Domov Javor")
    assert names(changelist(admin_client, "service", q="Most")) == {"Dluhová poradna"}


def test_stale_filter_lists_services_not_verified_for_six_months(admin_client):
    ServiceFactory(name="Čerstvá", last_verified_on=datetime.date.today())
    ServiceFactory(name="Zastaralá", last_verified_on=datetime.date(2020, 1, 1))
    assert names(changelist(admin_client, "service", stale="yes")) == {"Zastaralá"}
    assert names(changelist(admin_client, "service", stale="no")) == {"Čerstvá"}


def test_district_filter_lists_services_with_a_location_there(admin_client):
    in_stred = ServiceAtLocationFactory(service__name="Ve středu")
    from socioinfo.directory.services import save_location

    save_location(in_stred.location)
    ServiceFactory(name="Bez místa")
    stred = Area.objects.get(code="550973")
    assert names(changelist(admin_client, "service", district=str(stred.pk))) == {"Ve středu"}


def test_type_status_and_target_group_filters_work(admin_client):
    service = ServiceFactory(name="Pro seniory")
    group = service.target_groups.model.objects.get(name="senioři")
    service.target_groups.add(group)
    ServiceFactory(name="Koncept", status="draft")
    assert names(changelist(admin_client, "service", target_groups__id__exact=group.pk)) == {
        "Pro seniory"
    }
    assert names(changelist(admin_client, "service", status__exact="draft")) == {"Koncept"}
    assert names(
        changelist(admin_client, "service", service_type__id__exact=service.service_type_id)
    ) == {"Pro seniory", "Koncept"}


def test_saving_an_english_translation_in_the_admin_stores_it(admin_client):
    situation = LifeSituation.objects.create(slug="test", name="Dluhy", summary="Mám dluhy.")
    url = reverse("admin:directory_lifesituation_change", args=[situation.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(
        {
            "slug": "test",
            "name": "Dluhy",
            "summary": "Mám dluhy.",
            "order": 1,
            "is_active": "on",
            "name__en": "Debts",
            "summary__en": "I am in debt.",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    situation.refresh_from_db()
    assert situation.localized("name", "en").text == "Debts"
    assert situation.localized("name", "uk").is_fallback


def test_location_saved_in_the_admin_gets_its_district_from_the_point(admin_client):
    organisation = OrganisationFactory()
    response = admin_client.post(
        reverse("admin:directory_location_add"),
        {
            "organisation": organisation.pk,
            "street": "Jírova",
            "house_number": "2",
            "city": "Brno",
            "postcode": "62800",
            "latitude": "49.2093",
            "longitude": "16.6838",
            "source": "manual",
            "contacts-TOTAL_FORMS": 0,
            "contacts-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Location.objects.get(street="Jírova").city_district.name == "Brno-Líšeň"


def test_organisation_with_a_bad_ico_gets_a_czech_message(admin_client):
    response = admin_client.post(
        reverse("admin:directory_organisation_add"),
        {
            "name": "Nový spolek",
            "ico": "44992784",
            "source": "manual",
            "is_active": "on",
            "contacts-TOTAL_FORMS": 0,
            "contacts-INITIAL_FORMS": 0,
            "services-TOTAL_FORMS": 0,
            "services-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["ico"]
    assert "kontrolní součet" in errors[0]
    assert response.context["adminform"].form.data["name"] == "Nový spolek"
    assert not Organisation.objects.filter(name="Nový spolek").exists()


def test_history_page_shows_who_changed_a_service(admin_client, admin_user):
    service = ServiceFactory(name="Poradna")
    url = reverse("admin:directory_service_change", args=[service.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    service._history_user = admin_user
    service.name = "Poradna pro rodinu"
    service.save()
    history = admin_client.get(reverse("admin:directory_service_history", args=[service.pk]))
    assert history.status_code == 200
    assert admin_user.email in history.content.decode()
    assert Service.objects.get(pk=service.pk).history.count() == 2


def test_every_directory_admin_page_renders(admin_client):
    sal = ServiceAtLocationFactory()
    LocationFactory()
    for model in (
        "organisation",
        "service",
        "location",
        "serviceatlocation",
        "lifesituation",
        "servicetype",
        "targetgroup",
        "agegroup",
        "language",
        "accessibilityfeature",
    ):
        assert admin_client.get(reverse(f"admin:directory_{model}_changelist")).status_code == 200
        assert admin_client.get(reverse(f"admin:directory_{model}_add")).status_code == 200
    for name, obj in (
        ("service", sal.service),
        ("location", sal.location),
        ("organisation", sal.service.organisation),
    ):
        url = reverse(f"admin:directory_{name}_change", args=[obj.pk])
        assert admin_client.get(url).status_code == 200
    assert admin_client.get(reverse("admin:areas_area_changelist")).status_code == 200
