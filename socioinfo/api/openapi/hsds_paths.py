"""The HSDS 3.0 endpoints we serve under /api/hsds/, with their real parameters (see
``socioinfo/api/filters.py``) and responses. Operation ids and summaries follow the official
HSDS document; descriptions say what this API does beyond it."""

from typing import Any

from django.utils.translation import gettext_noop as N_

from socioinfo.api.filters import MAX_PROXIMITY_M
from socioinfo.api.openapi import examples
from socioinfo.api.openapi.common import (
    BOOLEAN,
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
from socioinfo.api.taxonomies import TAXONOMIES

TAG = "HSDS 3.0"

SEARCH = query(
    "search",
    {"type": "string"},
    N_(
        "Words, as the portal's search reads them: Czech inflection, missing diacritics, typos "
        "and the thesaurus; results by relevance."
    ),
    example="dluhy",
)
TAXONOMY_TERM_ID = query(
    "taxonomy_term_id",
    UUID,
    N_("Services with this taxonomy term (a service type, form, target or age group)."),
)
TAXONOMY_ID = query(
    "taxonomy_id",
    {**UUID, "enum": [t.id for t in TAXONOMIES]},
    N_("Services with any term of this taxonomy."),
)
ORGANIZATION_ID = query("organization_id", UUID, N_("Services of this organisation."))
MODIFIED_AFTER = query(
    "modified_after",
    {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}]},
    N_("Changed on or after this ISO 8601 date or date-time (UTC when no offset is given)."),
    example="2026-01-01",
)
POSTCODE = query(
    "postcode",
    {"type": "string", "pattern": "^[0-9]{3} ?[0-9]{2}$"},
    N_("Services with a place with this Czech postcode (five digits, a space allowed)."),
    example="60200",
)
PROXIMITY = query(
    "proximity",
    {"type": "integer", "minimum": 1, "maximum": MAX_PROXIMITY_M},
    N_(
        "With postcode: places within this many metres of the centre of our places with that "
        "postcode. Without postcode it is a 400."
    ),
)
FULL = query(
    "full", BOOLEAN, N_("Nest more: the organisation in each service, the service in each place.")
)
FULL_SERVICE = query(
    "full_service", BOOLEAN, N_("List each organisation's published services, fully nested.")
)
SERVICE_FILTERS = [
    SEARCH,
    TAXONOMY_TERM_ID,
    TAXONOMY_ID,
    ORGANIZATION_ID,
    MODIFIED_AFTER,
    POSTCODE,
    PROXIMITY,
]


def _id(description: str) -> list[Schema]:
    return [path_parameter("id", UUID, description)]


def _operation(*args: Any, **kwargs: Any) -> dict[str, Any]:
    return get_operation(TAG, *args, **kwargs)


def hsds_paths() -> dict[str, Any]:
    """Path items under /hsds (the whole document's prefix for /api/hsds/)."""
    return {
        "/hsds/": _operation(
            "getAPIMetaInformation",
            N_("About this API"),
            N_("The HSDS version, and where the profile and this document are."),
            {"200": ok(ref("ApiInfo"), N_("About this API."), examples.API_INFO)},
            example={"queries": [""]},
        ),
        "/hsds/openapi.json": _operation(
            "getHsdsOpenApi",
            N_("This OpenAPI document (HSDS part)"),
            N_(
                "The HSDS endpoints with /api/hsds as the server, paths as in the HSDS API "
                "reference."
            ),
            {"200": ok(ref("OpenAPIDocument"), N_("An OpenAPI 3.1 document."))},
            example={"queries": [""]},
        ),
        "/hsds/profile": _operation(
            "getProfile",
            N_("The Czech profile"),
            N_(
                "Taxonomies (service types of Act 108/2006 Sb., forms, target and age groups) "
                "and the organisation identifier scheme (IČO)."
            ),
            {"200": ok(ref("Profile"), N_("The profile."), examples.PROFILE)},
            example={"queries": [""]},
        ),
        "/hsds/profile/{kind}/{name}.json": _operation(
            "getProfileFile",
            N_("A file of the Czech profile"),
            N_(
                "patches: one JSON Merge Patch (RFC 7386) of the profile as published; schemas: "
                "one schema of the profile, compiled (the official schema with its patch)."
            ),
            {
                "200": ok(
                    {"type": "object", "description": "A JSON Schema or a JSON Merge Patch."},
                    N_("The file."),
                ),
                **errors(404),
            },
            [
                path_parameter(
                    "kind", {"type": "string", "enum": ["patches", "schemas"]}, N_("Which file.")
                ),
                path_parameter(
                    "name",
                    {"type": "string", "pattern": "^[a-z_]+$"},
                    N_("The object's name, e.g. service."),
                ),
            ],
            example={"paths": ["/hsds/profile/patches/service.json"]},
        ),
        "/hsds/services": _operation(
            "getPaginatedListOfServices",
            N_("Services"),
            N_(
                "Published services, fully nested except the organisation (full=true adds it). "
                "Filters combine with AND. minimal=true lists ids and modification times only."
            ),
            {
                "200": list_ok(
                    {"anyOf": [ref("service"), ref("ServiceMinimal")]},
                    N_("A page of services."),
                    examples.page_of(examples.HSDS_SERVICE),
                ),
                **errors(400),
            },
            [
                *SERVICE_FILTERS,
                query(
                    "minimal",
                    BOOLEAN,
                    N_("Only id and last_modified of each service (aim for one big page)."),
                ),
                FULL,
                *LIST_PARAMETERS,
            ],
            example={
                "queries": [
                    "per_page=2",
                    "search=dluhy&per_page=5",
                    "postcode=60200&proximity=1500",
                    "minimal=true&per_page=500",
                ]
            },
        ),
        "/hsds/services/{id}": _operation(
            "getFullyNestedServiceById",
            N_("One service"),
            N_("A published service, fully nested with its organisation, places and schedules."),
            {
                "200": ok(ref("service"), N_("The service."), examples.HSDS_SERVICE_FULL),
                **errors(404),
            },
            _id(N_("The service's id.")),
            example={"id": "service"},
        ),
        "/hsds/organizations": _operation(
            "getPaginatedListOfOrganizations",
            N_("Organisations"),
            N_("Organisations with at least one published service; IČO as the identifier."),
            {
                "200": list_ok(
                    ref("organization"),
                    N_("A page of organisations."),
                    examples.page_of(examples.HSDS_ORGANIZATION),
                ),
                **errors(400),
            },
            [
                query("search", {"type": "string"}, N_("Part of the organisation's name.")),
                FULL_SERVICE,
                query("full", BOOLEAN, N_("Accepted; organisations are always complete.")),
                *LIST_PARAMETERS,
            ],
            example={"queries": ["per_page=5", "full_service=true&per_page=1"]},
        ),
        "/hsds/organizations/{id}": _operation(
            "getOrganizationById",
            N_("One organisation"),
            N_("An organisation with its published services, fully nested."),
            {
                "200": ok(ref("organization"), N_("The organisation."), examples.HSDS_ORGANIZATION),
                **errors(400, 404),
            },
            [
                *_id(N_("The organisation's id.")),
                query("full_service", BOOLEAN, N_("Accepted; services are always listed.")),
            ],
            example={"id": "organization"},
        ),
        "/hsds/service_at_locations": _operation(
            "getPaginatedListOfServiceAtLocation",
            N_("Services at locations"),
            N_(
                "Each place of each published service, with the location, address and weekly "
                "schedules; the service filters apply to the services, postcode and proximity "
                "to the places."
            ),
            {
                "200": list_ok(
                    ref("service_at_location"),
                    N_("A page of services at locations."),
                    examples.page_of(examples.HSDS_SERVICE_AT_LOCATION),
                ),
                **errors(400),
            },
            [*SERVICE_FILTERS, FULL, *LIST_PARAMETERS],
            example={"queries": ["per_page=2", "postcode=60200&proximity=1500&per_page=5"]},
        ),
        "/hsds/service_at_locations/{id}": _operation(
            "getServiceAtLocationById",
            N_("One service at a location"),
            N_("A place of a published service with its location and schedules."),
            {
                "200": ok(
                    ref("service_at_location"),
                    N_("The service at the location."),
                    examples.HSDS_SERVICE_AT_LOCATION,
                ),
                **errors(404),
            },
            _id(N_("The id of the service at the location.")),
            example={"id": "service_at_location"},
        ),
        "/hsds/taxonomies": _operation(
            "getPaginatedListOfTaxonomies",
            N_("Taxonomies"),
            N_("The four Czech taxonomies of the profile."),
            {
                "200": list_ok(
                    ref("taxonomy"),
                    N_("A page of taxonomies."),
                    examples.page_of(examples.HSDS_TAXONOMY),
                ),
                **errors(400),
            },
            LIST_PARAMETERS,
            example={"queries": [""]},
        ),
        "/hsds/taxonomies/{id}": _operation(
            "getTaxonomyById",
            N_("One taxonomy"),
            N_("A taxonomy of the profile."),
            {
                "200": ok(ref("taxonomy"), N_("The taxonomy."), examples.HSDS_TAXONOMY),
                **errors(404),
            },
            _id(N_("The taxonomy's id.")),
            example={"id": "taxonomy"},
        ),
        "/hsds/taxonomy_terms": _operation(
            "getPaginatedListOfTaxonomyTerms",
            N_("Taxonomy terms"),
            N_("Terms of the profile's taxonomies, parents before children."),
            {
                "200": list_ok(
                    ref("taxonomy_term"),
                    N_("A page of taxonomy terms."),
                    examples.page_of(examples.HSDS_TAXONOMY_TERM),
                ),
                **errors(400),
            },
            [
                query("taxonomy_id", UUID, N_("Terms of this taxonomy.")),
                query("parent_id", UUID, N_("Children of this term.")),
                query("top_only", BOOLEAN, N_("Only terms without a parent.")),
                query(
                    "search",
                    {"type": "string"},
                    N_("Part of the term's name or code (e.g. §37)."),
                    example="poradenství",
                ),
                *LIST_PARAMETERS,
            ],
            example={"queries": ["top_only=true", "search=poradenství"]},
        ),
        "/hsds/taxonomy_terms/{id}": _operation(
            "getTaxonomyTermById",
            N_("One taxonomy term"),
            N_("A term of a profile taxonomy."),
            {
                "200": ok(ref("taxonomy_term"), N_("The term."), examples.HSDS_TAXONOMY_TERM),
                **errors(404),
            },
            _id(N_("The term's id.")),
            example={"id": "taxonomy_term"},
        ),
    }


HSDS_SCHEMAS: dict[str, Schema] = {
    "ApiInfo": {
        "type": "object",
        "required": ["version", "profile", "openapi_url"],
        "properties": {
            "version": {"type": "string", "description": "HSDS version of this API."},
            "profile": {"type": "string", "format": "uri"},
            "openapi_url": {"type": "string", "format": "uri"},
        },
    },
    "Profile": {
        "type": "object",
        "description": "The Czech profile: its taxonomies, identifier scheme, and the JSON "
        "Merge Patches over the official schemas with the schemas they compile to.",
        "required": ["name", "taxonomies"],
        "properties": {
            "name": {"type": "string"},
            "title": {"type": "string"},
            "version": {"type": "string"},
            "base": {"type": ["object", "string"]},
            "taxonomies": {"type": "array", "items": ref("taxonomy")},
            "patches": {
                "type": "object",
                "additionalProperties": {"type": "string", "format": "uri"},
            },
            "schemas": {
                "type": "object",
                "additionalProperties": {"type": "string", "format": "uri"},
            },
        },
    },
    "ServiceMinimal": {
        "type": "object",
        "description": "A service with minimal=true.",
        "required": ["id", "last_modified"],
        "properties": {
            "id": UUID,
            "last_modified": {"type": "string", "format": "date-time"},
        },
        "additionalProperties": False,
    },
}
