"""Property-based: schemathesis generates requests from the API's own OpenAPI document – valid ones and
invalid ones – and calls the portal in-process (WSGI, against the test database with the demo content).

For every operation: no 5xx; status codes, content types, headers and bodies as the document says;
every schema-valid request accepted (`positive_data_acceptance`: no 4xx but a documented 404 for an id
or slug that does not exist, 409 and 429) and every invalid one refused (`negative_data_rejection`).
That needs the document as strict as the server: the filters whose values come from the database or the
date are enumerated in it when it is served (`api.accepted`), so the document is read in the test, from
the test database (`schemathesis.pytest.from_fixture`).

What no parameter's schema can say – a rule between two parameters, written in the operation's
description (`api.accepted.RULES`: a period's `end` not before its `start`, at most a year) – is kept out
of the generated valid requests by `follows_the_rules` (the same rules in Python) and checked on its own
by `test_rules_between_parameters_are_refused_with_a_422`; likewise the rules between the fields of the
request body (`follows_the_body_rules`, `resource_requests.request_body_endpoints.RULES`). A body valid against
the served schema is accepted (201) or, when something changed since (units taken, a budget used up),
answered with 409, which `positive_data_acceptance` allows.

Bounded: `max_examples` per operation and generation mode (positive and negative), the document's own
examples, no coverage phase, derandomized (the same requests every run): 31 s for the 33 operations on the
2-core machine at load 8-10 (2026-12-02; plus the test database's clone when it runs first).
"""

import datetime

import pytest
import schemathesis
from api_checks import CHECKS
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, Phase, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.accepted import RULES
from catalogue.models import Resource
from portal.wsgi import application

MAX_EXAMPLES = 6
MAX_PERIOD_DAYS = django_settings.REQUESTS_MAX_PERIOD_DAYS
PERIODS = {"resources_list", "resources_detail", "resources_by_slug"}


def _day(value):
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def follows_the_rules(ctx, query):
    """Whether `query` keeps the rules between parameters that its operation's description states."""
    operation = ctx.operation.definition.raw.get("operationId") if ctx.operation else None
    if not query or operation not in RULES:
        return True
    if operation == "pages_list":
        order = query.get("order")
        random = order == "random" or order == ["random"]
        both = query.get("child_of") is not None and query.get("descendant_of") is not None
        return not both and not (random and query.get("offset"))
    start, end = _day(query.get("start")), _day(query.get("end"))
    if start and end and end < start:
        return False
    too_long = operation in PERIODS and end and (end - (start or timezone.localdate())).days > 365
    return not too_long


def follows_the_body_rules(ctx, body):
    """Whether the body of `POST /api/v3/requests/` keeps the rules between fields that its description
    states (`resource_requests.request_body_endpoints.RULES`): ends not before starts, periods not longer than the
    resource lends, each resource once."""
    operation = ctx.operation.definition.raw.get("operationId") if ctx.operation else None
    if operation != "requests_create" or not isinstance(body, dict):
        return True
    start, end = _day(body.get("plan_start")), _day(body.get("plan_end"))
    if start and end and end < start:
        return False
    lines = [line for line in body.get("items") or [] if isinstance(line, dict)]
    resources = {
        resource.pk: resource
        for resource in Resource.objects.filter(pk__in=[line.get("resource") for line in lines])
    }
    keys = [
        resources[line["resource"]].translation_key for line in lines if line.get("resource") in resources
    ]
    if len(keys) != len(set(keys)):
        return False
    for line in lines:
        start, end = _day(line.get("start")), _day(line.get("end"))
        resource = resources.get(line.get("resource"))
        if start and end and resource is not None:
            longest = min(resource.max_lending_days or MAX_PERIOD_DAYS, MAX_PERIOD_DAYS)
            if end < start or (end - start).days + 1 > longest:
                return False
    return True


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: a request must not close the database connection of the test (which
    holds the test's transaction, so what POST /api/v3/requests/ stores is rolled back with it)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    cache.clear()  # the rate limit of POST /api/v3/requests/ starts empty
    yield
    cache.clear()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def served_schema(db, keep_test_connection, request):
    """The document as the portal serves it now, with the test database's values."""
    # schemathesis 4.32's lazy schema renames the test per operation through `_nodeid`, which pytest 9
    # no longer has as an attribute of its own.
    request.node._nodeid = request.node.nodeid
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", application)
    schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
    schema.config.phases.coverage.enabled = False
    schema.hooks.register_hook_with_name(follows_the_rules, "filter_query")
    schema.hooks.register_hook_with_name(follows_the_body_rules, "filter_body")
    return schema


schema = schemathesis.pytest.from_fixture("served_schema")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_endpoint_keeps_to_its_schema(case):
    case.call_and_validate(checks=[*CHECKS, positive_data_acceptance])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/resources/?start={today}&end={yesterday}",
        "/api/v3/resources/?start={today}&end={next_year}",
        "/api/v3/resources/?end={next_year}",
        "/api/v3/resources/1/?start={today}&end={yesterday}",
        "/api/v3/consultation-times/?start={today}&end={yesterday}",
    ],
)
def test_rules_between_parameters_are_refused_with_a_422(client, url):
    today = timezone.localdate()
    url = url.format(
        today=today,
        yesterday=today - datetime.timedelta(days=1),
        next_year=today + datetime.timedelta(days=366),
    )
    response = client.get(url)
    assert response.status_code == 422, url
    assert response.json()["errors"][0]["loc"] == ["query", "end"]
    operation = response.wsgi_request.resolver_match.url_name
    assert operation in RULES
    document = client.get("/api/v3/openapi.json").json()
    described = [
        item["description"]
        for path_item in document["paths"].values()
        for item in path_item.values()
        if item["operationId"] == operation
    ]
    assert "Between parameters:" in described[0]


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
