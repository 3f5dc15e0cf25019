"""Our OpenAPI document and the docs page read from it: every route under /api/hsds/ and
/api/v1/ is described, every reference is local and resolves, each part is rebased on its
prefix, the example responses fit their schemas, and every example request on the docs page
works."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from jsonschema import Draft202012Validator, FormatChecker

from socioinfo.api.openapi.hsds_schemas import official_openapi

pytestmark = pytest.mark.django_db
HOST: dict[str, str] = {}


def document(client, url: str = "/api/openapi.json") -> dict:
    response = client.get(url, **HOST)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def refs(node) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for v in node.values() for r in refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in refs(v)]
    return []


def resolve(doc: dict, ref: str):
    node = doc
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def shape(path: str) -> str:
    """A path with its parameters blanked, whichever way they are written."""
    path = re.sub(r"\(\?P<\w+>[^)]*\)|<[^>]+>|\{[^}]+\}", "{}", path)
    return path.replace("^", "").replace("$", "").replace("\\.", ".")


def served_paths(prefix: str, patterns) -> set[str]:
    found = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found |= served_paths(prefix + str(pattern.pattern), pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            found.add(shape(prefix + str(pattern.pattern)))
    return found


def test_every_route_under_the_api_is_described(client):
    resolver = get_resolver()
    served = {
        path
        for path in served_paths("/", resolver.url_patterns)
        if path.startswith(("/api/hsds/", "/api/v1/"))
    }
    described = {shape("/api" + path) for path in document(client)["paths"]}
    assert served == described - {"/api/openapi.json"}


def test_references_are_local_and_resolve(client):
    doc = document(client)
    assert doc["openapi"] == "3.1.0"
    assert doc["servers"] == [{"url": "http://testserver/api"}]
    found = refs(doc)
    assert found and all(ref.startswith("#/components/") for ref in found)
    for ref in set(found):
        resolve(doc, ref)
    assert {"service", "organization", "service_capacity", "unit"} <= set(
        doc["components"]["schemas"]
    )


def test_each_part_is_rebased_on_its_prefix(client):
    hsds = document(client, "/api/hsds/openapi.json")
    assert hsds["servers"] == [{"url": "http://testserver/api/hsds"}]
    assert set(official_openapi()["paths"]) <= set(hsds["paths"])
    v1 = document(client, "/api/v1/openapi.json")
    assert v1["servers"] == [{"url": "http://testserver/api/v1"}]
    assert {"/services", "/districts", "/life_situations", "/services.geojson"} <= set(v1["paths"])
    assert not any(path.startswith(("/hsds/", "/v1/")) for path in [*hsds["paths"], *v1["paths"]])


def test_per_page_and_the_error_body_are_described(client):
    doc = document(client)
    per_page = doc["components"]["parameters"]["per_page"]["schema"]
    assert (per_page["minimum"], per_page["maximum"], per_page["default"]) == (1, 500, 50)
    services = doc["paths"]["/hsds/services"]["get"]["responses"]
    assert resolve(doc, services["400"]["$ref"])["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    staff = doc["paths"]["/v1/staff/services.csv"]["get"]["responses"]
    assert set(staff) == {"200", "403"}


def test_example_responses_fit_their_schemas(client):
    doc = document(client)
    checked = 0
    for path, item in doc["paths"].items():
        for status, response in item["get"]["responses"].items():
            for media_type, content in resolve_response(doc, response).get("content", {}).items():
                if "example" not in content:
                    continue
                schema = {"components": doc["components"], "allOf": [content["schema"]]}
                validator = Draft202012Validator(schema, format_checker=FormatChecker())
                errors = [e.message for e in validator.iter_errors(content["example"])]
                assert errors == [], (path, status, media_type, errors[:3])
                checked += 1
    assert checked >= 15


def resolve_response(doc: dict, response: dict) -> dict:
    return resolve(doc, response["$ref"]) if "$ref" in response else response


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


def test_docs_page_shows_every_path_and_its_examples_work(demo_data, client):
    response = client.get("/api/")
    assert response.status_code == 200
    page = response.content.decode()
    for path in document(client)["paths"]:
        assert f">/api{path}<" in page, path
    links = Links()
    links.feed(page)
    examples = [h for h in links.hrefs if h.startswith("/api/") and h != "/api/"]
    assert len(examples) >= 30
    for href in examples:
        assert client.get(href).status_code == 200, href


def test_docs_page_is_translated_and_linked_from_every_page(demo_data, client):
    client.cookies["django_language"] = "cs"
    home = client.get("/").content.decode()
    assert 'href="/api/"' in home
    page = client.get("/api/").content.decode()
    assert '<html lang="cs"' in page
    assert "Přejít na obsah" in page


@pytest.mark.parametrize(
    "path",
    [
        "/api/hsds/services/not-a-uuid",
        "/api/hsds/organizations/null,null",
        "/api/v1/services/1",
        "/api/v1/life_situations/%C2%84",
        "/api/v1/nothing-here",
    ],
)
def test_an_unknown_path_under_the_api_gets_a_json_404(client, path):
    """Found by schemathesis: ids that did not fit the route got the portal's HTML page."""
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json() == {"error": "Not found."}
