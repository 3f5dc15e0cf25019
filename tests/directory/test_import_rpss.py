"""Import of the national registry (rpss.json): all or nothing, idempotent, no personal names."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models
from django.utils import translation

from socioinfo.directory.models import Location, Organisation, Service, ServiceStatus
from socioinfo.directory.registry.geocode import read_address_points, sjtsk_to_wgs84
from socioinfo.directory.registry.importer import ImportRejected, import_rpss
from socioinfo.directory.registry.parser import load_registry_file
from tests.factories import OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rpss"
GOOD = FIXTURES / "good.json"
CHANGED = FIXTURES / "good_changed.json"
BROKEN = FIXTURES / "broken.json"
ADDRESSES = FIXTURES / "addresses.csv"
TODAY = datetime.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in their English source form, whatever the catalogue holds."""
    with translation.override("en"):
        yield


def run(path: Path, **options):
    options.setdefault("address_files", [ADDRESSES])
    return import_rpss(load_registry_file(path), today=TODAY, **options)


def row_counts() -> dict[str, int]:
    """Rows of every directory table, history and many-to-many tables included."""
    config = apps.get_app_config("directory")
    return {
        model._meta.label: model._default_manager.count()
        for model in config.get_models(include_auto_created=True)
    }


def location_at(address_point_code: str) -> Location:
    return Location.objects.get(address_point_code=address_point_code)


def test_first_import_creates_organisations_locations_and_services():
    report = run(GOOD)

    assert (report.organisations.created, report.locations.created) == (4, 6)
    assert report.services.created == 6
    assert report.skipped_ended == 1
    assert report.rejected == 0
    home = Service.objects.get(registry_id="1234501")
    assert home.source == "registry"
    assert home.status == ServiceStatus.ACTIVE
    assert home.service_type.paragraph == "§49"
    assert home.organisation.ico == "70881235"
    assert home.name == "Domov Slunečnice"
    assert {g.name for g in home.target_groups.all()} == {"senioři", "osoby žijící s demencí"}
    assert {g.name for g in home.age_groups.all()} == {"starší senioři"}
    assert not Service.objects.filter(registry_id="2345603").exists()  # ended in 2020


def test_forms_keep_capacity_per_form_with_the_other_capacities_in_the_note():
    run(GOOD)

    respite = Service.objects.get(registry_id="1234502")
    forms = {f.form: f for f in respite.forms.all()}
    assert set(forms) == {"residential", "field"}
    assert (forms["residential"].capacity, forms["residential"].capacity_unit) == (10, "beds")
    assert forms["residential"].continuous
    assert (forms["field"].capacity, forms["field"].capacity_unit) == (25, "clients")
    assert forms["field"].capacity_note == (
        "Okamžitá kapacita 25 klientů. Počet intervencí (30 min. jednání): 4000"
    )


def test_services_of_one_provider_at_one_address_share_a_location():
    run(GOOD)

    square = location_at("21000001")
    assert set(square.services.values_list("registry_id", flat=True)) == {"1234501", "1234502"}
    assert square.source == "registry"
    assert square.service_at_locations.get(service__registry_id="1234502").note == (
        "Odlehčovací pobyty Slunečnice"
    )


def test_second_import_of_the_same_file_creates_and_changes_nothing():
    run(GOOD)
    before = row_counts()
    stamps = dict(Service.objects.values_list("registry_id", "updated_at"))

    report = run(GOOD)

    assert row_counts() == before
    assert dict(Service.objects.values_list("registry_id", "updated_at")) == stamps
    assert (report.created, report.updated, report.deactivated) == (0, 0, 0)
    assert report.unchanged == 4 + 6 + 6


def test_changed_file_updates_the_changed_service_and_deactivates_the_removed_one():
    run(GOOD)

    report = run(CHANGED)

    assert (report.services.created, report.services.updated) == (0, 1)
    assert report.services.unchanged == 4
    assert report.deactivated == 1
    removed = Service.objects.get(registry_id="2345602")
    assert removed.status == ServiceStatus.INACTIVE
    home = Service.objects.get(registry_id="1234501")
    assert home.forms.get().capacity == 64
    assert "pečující osoby" in {g.name for g in home.target_groups.all()}


def test_a_service_back_in_the_file_is_active_again():
    run(GOOD)
    run(CHANGED)

    report = run(GOOD)

    assert Service.objects.get(registry_id="2345602").status == ServiceStatus.ACTIVE
    assert report.services.updated == 2  # the reactivated one and the capacity back to 60


def test_broken_file_writes_nothing_and_names_every_rejected_record():
    before = row_counts()

    with pytest.raises(ImportRejected) as rejected:
        run(BROKEN)

    assert row_counts() == before
    reasons = {r.record_id: r.reason for r in rejected.value.report.rejections}
    assert set(reasons) == {"9000001", "9000002", "SocialniSluzba/9003"}
    assert "DruhSocialniSluzby/99" in reasons["9000001"]
    assert "checksum" in reasons["9000002"]
    assert "12345678" in reasons["9000002"]
    assert "identifikator" in reasons["SocialniSluzba/9003"]


def test_command_exits_with_an_error_listing_rejected_records():
    err = StringIO()
    before = row_counts()

    with pytest.raises(CommandError, match="Records rejected: 3, so nothing was imported"):
        call_command("import_rpss", str(BROKEN), stdout=StringIO(), stderr=err)

    assert row_counts() == before
    for record_id in ("9000001", "9000002", "SocialniSluzba/9003"):
        assert f"Rejected {record_id}:" in err.getvalue()


def test_two_records_with_one_identifier_are_rejected():
    document = json.loads(GOOD.read_text(encoding="utf-8"))
    document["polozky"][1]["identifikator"] = "1234501"

    with pytest.raises(ImportRejected) as rejected:
        import_rpss(document, today=TODAY)

    [rejection] = rejected.value.report.rejections
    assert rejection.record_id == "1234501"
    assert "also used by an earlier record" in rejection.reason
    assert not Service.objects.exists()


def test_services_entered_by_staff_are_never_deactivated():
    manual = ServiceFactory(registry_id="7777777")

    run(GOOD)

    manual.refresh_from_db()
    assert manual.status == ServiceStatus.ACTIVE


def test_region_filter_imports_only_services_of_that_region():
    report = run(GOOD, region="CZ064")

    assert report.skipped_other_region == 1
    assert report.services.created == 5
    assert not Service.objects.filter(registry_id="3456701").exists()  # Olomouc
    assert not Organisation.objects.filter(ico="26899019").exists()
    # no facility, placed in the region by its contact address
    assert Service.objects.filter(registry_id="2345602").exists()


def test_address_point_places_facility_in_its_city_district():
    run(GOOD)

    square = location_at("21000001")
    assert square.city_district.name == "Brno-střed"
    assert square.municipality.name == "Brno"
    assert square.latitude == pytest.approx(49.1951, abs=1e-4)
    assert square.longitude == pytest.approx(16.6080, abs=1e-4)
    assert (square.street, square.house_number, square.postcode) == (
        "náměstí Svobody",
        "87/15",
        "60200",
    )
    assert location_at("21000002").city_district.name == "Brno-Bystrc"
    assert location_at("21000003").city_district.name == "Brno-Židenice"


def test_street_register_places_facility_without_address_point():
    run(GOOD)

    branch = Location.objects.get(street="Vranovská")
    assert branch.latitude is None
    assert branch.city_district.name == "Brno-sever"
    assert branch.municipality.name == "Brno"


def test_without_address_file_facilities_are_placed_by_registry_code_or_street():
    report = run(GOOD, address_files=[])

    assert location_at("21000001").city_district.name == "Brno-střed"  # code in the registry
    assert location_at("21000002").city_district.name == "Brno-Bystrc"  # street register
    assert location_at("21000002").latitude is None
    assert report.placements["street register"] == 3


def test_facility_outside_brno_gets_its_municipality_from_the_code():
    run(GOOD)

    centre = location_at("23000001")
    assert centre.city == "Blansko"
    assert centre.municipality.name == "Blansko"
    assert centre.city_district is None


def test_municipality_without_a_known_name_is_noted():
    report = run(GOOD)

    assert location_at("25000001").city == "obec 500496"  # Olomouc: no area, no address point
    assert any("municipality 500496" in str(n) for n in report.notices)


def test_statutory_body_and_facility_head_names_are_never_stored():
    document = json.loads(GOOD.read_text(encoding="utf-8"))
    people = [
        person
        for record in document["polozky"]
        for person in record["poskytovatel"]["statutarniOrgany"]
        + [f["vedouci"] for f in record["zarizeni"] if f.get("vedouci")]
    ]
    names = {person[key] for person in people for key in ("jmeno", "prijmeni")}
    assert len(names) >= 6

    run(GOOD)

    stored = database_text()
    assert [name for name in names if name in stored] == []
    assert "agportal-server" not in stored  # document links are not web sites


def database_text() -> str:
    """Every text value in the database (all apps, history included), as one string."""
    parts = []
    for model in apps.get_models(include_auto_created=True):
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
            and f.name != "geometry"
        ]
        if fields:
            parts.extend(str(row) for row in model._default_manager.values_list(*fields))
    return "\n".join(parts)


def test_organisation_entered_by_staff_is_matched_by_ico_and_keeps_its_name():
    staff_entered = OrganisationFactory(ico="70881235", name="Slunečnice", legal_form="prispevkova")

    run(GOOD)

    assert Organisation.objects.filter(ico="70881235").count() == 1
    staff_entered.refresh_from_db()
    assert staff_entered.name == "Slunečnice"
    assert staff_entered.source == "manual"
    assert staff_entered.services.count() == 2


def test_unusable_pieces_are_left_out_with_a_notice():
    report = run(GOOD)

    notices = "\n".join(str(n) for n in report.notices)
    assert "viz web" in notices  # not a phone number
    assert "CilovaSkupinaOsoby/99" in notices  # not in our code list
    assert "Krizový byt Kompas" in notices  # secret address
    contacts = Service.objects.get(registry_id="2345601").contacts.values_list("value", flat=True)
    assert list(contacts) == ["545 212 301"]


def test_dry_run_reports_counts_and_saves_nothing():
    before = row_counts()

    report = run(GOOD, dry_run=True)

    assert report.services.created == 6
    assert row_counts() == before


def test_command_prints_the_counts():
    out = StringIO()

    call_command(
        "import_rpss", str(GOOD), "--addresses", str(ADDRESSES), "--region", "cz064", stdout=out
    )

    output = out.getvalue()
    assert "Organisations: 3 created, 0 updated, 0 unchanged." in output
    assert "Locations: 5 created, 0 updated, 0 unchanged." in output
    assert "Services: 5 created, 0 updated, 0 unchanged." in output
    assert "no longer in the file: 0." in output
    assert "Records rejected: 0; skipped: 1 ended, 1 outside the region." in output


def test_command_reports_invalid_json_with_line_and_column():
    with pytest.raises(CommandError, match=r"not valid JSON: .* line 4, column 1"):
        call_command("import_rpss", str(FIXTURES / "not_json.json"))


def test_command_reports_a_missing_file():
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_rpss", str(FIXTURES / "missing.json"))


def test_command_reports_json_that_is_not_the_registry(tmp_path):
    wrong = tmp_path / "list.json"
    wrong.write_text('[{"identifikator": "1234501"}]', encoding="utf-8")

    with pytest.raises(CommandError, match="“polozky”"):
        call_command("import_rpss", str(wrong))


def test_command_refuses_an_unknown_region():
    with pytest.raises(CommandError, match="Unknown region “CZ999”"):
        call_command("import_rpss", str(GOOD), "--region", "CZ999")


def test_address_file_is_read_as_windows_1250():
    points = read_address_points([ADDRESSES], wanted={"21000001"})

    assert list(points) == ["21000001"]
    assert points["21000001"].street == "náměstí Svobody"
    assert points["21000001"].city_district_code == "550973"


def test_positive_sjtsk_coordinates_of_the_file_convert_to_wgs84():
    latitude, longitude = sjtsk_to_wgs84(598161.79, 1160754.08)

    assert latitude == pytest.approx(49.1951, abs=1e-5)
    assert longitude == pytest.approx(16.6080, abs=1e-5)
