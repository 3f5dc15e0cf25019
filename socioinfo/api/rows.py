"""HSDS services built from plain rows, without Django model instances, so details, lists
and the ndjson export stay fast at 100,000 services. Code lists are read once per batch;
everything else in one query per relation. Locations and organisations are built by the
same functions as the other endpoints (``hsds.location_from_row``, ``organisation_from_row``)."""

import datetime
from collections import defaultdict
from types import SimpleNamespace
from typing import Any

from socioinfo.api import hsds
from socioinfo.api.taxonomies import (
    AGE_GROUPS,
    FORMS,
    SERVICE_TYPES,
    TARGET_GROUPS,
    form_term_id,
    stable_id,
)
from socioinfo.areas.models import Area
from socioinfo.directory.models import (
    AgeGroup,
    ContactPoint,
    Language,
    Location,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceStatus,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.models.taxonomy import AccessibilityFeature, CapacityUnit, ServiceForm


def _grouped(rows: Any, key: str) -> dict[Any, list[dict[str, Any]]]:
    found: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        found[row[key]].append(row)
    return found


def _rules(rows: list[dict[str, Any]]) -> list[Any]:
    return [SimpleNamespace(**row) for row in rows]


def _contacts(rows: list[dict[str, Any]]) -> list[Any]:
    return hsds.ordered_contacts(SimpleNamespace(pk=row["id"], **row) for row in rows)


def service_dicts(ids: list[Any]) -> list[dict[str, Any]]:
    services = {row["id"]: row for row in Service.objects.filter(pk__in=ids).values()}
    types = {t.pk: t for t in ServiceType.objects.all()}
    groups = {g.pk: g for g in TargetGroup.objects.all()}
    ages = {a.pk: a for a in AgeGroup.objects.all()}
    languages = {lang.pk: lang for lang in Language.objects.all()}
    features = {f.pk: f for f in AccessibilityFeature.objects.all()}
    forms = dict(ServiceForm.choices)
    units = dict(CapacityUnit.choices)

    def related(through: Any, field: str) -> dict[Any, list[Any]]:
        found: dict[Any, list[Any]] = defaultdict(list)
        for service_id, value in through.objects.filter(service_id__in=ids).values_list(
            "service_id", field
        ):
            found[service_id].append(value)
        return found

    group_ids = related(Service.target_groups.through, "targetgroup_id")
    age_ids = related(Service.age_groups.through, "agegroup_id")
    language_ids = related(Service.languages.through, "language_id")
    area_ids = related(Service.areas_served.through, "area_id")
    areas = {
        a["id"]: a
        for a in Area.objects.filter(pk__in={i for v in area_ids.values() for i in v}).values(
            "id", "name", "level", "code"
        )
    }
    offers = _grouped(
        ServiceFormOffer.objects.filter(service_id__in=ids).order_by("form").values(), "service_id"
    )
    contacts = _grouped(ContactPoint.objects.filter(service_id__in=ids).values(), "service_id")
    own_rules = _grouped(OpeningRule.objects.filter(service_id__in=ids).values(), "service_id")
    links = _grouped(
        ServiceAtLocation.objects.filter(service_id__in=ids).order_by("pk").values(), "service_id"
    )
    link_ids = [link["id"] for rows in links.values() for link in rows]
    link_rules = _grouped(
        OpeningRule.objects.filter(service_at_location_id__in=link_ids).values(),
        "service_at_location_id",
    )
    location_ids = {link["location_id"] for rows in links.values() for link in rows}
    locations = {row["id"]: row for row in Location.objects.filter(pk__in=location_ids).values()}
    districts = {
        a["id"]: a["name"]
        for a in Area.objects.filter(
            pk__in={row["city_district_id"] for row in locations.values()}
        ).values("id", "name")
    }
    location_features: dict[Any, list[Any]] = defaultdict(list)
    for location_id, feature_id in Location.accessibility_features.through.objects.filter(
        location_id__in=location_ids
    ).values_list("location_id", "accessibilityfeature_id"):
        location_features[location_id].append(features[feature_id])
    organisation_ids = {row["organisation_id"] for row in services.values()}
    organisations = {
        row["id"]: row for row in Organisation.objects.filter(pk__in=organisation_ids).values()
    }
    organisation_contacts = _grouped(
        ContactPoint.objects.filter(organisation_id__in=organisation_ids).values(),
        "organisation_id",
    )

    result = []
    for pk in ids:
        row = services.get(pk)
        if row is None:
            continue
        sid = str(pk)
        own_contacts = _contacts(contacts.get(pk, []))
        service_ages = [ages[i] for i in age_ids.get(pk, [])]
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
        for offer in offers.get(pk, []):
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
            (groups[i] for i in group_ids.get(pk, [])), key=lambda g: (g.order, g.name)
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
            (languages[i] for i in language_ids.get(pk, [])), key=lambda lang: lang.name
        )
        service_areas = sorted(
            (areas[i] for i in area_ids.get(pk, [])), key=lambda a: (a["level"], a["name"])
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
                "schedules": hsds._schedules(_rules(own_rules.get(pk, [])), "service", sid),
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
                    for link in sorted(links.get(pk, []), key=lambda x: str(x["id"]))
                ],
                "attributes": attributes,
                "capacities": [
                    {
                        "id": stable_id("capacity", sid, offer["form"]),
                        "service_id": sid,
                        "unit": {
                            "id": stable_id("unit", offer["capacity_unit"]),
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
                    for offer in offers.get(pk, [])
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
