"""The HSDS data package: every row of the demo export validates against the descriptor it
ships with, the JSON services against the official schemas; export → empty directory → import
→ export gives identical files and the same records; a broken package is refused with one
message per problem and changes nothing."""

import csv
import datetime
import io
import json
import re
import shutil
import uuid
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.core.validators import validate_email
from django.utils import translation

from socioinfo.api.datapackage.export import package_files, write_directory, write_zip
from socioinfo.api.datapackage.importer import PackageRejected, import_datapackage
from socioinfo.api.datapackage.tables import RELAXED, descriptor, official
from socioinfo.directory.models import (
    ContactPoint,
    Location,
    OpeningException,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceStatus,
    TargetGroup,
)
from tests.api.test_hsds import assert_valid

pytestmark = pytest.mark.django_db


def export(folder: Path, include_all: bool = True) -> Path:
    write_directory(folder, include_all=include_all)
    return folder


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def flush_directory() -> None:
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organisation.objects.all().delete()
    assert not ContactPoint.objects.exists() and not OpeningRule.objects.exists()


def snapshot() -> dict[str, list[str]]:
    """Every directory record with its fields and relations (rules and forms without their
    ids, which a package does not carry), as sorted text."""
    skip = {"created_at", "updated_at", "sort_name"}
    found: dict[str, list[str]] = {}
    models = (
        Organisation,
        Location,
        Service,
        ServiceAtLocation,
        ContactPoint,
        OpeningException,
        OpeningRule,
        ServiceFormOffer,
    )
    for model in models:
        rows = []
        m2m = [f.name for f in model._meta.many_to_many]
        for obj in model.objects.prefetch_related(*m2m):
            data = {
                f.attname: getattr(obj, f.attname)
                for f in obj._meta.concrete_fields
                if f.attname not in skip
            }
            if model in (OpeningRule, ServiceFormOffer):
                data.pop("id")
            if model is Service:
                data["updated_at"] = obj.updated_at
            for name in m2m:
                data[name] = sorted(str(x.pk) for x in getattr(obj, name).all())
            rows.append(json.dumps(data, sort_keys=True, default=str))
        found[model.__name__] = sorted(rows)
    return found


def files_of(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in package_files()}


# --------------------------------------------------------------------------- validity


_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")


def check_cell(field: dict, text: str) -> str | None:
    """Table Schema types as the descriptor declares them; None when the value is fine."""
    kind, fmt = field["type"], field.get("format")
    try:
        if fmt == "uuid":
            assert str(uuid.UUID(text)) == text
        elif fmt == "email":
            validate_email(text)
        elif fmt == "uri":
            parsed = urlparse(text)
            assert parsed.scheme and (parsed.netloc or parsed.path)
        elif kind == "number":
            float(text)
        elif kind == "date":
            datetime.date.fromisoformat(text)
            assert len(text) == 10
        elif kind == "time":
            assert _TIME.fullmatch(text)
        elif kind == "datetime":
            assert _DATETIME.fullmatch(text)
        enum = field["constraints"].get("enum")
        assert not enum or text in enum
    except Exception:  # noqa: BLE001 - any failure is the finding
        return f"{field['name']}={text!r} is not a valid {kind}/{fmt}"
    return None


def validate_package(folder: Path) -> list[str]:
    """Every row of every CSV against its resource's schema: header, types, formats, enums,
    required, unique, primary and foreign keys."""
    errors: list[str] = []
    resources = {
        r["name"]: r for r in json.loads((folder / "datapackage.json").read_text())["resources"]
    }
    tables = {}
    for name, resource in resources.items():
        if resource.get("format") != "csv":
            continue
        rows = read_csv(folder / resource["path"])
        fields = resource["schema"]["fields"]
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        if header != [f["name"] for f in fields]:
            errors.append(f"{name}: header {header}")
        for number, row in enumerate(rows, start=2):
            for field in fields:
                text = row[field["name"]]
                if text == "":
                    if field["constraints"].get("required"):
                        errors.append(f"{name} row {number}: {field['name']} is required")
                    continue
                problem = check_cell(field, text)
                if problem:
                    errors.append(f"{name} row {number}: {problem}")
        for field in fields:
            if field["constraints"].get("unique"):
                values = [r[field["name"]] for r in rows if r[field["name"]]]
                if len(values) != len(set(values)):
                    errors.append(f"{name}: {field['name']} repeats")
        tables[name] = rows
    for name, resource in resources.items():
        for key in resource.get("schema", {}).get("foreignKeys", []):
            target = key["reference"]["resource"]
            ids = {r["id"] for r in tables[target]}
            for number, row in enumerate(tables[name], start=2):
                value = row[key["fields"]]
                if value and value not in ids:
                    errors.append(f"{name} row {number}: {key['fields']} {value} dangles")
    return errors


@pytest.mark.parametrize("include_all", [True, False], ids=["all", "published"])
def test_every_csv_row_validates_against_the_descriptor(demo_data, tmp_path, include_all):
    folder = export(tmp_path, include_all)
    assert sorted(p.name for p in folder.iterdir()) == sorted(package_files())
    assert validate_package(folder) == []
    services = read_csv(folder / "services.csv")
    expected = Service.objects.all() if include_all else Service.objects.published()
    assert {s["id"] for s in services} == {str(pk) for pk in expected.values_list("pk", flat=True)}


def test_descriptor_is_the_official_one_narrowed_and_relaxed_as_documented(demo_data):
    ours = {r["name"]: r for r in descriptor()["resources"] if r.get("format") == "csv"}
    theirs = {r["name"]: r for r in official()["resources"]}
    relaxed = set()
    for name, resource in ours.items():
        for mine, original in zip(
            resource["schema"]["fields"], theirs[name]["schema"]["fields"], strict=True
        ):
            for key, value in original["constraints"].items():
                if mine["constraints"][key] != value:
                    relaxed.add((name, mine["name"], key))
            assert {k: v for k, v in mine.items() if k != "constraints"} == {
                k: v for k, v in original.items() if k != "constraints"
            }
    assert relaxed == set(RELAXED)
    assert "services.json" in [r["path"] for r in descriptor()["resources"]]


def test_the_package_names_the_licence_the_city_chose(demo_data, client, settings, tmp_path):
    from socioinfo.core.env import open_data_licence

    assert descriptor()["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0 International",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ]
    settings.SOCIOINFO_EXPORT_CACHE_DIR = tmp_path

    def licence_of_download() -> str:
        body = b"".join(client.get("/api/v1/hsds-datapackage.zip").streaming_content)
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return json.loads(archive.read("datapackage.json"))["licenses"][0]["name"]

    assert licence_of_download() == "CC-BY-4.0"
    settings.SOCIOINFO_DATA_LICENCE = open_data_licence("CC0-1.0")
    assert licence_of_download() == "CC0-1.0"  # not the cached package of the old licence
    with pytest.raises(ImproperlyConfigured, match="SOCIOINFO_DATA_LICENCE must be one of"):
        open_data_licence("all rights reserved")


def test_services_json_is_what_the_api_serves_and_validates(demo_data, tmp_path, client):
    folder = export(tmp_path, include_all=False)
    text = (folder / "services.json").read_text(encoding="utf-8")
    items = json.loads(text)
    assert text.startswith("[\n{") and len(text.splitlines()) == len(items) + 2
    for item in items:
        assert_valid("service", item)
        assert_valid("organization", item["organization"])
        for link in item.get("service_at_locations", []):
            assert_valid("location", link["location"])
    response = client.get("/api/hsds/services", {"format": "ndjson", "full": "true"})
    served = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    assert sorted(items, key=lambda s: s["id"]) == sorted(served, key=lambda s: s["id"])


def test_czech_profile_travels_as_attributes(demo_data, tmp_path):
    folder = export(tmp_path)
    attributes = read_csv(folder / "attributes.csv")
    terms = {t["id"]: t for t in read_csv(folder / "taxonomy_terms.csv")}
    home = Service.objects.filter(service_type__paragraph="§49").first()
    offer = home.forms.get()
    own = {
        terms[a["taxonomy_term_id"]]["code"]: a["value"]
        for a in attributes
        if a["link_id"] == str(home.pk)
    }
    assert own["§49"] == ""
    capacity = {"capacity": offer.capacity, "unit": "beds"}
    if offer.continuous:
        capacity["non_stop"] = True
    assert json.loads(own["residential"]) == capacity
    assert own["valid_from"] == home.valid_from.isoformat()
    assert json.loads(own["translations"]) == home.translations
    draft = Service.objects.filter(status=ServiceStatus.DRAFT).first()
    assert any(a["link_id"] == str(draft.pk) and a["value"] == "draft" for a in attributes)


def test_two_exports_are_byte_identical_zips(demo_data):
    first, second = io.BytesIO(), io.BytesIO()
    write_zip(first, include_all=True)
    write_zip(second, include_all=True)
    assert first.getvalue() == second.getvalue()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == package_files()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("include_all", [True, False], ids=["all", "published"])
def test_export_import_export_gives_identical_files(demo_data, tmp_path, include_all):
    from socioinfo.search.query import SearchParams, search

    before = files_of(export(tmp_path / "before", include_all))
    flush_directory()
    assert search(SearchParams(text="dluhy"), with_facets=False).total == 0
    report = import_datapackage(tmp_path / "before")
    assert report.counts["services"].created == len(json.loads(before["services.json"]))
    after = files_of(export(tmp_path / "after", include_all))
    assert [name for name in before if before[name] != after[name]] == []
    assert search(SearchParams(text="dluhy"), with_facets=False).total > 0  # indexed again


def test_round_trip_restores_every_record_field_by_field(demo_data, tmp_path):
    expected = snapshot()
    with (tmp_path / "package.zip").open("wb") as handle:
        write_zip(handle, include_all=True)
    flush_directory()
    import_datapackage(tmp_path / "package.zip")
    found = snapshot()
    assert {k: len(v) for k, v in found.items()} == {k: len(v) for k, v in expected.items()}
    for model, rows in expected.items():
        assert found[model] == rows, model


def test_an_imported_record_has_one_history_row_with_its_code_list_links(demo_data, tmp_path):
    with (tmp_path / "package.zip").open("wb") as handle:
        write_zip(handle, include_all=True)
    flush_directory()
    import_datapackage(tmp_path / "package.zip")
    service = (
        Service.objects.filter(target_groups__isnull=False, languages__isnull=False)
        .distinct()
        .first()
    )
    rows = list(service.history.filter(history_change_reason="HSDS import"))
    assert [r.history_type for r in rows] == ["+"]
    record = rows[0]
    assert record.name == service.name and record.sort_name == service.sort_name != ""
    # The history row carries the links as they were written, as a save would record them.
    assert {t.targetgroup_id for t in record.target_groups.all()} == set(
        service.target_groups.values_list("pk", flat=True)
    )
    assert {x.language_id for x in record.languages.all()} == set(
        service.languages.values_list("pk", flat=True)
    )
    imported = Service.history.filter(history_type="+", history_change_reason="HSDS import")
    assert imported.count() == Service.objects.count()


def test_a_second_import_changes_nothing(demo_data, tmp_path):
    export(tmp_path)
    history = Service.history.count() + ContactPoint.history.count()
    report = import_datapackage(tmp_path)
    assert report.counts["services"].unchanged == Service.objects.count()
    assert report.counts["services"].created == report.counts["services"].updated == 0
    assert Service.history.count() + ContactPoint.history.count() == history


def test_import_updates_by_id_and_leaves_other_records_alone(demo_data, tmp_path):
    export(tmp_path)
    service = Service.objects.filter(status=ServiceStatus.ACTIVE).first()
    original = service.name
    service.name = "Přejmenovaná služba"
    service.save()
    ContactPoint.objects.create(service=service, kind="phone", value="+420 600 000 000")
    newcomer = Service.objects.create(
        organisation=service.organisation, name="Služba mimo balíček", status="active"
    )
    report = import_datapackage(tmp_path)
    service.refresh_from_db()
    assert service.name == original
    assert not service.contacts.filter(value="+420 600 000 000").exists()
    assert Service.objects.filter(pk=newcomer.pk).exists()
    assert report.counts["services"].updated == 1
    assert service.history.first().history_change_reason == "HSDS import"


# --------------------------------------------------------------------------- broken packages


def fingerprint() -> list[object]:
    """Rows and history rows of every directory table (every write leaves a history row),
    and the services' modification times."""
    models = (Organisation, Location, Service, ServiceAtLocation, ContactPoint, OpeningRule)
    counts = [(m.objects.count(), m.history.count()) for m in models]
    return [*counts, sorted(Service.objects.values_list("updated_at", flat=True))]


def messages(folder: Path) -> list[str]:
    before = fingerprint()
    with translation.override("en"):
        with pytest.raises(PackageRejected) as rejected:
            import_datapackage(folder)
        found = [str(p) for p in rejected.value.problems]
    assert fingerprint() == before  # nothing was written
    return found


def edit(folder: Path, file: str, change) -> None:
    rows = read_csv(folder / file)
    change(rows)
    write_csv(folder / file, rows)


def test_missing_descriptor_and_missing_file_are_named(demo_data, tmp_path):
    export(tmp_path)
    (tmp_path / "schedules.csv").unlink()
    assert messages(tmp_path) == [
        "schedules.csv: datapackage.json lists this file for “schedule”, but it is not in the "
        "package; add the file or remove the resource from the descriptor."
    ]
    (tmp_path / "datapackage.json").unlink()
    assert messages(tmp_path)[0].startswith("datapackage.json: The package has no datapackage.json")
    assert messages(tmp_path / "nowhere")[0].startswith("nowhere: There is no file or folder")


def test_every_problem_is_reported_with_file_row_and_column(demo_data, tmp_path):
    export(tmp_path)
    services = read_csv(tmp_path / "services.csv")
    renamed = services[0]["id"]

    def break_services(rows):
        rows[0]["name"] = "Nový název, který se nesmí uložit"
        rows[2]["id"] = "not-a-uuid"
        rows[3]["assured_date"] = "24. 11. 2026"

    def break_links(rows):
        rows[1]["location_id"] = str(uuid.UUID(int=1))

    def break_hours(rows):
        weekly = [r for r in rows if r["freq"] == "WEEKLY"]
        weekly[0]["opens_at"] = "25:99"
        weekly[1]["byday"] = "MONDAY"
        weekly[2]["interval"] = "2"

    group = TargetGroup.objects.get(registry_code="CilovaSkupinaOsoby/24")
    unknown = str(uuid.UUID(int=2))

    def break_terms(rows):
        term = next(r for r in rows if r["id"] == str(group.pk))
        term["id"], term["code"] = unknown, "unknown-group"

    def break_attributes(rows):
        for row in rows:
            if row["taxonomy_term_id"] == str(group.pk):
                row["taxonomy_term_id"] = unknown

    edit(tmp_path, "services.csv", break_services)
    edit(tmp_path, "service_at_location.csv", break_links)
    edit(tmp_path, "schedules.csv", break_hours)
    edit(tmp_path, "taxonomy_terms.csv", break_terms)
    edit(tmp_path, "attributes.csv", break_attributes)
    found = messages(tmp_path)
    assert (
        "services.csv, row 4, column id: “not-a-uuid” is not a UUID; write one like "
        "0f4b6a52-35a3-5c1b-9f86-1d1e5c9b7a10." in found
    )
    assert (
        "services.csv, row 5, column assured_date: “24. 11. 2026” is not a date; write it "
        "as YYYY-MM-DD, e.g. 2026-11-24." in found
    )
    assert (
        "service_at_location.csv, row 3, column location_id: No location in the package has "
        "the id 00000000-0000-0000-0000-000000000001; add it to locations.csv or correct the id."
    ) in found
    assert any(
        m.startswith("schedules.csv, row ") and "column opens_at: “25:99” is not a time" in m
        for m in found
    )
    assert any("column byday: Write the weekdays as MO,TU" in m for m in found)
    assert any("column interval: Socioinfo keeps hours that repeat every week" in m for m in found)
    assert any(
        m.startswith("attributes.csv, row ")
        and "column taxonomy_term_id: The term “senioři” (code unknown-group) is not in "
        "Socioinfo's code lists"
        in m
        for m in found
    )
    assert Service.objects.get(pk=renamed).name != "Nový název, který se nesmí uložit"


def test_model_rules_are_reported_against_the_cell(demo_data, tmp_path):
    export(tmp_path)

    def bad_ico(rows):
        rows[0]["identifier"] = "12345678"

    def bad_phone(rows):
        rows[0]["number"] = "call us"

    edit(tmp_path, "organization_identifiers.csv", bad_ico)
    edit(tmp_path, "phones.csv", bad_phone)
    found = messages(tmp_path)
    assert (
        "organization_identifiers.csv, row 2, column identifier: IČO “12345678” fails the "
        "checksum: please check for a mistyped digit." in found
    )
    assert any(m.startswith("phones.csv, row 2, column number: ") for m in found)


def test_a_zip_from_a_folder_and_a_foreign_package_without_our_attributes(demo_data, tmp_path):
    """A plain HSDS package (no Socioinfo attributes, no code lists) imports with defaults."""
    folder = export(tmp_path / "package")
    for name in ("attributes.csv", "taxonomy_terms.csv", "taxonomies.csv"):
        (folder / name).unlink()
    document = json.loads((folder / "datapackage.json").read_text())
    document["resources"] = [
        r
        for r in document["resources"]
        if r["name"] not in ("attribute", "taxonomy_term", "taxonomy")
    ]
    (folder / "datapackage.json").write_text(json.dumps(document))

    def hours_to_midnight(rows):
        weekly = next(r for r in rows if r["freq"] == "WEEKLY" and r["service_at_location_id"])
        weekly.update(opens_at="08:00", closes_at="24:00", byday="SA")
        return weekly["service_at_location_id"]

    link_id = []
    edit(folder, "schedules.csv", lambda rows: link_id.append(hours_to_midnight(rows)))
    archive = shutil.make_archive(str(tmp_path / "foreign"), "zip", tmp_path, "package")
    flush_directory()
    report = import_datapackage(Path(archive))
    assert report.counts["services"].created > 0
    service = Service.objects.filter(status=ServiceStatus.ACTIVE).first()
    assert service.service_type is None and service.translations == {}
    assert service.locations.first().city_district is not None  # placed by its point
    assert OpeningRule.objects.filter(  # 24:00 is midnight
        service_at_location_id=link_id[0],
        weekday=5,
        opens=datetime.time(8),
        closes=datetime.time(0),
    ).exists()


# --------------------------------------------------------------------------- entry points


def test_download_is_the_public_package(demo_data, client, settings, tmp_path):
    settings.SOCIOINFO_EXPORT_CACHE_DIR = tmp_path
    response = client.get("/api/v1/hsds-datapackage.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "socioinfo-hsds-datapackage.zip" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    expected = io.BytesIO()
    write_zip(expected)
    assert body == expected.getvalue()
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        services = json.loads(archive.read("services.json"))
    assert len(services) == Service.objects.published().count() < Service.objects.count()
    assert client.post("/api/v1/hsds-datapackage.zip").status_code == 405


def test_the_download_is_built_once_per_state_of_the_directory(
    demo_data, client, settings, tmp_path, monkeypatch
):
    from socioinfo.api import views_datapackage

    settings.SOCIOINFO_EXPORT_CACHE_DIR = tmp_path
    built = []
    real = views_datapackage.write_zip
    monkeypatch.setattr(views_datapackage, "write_zip", lambda out: built.append(1) or real(out))

    def download() -> bytes:
        return b"".join(client.get("/api/v1/hsds-datapackage.zip").streaming_content)

    first = download()
    assert download() == first and len(built) == 1  # served from the cache
    service = Service.objects.published().first()
    service.name = "Přejmenovaná služba"
    service.save()
    changed = download()
    assert len(built) == 2 and changed != first
    with zipfile.ZipFile(io.BytesIO(changed)) as archive:
        assert "Přejmenovaná služba" in archive.read("services.json").decode()
    assert len(list(tmp_path.glob("hsds-datapackage-*.zip"))) == 1  # the old one is gone
    contact = service.contacts.first() or service.organisation.contacts.first()
    contact.delete()
    assert download() != changed and len(built) == 3
    # A day with other hours is in the package too (a provider proposes it, the city approves).
    OpeningException.objects.create(
        service=service, date=datetime.date(2026, 12, 24), is_closed=True
    )
    assert len(built) == 3 and download() and len(built) == 4


def test_commands_export_and_import(demo_data, tmp_path):
    out = io.StringIO()
    with translation.override("en"):
        call_command("export_hsds", str(tmp_path / "all.zip"), "--all", stdout=out)
        call_command("export_hsds", str(tmp_path / "folder"), "--format", "dir", stdout=out)
    assert f"Exported {Service.objects.count()} services to " in out.getvalue()
    assert f"Exported {Service.objects.published().count()} services to " in out.getvalue()
    assert zipfile.is_zipfile(tmp_path / "all.zip")
    assert (tmp_path / "folder" / "datapackage.json").exists()
    flush_directory()
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_hsds", str(tmp_path / "all.zip"), "--dry-run", stdout=out)
    assert f"Services: {demo_data.services} created, 0 updated" in out.getvalue()
    assert "Dry run: nothing was saved." in out.getvalue()
    assert not Service.objects.exists()
    (tmp_path / "folder" / "services.csv").write_text("id,name\nx,y\n", encoding="utf-8")
    errors = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_hsds", str(tmp_path / "folder"), stdout=out, stderr=errors)
    assert "services.csv, row 1, column organization_id: The header lacks" in errors.getvalue()
    assert "services.csv, row 2, column id: “x” is not a UUID" in errors.getvalue()
