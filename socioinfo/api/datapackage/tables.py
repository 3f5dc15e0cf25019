"""The tables of the package: the official HSDS 3.0 ``datapackage.json`` (a copy in
``data/hsds/3.0/``), narrowed to the tables Socioinfo writes, and the typed CSV values.

Our ``datapackage.json`` describes exactly what we write: the official resource descriptors
of those tables, foreign keys only to tables that are in the package, and four constraints
relaxed because Czech records may lack the value (``RELAXED``). Every row we write validates
against that descriptor; the import reads values with the same field definitions.
"""

import copy
import datetime
import json
import math
import re
import uuid
from functools import cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

HSDS_DATAPACKAGE_VERSION = "3.0.0"
JSON_PATH = "services.json"
DESCRIPTOR_PATH = "datapackage.json"

# Tables in the order they are written (parents before children, code lists last).
WRITTEN = (
    "organization",
    "organization_identifier",
    "service",
    "location",
    "address",
    "service_at_location",
    "schedule",
    "phone",
    "contact",
    "language",
    "accessibility",
    "service_area",
    "taxonomy",
    "taxonomy_term",
    "attribute",
)

# (table, field, constraint): required or unique in HSDS, but not always true of our data.
RELAXED = {
    ("organization", "description", "required"): "many registered providers have none",
    ("address", "address_1", "required"): "a village address may have no street",
    ("address", "postal_code", "required"): "postcodes are often unknown",
    ("taxonomy_term", "code", "unique"): "the three kinds of §32 all have the code §32",
}


@cache
def official() -> dict[str, Any]:
    path = settings.DATA_DIR / "hsds" / "3.0" / "datapackage.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def resources() -> dict[str, dict[str, Any]]:
    """Our resource descriptors by table name (official ones, narrowed and relaxed)."""
    found: dict[str, dict[str, Any]] = {}
    by_name = {r["name"]: r for r in official()["resources"]}
    for name in WRITTEN:
        resource = copy.deepcopy(by_name[name])
        schema = resource["schema"]
        keys = [
            fk for fk in schema.get("foreignKeys") or [] if fk["reference"]["resource"] in WRITTEN
        ]
        if keys:
            schema["foreignKeys"] = keys
        else:
            schema.pop("foreignKeys", None)
        for field in schema["fields"]:
            for table, column, constraint in RELAXED:
                if (table, column) == (name, field["name"]):
                    field["constraints"][constraint] = False
        found[name] = resource
    return found


def columns(table: str) -> list[str]:
    return [field["name"] for field in resources()[table]["schema"]["fields"]]


def fields(table: str) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in resources()[table]["schema"]["fields"]}


def path_of(table: str) -> str:
    return str(resources()[table]["path"])


def descriptor() -> dict[str, Any]:
    """The package's ``datapackage.json``: no dates, so two exports of the same data match."""
    base = official()
    return {
        "name": "socioinfo-hsds",
        "title": "Socioinfo directory of social services (Open Referral HSDS 3.0)",
        "description": (
            "Organisations, services, locations, hours, contacts and the Czech code lists of "
            "a Socioinfo directory as an Open Referral HSDS 3.0 data package: one CSV file per "
            "HSDS table and the same services as nested HSDS objects in services.json. The "
            "Czech profile (capacity per form of provision, target and age groups, record "
            "fields HSDS has no column for) travels as attributes with taxonomy terms; see "
            "docs/datapackage.md in the Socioinfo source."
        ),
        "profile": "data-package",
        "licenses": [settings.SOCIOINFO_DATA_LICENCE],
        "version": base["version"],
        "homepage": base["homepage"],
        "resources": [
            *(resources()[name] for name in WRITTEN),
            {
                "name": "service_json",
                "path": JSON_PATH,
                "description": (
                    "Every service of the package as a full HSDS 3.0 service object (with its "
                    "organization, service_at_locations and locations nested), as the API "
                    "serves it: a JSON array, one object a line."
                ),
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "profile": "data-resource",
            },
        ],
    }


def descriptor_bytes() -> bytes:
    return (json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n").encode()


# --------------------------------------------------------------------------- values


def format_value(value: Any) -> str:
    """A Python value as the CSV text of its Table Schema type."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        moment = value.astimezone(datetime.UTC).replace(tzinfo=None)
        return moment.isoformat(timespec="microseconds" if moment.microsecond else "seconds") + "Z"
    if isinstance(value, datetime.time):
        return f"{value:%H:%M:%S}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|24:00(?::00)?")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


def parse_value(field: dict[str, Any], text: str) -> Any:
    """The value of one CSV cell by its field definition; raises ValueError with a sentence
    that says what to write instead. Times stay text ("24:00" is legal at a day's end)."""
    kind = field["type"]
    fmt = field.get("format")
    enum = field.get("constraints", {}).get("enum")
    if enum and text not in enum:
        raise ValueError(
            _("“%(value)s” is not allowed here; write one of: %(allowed)s.")
            % {"value": text, "allowed": ", ".join(enum)}
        )
    if kind == "string" and fmt == "uuid":
        try:
            return str(uuid.UUID(text))
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a UUID; write one like %(example)s.")
                % {"value": text, "example": "0f4b6a52-35a3-5c1b-9f86-1d1e5c9b7a10"}
            ) from None
    if kind == "string" and fmt == "email":
        try:
            validate_email(text)
        except ValidationError:
            raise ValueError(_("“%(value)s” is not an e-mail address.") % {"value": text}) from None
        return text
    if kind == "string" and fmt == "uri":
        if not _URI.fullmatch(text):
            raise ValueError(
                _("“%(value)s” is not a full web address; write it with https://.")
                % {"value": text}
            )
        return text
    if kind == "number":
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise ValueError(_("“%(value)s” is not a number.") % {"value": text})
        return number
    if kind == "date":
        try:
            if not _DATE.fullmatch(text):
                raise ValueError
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a date; write it as YYYY-MM-DD, e.g. 2026-11-24.")
                % {"value": text}
            ) from None
    if kind == "time":
        if not _TIME.fullmatch(text):
            raise ValueError(
                _("“%(value)s” is not a time; write it as HH:MM or HH:MM:SS, e.g. 08:30.")
                % {"value": text}
            )
        return text
    if kind == "datetime":
        try:
            moment = parse_datetime(text.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is None:
            raise ValueError(
                _("“%(value)s” is not a date and time; write it as 2026-11-24T09:30:00Z.")
                % {"value": text}
            )
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        return moment
    return text
