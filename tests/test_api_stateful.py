"""Stateful: schemathesis follows the OpenAPI links of the contract (api/contract.py `LINKS`) from answer to
answer – a list to its first item, a consultation time to the request that books it, a created request to
its status – and checks every answer of every step against the document, in-process over WSGI against
the test database with the demo content. Bounded: 20 scenarios of at most 4 steps (about half a minute).
The document is read in the test: it enumerates values from the test database (`api.accepted`)."""

import pytest
import schemathesis
from api_checks import CHECKS
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from portal.wsgi import application

SETTINGS = settings(
    max_examples=20,
    stateful_step_count=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def served_schema():
    return schemathesis.openapi.from_wsgi("/api/v3/openapi.json", application)


def counted(workflow):
    """The workflow, counting the links it followed (so the test knows it went somewhere)."""

    class Counted(workflow):
        followed = set()

        def step(self, input):
            if input.transition is not None:
                type(self).followed.add(input.transition.id)
            return super().step(input)

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS, transport_kwargs=kwargs or None)

    return Counted


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: a request must not close the database connection of the test."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    cache.clear()  # the rate limit of POST /api/v3/requests/ starts empty
    yield
    cache.clear()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
def test_following_the_contracts_links_keeps_to_it():
    Counted = counted(served_schema().as_state_machine())
    Counted.run(settings=SETTINGS)
    assert Counted.followed, "no link was followed"


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
def test_the_contract_has_links_for_the_stateful_run():
    schema = served_schema()
    links = {
        name
        for path_item in schema.raw_schema["paths"].values()
        for operation in path_item.values()
        for response in operation["responses"].values()
        for name in response.get("links", {})
    }
    assert {"FirstResource", "FirstConsultationTime", "BookConsultationTime", "RequestStatus"} <= links
