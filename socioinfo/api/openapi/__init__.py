"""Our own OpenAPI 3.1 document, generated in code from the official HSDS 3.0 document: every
``$ref`` local, every endpoint we serve under /api/hsds/ and /api/v1/ with its real
parameters and responses, and the Czech profile.

One document describes the whole API with ``{origin}/api`` as its server (paths ``/hsds/…``
and ``/v1/…``); it is served at /api/openapi.json and is what the docs page and the contract
tests read. Each part is also served on its own, rebased on its prefix, at
/api/hsds/openapi.json (paths as in the HSDS API reference, for HSDS tools) and
/api/v1/openapi.json."""

import copy
from typing import Any, Literal

from socioinfo.api.openapi.common import CORS_HEADER, PARAMETERS, RESPONSES, SCHEMAS
from socioinfo.api.openapi.hsds_paths import HSDS_SCHEMAS, hsds_paths
from socioinfo.api.openapi.hsds_schemas import hsds_schemas, official_openapi
from socioinfo.api.openapi.v1_paths import V1_SCHEMAS, v1_paths

Part = Literal["all", "hsds", "v1"]
PREFIXES = {"hsds": "/hsds", "v1": "/v1"}

DESCRIPTION = """\
Open data of Socioinfo, the directory of social services of the city of Brno: published
records only, readable by anyone (no key, CORS open, GET only).

* `/api/hsds/`: the directory as Open Referral HSDS 3.0 with the Czech profile: taxonomies of
  the service types of Act 108/2006 Sb. (code = section), forms of provision, target groups
  and age groups attached to services as `attributes`; IČO as the organisation identifier
  (`identifier_scheme` `CZ-ICO`); weekly hours as schedules in Europe/Prague time; capacity
  per form as HSDS 3.1 `service_capacity` with its `unit`.
* `/api/v1/`: Socioinfo's own shape, versioned: services with opening hours and "open now",
  city districts, life situations; exports.

Lists come in the HSDS `Page` envelope (`per_page` 1–500, default 50) or, with
`format=ndjson`, as every match one JSON object a line. A parameter that cannot be read gets
a 400 with `{"error": "…"}` saying what to fix; an unknown id a 404 with the same body."""


def _paths() -> dict[str, Any]:
    return {
        "/openapi.json": {
            "get": {
                "tags": ["Documents"],
                "operationId": "getOpenApi",
                "summary": "This OpenAPI document (the whole API)",
                "description": "Every endpoint under /api/hsds/ and /api/v1/.",
                "parameters": [],
                "responses": {
                    "200": {
                        "description": "An OpenAPI 3.1 document.",
                        "headers": {"Access-Control-Allow-Origin": CORS_HEADER},
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/OpenAPIDocument"}
                            }
                        },
                    }
                },
                "x-example-requests": {"queries": [""]},
            }
        },
        **hsds_paths(),
        **v1_paths(),
    }


def _rebase(paths: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The paths under ``prefix``, with the prefix taken off (``/hsds/`` becomes ``/``)."""
    return {
        (path.removeprefix(prefix) or "/"): item
        for path, item in paths.items()
        if path.startswith(prefix + "/")
    }


def openapi_document(server: str, part: Part = "all") -> dict[str, Any]:
    """The document for ``part`` with ``server`` (absolute, no trailing slash) as its only
    server: ``…/api`` for the whole API, ``…/api/hsds`` or ``…/api/v1`` for a part."""
    official = official_openapi()
    paths = _paths()
    if part != "all":
        paths = _rebase(paths, PREFIXES[part])
    titles = {
        "all": "Socioinfo open data API",
        "hsds": "Socioinfo HSDS 3.0 API",
        "v1": "Socioinfo API, version 1",
    }
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": official["jsonSchemaDialect"],
        "info": {
            "title": titles[part],
            "version": "1.0.0",
            "summary": "The social services of Brno as open data: Open Referral HSDS 3.0 "
            "and Socioinfo's own read API.",
            "description": DESCRIPTION,
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
            "x-hsds-version": "3.0",
            "x-hsds-profile": "Czech social services (Act 108/2006 Sb.)",
        },
        "servers": [{"url": server}],
        "tags": [
            {"name": "HSDS 3.0", "description": "Open Referral Human Services Data API."},
            {"name": "Socioinfo v1", "description": "Socioinfo's own read API, version 1."},
            {"name": "Exports", "description": "Files for maps and other systems."},
            {"name": "Staff exports", "description": "For logged-in staff only."},
            {"name": "Documents", "description": "This document."},
        ],
        "paths": paths,
        "components": {
            "schemas": {
                **hsds_schemas(),
                **copy.deepcopy({**SCHEMAS, **HSDS_SCHEMAS, **V1_SCHEMAS}),
            },
            "parameters": copy.deepcopy(PARAMETERS),
            "responses": copy.deepcopy(RESPONSES),
            "headers": {"AccessControlAllowOrigin": copy.deepcopy(CORS_HEADER)},
        },
    }
