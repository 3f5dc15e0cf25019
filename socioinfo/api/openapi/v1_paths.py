"""Socioinfo's own versioned API under /api/v1/: services with opening hours and "open now",
city districts, life situations, and the exports (GeoJSON; CSV and XLSX for staff)."""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_noop as N_

from socioinfo.api import v1, v1_data
from socioinfo.api.openapi import examples
from socioinfo.api.openapi.common import (
    BOOLEAN,
    CORS,
    LIST_PARAMETERS,
    UUID,
    Schema,
    errors,
    get_operation,
    list_ok,
    ok,
    path_parameter,
    query,
    ref,
)
from socioinfo.directory.models.taxonomy import CapacityUnit, ServiceForm

TAG = "Socioinfo v1"
EXPORTS = "Exports"
STAFF = "Staff exports"

LANG = query(
    "lang",
    {"type": "string", "enum": v1.LANGUAGES, "default": settings.LANGUAGE_CODE},
    N_("Language of names and texts; a text not yet translated is given in Czech."),
    example="en",
)
AT = query(
    "at",
    {"type": "string", "format": "date-time"},
    N_(
        "Answer open_now for this moment instead of now: an ISO 8601 date-time, Prague time "
        "when it has no offset, years 1900 to 2100."
    ),
    example="2026-11-24T10:30:00+01:00",
)
GEOMETRY = query("geometry", BOOLEAN, N_("Include the outline as a GeoJSON geometry (WGS 84)."))
STRING_OR_NULL: Schema = {"type": ["string", "null"]}
CODE: Schema = {
    "type": "object",
    "required": ["slug", "name"],
    "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
}
LINKS: Schema = {
    "type": "object",
    "additionalProperties": {"type": "string", "format": "uri"},
}
TIME: Schema = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"}


def _code_filter(name: str, description: str) -> Schema:
    """A code-list filter; its values are listed while the code list has any."""
    keys = v1_data.filter_keys(name)
    return query(name, {"type": "string", **({"enum": keys} if keys else {})}, description)


def _operation(*args: Any, tag: str = TAG, **kwargs: Any) -> dict[str, Any]:
    return get_operation(tag, *args, **kwargs)


def _file(media_type: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
    }


def v1_paths() -> dict[str, Any]:
    """Path items under /v1 (the whole document's prefix for /api/v1/)."""
    return {
        "/v1/openapi.json": _operation(
            "getV1OpenApi",
            N_("This OpenAPI document (version 1 part)"),
            N_("The version 1 endpoints and exports with /api/v1 as the server."),
            {"200": ok(ref("OpenAPIDocument"), N_("An OpenAPI 3.1 document."))},
            example={"queries": [""]},
        ),
        "/v1/services": _operation(
            "listServices",
            N_("Services with opening hours"),
            N_(
                "Published services in Socioinfo's own shape: places, weekly opening hours and "
                "dated exceptions in Europe/Prague time, and whether each is open now (or at "
                "the moment given by at). Filters combine with AND; the code-list filters take "
                "the keys the portal's search uses."
            ),
            {
                "200": list_ok(
                    ref("V1Service"),
                    N_("A page of services."),
                    examples.page_of(examples.V1_SERVICE),
                ),
                **errors(400),
            },
            [
                query(
                    "search",
                    {"type": "string"},
                    N_("Words, read as the portal's search reads them; results by relevance."),
                    example="dluhy",
                ),
                query(
                    "open_now",
                    BOOLEAN,
                    N_("Only services open now (or at the moment given by at)."),
                    example=True,
                ),
                AT,
                _code_filter("situation", N_("Services that help in this life situation.")),
                _code_filter("service_type", N_("Services of this type (its slug).")),
                _code_filter("target_group", N_("Services for this target group (its slug).")),
                _code_filter(
                    "district",
                    N_("Services with a place in or serving this city district (its code)."),
                ),
                query(
                    "form",
                    {"type": "string", "enum": list(ServiceForm.values)},
                    N_("Services provided in this form."),
                ),
                _code_filter(
                    "language", N_("Services whose staff speak this language (ISO 639-1).")
                ),
                _code_filter("accessibility", N_("Services with this accessibility feature.")),
                LANG,
                *LIST_PARAMETERS,
            ],
            example={
                "queries": [
                    "per_page=2",
                    "open_now=true&per_page=5",
                    "open_now=true&at=2026-11-24T10:30:00%2B01:00&per_page=5",
                    "situation=dluhy&lang=en",
                    "district=551210&form=field",
                ]
            },
        ),
        "/v1/services/{id}": _operation(
            "getService",
            N_("One service with opening hours"),
            N_("A published service in Socioinfo's own shape."),
            {
                "200": ok(ref("V1Service"), N_("The service."), examples.V1_SERVICE),
                **errors(400, 404),
            },
            [path_parameter("id", UUID, N_("The service's id.")), AT, LANG],
            example={"id": "service"},
        ),
        "/v1/districts": _operation(
            "listDistricts",
            N_("City districts"),
            N_(
                "City districts with their population and the number of published services "
                "with a place there or serving them."
            ),
            {
                "200": list_ok(
                    ref("V1District"),
                    N_("A page of city districts."),
                    examples.page_of(examples.V1_DISTRICT),
                ),
                **errors(400),
            },
            [GEOMETRY, *LIST_PARAMETERS],
            example={"queries": ["", "geometry=true&per_page=1"]},
        ),
        "/v1/districts/{code}": _operation(
            "getDistrict",
            N_("One city district"),
            N_("A city district by its official code."),
            {
                "200": ok(ref("V1District"), N_("The city district."), examples.V1_DISTRICT),
                **errors(400, 404),
            },
            [
                path_parameter(
                    "code",
                    {"type": "string", "pattern": "^[0-9]{6}$"},
                    N_("The district's official six-digit code."),
                ),
                GEOMETRY,
            ],
            example={"id": "district"},
        ),
        "/v1/life_situations": _operation(
            "listLifeSituations",
            N_("Life situations"),
            N_(
                "The portal's life situations with the service types and target groups that "
                "help, and the number of published services that match."
            ),
            {
                "200": list_ok(
                    ref("V1LifeSituation"),
                    N_("A page of life situations."),
                    examples.page_of(examples.V1_LIFE_SITUATION),
                ),
                **errors(400),
            },
            [LANG, *LIST_PARAMETERS],
            example={"queries": ["", "lang=uk"]},
        ),
        "/v1/life_situations/{slug}": _operation(
            "getLifeSituation",
            N_("One life situation"),
            N_("A life situation by its slug."),
            {
                "200": ok(
                    ref("V1LifeSituation"), N_("The life situation."), examples.V1_LIFE_SITUATION
                ),
                **errors(400, 404),
            },
            [
                path_parameter(
                    "slug",
                    {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    N_("The life situation's slug."),
                ),
                LANG,
            ],
            example={"id": "situation"},
        ),
        "/v1/services.geojson": _operation(
            "getServicesGeoJSON",
            N_("Places of services as GeoJSON"),
            N_("Every place of every published service as a GeoJSON point (RFC 7946), streamed."),
            {
                "200": {
                    "description": N_("A GeoJSON FeatureCollection."),
                    "headers": CORS,
                    "content": {"application/geo+json": {"schema": ref("ServicesGeoJSON")}},
                }
            },
            tag=EXPORTS,
            example={"queries": [""]},
        ),
        "/v1/hsds-datapackage.zip": _operation(
            "getHsdsDatapackage",
            N_("The directory as an HSDS data package"),
            N_(
                "Every published record as the HSDS 3.0 tabular data package (CSV files and "
                "datapackage.json) in one zip, for loading into other systems."
            ),
            {"200": {**_file("application/zip", N_("A zip file.")), "headers": CORS}},
            tag=EXPORTS,
            example={"queries": [""]},
        ),
        "/v1/staff/services.csv": _operation(
            "getStaffServicesCSV",
            N_("Every service as CSV (staff)"),
            N_("One row per service, unpublished ones included; for logged-in staff only."),
            {
                "200": _file("text/csv", N_("A CSV table (UTF-8).")),
                **errors(403),
            },
            tag=STAFF,
        ),
        "/v1/staff/services.xlsx": _operation(
            "getStaffServicesXLSX",
            N_("Every service as XLSX (staff)"),
            N_("The same table as an Excel workbook; for logged-in staff only."),
            {
                "200": _file(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    N_("An Excel workbook."),
                ),
                **errors(403),
            },
            tag=STAFF,
        ),
    }


def _hours() -> Schema:
    return {
        "type": "object",
        "description": "Opening hours in local time: weekly rules and dated exceptions.",
        "required": ["time_zone", "weekly", "exceptions"],
        "properties": {
            "time_zone": {"type": "string", "enum": [v1_data.TIME_ZONE]},
            "weekly": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["day", "opens", "closes", "overnight"],
                    "properties": {
                        "day": {"type": "string", "enum": v1_data.DAYS},
                        "opens": TIME,
                        "closes": TIME,
                        "overnight": {
                            "type": "boolean",
                            "description": "Closes after midnight, on the next day.",
                        },
                        "valid_from": {"type": ["string", "null"], "format": "date"},
                        "valid_to": {"type": ["string", "null"], "format": "date"},
                        "note": {"type": "string"},
                    },
                },
            },
            "exceptions": {
                "type": "array",
                "description": "Dates from today on with other hours than usual.",
                "items": {
                    "type": "object",
                    "required": ["date", "closed"],
                    "properties": {
                        "date": {"type": "string", "format": "date"},
                        "closed": {"type": "boolean"},
                        "opens": {"anyOf": [TIME, {"type": "null"}]},
                        "closes": {"anyOf": [TIME, {"type": "null"}]},
                        "note": {"type": "string"},
                    },
                },
            },
        },
    }


def _district_ref() -> Schema:
    return {
        "type": "object",
        "required": ["code", "name"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
    }


V1_SCHEMAS: dict[str, Schema] = {
    "OpeningHours": _hours(),
    "DistrictRef": _district_ref(),
    "V1Service": {
        "type": "object",
        "required": [
            "id",
            "name",
            "organization",
            "forms",
            "target_groups",
            "languages",
            "districts",
            "open_now",
            "opening_hours",
            "places",
            "links",
        ],
        "properties": {
            "id": UUID,
            "name": {"type": "string"},
            "description": {"type": "string"},
            "eligibility": {"type": "string"},
            "fees": {"type": "string"},
            "free_of_charge": {"type": "boolean"},
            "organization": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                    "id": UUID,
                    "name": {"type": "string"},
                    "ico": {"type": ["string", "null"], "pattern": "^[0-9]{8}$"},
                },
            },
            "service_type": {
                "anyOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "required": ["slug", "name"],
                        "properties": {
                            "slug": {"type": "string"},
                            "section": {
                                **STRING_OR_NULL,
                                "description": "Section of Act 108/2006 Sb., e.g. §37.",
                            },
                            "name": {"type": "string"},
                        },
                    },
                ]
            },
            "forms": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["form"],
                    "properties": {
                        "form": {"type": "string", "enum": list(ServiceForm.values)},
                        "capacity": {"type": ["integer", "null"], "minimum": 0},
                        "capacity_unit": {
                            "anyOf": [
                                {"type": "string", "enum": list(CapacityUnit.values)},
                                {"type": "null"},
                            ]
                        },
                        "non_stop": {"type": "boolean"},
                    },
                },
            },
            "target_groups": {"type": "array", "items": CODE},
            "languages": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "name"],
                    "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
                },
            },
            "districts": {"type": "array", "items": ref("DistrictRef")},
            "contacts": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["kind", "value"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["phone", "email", "web"]},
                        "value": {"type": "string"},
                        "note": {"type": "string"},
                    },
                },
            },
            "last_verified": {"type": ["string", "null"], "format": "date"},
            "open_now": {
                "type": "boolean",
                "description": (
                    "Open at the moment asked (now by default), exceptions included: by the "
                    "service's own hours or those of any of its places."
                ),
            },
            "opening_hours": ref("OpeningHours"),
            "places": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "location_id", "address", "open_now", "opening_hours"],
                    "properties": {
                        "id": {**UUID, "description": "The service at location's id."},
                        "location_id": UUID,
                        "name": {"type": "string"},
                        "address": {"type": "string"},
                        "street": {"type": "string"},
                        "postcode": {"type": "string"},
                        "city": {"type": "string"},
                        "district": {"anyOf": [ref("DistrictRef"), {"type": "null"}]},
                        "latitude": {"type": ["number", "null"]},
                        "longitude": {"type": ["number", "null"]},
                        "note": {"type": "string"},
                        "open_now": {
                            "type": ["boolean", "null"],
                            "description": (
                                "Open at the moment asked by this place's own hours; null "
                                "when the place has none recorded."
                            ),
                        },
                        "opening_hours": ref("OpeningHours"),
                    },
                },
            },
            "links": LINKS,
        },
    },
    "V1District": {
        "type": "object",
        "required": ["code", "name", "level", "services", "links"],
        "properties": {
            "code": {"type": "string"},
            "name": {"type": "string"},
            "level": {"type": "string", "enum": ["city_district"]},
            "municipality": {"anyOf": [ref("DistrictRef"), {"type": "null"}]},
            "population": {"type": ["integer", "null"], "minimum": 0},
            "population_year": {"type": ["integer", "null"]},
            "services": {
                "type": "integer",
                "minimum": 0,
                "description": "Published services with a place in or serving the district.",
            },
            "links": LINKS,
            "geometry": {
                "type": ["object", "null"],
                "description": "With geometry=true: a GeoJSON Polygon or MultiPolygon.",
            },
        },
    },
    "V1LifeSituation": {
        "type": "object",
        "required": [
            "slug",
            "name",
            "summary",
            "service_types",
            "target_groups",
            "services",
            "links",
        ],
        "properties": {
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "summary": {"type": "string"},
            "service_types": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["slug", "name"],
                    "properties": {
                        "slug": {"type": "string"},
                        "section": STRING_OR_NULL,
                        "name": {"type": "string"},
                    },
                },
            },
            "target_groups": {"type": "array", "items": CODE},
            "services": {"type": "integer", "minimum": 0},
            "links": LINKS,
        },
    },
    "ServicesGeoJSON": {
        "type": "object",
        "required": ["type", "features"],
        "properties": {
            "type": {"const": "FeatureCollection"},
            "features": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["type", "id", "geometry", "properties"],
                    "properties": {
                        "type": {"const": "Feature"},
                        "id": UUID,
                        "geometry": {
                            "type": "object",
                            "required": ["type", "coordinates"],
                            "properties": {
                                "type": {"const": "Point"},
                                "coordinates": {
                                    "type": "array",
                                    "items": {"type": "number"},
                                    "minItems": 2,
                                    "maxItems": 2,
                                },
                            },
                        },
                        "properties": {
                            "type": "object",
                            "required": ["service_id", "name", "url"],
                            "properties": {
                                "service_id": UUID,
                                "name": {"type": "string"},
                                "service_type": {"type": "string"},
                                "paragraph": {"type": "string"},
                                "organization": {"type": "string"},
                                "address": {"type": "string"},
                                "city_district": {"type": "string"},
                                "url": {"type": "string", "format": "uri"},
                            },
                        },
                    },
                },
            },
        },
    },
}
