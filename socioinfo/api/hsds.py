"""Directory records as Open Referral HSDS 3.0 objects (validated against the official
schemas by the tests). Objects HSDS has and we keep inside another row (phones, addresses,
weekly schedules, languages, attributes) get stable UUIDv5 ids derived from their owner."""

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, QuerySet

from socioinfo.api.taxonomies import (
    AGE_GROUPS,
    FORMS,
    SERVICE_TYPES,
    TARGET_GROUPS,
    Taxonomy,
    form_term_id,
    stable_id,
)
from socioinfo.directory.models import (
    Location,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceStatus,
)

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
    for (opens, closes, valid_from, valid_to, note), same in sorted(
        grouped.items(), key=lambda item: (min(r.weekday for r in item[1]), item[0][0])
    ):
        days = ",".join(DAYS[d] for d in sorted({r.weekday for r in same}))
        schedules.append(
            _clean(
                {
                    "id": stable_id("schedule", owner_id, days, opens, closes, valid_from),
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


def location_dict(location: Location) -> dict[str, Any]:
    lid = str(location.pk)
    features = sorted(f.localized("name", "cs").text for f in location.accessibility_features.all())
    accessibility = []
    if features or location.accessibility_notes:
        accessibility.append(
            _clean(
                {
                    "id": stable_id("accessibility", lid),
                    "location_id": lid,
                    "description": "; ".join([*features, location.accessibility_notes]).strip("; "),
                }
            )
        )
    return _clean(
        {
            "id": lid,
            "location_type": "physical",
            "organization_id": str(location.organisation_id),
            "name": location.name or location.address,
            "transportation": location.transport_notes,
            "latitude": location.latitude,
            "longitude": location.longitude,
            "external_identifier": location.address_point_code,
            "external_identifier_type": "RÚIAN" if location.address_point_code else None,
            "addresses": [
                {
                    "id": stable_id("address", lid),
                    "location_id": lid,
                    "address_1": f"{location.street} {location.house_number}".strip(),
                    "city": location.city,
                    "region": location.city_district.name if location.city_district else "",
                    "state_province": REGION,
                    "postal_code": location.postcode,
                    "country": "CZ",
                    "address_type": "physical",
                }
            ],
            "accessibility": accessibility,
        }
    )


def organization_dict(
    organisation: Organisation, services: list[Service] | None = None
) -> dict[str, Any]:
    oid = str(organisation.pk)
    contacts = ordered_contacts(organisation.contacts.all())
    data = _clean(
        {
            "id": oid,
            "name": organisation.name,
            "description": organisation.description,
            "website": organisation.website,
            "email": _email(contacts),
            "legal_status": organisation.get_legal_form_display()
            if organisation.legal_form
            else "",
            "phones": _phones(contacts, "organization", oid),
            "organization_identifiers": (
                [
                    {
                        "id": stable_id("identifier", oid, organisation.ico),
                        "organization_id": oid,
                        "identifier_scheme": "CZ-ICO",
                        "identifier_type": "IČO",
                        "identifier": organisation.ico,
                    }
                ]
                if organisation.ico
                else []
            ),
        }
    )
    data.setdefault("description", "")
    if services is not None:
        data["services"] = [service_dict(s, with_organization=False) for s in services]
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


def service_dict(service: Service, with_organization: bool = True) -> dict[str, Any]:
    sid = str(service.pk)
    contacts = ordered_contacts(service.contacts.all())
    ages = sorted(service.age_groups.all(), key=lambda a: (a.order, a.name))
    attributes = []
    if service.service_type is not None:
        t = service.service_type
        attributes.append(_attribute(sid, str(t.pk), t.paragraph or t.slug, t.name, SERVICE_TYPES))
    offers = sorted(service.forms.all(), key=lambda o: o.form)
    for offer in offers:
        attributes.append(
            _attribute(sid, form_term_id(offer.form), offer.form, offer.get_form_display(), FORMS)
        )
    for g in sorted(service.target_groups.all(), key=lambda g: (g.order, g.name)):
        attributes.append(
            _attribute(sid, str(g.pk), g.registry_code or g.slug, g.name, TARGET_GROUPS)
        )
    for a in ages:
        attributes.append(_attribute(sid, str(a.pk), a.slug, a.name, AGE_GROUPS))
    minimum = [a.min_age for a in ages if a.min_age is not None]
    maximum = [a.max_age for a in ages if a.max_age is not None]
    open_ended = any(a.max_age is None for a in ages)
    data = _clean(
        {
            "id": sid,
            "organization_id": str(service.organisation_id),
            "name": service.name,
            "description": service.description,
            "email": _email(contacts),
            "status": "active" if service.status == ServiceStatus.ACTIVE else "inactive",
            "fees_description": service.fees or ("zdarma" if service.is_free else ""),
            "eligibility_description": service.eligibility,
            "minimum_age": min(minimum) if minimum else None,
            "maximum_age": max(maximum) if maximum and not open_ended else None,
            "assured_date": service.last_verified_on.isoformat()
            if service.last_verified_on
            else None,
            "last_modified": service.updated_at.astimezone(datetime.UTC).isoformat(),
            "phones": _phones(contacts, "service", sid),
            "schedules": _schedules(list(service.openingrules.all()), "service", sid),
            "service_areas": [
                {
                    "id": stable_id("service_area", sid, area.pk),
                    "service_id": sid,
                    "name": area.name,
                    "extent_type": "geojson",
                    "uri": f"urn:cz:area:{area.level}:{area.code}",
                }
                for area in sorted(service.areas_served.all(), key=lambda a: (a.level, a.name))
            ],
            "languages": [
                {
                    "id": stable_id("language", sid, lang.code),
                    "service_id": sid,
                    "name": lang.localized("name", "en").text,
                    "code": lang.code,
                }
                for lang in sorted(service.languages.all(), key=lambda lang: lang.name)
            ],
            "service_at_locations": [
                service_at_location_dict(link)
                for link in sorted(service.service_at_locations.all(), key=lambda x: str(x.pk))
            ],
            "attributes": attributes,
            # HSDS 3.1 service_capacity, one per form of provision with its registered unit.
            "service_capacity": [
                {
                    "id": stable_id("capacity", sid, offer.form),
                    "service_id": sid,
                    "unit": {
                        "id": stable_id("unit", offer.capacity_unit),
                        "name": offer.get_capacity_unit_display(),
                        "scheme": "TypKapacitySocialniSluzby",
                        "identifier": offer.capacity_unit,
                    },
                    "maximum": offer.capacity,
                    "description": f"{offer.get_form_display()}; {offer.capacity_note}".strip("; "),
                    "updated": service.updated_at.astimezone(datetime.UTC).isoformat(),
                }
                for offer in offers
                if offer.capacity is not None and offer.capacity_unit
            ],
        }
    )
    if with_organization:
        data["organization"] = organization_dict(service.organisation)
    return data


def services_for_api(queryset: QuerySet[Service]) -> QuerySet[Service]:
    """Everything ``service_dict`` reads, in a fixed number of queries."""
    return queryset.select_related("organisation", "service_type").prefetch_related(
        "contacts",
        "organisation__contacts",
        "openingrules",
        "forms",
        "target_groups",
        "age_groups",
        "languages",
        Prefetch("areas_served", queryset=_areas()),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location", "location__city_district")
            .defer("location__city_district__geometry")
            .prefetch_related("openingrules", "location__accessibility_features"),
        ),
    )


def _areas() -> Any:
    from socioinfo.areas.models import Area

    return Area.objects.defer("geometry")
