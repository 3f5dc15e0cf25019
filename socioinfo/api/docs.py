"""The browsable docs page (/api/) read from the OpenAPI document: endpoints grouped by tag,
their parameters in words, example requests that work on this installation's data, and
example responses. Texts of the document are marked for translation in ``openapi``."""

import json
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from socioinfo.api.taxonomies import TAXONOMIES, all_terms
from socioinfo.areas.models import Area, AreaLevel
from socioinfo.directory.models import LifeSituation, Service, ServiceAtLocation


@dataclass
class Parameter:
    name: str
    where: str
    kind: str
    required: bool
    description: str


@dataclass
class Endpoint:
    path: str
    anchor: str
    summary: str
    description: str
    parameters: list[Parameter]
    statuses: list[tuple[str, str]]
    examples: list[str]
    example_response: str
    media_types: list[str]


@dataclass
class Section:
    name: str
    description: str
    endpoints: list[Endpoint] = field(default_factory=list)


def _resolve(document: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """A parameter or response, following a local ``$ref``."""
    while "$ref" in item:
        node: Any = document
        for part in item["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        item = node
    return item


def _kind(schema: dict[str, Any]) -> str:
    """A parameter's type in a few words: ``integer, 1–500, default 50``."""
    words = [schema.get("type", "string")]
    if "format" in schema:
        words[0] += f" ({schema['format']})"
    if "anyOf" in schema:
        words[0] += " (" + _(" or ").join(s.get("format", "") for s in schema["anyOf"]) + ")"
    if "minimum" in schema and "maximum" in schema:
        words.append(f"{schema['minimum']}–{schema['maximum']}")
    if "enum" in schema:
        values = [str(v) for v in schema["enum"]]
        shown = ", ".join(values[:8])
        if len(values) > 8:
            shown += ", … " + _("(%(count)s in all)") % {"count": len(values)}
        words.append(_("one of: %(values)s") % {"values": shown})
    if "pattern" in schema:
        words.append(_("pattern %(pattern)s") % {"pattern": schema["pattern"]})
    if "default" in schema:
        default = json.dumps(schema["default"])
        words.append(_("default %(value)s") % {"value": default.strip('"')})
    return ", ".join(words)


def example_ids() -> dict[str, str]:
    """One real id of each kind, for example requests that work on this installation."""
    ids: dict[str, str] = {}
    service = Service.objects.published().order_by("sort_name", "pk").first()
    if service is not None:
        ids["service"] = str(service.pk)
        ids["organization"] = str(service.organisation_id)
        link = ServiceAtLocation.objects.filter(service=service).order_by("pk").first()
        if link is not None:
            ids["service_at_location"] = str(link.pk)
    ids["taxonomy"] = TAXONOMIES[0].id
    terms = all_terms()
    if terms:
        ids["taxonomy_term"] = terms[0]["id"]
    district = Area.objects.filter(level=AreaLevel.CITY_DISTRICT).order_by("code").first()
    if district is not None:
        ids["district"] = district.code
    situation = LifeSituation.objects.filter(is_active=True).first()
    if situation is not None:
        ids["situation"] = situation.slug
    return ids


def _examples(base: str, path: str, spec: dict[str, Any], ids: dict[str, str]) -> list[str]:
    if "id" in spec:
        value = ids.get(spec["id"])
        if value is None:
            return []
        name = path[path.index("{") : path.index("}") + 1]
        return [base + path.replace(name, value)]
    fixed = [base + other for other in spec.get("paths", [])]
    return fixed + [base + path + (f"?{q}" if q else "") for q in spec.get("queries", [])]


def _example_response(response: dict[str, Any]) -> str:
    for content in response.get("content", {}).values():
        if "example" in content:
            return json.dumps(content["example"], ensure_ascii=False, indent=2)
    return ""


def sections(document: dict[str, Any], base: str, ids: dict[str, str]) -> list[Section]:
    """Endpoints of ``document`` by tag, in the document's order; ``base`` is the path the
    document's paths are relative to (``/api``)."""
    found = {
        tag["name"]: Section(_(tag["name"]), _(tag.get("description", "")))
        for tag in document.get("tags", [])
    }
    for path, item in document["paths"].items():
        operation = item["get"]
        parameters = []
        for raw in operation.get("parameters", []):
            parameter = _resolve(document, raw)
            parameters.append(
                Parameter(
                    parameter["name"],
                    parameter["in"],
                    _kind(parameter.get("schema", {})),
                    parameter.get("required", False),
                    _(parameter.get("description", "")),
                )
            )
        responses = {
            status: _resolve(document, response)
            for status, response in operation["responses"].items()
        }
        ok = responses.get("200", {})
        endpoint = Endpoint(
            path=base + path,
            anchor=operation["operationId"],
            summary=_(operation["summary"]),
            description=_(operation["description"]),
            parameters=parameters,
            statuses=[(status, _(r.get("description", ""))) for status, r in responses.items()],
            examples=_examples(base, path, operation.get("x-example-requests", {}), ids),
            example_response=_example_response(ok),
            media_types=list(ok.get("content", {})),
        )
        found[operation["tags"][0]].endpoints.append(endpoint)
    return [section for section in found.values() if section.endpoints]
