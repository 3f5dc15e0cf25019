"""Our code lists as HSDS taxonomies: the service types of Act 108/2006 Sb. (grouped by the
kinds of §32, code = the section), the forms of provision, target groups and age groups.
Ids are stable: the code lists' own UUIDs, and UUIDv5 for what has no row of its own."""

import hashlib
import uuid
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from socioinfo.directory.models import AgeGroup, ServiceType, TargetGroup
from socioinfo.directory.models.taxonomy import ServiceForm

NAMESPACE = uuid.UUID("0f4b6a52-35a3-5c1b-9f86-1d1e5c9b7a10")


_NAMESPACE_BYTES = NAMESPACE.bytes


def stable_id(*parts: object) -> str:
    """``str(uuid.uuid5(NAMESPACE, "a:b:c"))`` without building UUID objects: the API makes
    tens of thousands of these a second."""
    digest = bytearray(
        hashlib.sha1(  # noqa: S324 - UUIDv5 is defined on SHA-1; not a security use
            _NAMESPACE_BYTES + ":".join(str(p) for p in parts).encode()
        ).digest()[:16]
    )
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass(frozen=True)
class Taxonomy:
    slug: str
    name: str
    description: str
    uri: str

    @cached_property
    def id(self) -> str:
        return stable_id("taxonomy", self.slug)


SERVICE_TYPES = Taxonomy(
    "cz-social-service-types",
    "Druhy sociálních služeb (zákon č. 108/2006 Sb.)",
    "Service types of the Czech Act 108/2006 Sb. on social services; code = the section "
    "of the Act; parents are the kinds of §32.",
    "https://www.zakonyprolidi.cz/cs/2006-108",
)
FORMS = Taxonomy(
    "cz-service-forms",
    "Formy poskytování sociálních služeb",
    "Forms of provision of §33 of Act 108/2006 Sb.: residential, outpatient, field.",
    "https://www.zakonyprolidi.cz/cs/2006-108#p33",
)
TARGET_GROUPS = Taxonomy(
    "cz-target-groups",
    "Cílové skupiny",
    "Target groups of the Czech registry of social service providers.",
    "https://data.mpsv.cz/web/data/registr-poskytovatelu-socialnich-sluzeb",
)
AGE_GROUPS = Taxonomy(
    "cz-age-groups",
    "Věkové skupiny",
    "Age groups of the Czech registry of social service providers.",
    "https://data.mpsv.cz/web/data/registr-poskytovatelu-socialnich-sluzeb",
)
TAXONOMIES = (SERVICE_TYPES, FORMS, TARGET_GROUPS, AGE_GROUPS)


def taxonomy_dict(taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "id": taxonomy.id,
        "name": taxonomy.name,
        "description": taxonomy.description,
        "uri": taxonomy.uri,
        "version": "2026",
    }


def _term(
    term_id: str, code: str, name: str, taxonomy: Taxonomy, parent: str | None = None
) -> dict[str, Any]:
    return {
        "id": term_id,
        "code": code,
        "name": name,
        "description": name,
        "parent_id": parent,
        "taxonomy": taxonomy.name,
        "taxonomy_id": taxonomy.id,
        "language": "cs",
    }


def group_term_id(group: str) -> str:
    return stable_id("term", SERVICE_TYPES.slug, group)


def form_term_id(form: str) -> str:
    return stable_id("term", FORMS.slug, form)


def all_terms() -> list[dict[str, Any]]:
    """Every taxonomy term, parents before children, in a stable order."""
    terms: list[dict[str, Any]] = []
    types = list(ServiceType.objects.all())
    for group in dict.fromkeys(t.group for t in types if t.group):
        terms.append(_term(group_term_id(group), "§32", group, SERVICE_TYPES))
    for t in types:
        parent = group_term_id(t.group) if t.group else None
        terms.append(_term(str(t.pk), t.paragraph or t.slug, t.name, SERVICE_TYPES, parent))
    for value, label in ServiceForm.choices:
        terms.append(_term(form_term_id(value), value, str(label), FORMS))
    for g in TargetGroup.objects.all():
        terms.append(_term(str(g.pk), g.registry_code or g.slug, g.name, TARGET_GROUPS))
    for a in AgeGroup.objects.all():
        terms.append(_term(str(a.pk), a.slug, a.name, AGE_GROUPS))
    return terms
