"""Rows of the package from the directory, one CSV writer per table plus ``services.json``:
the organisation, location and service passes of the export, each given a batch of ids."""

import csv
import json
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace
from typing import IO, Any

from django.db.models import Q

from socioinfo.api import hsds
from socioinfo.api.datapackage import profile
from socioinfo.api.datapackage.tables import JSON_PATH, WRITTEN, columns, format_value, path_of
from socioinfo.api.rows import service_dicts
from socioinfo.api.taxonomies import form_term_id, stable_id
from socioinfo.areas.models import Area
from socioinfo.directory.models import (
    AccessibilityFeature,
    ContactPoint,
    Location,
    OpeningException,
    Organisation,
    RecordSource,
    Service,
    ServiceFormOffer,
    ServiceStatus,
)
from socioinfo.directory.models.contact import ContactKind

RPSS_SCHEME = "CZ-RPSS"
RPSS_TYPE = "ID poskytovatele v registru"


class PackageWriter:
    """One CSV writer per table, plus ``services.json``; rows are dicts by column name."""

    def __init__(self, folder: Path, rows: Counter[str]):
        self.folder = folder
        self.counts = rows
        self.handles: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        self.columns = {name: columns(name) for name in WRITTEN}
        self.json: IO[str] | None = None
        self.json_items = 0

    def __enter__(self) -> "PackageWriter":
        for name in WRITTEN:
            handle = (self.folder / path_of(name)).open("w", encoding="utf-8", newline="")
            self.handles[name] = handle
            self.writers[name] = csv.writer(handle, lineterminator="\r\n")
            self.writers[name].writerow(self.columns[name])
        self.json = (self.folder / JSON_PATH).open("w", encoding="utf-8", newline="\n")
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.json is not None
        self.json.write("\n]\n" if self.json_items else "[]\n")
        self.json.close()
        for handle in self.handles.values():
            handle.close()

    def row(self, table: str, values: dict[str, Any]) -> None:
        """Keys that are not columns of the table are not written (tests check every file
        against its descriptor)."""
        self.writers[table].writerow([format_value(values.get(c)) for c in self.columns[table]])
        self.counts[table] += 1

    def json_item(self, item: dict[str, Any]) -> None:
        assert self.json is not None
        self.json.write(
            ("[\n" if not self.json_items else ",\n") + json.dumps(item, ensure_ascii=False)
        )
        self.json_items += 1

    def scalars(self, table: str, item: dict[str, Any]) -> None:
        """The row of an HSDS object: its values for the table's columns (nested lists and
        objects are other tables)."""
        self.row(table, {c: item[c] for c in self.columns[table] if c in item})

    def attribute(
        self, entity: str, link_id: str, term_id: str, value: str = "", attribute_id: str = ""
    ) -> None:
        self.row(
            "attribute",
            {
                "id": attribute_id or stable_id("attribute", link_id, term_id),
                "link_id": link_id,
                "taxonomy_term_id": term_id,
                "link_type": entity,
                "link_entity": entity,
                "value": value,
            },
        )

    def fields(self, entity: str, link_id: str, values: dict[str, Any]) -> None:
        """Profile attributes for the record fields that are set (None and "" are not)."""
        for code, value in values.items():
            if value not in (None, "", {}):
                text = profile.compact_json(value) if isinstance(value, dict) else value
                self.attribute(entity, link_id, profile.field_term_id(code), format_value(text))

    def features(self, entity: str, link_id: str, features: list[Any]) -> None:
        for feature in sorted(features, key=lambda f: f.code):
            self.attribute(entity, link_id, str(feature.pk))

    def contacts(self, owner: str, owner_id: str, contacts: list[dict[str, Any]]) -> None:
        """Phones to ``phone``, e-mails to ``contact``, web addresses to ``web`` attributes;
        a position other than 0 as an ``order`` attribute."""
        rows = [SimpleNamespace(pk=c["id"], **c) for c in contacts]
        for contact in hsds.ordered_contacts(rows):
            cid = str(contact.pk)
            if contact.kind == ContactKind.PHONE:
                self.row(
                    "phone",
                    {
                        "id": cid,
                        f"{owner}_id": owner_id,
                        "number": contact.value,
                        "type": "voice",
                        "description": contact.note,
                    },
                )
                self.fields("phone", cid, {"order": contact.order or None})
            elif contact.kind == ContactKind.EMAIL:
                self.row(
                    "contact",
                    {
                        "id": cid,
                        f"{owner}_id": owner_id,
                        "name": contact.note,
                        "email": contact.value,
                    },
                )
                self.fields("contact", cid, {"order": contact.order or None})
            else:
                web: dict[str, Any] = {"url": contact.value}
                if contact.note:
                    web["note"] = contact.note
                if contact.order:
                    web["order"] = contact.order
                self.attribute(
                    owner,
                    owner_id,
                    profile.field_term_id("web"),
                    profile.compact_json(web),
                    attribute_id=cid,
                )

    def schedules(
        self,
        schedules: list[dict[str, Any]],
        exceptions: list[dict[str, Any]],
        owner: str,
        owner_id: str,
    ) -> None:
        """Weekly schedules as the API groups them (times with seconds, and the day's end as
        the model keeps it: a closing time not after the opening runs past midnight), then
        one single-date schedule per exception (no times: closed all day)."""
        for schedule in schedules:
            opens = schedule["opens_at"] + ":00"
            closes = opens if schedule["closes_at"] == "24:00" else schedule["closes_at"] + ":00"
            self.scalars("schedule", {**schedule, "opens_at": opens, "closes_at": closes})
        for exception in sorted(
            exceptions, key=lambda e: (e["date"], str(e["opens"]), str(e["id"]))
        ):
            closed = exception["is_closed"]
            self.row(
                "schedule",
                {
                    "id": str(exception["id"]),
                    f"{owner}_id": owner_id,
                    "valid_from": exception["date"],
                    "valid_to": exception["date"],
                    "dtstart": exception["date"],
                    "opens_at": None if closed else exception["opens"],
                    "closes_at": None if closed else exception["closes"],
                    "description": exception["note"],
                    "notes": "Europe/Prague",
                },
            )

    # ----------------------------------------------------------------- organisations

    def organisations(self, ids: list[Any]) -> None:
        rows = Organisation.objects.filter(pk__in=ids).order_by("pk").values()
        contacts = _grouped(
            ContactPoint.objects.filter(organisation_id__in=ids).values(), "organisation_id"
        )
        for row in rows:
            oid = str(row["id"])
            own = contacts.get(row["id"], [])
            item = hsds.organisation_from_row(row, [SimpleNamespace(pk=c["id"], **c) for c in own])
            self.scalars("organization", item)
            for identifier in item["organization_identifiers"]:
                self.scalars("organization_identifier", identifier)
            if row["registry_id"]:
                self.row(
                    "organization_identifier",
                    {
                        "id": stable_id("identifier", oid, RPSS_SCHEME, row["registry_id"]),
                        "organization_id": oid,
                        "identifier_scheme": RPSS_SCHEME,
                        "identifier_type": RPSS_TYPE,
                        "identifier": row["registry_id"],
                    },
                )
            self.contacts("organization", oid, own)
            self.fields(
                "organization",
                oid,
                {
                    "source": _source(row["source"]),
                    "is_active": None if row["is_active"] else False,
                    "translations": row["translations"],
                },
            )

    # ----------------------------------------------------------------- locations

    def locations(self, ids: list[Any]) -> None:
        rows = list(Location.objects.filter(pk__in=ids).order_by("pk").values())
        area_ids = {row[key] for row in rows for key in ("city_district_id", "municipality_id")}
        areas = {
            a["id"]: a
            for a in Area.objects.filter(pk__in=area_ids - {None}).values(
                "id", "name", "level", "code"
            )
        }
        features = _features(Location.accessibility_features.through, "location_id", ids)
        contacts = _grouped(
            ContactPoint.objects.filter(location_id__in=ids).values(), "location_id"
        )
        for row in rows:
            lid = str(row["id"])
            district = areas.get(row["city_district_id"])
            municipality = areas.get(row["municipality_id"])
            own_features = features.get(row["id"], [])
            item = hsds.location_from_row(
                row,
                district["name"] if district else "",
                [f.localized("name", "cs").text for f in own_features],
            )
            self.scalars("location", item)
            for address in item["addresses"]:
                self.scalars("address", address)
            for accessibility in item["accessibility"]:
                self.scalars(
                    "accessibility", {**accessibility, "details": row["accessibility_notes"]}
                )
            self.contacts("location", lid, contacts.get(row["id"], []))
            self.features("location", lid, own_features)
            address_1 = f"{row['street']} {row['house_number']}".strip()
            split = profile.split_address(address_1) != (row["street"], row["house_number"])
            self.fields(
                "location",
                lid,
                {
                    "city_district": _urn(district),
                    "municipality": _urn(municipality),
                    "street": row["street"] if split else None,
                    "house_number": row["house_number"] if split else None,
                    "registry_id": row["registry_id"],
                    "source": _source(row["source"]),
                    "translations": row["translations"],
                },
            )

    # ----------------------------------------------------------------- services

    def services(self, ids: list[Any]) -> None:
        items = service_dicts(ids)
        rows = {
            row["id"]: row
            for row in Service.objects.filter(pk__in=ids).values(
                "id",
                "status",
                "valid_from",
                "valid_to",
                "is_free",
                "registry_id",
                "source",
                "translations",
                "updated_at",
            )
        }
        offers = {
            (o["service_id"], o["form"]): o
            for o in ServiceFormOffer.objects.filter(service_id__in=ids).values()
        }
        form_terms = {form_term_id(form): form for _sid, form in offers}
        features = _features(Service.accessibility_features.through, "service_id", ids)
        contacts = _grouped(ContactPoint.objects.filter(service_id__in=ids).values(), "service_id")
        exceptions: dict[Any, list[Any]] = defaultdict(list)
        for exception in OpeningException.objects.filter(
            Q(service_id__in=ids) | Q(service_at_location__service_id__in=ids)
        ).values():
            exceptions[exception["service_id"] or exception["service_at_location_id"]].append(
                exception
            )
        for item in items:
            self.json_item(item)
            sid = item["id"]
            row = rows[_uuid(sid)]
            self.scalars("service", {**item, "last_modified": row["updated_at"]})
            self.contacts("service", sid, contacts.get(row["id"], []))
            self.schedules(item.get("schedules", []), exceptions.get(row["id"], []), "service", sid)
            for link in item.get("service_at_locations", []):
                self.scalars("service_at_location", link)
                self.schedules(
                    link.get("schedules", []),
                    exceptions.get(_uuid(link["id"]), []),
                    "service_at_location",
                    link["id"],
                )
            for language in item.get("languages", []):
                self.scalars("language", language)
            for area in item.get("service_areas", []):
                self.scalars("service_area", area)
            for attribute in item.get("attributes", []):
                form = form_terms.get(attribute["taxonomy_term_id"])
                value = _capacity(offers[(row["id"], form)]) if form else ""
                self.scalars("attribute", {**attribute, "value": value})
            self.features("service", sid, features.get(row["id"], []))
            self.fields(
                "service",
                sid,
                {
                    "status": row["status"] if row["status"] == ServiceStatus.DRAFT else None,
                    "valid_from": row["valid_from"],
                    "valid_to": row["valid_to"],
                    "is_free": True if row["is_free"] else None,
                    "registry_id": row["registry_id"],
                    "source": _source(row["source"]),
                    "translations": row["translations"],
                },
            )

    # ----------------------------------------------------------------- code lists

    def code_lists(self) -> None:
        for taxonomy in profile.package_taxonomies():
            self.scalars("taxonomy", taxonomy)
        for term in profile.package_terms():
            self.scalars("taxonomy_term", term)


def _grouped(rows: Any, key: str) -> dict[Any, list[dict[str, Any]]]:
    found: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        found[row[key]].append(row)
    return found


def _features(through: Any, key: str, ids: list[Any]) -> dict[Any, list[AccessibilityFeature]]:
    by_id = {f.pk: f for f in AccessibilityFeature.objects.all()}
    found: dict[Any, list[AccessibilityFeature]] = defaultdict(list)
    for owner, feature in through.objects.filter(**{f"{key}__in": ids}).values_list(
        key, "accessibilityfeature_id"
    ):
        found[owner].append(by_id[feature])
    return found


def _uuid(text: str) -> uuid.UUID:
    return uuid.UUID(text)


def _source(source: str) -> str | None:
    return None if source == RecordSource.MANUAL else source


def _urn(area: Any) -> str | None:
    return profile.area_urn(area["level"], area["code"]) if area else None


def _capacity(offer: Any) -> str:
    """A form's capacity, unit, note and non-stop flag as compact JSON ("" when none)."""
    value: dict[str, Any] = {}
    if offer["capacity"] is not None:
        value["capacity"] = offer["capacity"]
    if offer["capacity_unit"]:
        value["unit"] = offer["capacity_unit"]
    if offer["capacity_note"]:
        value["note"] = offer["capacity_note"]
    if offer["continuous"]:
        value["non_stop"] = True
    return profile.compact_json(value) if value else ""
