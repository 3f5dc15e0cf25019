"""The demo directory: deterministic, covering Brno, on real streets, replacing only itself."""

import csv
import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command

from socioinfo.areas.selectors import area_index, brno_city_districts
from socioinfo.directory.demo import (
    SOCIO_INFO_CENTRE_SERVICE_ID,
    load_demo,
)
from socioinfo.directory.models import (
    ContactPoint,
    Language,
    Location,
    Organisation,
    RecordSource,
    Service,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.selectors import services_open_now
from socioinfo.directory.validators import is_valid_ico
from tests.conftest import DEMO_DAY as TODAY  # noqa: E402
from tests.factories import OrganisationFactory, ServiceFactory


@pytest.fixture(scope="module")
def demo(demo_data):
    return demo_data


pytestmark = pytest.mark.django_db


def demo_services():
    return Service.objects.filter(source=RecordSource.DEMO)


def test_the_demo_is_big_enough_and_says_so(demo):
    assert demo.organisations >= 60
    assert demo.services >= 150
    assert Organisation.objects.filter(source=RecordSource.DEMO).count() == demo.organisations
    assert demo_services().count() == demo.services
    assert demo.districts == 29
    assert demo.stale > 0
    assert demo_services().stale(TODAY).count() == demo.stale


def test_every_district_type_and_target_group_is_covered(demo):
    districts = set(
        Location.objects.filter(source=RecordSource.DEMO).values_list(
            "city_district__code", flat=True
        )
    )
    assert districts == set(brno_city_districts().values_list("code", flat=True))
    assert set(
        demo_services().exclude(service_type=None).values_list("service_type", flat=True)
    ) == set(ServiceType.objects.values_list("pk", flat=True))
    served = set(TargetGroup.objects.filter(services__in=demo_services()).distinct())
    assert served == set(TargetGroup.objects.all())


def test_the_six_portal_languages_are_spoken_somewhere(demo):
    for code in ("cs", "en", "uk", "ru", "vi", "ar"):
        count = demo_services().filter(languages=Language.objects.get(code=code)).count()
        assert count >= 3, code
    assert demo_services().filter(accessibility_features__code="sign-language").exists()


def test_locations_lie_on_register_streets_inside_their_district(demo):
    register = Path(settings.DATA_DIR) / "admin_codes" / "brno_ulice_mestske_casti_ku_2011.csv"
    with register.open(encoding="utf-8-sig") as fh:
        streets = {(r["Ulice"], "Brno-" + r["Městská část"]) for r in csv.DictReader(fh)}
    index = area_index("city_district")
    for location in Location.objects.filter(source=RecordSource.DEMO).select_related(
        "city_district"
    ):
        district = location.city_district
        assert (location.street, district.name) in streets, location
        assert index.locate(location.longitude, location.latitude) == district.pk


def test_organisations_have_valid_unique_icos_and_contacts(demo):
    organisations = Organisation.objects.filter(source=RecordSource.DEMO)
    icos = [o.ico for o in organisations]
    assert all(is_valid_ico(ico) for ico in icos)
    assert len(set(icos)) == len(icos)
    for organisation in organisations:
        assert organisation.services.exists(), organisation
        assert organisation.contacts.filter(kind="phone").exists(), organisation
    invented = organisations.exclude(
        pk=Service.objects.get(pk=SOCIO_INFO_CENTRE_SERVICE_ID).organisation_id
    )
    assert all("Ukázková organizace" in o.description for o in invented)
    assert all(o.localized("description", "en").text.count("Demo organisation") for o in invented)


def test_services_have_forms_with_capacity_and_opening_hours(demo):
    for service in demo_services().prefetch_related("forms"):
        forms = list(service.forms.all())
        assert forms, service
        if service.pk != SOCIO_INFO_CENTRE_SERVICE_ID:
            assert all(f.capacity and f.capacity_unit for f in forms), service
        has_hours = service.openingrules.exists() or any(
            link.openingrules.exists() for link in service.service_at_locations.all()
        )
        assert has_hours, service
    homes = demo_services().filter(service_type__paragraph="§49")
    assert all(f.capacity_unit == "beds" for h in homes for f in h.forms.all())


def test_nonstop_services_are_open_at_night_and_offices_are_not(demo):
    night = datetime.datetime(2026, 11, 25, 2, 30, tzinfo=datetime.UTC)
    open_ids = set(services_open_now(night, demo_services()).values_list("pk", flat=True))
    helplines = demo_services().filter(service_type__paragraph="§55")
    assert helplines.exists()
    assert set(helplines.values_list("pk", flat=True)) <= open_ids
    assert SOCIO_INFO_CENTRE_SERVICE_ID not in open_ids


def test_the_socio_info_centre_is_there_with_its_real_description(demo):
    service = Service.objects.get(pk=SOCIO_INFO_CENTRE_SERVICE_ID)
    organisation = service.organisation
    assert "2 284" in organisation.description
    assert "2,284 client enquiries" in organisation.localized("description", "en").text
    assert organisation.ico == "44992785"
    phones = set(organisation.contacts.filter(kind="phone").values_list("value", flat=True))
    assert "+420 542 173 830" in phones
    location = service.locations.get()
    assert location.city_district.name == "Brno-střed"
    assert location.accessibility_features.filter(code="induction-loop").exists()


def test_reloading_gives_the_same_records_and_keeps_staff_records(demo):
    def snapshot():
        return sorted(
            demo_services().values_list(
                "pk", "name", "organisation__ico", "locations__latitude", "locations__street"
            )
        )

    manual = ServiceFactory(name="Poradna zadaná ručně")
    before = snapshot()
    contacts = ContactPoint.objects.count()
    call_command("load_demo", "--today", TODAY.isoformat(), stdout=StringIO())
    assert snapshot() == before
    assert ContactPoint.objects.count() == contacts
    assert Service.objects.filter(pk=manual.pk, name="Poradna zadaná ručně").exists()


def test_a_staff_service_under_a_demo_organisation_blocks_the_reload(demo):
    organisation = Organisation.objects.filter(source=RecordSource.DEMO).first()
    ServiceFactory(organisation=organisation, name="Nová služba od pracovnice")
    count = demo_services().count()
    with pytest.raises(ValidationError, match="Nová služba od pracovnice"):
        load_demo(today=TODAY)
    assert demo_services().count() == count


def test_the_demo_is_deterministic_for_a_seed_and_changes_with_another(demo):
    first = sorted(demo_services().values_list("name", "organisation__name"))
    load_demo(today=TODAY, seed=7)
    other = sorted(demo_services().values_list("name", "organisation__name"))
    assert other != first
    load_demo(today=TODAY)
    assert sorted(demo_services().values_list("name", "organisation__name")) == first


def test_clear_removes_only_demo_records(demo):
    own = OrganisationFactory(name="Vlastní organizace")
    call_command("load_demo", "--clear", stdout=StringIO())
    assert not Organisation.objects.filter(source=RecordSource.DEMO).exists()
    assert not Location.objects.filter(source=RecordSource.DEMO).exists()
    assert Organisation.objects.filter(pk=own.pk).exists()
