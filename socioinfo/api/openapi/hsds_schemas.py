"""The schemas of the Czech HSDS profile (``socioinfo.api.profile``: the official HSDS 3.0
object schemas with the profile's patches, plus the back-ported HSDS 3.1 objects) as OpenAPI
components: every ``$ref`` made local and the Frictionless Data table keywords left out."""

import copy
import json
from pathlib import Path
from typing import Any

from django.conf import settings

from socioinfo.api.profile import compiled_schemas

# Keywords of the datapackage (CSV) view of the schemas: not JSON Schema, left out.
TABLE_KEYWORDS = {
    "name",
    "path",
    "datapackage_metadata",
    "datapackage_type",
    "constraints",
    "core",
    "tabular_required",
}
# A schema's keywords whose values are schemas, or maps or lists of them.
_SUBSCHEMA = {"items", "not", "if", "then", "else", "contains", "additionalProperties"}
_SCHEMA_MAPS = {"properties", "patternProperties", "$defs"}
_SCHEMA_LISTS = {"allOf", "anyOf", "oneOf", "prefixItems"}


def schema_dir() -> Path:
    return Path(settings.DATA_DIR) / "hsds" / "3.0" / "schema"


def local_ref(ref: str) -> str:
    """``phone.json``, ``…/3.0/schema/phone.json`` or ``…/compiled/service_list.json`` →
    ``#/components/schemas/phone`` (list items are the same objects as details here)."""
    if ref.startswith("#"):
        return ref
    name = ref.rsplit("/", 1)[-1].removesuffix(".json").removesuffix("_list")
    return f"#/components/schemas/{name}"


def localize(schema: Any) -> Any:
    """A copy of ``schema`` with local references and without the table keywords."""
    if not isinstance(schema, dict):
        return schema
    result: dict[str, Any] = {}
    for key, value in schema.items():
        if key in TABLE_KEYWORDS:
            continue
        if key == "$ref":
            result[key] = local_ref(value)
        elif key in _SUBSCHEMA:
            result[key] = localize(value)
        elif key in _SCHEMA_MAPS:
            result[key] = {name: localize(item) for name, item in value.items()}
        elif key in _SCHEMA_LISTS:
            result[key] = [localize(item) for item in value]
        else:
            result[key] = copy.deepcopy(value)
    return result


def official_openapi() -> dict[str, Any]:
    """The official HSDS 3.0 OpenAPI document (the starting point of ours)."""
    return json.loads((schema_dir() / "openapi.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def hsds_schemas() -> dict[str, dict[str, Any]]:
    """Every schema of the Czech profile (the official HSDS 3.0 objects with the profile's
    patches applied, and the back-ported HSDS 3.1 ``service_capacity`` and ``unit``) by name,
    as components."""
    return {name: localize(schema) for name, schema in compiled_schemas().items()}
