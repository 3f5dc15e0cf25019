"""HSDS services built from plain rows, without Django model instances, so details, lists
and the ndjson export stay fast at 100,000 services. Code lists are read once per batch;
everything else in one query per relation. Locations and organisations are built by the
same functions as the other endpoints (``hsds.location_from_row``, ``organisation_from_row``)."""

import datetime
import uuid
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from types import SimpleNamespace
from typing import Any

from django.db import connection

from socioinfo.api import hsds
from socioinfo.api.codelists import code_lists
from socioinfo.api.taxonomies import (
    AGE_GROUPS,
    FORMS,
    SERVICE_TYPES,
    TARGET_GROUPS,
    form_term_id,
    stable_id,
)
from socioinfo.directory.models import (
    ContactPoint,
    Location,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceStatus,
)
from socioinfo.directory.models.taxonomy import CapacityUnit, ServiceForm

# Rows are read straight from the cursor: at 2,000 services a batch, building ORM lookups and
# model instances cost more than everything else together (docs/benchmarks.md).


class _Reader:
    """Plain rows straight from the database cursor: no model instances, no ORM lookups to
    build for 2,000 ids, ids as text (PostgreSQL casts them; SQLite's 32 hex digits get their
    dashes here), datetimes aware in UTC on both databases."""

    def __init__(self) -> None:
        self.sqlite = connection.vendor == "sqlite"

    def param(self, pk: Any) -> str:
        if not self.sqlite:
            return str(pk)
        return pk.hex if isinstance(pk, uuid.UUID) else str(pk).replace("-", "")

    def _column(self, field: Any) -> tuple[str, Callable[[Any], Any] | None]:
        column = connection.ops.quote_name(field.column)
        kind = field.get_internal_type()
        if kind == "ForeignKey":
            kind = field.target_field.get_internal_type()
        if kind == "UUIDField":
            return (column, _dashed) if self.sqlite else (f"CAST({column} AS TEXT)", None)
        # SQLite's driver already parses Django's "date", "time", "datetime" and "bool"
        # column types (Django registers the converters); datetimes come naive in UTC.
        if self.sqlite and kind == "DateTimeField":
            return column, _utc_datetime
        return column, None

    def rows(
        self, model: Any, fields: list[str], where: str | None = None, ids: Any = ()
    ) -> list[dict[str, Any]]:
        meta = model._meta
        columns = [self._column(meta.get_field(name)) for name in fields]
        names = [meta.get_field(name).attname for name in fields]
        sql = f"SELECT {', '.join(c for c, _ in columns)} FROM {meta.db_table}"  # noqa: S608
        params: list[str] = []
        if where is not None:
            params = [self.param(pk) for pk in ids]
            if not params:
                return []
            column = connection.ops.quote_name(meta.get_field(where).column)
            sql += f" WHERE {column} IN ({', '.join(['%s'] * len(params))})"
        converters = [(i, convert) for i, (_c, convert) in enumerate(columns) if convert]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchall()
        result = []
        for raw in found:
            row = list(raw)
            for i, convert in converters:
                if row[i] is not None:
                    row[i] = convert(row[i])
            result.append(dict(zip(names, row, strict=True)))
        return result


@cache
def _unit_id(unit: str) -> str:
    return stable_id("unit", unit)


def _m2m_rows(read: "_Reader", ids: list[Any]) -> dict[str, dict[str, list[str]]]:
    """The service's many-to-many code-list links in one round trip: for each relation, the
    linked ids of each service."""
    parts, params = [], []
    id_params = [read.param(pk) for pk in ids]
    if not id_params:
        return {name: {} for name in M2M}
    marks = ", ".join(["%s"] * len(id_params))
    for name, (through, field) in M2M.items():
        meta = through._meta
        service = meta.get_field("service").column  # type: ignore[union-attr]
        value = meta.get_field(field).column  # type: ignore[union-attr]
        parts.append(
            f"SELECT '{name}', CAST({service} AS TEXT), CAST({value} AS TEXT) "  # noqa: S608
            f"FROM {meta.db_table} WHERE {service} IN ({marks})"
        )
        params += id_params
    found: dict[str, dict[str, list[str]]] = {name: defaultdict(list) for name in M2M}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for name, service_id, value_id in cursor.fetchall():
            found[name][_dashed(service_id)].append(_dashed(value_id))
    return found


def _dashed(value: str) -> str:
    value = value.replace("-", "")
    return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def _utc_datetime(value: datetime.datetime) -> datetime.datetime:
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)


def _grouped(rows: Any, key: str) -> dict[Any, list[dict[str, Any]]]:
    found: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        found[row[key]].append(row)
    return found


def _rules(rows: list[dict[str, Any]]) -> list[Any]:
    return [SimpleNamespace(**row) for row in rows]


def _contacts(rows: list[dict[str, Any]]) -> list[Any]:
    return hsds.ordered_contacts(SimpleNamespace(pk=row["id"], **row) for row in rows)


SERVICE_FIELDS = [
    "id",
    "organisation",
    "name",
    "service_type",
    "description",
    "eligibility",
    "fees",
    "is_free",
    "status",
    "last_verified_on",
    "updated_at",
]
ORGANISATION_FIELDS = ["id", "name", "description", "website", "legal_form", "ico"]
LOCATION_FIELDS = [
    "id",
    "organisation",
    "name",
    "street",
    "house_number",
    "city",
    "postcode",
    "address_point_code",
    "latitude",
    "longitude",
    "city_district",
    "accessibility_notes",
    "transport_notes",
]
CONTACT_FIELDS = ["id", "kind", "value", "note", "order"]
M2M = {
    "targetgroup": (Service.target_groups.through, "targetgroup"),
    "agegroup": (Service.age_groups.through, "agegroup"),
    "language": (Service.languages.through, "language"),
    "area": (Service.areas_served.through, "area"),
}
RULE_FIELDS = ["weekday", "opens", "closes", "valid_from", "valid_to", "note"]


def service_dicts(ids: list[Any]) -> list[dict[str, Any]]:
    read = _Reader()
    services = {row["id"]: row for row in read.rows(Service, SERVICE_FIELDS, "id", ids)}
    lists = code_lists()
    types, groups, ages = lists.types, lists.groups, lists.ages
    languages, features, areas = lists.languages, lists.features, lists.areas
    forms = dict(ServiceForm.choices)
    units = dict(CapacityUnit.choices)
    m2m = _m2m_rows(read, ids)
    group_ids, age_ids = m2m["targetgroup"], m2m["agegroup"]
    language_ids, area_ids = m2m["language"], m2m["area"]
    offers = _grouped(
        sorted(
            read.rows(
                ServiceFormOffer,
                ["service", "form", "capacity", "capacity_unit", "capacity_note"],
                "service",
                ids,
            ),
            key=lambda row: row["form"],
        ),
        "service_id",
    )
    contacts = _grouped(
        read.rows(ContactPoint, ["service", *CONTACT_FIELDS], "service", ids), "service_id"
    )
    own_rules = _grouped(
        read.rows(OpeningRule, ["service", *RULE_FIELDS], "service", ids), "service_id"
    )
    links = _grouped(
        read.rows(ServiceAtLocation, ["id", "service", "location", "note"], "service", ids),
        "service_id",
    )
    link_ids = [link["id"] for rows in links.values() for link in rows]
    link_rules = _grouped(
        read.rows(
            OpeningRule, ["service_at_location", *RULE_FIELDS], "service_at_location", link_ids
        ),
        "service_at_location_id",
    )
    location_ids = {link["location_id"] for rows in links.values() for link in rows}
    locations = {row["id"]: row for row in read.rows(Location, LOCATION_FIELDS, "id", location_ids)}
    districts = {pk: area["name"] for pk, area in areas.items()}
    location_features: dict[Any, list[Any]] = defaultdict(list)
    for row in read.rows(
        Location.accessibility_features.through,
        ["location", "accessibilityfeature"],
        "location",
        location_ids,
    ):
        location_features[row["location_id"]].append(features[row["accessibilityfeature_id"]])
    organisation_ids = {row["organisation_id"] for row in services.values()}
    organisations = {
        row["id"]: row
        for row in read.rows(Organisation, ORGANISATION_FIELDS, "id", organisation_ids)
    }
    organisation_contacts = _grouped(
        read.rows(
            ContactPoint, ["organisation", *CONTACT_FIELDS], "organisation", organisation_ids
        ),
        "organisation_id",
    )

    result = []
    for pk in ids:
        sid = str(pk)
        if sid not in services:
            continue
        row = services[sid]
        own_contacts = _contacts(contacts.get(sid, []))
        service_ages = [ages[i] for i in age_ids.get(sid, [])]
        service_ages.sort(key=lambda a: (a.order, a.name))
        attributes = []
        service_type = types.get(row["service_type_id"])
        if service_type is not None:
            attributes.append(
                hsds._attribute(
                    sid,
                    str(service_type.pk),
                    service_type.paragraph or service_type.slug,
                    service_type.name,
                    SERVICE_TYPES,
                )
            )
        for offer in offers.get(sid, []):
            attributes.append(
                hsds._attribute(
                    sid,
                    form_term_id(offer["form"]),
                    offer["form"],
                    str(forms[offer["form"]]),
                    FORMS,
                )
            )
        service_groups = sorted(
            (groups[i] for i in group_ids.get(sid, [])), key=lambda g: (g.order, g.name)
        )
        for g in service_groups:
            attributes.append(
                hsds._attribute(sid, str(g.pk), g.registry_code or g.slug, g.name, TARGET_GROUPS)
            )
        for a in service_ages:
            attributes.append(hsds._attribute(sid, str(a.pk), a.slug, a.name, AGE_GROUPS))
        minimum = [a.min_age for a in service_ages if a.min_age is not None]
        maximum = [a.max_age for a in service_ages if a.max_age is not None]
        open_ended = any(a.max_age is None for a in service_ages)
        updated = row["updated_at"].astimezone(datetime.UTC).isoformat()
        service_languages = sorted(
            (languages[i] for i in language_ids.get(sid, [])), key=lambda lang: lang.name
        )
        service_areas = sorted(
            (areas[i] for i in area_ids.get(sid, [])), key=lambda a: (a["level"], a["name"])
        )
        data = hsds._clean(
            {
                "id": sid,
                "organization_id": str(row["organisation_id"]),
                "name": row["name"],
                "description": row["description"],
                "email": hsds._email(own_contacts),
                "status": "active" if row["status"] == ServiceStatus.ACTIVE else "inactive",
                "fees_description": row["fees"] or ("zdarma" if row["is_free"] else ""),
                "eligibility_description": row["eligibility"],
                "minimum_age": min(minimum) if minimum else None,
                "maximum_age": max(maximum) if maximum and not open_ended else None,
                "assured_date": row["last_verified_on"].isoformat()
                if row["last_verified_on"]
                else None,
                "last_modified": updated,
                "phones": hsds._phones(own_contacts, "service", sid),
                "schedules": hsds._schedules(_rules(own_rules.get(sid, [])), "service", sid),
                "service_areas": [
                    {
                        "id": stable_id("service_area", sid, area["id"]),
                        "service_id": sid,
                        "name": area["name"],
                        "extent_type": "geojson",
                        "uri": f"urn:cz:area:{area['level']}:{area['code']}",
                    }
                    for area in service_areas
                ],
                "languages": [
                    {
                        "id": stable_id("language", sid, lang.code),
                        "service_id": sid,
                        "name": lang.localized("name", "en").text,
                        "code": lang.code,
                    }
                    for lang in service_languages
                ],
                "service_at_locations": [
                    {
                        **hsds._clean(
                            {
                                "id": str(link["id"]),
                                "service_id": sid,
                                "location_id": str(link["location_id"]),
                                "description": link["note"],
                                "schedules": hsds._schedules(
                                    _rules(link_rules.get(link["id"], [])),
                                    "service_at_location",
                                    str(link["id"]),
                                ),
                            }
                        ),
                        "location": hsds.location_from_row(
                            locations[link["location_id"]],
                            districts.get(locations[link["location_id"]]["city_district_id"], ""),
                            [
                                f.localized("name", "cs").text
                                for f in location_features[link["location_id"]]
                            ],
                        ),
                    }
                    for link in sorted(links.get(sid, []), key=lambda x: str(x["id"]))
                ],
                "attributes": attributes,
                "capacities": [
                    {
                        "id": stable_id("capacity", sid, offer["form"]),
                        "service_id": sid,
                        "unit": {
                            "id": _unit_id(offer["capacity_unit"]),
                            "name": str(units[offer["capacity_unit"]]),
                            "scheme": "TypKapacitySocialniSluzby",
                            "identifier": offer["capacity_unit"],
                        },
                        "maximum": offer["capacity"],
                        "description": f"{forms[offer['form']]}; {offer['capacity_note']}".strip(
                            "; "
                        ),
                        "updated": updated,
                    }
                    for offer in offers.get(sid, [])
                    if offer["capacity"] is not None and offer["capacity_unit"]
                ],
            }
        )
        data["organization"] = hsds.organisation_from_row(
            organisations[row["organisation_id"]],
            [
                SimpleNamespace(pk=c["id"], **c)
                for c in organisation_contacts.get(row["organisation_id"], [])
            ],
        )
        result.append(data)
    return result
