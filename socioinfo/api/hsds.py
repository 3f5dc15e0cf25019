"""Directory records as Open Referral HSDS 3.0 objects (validated against the official
schemas by the tests). Objects HSDS has and we keep inside another row (phones, addresses,
weekly schedules, languages, attributes) get stable UUIDv5 ids derived from their owner."""

from collections import defaultdict
from typing import Any

from socioinfo.api.taxonomies import (
    Taxonomy,
    stable_id,
)
from socioinfo.directory.models import Location, OpeningRule, Organisation, ServiceAtLocation
from socioinfo.directory.models.organisation import LegalForm

HSDS_VERSION = "3.0"
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
REGION = "Jihomoravský kraj"


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Drop empty optional values (HSDS formats reject "" for uri, email, date)."""
    return {k: v for k, v in data.items() if v not in (None, "")}


def ordered_contacts(contacts: Any) -> list[Any]:
    """Contacts in their order (then kind and id): the same on every database."""
    return sorted(contacts, key=lambda c: (c.order, c.kind, str(c.pk)))


def _phones(contacts: Any, owner: str, owner_id: str) -> list[dict[str, Any]]:
    return [
        _clean(
            {
                "id": str(c.pk),
                f"{owner}_id": owner_id,
                "number": c.value,
                "type": "voice",
                "description": c.note,
            }
        )
        for c in contacts
        if c.kind == "phone"
    ]


def _email(contacts: Any) -> str:
    return next((c.value for c in contacts if c.kind == "email"), "")


def _schedules(rules: list[OpeningRule], owner: str, owner_id: str) -> list[dict[str, Any]]:
    """Weekly rules with the same hours and validity become one RRULE-style schedule."""
    grouped: dict[tuple[Any, ...], list[OpeningRule]] = defaultdict(list)
    for rule in rules:
        grouped[(rule.opens, rule.closes, rule.valid_from, rule.valid_to, rule.note)].append(rule)
    schedules = []
    # The whole key orders and names a schedule: two groups that differ only in their end
    # date or note must not share an id, and ties must not depend on the database's order.
    for (opens, closes, valid_from, valid_to, note), same in sorted(
        grouped.items(),
        key=lambda item: (min(r.weekday for r in item[1]), *(str(part) for part in item[0])),
    ):
        days = ",".join(DAYS[d] for d in sorted({r.weekday for r in same}))
        schedules.append(
            _clean(
                {
                    "id": stable_id(
                        "schedule", owner_id, days, opens, closes, valid_from, valid_to, note
                    ),
                    f"{owner}_id": owner_id,
                    "freq": "WEEKLY",
                    "byday": days,
                    "opens_at": f"{opens:%H:%M}",
                    "closes_at": "24:00" if closes == opens else f"{closes:%H:%M}",
                    "valid_from": valid_from.isoformat() if valid_from else None,
                    "valid_to": valid_to.isoformat() if valid_to else None,
                    "description": note,
                    "notes": "Europe/Prague",
                }
            )
        )
    return schedules


def _attribute(
    link_id: str, term_id: str, code: str, name: str, taxonomy: Taxonomy
) -> dict[str, Any]:
    return {
        "id": stable_id("attribute", link_id, term_id),
        "link_id": link_id,
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "taxonomy_term": {
            "id": term_id,
            "code": code,
            "name": name,
            "description": name,
            "taxonomy": taxonomy.name,
            "taxonomy_id": taxonomy.id,
        },
    }


def location_from_row(row: Any, district: str, features: list[str]) -> dict[str, Any]:
    """A location from its row (``Location`` fields by attribute name), the name of its city
    district and the names of its accessibility features."""
    lid = str(row["id"])
    address = f"{row['street']} {row['house_number']}".strip()
    town = f"{row['postcode']} {row['city']}".strip()
    notes = row["accessibility_notes"]
    names = sorted(features)
    return _clean(
        {
            "id": lid,
            "location_type": "physical",
            "organization_id": str(row["organisation_id"]),
            "name": row["name"] or ", ".join(part for part in (address, town) if part),
            "transportation": row["transport_notes"],
            "latitude": row["latitude"],
            "longitude": row["longitude"],
            "external_identifier": row["address_point_code"],
            "external_identifier_type": "RÚIAN" if row["address_point_code"] else None,
            "addresses": [
                {
                    "id": stable_id("address", lid),
                    "location_id": lid,
                    "address_1": address,
                    "city": row["city"],
                    "region": district,
                    "state_province": REGION,
                    "postal_code": row["postcode"],
                    "country": "CZ",
                    "address_type": "physical",
                }
            ],
            "accessibility": (
                [
                    _clean(
                        {
                            "id": stable_id("accessibility", lid),
                            "location_id": lid,
                            "description": "; ".join([*names, notes]).strip("; "),
                        }
                    )
                ]
                if names or notes
                else []
            ),
        }
    )


def organisation_from_row(row: Any, contacts: Any) -> dict[str, Any]:
    """An organisation from its row (``Organisation`` fields by attribute name) and its
    contacts."""
    oid = str(row["id"])
    ordered = ordered_contacts(contacts)
    data = _clean(
        {
            "id": oid,
            "name": row["name"],
            "description": row["description"],
            "website": row["website"],
            "email": _email(ordered),
            "legal_status": str(LegalForm(row["legal_form"]).label) if row["legal_form"] else "",
            "phones": _phones(ordered, "organization", oid),
            "organization_identifiers": (
                [
                    {
                        "id": stable_id("identifier", oid, row["ico"]),
                        "organization_id": oid,
                        "identifier_scheme": "CZ-ICO",
                        "identifier_type": "IČO",
                        "identifier": row["ico"],
                    }
                ]
                if row["ico"]
                else []
            ),
        }
    )
    data.setdefault("description", "")
    return data


def _row(obj: Any) -> dict[str, Any]:
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def location_dict(location: Location) -> dict[str, Any]:
    return location_from_row(
        _row(location),
        location.city_district.name if location.city_district else "",
        [f.localized("name", "cs").text for f in location.accessibility_features.all()],
    )


def organization_dict(
    organisation: Organisation, services: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    data = organisation_from_row(_row(organisation), organisation.contacts.all())
    if services is not None:
        data["services"] = services
    return data


def service_at_location_dict(link: ServiceAtLocation, with_location: bool = True) -> dict[str, Any]:
    lid = str(link.pk)
    data = _clean(
        {
            "id": lid,
            "service_id": str(link.service_id),
            "location_id": str(link.location_id),
            "description": link.note,
            "schedules": _schedules(list(link.openingrules.all()), "service_at_location", lid),
        }
    )
    if with_location:
        data["location"] = location_dict(link.location)
    return data
