"""Building blocks of the OpenAPI document: parameters, responses and the components every
part shares (the ``Page`` envelope, the error body, the CORS header).

Summaries and descriptions are English in the document; they are marked with
``gettext_noop`` so the browsable docs page (/api/) can show them translated."""

from typing import Any

from django.utils.translation import gettext_noop as N_

from socioinfo.api.views import DEFAULT_PER_PAGE, MAX_PER_PAGE

Schema = dict[str, Any]


def ref(name: str, kind: str = "schemas") -> Schema:
    return {"$ref": f"#/components/{kind}/{name}"}


def query(name: str, schema: Schema, description: str, example: Any = None, **extra: Any) -> Schema:
    """An optional query parameter; ``example`` feeds the docs page's example requests."""
    parameter: Schema = {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **extra,
    }
    if example is not None:
        parameter["example"] = example
    return parameter


def path_parameter(name: str, schema: Schema, description: str) -> Schema:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": schema,
    }


BOOLEAN: Schema = {"type": "boolean", "default": False}
UUID: Schema = {"type": "string", "format": "uuid"}

PAGE_PARAMETERS = [ref("page", "parameters"), ref("per_page", "parameters")]
LIST_PARAMETERS = [*PAGE_PARAMETERS, ref("format", "parameters")]

PARAMETERS: dict[str, Schema] = {
    "page": query(
        "page",
        {"type": "integer", "minimum": 1, "maximum": 10**9, "default": 1},
        N_("Page number, from 1. A page past the last one is empty."),
    ),
    "per_page": query(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
        N_("Items per page, 1 to 500 (default 50)."),
    ),
    "format": query(
        "format",
        {"type": "string", "enum": ["json", "ndjson"], "default": "json"},
        N_(
            "json: one page in the Page envelope; ndjson: every match without paging, one "
            "JSON object a line, streamed."
        ),
    ),
}

CORS_HEADER: Schema = {
    "description": N_("Anyone may read the API from a browser (CORS open)."),
    "required": True,
    "schema": {"type": "string", "enum": ["*"]},
}
CORS = {"Access-Control-Allow-Origin": ref("AccessControlAllowOrigin", "headers")}


def ok(schema: Schema, description: str, example: Any = None, cors: bool = True) -> Schema:
    """A 200 with a JSON body."""
    content: Schema = {"schema": schema}
    if example is not None:
        content["example"] = example
    response: Schema = {"description": description, "content": {"application/json": content}}
    if cors:
        response["headers"] = CORS
    return response


def page_of(item: Schema) -> Schema:
    """The HSDS ``Page`` envelope with ``contents`` of ``item``."""
    return {
        "allOf": [ref("Page")],
        "properties": {"contents": {"type": "array", "items": item}},
    }


def list_ok(item: Schema, description: str, example: Any = None) -> Schema:
    """A 200 with one page as JSON, or every match as ndjson (``format=ndjson``)."""
    response = ok(page_of(item), description, example)
    response["content"]["application/x-ndjson"] = {
        "schema": {
            "type": "array",
            "items": item,
            "description": "Every match, one JSON object a line (not an array on the wire).",
        }
    }
    return response


def errors(*statuses: int) -> dict[str, Schema]:
    names = {400: "BadRequest", 403: "Forbidden", 404: "NotFound"}
    return {str(status): ref(names[status], "responses") for status in statuses}


def _error(description: str, cors: bool = True) -> Schema:
    response: Schema = {
        "description": description,
        "content": {"application/json": {"schema": ref("Error")}},
    }
    if cors:
        response["headers"] = CORS
    return response


RESPONSES: dict[str, Schema] = {
    "BadRequest": _error(N_("A parameter could not be read; the message says what to fix.")),
    "NotFound": _error(N_("Nothing published has this id.")),
    "Forbidden": _error(
        N_(
            "Sign in first (and confirm your second factor); only roles allowed to export "
            "the whole directory may use this endpoint."
        ),
        cors=False,
    ),
}

SCHEMAS: dict[str, Schema] = {
    "Page": {
        "type": "object",
        "description": "The HSDS paging envelope.",
        "required": [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ],
        "properties": {
            "total_items": {"type": "integer", "minimum": 0},
            "total_pages": {"type": "integer", "minimum": 1},
            "page_number": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 0},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": {"type": "array"},
        },
    },
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string", "description": "What went wrong, in English."}},
        "additionalProperties": False,
    },
    "OpenAPIDocument": {
        "type": "object",
        "description": "An OpenAPI 3.1 document.",
        "required": ["openapi", "info", "paths"],
        "properties": {
            "openapi": {"type": "string", "pattern": "^3\\.1\\.\\d+$"},
            "info": {"type": "object"},
            "servers": {"type": "array"},
            "paths": {"type": "object"},
            "components": {"type": "object"},
        },
    },
}


def get_operation(
    tag: str,
    operation_id: str,
    summary: str,
    description: str,
    responses: dict[str, Any],
    parameters: list[Schema] | None = None,
    example: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A path item with its one GET operation (the API is read-only); ``example`` holds the
    example requests the docs page links to."""
    operation: dict[str, Any] = {
        "tags": [tag],
        "operationId": operation_id,
        "summary": summary,
        "description": description,
        "parameters": parameters or [],
        "responses": responses,
    }
    if example is not None:
        operation["x-example-requests"] = example
    return {"get": operation}
