"""The Socioinfo Czech profile of HSDS 3.0: JSON Merge Patch files (RFC 7386, in
data/hsds/profile-cz/patches/) over the official schemas (data/hsds/3.0/schema/, plus the two
HSDS 3.1 objects it back-ports), published as they are and compiled. The API's objects
validate against both the official and the compiled schemas (tests/api/)."""

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

OPENAPI = "openapi.json"


def _root() -> Path:
    return Path(settings.DATA_DIR) / "hsds"


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386: objects merge key by key, ``null`` removes a key, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


@cache
def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_root() / "profile-cz" / "profile.json").read_text())
    return data


def patch_names() -> list[str]:
    names: list[str] = manifest()["patches"]
    return names


@cache
def patch(name: str) -> dict[str, Any]:
    if name not in patch_names():
        raise KeyError(name)
    data: dict[str, Any] = json.loads(
        (_root() / "profile-cz" / "patches" / f"{name}.json").read_text()
    )
    return data


@cache
def official_schemas() -> dict[str, dict[str, Any]]:
    """The base schemas by name: HSDS 3.0 and the back-ported 3.1 objects."""
    found: dict[str, dict[str, Any]] = {}
    for folder in (_root() / "3.0" / "schema", _root() / "3.1" / "schema"):
        for path in sorted(folder.glob("*.json")):
            if path.name != OPENAPI:
                found[path.stem] = json.loads(path.read_text())
    return found


@cache
def compiled_schemas() -> dict[str, dict[str, Any]]:
    """The profile's schemas: every base schema with its patch applied (if it has one)."""
    schemas = dict(official_schemas())
    for name in patch_names():
        schemas[name] = merge_patch(schemas[name], patch(name))
    return schemas
