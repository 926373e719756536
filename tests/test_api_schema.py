"""Property-based: schemathesis generates requests from the API's own OpenAPI document – valid ones and
invalid ones – and calls the portal in-process (WSGI, against the test database with the demo content).

For every endpoint: no 5xx; status codes, content types, headers and bodies as the document says;
invalid input (wrong types, out-of-range numbers, missing parameters) rejected with a 4xx. Not checked:
that any schema-valid request is accepted – filter values are checked against the values that exist in
the database (`?icon=spaceship` is a string, but no icon), which a static schema cannot say.
"""

import pytest
import schemathesis
from api_checks import CHECKS
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode

from portal.wsgi import application

# The document as the portal serves it (it needs no database, so it loads when the tests are collected).
schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", application)
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: a request must not close the database connection of the test (which
    holds the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
def test_every_endpoint_keeps_to_its_schema(case):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.django_db
def test_the_schema_covers_every_endpoint(client):
    document = client.get("/api/v3/openapi.json").json()
    assert set(document["paths"]) == {
        "/api/v3/",
        "/api/v3/pages/",
        "/api/v3/pages/find/",
        "/api/v3/pages/{page_id}/",
        "/api/v3/resources/",
        "/api/v3/resources/{resource_id}/",
        "/api/v3/resources/by-slug/{slug}/",
        "/api/v3/partners/",
        "/api/v3/partners/{partner_id}/",
        "/api/v3/partners/by-slug/{slug}/",
        "/api/v3/events/",
        "/api/v3/events/{page_id}/",
        "/api/v3/events/by-slug/{slug}/",
        "/api/v3/examples/",
        "/api/v3/examples/{page_id}/",
        "/api/v3/examples/by-slug/{slug}/",
        "/api/v3/cooperation-topics/",
        "/api/v3/cooperation-topics/{slug}/",
        "/api/v3/target-groups/",
        "/api/v3/target-groups/{slug}/",
        "/api/v3/spoken-languages/",
        "/api/v3/spoken-languages/{slug}/",
        "/api/v3/districts/",
        "/api/v3/districts/{slug}/",
        "/api/v3/engagement-fields/",
        "/api/v3/engagement-fields/{slug}/",
        "/api/v3/resource-categories/",
        "/api/v3/resource-categories/{slug}/",
        "/api/v3/requests/",
        "/api/v3/requests/{token}/",
        "/api/v3/consultation-times/",
        "/api/v3/consultation-times/{slot_id}/",
        "/api/v3/changes/",
    }
    for path, operations in document["paths"].items():
        for operation in operations.values():
            errors = {status for status in operation["responses"] if status.startswith("4")}
            assert errors, f"{path} documents its errors"
            for status in errors:
                assert list(operation["responses"][status]["content"]) == ["application/problem+json"]
