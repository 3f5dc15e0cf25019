"""The Czech profile in HSDS means: what HSDS has no column for travels as an ``attribute``
linked to a record, with a ``taxonomy_term`` that names it and the value in ``value``.

Two taxonomies are added to the four of the API (``socioinfo.api.taxonomies``):

- accessibility features (``cz-accessibility-features``): attributes of locations and services;
- record fields (``socioinfo-record-fields``): one term per field of ours that HSDS lacks
  (a service's validity dates, its registry id, a location's city district …). Such an
  attribute is written only when the value differs from the default, so a package stays lean.

Compound values are compact JSON: a form of provision's capacity, unit, note and non-stop
flag; a web contact's address, note and order; a record's translations.
"""

import json
from typing import Any

from socioinfo.api.taxonomies import TAXONOMIES, Taxonomy, all_terms, stable_id, taxonomy_dict
from socioinfo.directory.models import AccessibilityFeature

ACCESSIBILITY = Taxonomy(
    "cz-accessibility-features",
    "Bezbariérovost a přístupnost",
    "What makes a location or a service usable for people with disabilities (Socioinfo code "
    "list; code = the feature's code).",
    "urn:socioinfo:taxonomy:cz-accessibility-features",
)
FIELDS = Taxonomy(
    "socioinfo-record-fields",
    "Pole záznamů Socioinfo mimo HSDS",
    "Fields of Socioinfo records that HSDS 3.0 has no column for; the attribute's value holds "
    "the field's value (see docs/datapackage.md).",
    "urn:socioinfo:taxonomy:socioinfo-record-fields",
)
PACKAGE_TAXONOMIES = (*TAXONOMIES, ACCESSIBILITY, FIELDS)

# code → what it holds (the term's description).
FIELD_TERMS = {
    "status": "Service status when it is a draft (HSDS status says inactive): draft.",
    "valid_from": "First day the service is provided (YYYY-MM-DD).",
    "valid_to": "Last day the service is provided (YYYY-MM-DD).",
    "is_free": "The service is free of charge: true.",
    "registry_id": "Identifier of the service or facility in the national registry (RPSS).",
    "source": "Where the record came from: registry or demo (manual when absent).",
    "is_active": "The organisation is not active: false.",
    "translations": 'Texts in other languages as JSON, e.g. {"en": {"name": "…"}}.',
    "city_district": "The location's city district: urn:cz:area:city_district:<code>.",
    "municipality": "The location's municipality: urn:cz:area:municipality:<code>.",
    "street": "The street when address_1 does not split into street and house number.",
    "house_number": "The house number when address_1 does not split into street and number.",
    "order": "Position of a phone or e-mail among its owner's contacts (0 when absent).",
    "web": 'A web address of the record as JSON: {"url": "…", "note": "…", "order": 2}.',
}


def field_term_id(code: str) -> str:
    return stable_id("term", FIELDS.slug, code)


def compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def area_urn(level: str, code: str) -> str:
    return f"urn:cz:area:{level}:{code}"


def package_taxonomies() -> list[dict[str, Any]]:
    return [taxonomy_dict(t) for t in PACKAGE_TAXONOMIES]


def package_terms() -> list[dict[str, Any]]:
    """The API's terms, then accessibility features, then the record fields."""
    terms = all_terms()
    for feature in AccessibilityFeature.objects.order_by("code"):
        terms.append(_term(str(feature.pk), feature.code, feature.name, ACCESSIBILITY))
    for code, description in FIELD_TERMS.items():
        term = _term(field_term_id(code), code, code, FIELDS)
        term["description"] = description
        term["language"] = "en"
        terms.append(term)
    return terms


def _term(term_id: str, code: str, name: str, taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "id": term_id,
        "code": code,
        "name": name,
        "description": name,
        "parent_id": None,
        "taxonomy": taxonomy.name,
        "taxonomy_id": taxonomy.id,
        "language": "cs",
    }


def split_address(address_1: str) -> tuple[str, str]:
    """Street and house number from "Street 12": the number is the last word when it starts
    with a digit (export writes ``street``/``house_number`` attributes when this fails)."""
    street, _space, last = address_1.strip().rpartition(" ")
    if last[:1].isdigit():
        return street, last
    return address_1.strip(), ""
