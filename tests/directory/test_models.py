"""Constraints and the public gateway of the directory."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from socioinfo.directory.models import ContactPoint, Service, ServiceFormOffer
from socioinfo.directory.services import save_location
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 24)


def test_published_shows_only_active_services_within_their_dates():
    current = ServiceFactory()
    ServiceFactory(status="draft")
    ServiceFactory(status="inactive")
    ServiceFactory(valid_to=datetime.date(2026, 1, 31))
    ServiceFactory(valid_from=datetime.date(2027, 1, 1))
    ServiceFactory(organisation=OrganisationFactory(is_active=False))
    assert list(Service.objects.published(on=TODAY)) == [current]


def test_stale_services_are_those_not_verified_for_six_months_by_default(settings):
    fresh = ServiceFactory(last_verified_on=TODAY - datetime.timedelta(days=150))
    old = ServiceFactory(last_verified_on=TODAY - datetime.timedelta(days=200))
    never = ServiceFactory(last_verified_on=None)
    stale = set(Service.objects.stale(on=TODAY))
    assert stale == {old, never}
    assert fresh not in stale

    settings.SOCIOINFO_STALE_AFTER_DAYS = 365
    assert set(Service.objects.stale(on=TODAY)) == {never}


def test_two_organisations_cannot_share_an_ico():
    OrganisationFactory(ico="44992785")
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(ico="44992785")


def test_organisation_with_bad_ico_fails_validation():
    organisation = OrganisationFactory.build(ico="44992784")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "ico" in error.value.message_dict


def test_service_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceFactory(valid_from=datetime.date(2026, 5, 1), valid_to=datetime.date(2026, 4, 1))


def test_capacity_needs_a_unit():
    service = ServiceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceFormOffer.objects.create(service=service, form="residential", capacity=40)
    ServiceFormOffer.objects.create(
        service=service, form="residential", capacity=40, capacity_unit="beds"
    )
    assert service.forms.get().capacity == 40


def test_a_service_is_offered_in_each_form_once():
    service = ServiceFactory()
    ServiceFormOffer.objects.create(service=service, form="field")
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceFormOffer.objects.create(service=service, form="field")


def test_contact_belongs_to_exactly_one_owner():
    service = ServiceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactPoint.objects.create(
            service=service, organisation=service.organisation, kind="phone", value="+420 1"
        )


@pytest.mark.parametrize(
    ("kind", "value"), [("email", "poradna@"), ("web", "poradna.cz"), ("phone", "call me")]
)
def test_contact_values_are_validated_by_kind(kind, value):
    contact = ContactPoint(service=ServiceFactory(), kind=kind, value=value)
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "value" in error.value.message_dict


def test_saving_a_location_resolves_its_city_district_from_the_point():
    location = LocationFactory.build(
        organisation=OrganisationFactory(), latitude=49.2093, longitude=16.6838
    )
    save_location(location)
    assert location.city_district.name == "Brno-Líšeň"
    assert location.municipality.name == "Brno"


def test_moving_a_location_outside_brno_clears_the_district():
    location = save_location(LocationFactory.build(organisation=OrganisationFactory()))
    location.latitude, location.longitude = 49.3631, 16.6445  # Blansko
    save_location(location)
    assert location.city_district is None
    assert location.municipality.name == "Blansko"


def test_a_location_without_a_point_keeps_the_district_it_was_placed_in():
    from socioinfo.areas.models import Area

    jundrov = Area.objects.get(name="Brno-Jundrov")
    location = LocationFactory(
        organisation=OrganisationFactory(), latitude=None, longitude=None, city_district=jundrov
    )
    save_location(location)
    location.refresh_from_db()
    assert location.city_district == jundrov


def test_latitude_without_longitude_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        LocationFactory(longitude=None)
