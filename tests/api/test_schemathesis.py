"""The contract of the whole API: schemathesis generates requests from our own OpenAPI
document (/api/openapi.json: every endpoint under /api/hsds/ and /api/v1/) and checks every
response against it, in process through Django's WSGI handler, on the demo data.
Deterministic (derandomized, a fixed number of examples per endpoint)."""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
EXAMPLES = 20


@schemathesis.deserializer("application/x-ndjson")
def _ndjson(ctx, response):
    """Every line of an ndjson body, so the check validates each against the item schema."""
    return [json.loads(line) for line in response.content.decode().splitlines() if line]


@pytest.fixture(scope="module")
def wsgi_app():
    """Django's WSGI handler, keeping the test's transaction open across requests (as
    Django's test client does, connections are not closed at request boundaries)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def api_schema(demo_data, django_db_blocker, wsgi_app):
    with django_db_blocker.unblock():
        return schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_app)


@pytest.fixture(autouse=True)
def _node_id_for_schemathesis(request):
    """schemathesis 4.32 renames the test after each operation through ``_nodeid``, which
    pytest 9 nodes no longer have; give it the attribute to write to."""
    request.node._nodeid = request.node.nodeid


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_endpoint_conforms_to_the_openapi_document(case):
    case.call_and_validate(checks=CHECKS)
