"""The contract's examples and links (api/contract.py): an example on every schema that its schema accepts,
response headers of the rate limit, and OpenAPI links between operations that lead somewhere real."""

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.contract import LINKS

pytestmark = pytest.mark.django_db

OPENAPI = "/api/v3/openapi.json"


@pytest.fixture
def document(client):
    return client.get(OPENAPI).json()


def test_every_schema_has_an_example_it_accepts(document):
    registry = Registry().with_resource("urn:api", Resource.from_contents(document, DRAFT202012))
    schemas = document["components"]["schemas"]
    assert len(schemas) > 100
    for name, schema in schemas.items():
        assert schema.get("examples"), name
        validator = jsonschema.Draft202012Validator(
            {"$ref": f"urn:api#/components/schemas/{name}"}, registry=registry
        )
        for example in schema["examples"]:
            errors = [
                f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(example)
            ]
            assert errors == [], name


def test_hand_written_examples_are_kept(document):
    schemas = document["components"]["schemas"]
    assert schemas["Problem"]["examples"][0]["errors"][0]["loc"] == ["query", "categroy"]
    assert schemas["ConsultationTime"]["examples"][0]["mode"] == "in_person"
    # Built ones use what the schema says: an enum's value, a date's form, a link's address.
    assert schemas["ResourceKindChoice"]["examples"][0]["value"] == "lendable"
    assert schemas["ChecklistOut"]["examples"][0]["due"] == "2026-12-09"
    assert schemas["ItemMeta"]["examples"][0]["detail_url"].startswith("https://portal.example.org/")
    # The request body's example is built from what can be booked now (a free time, else a call back).
    assert schemas["RequestIn"]["examples"][0]["slot"] in (
        schemas["RequestIn"]["properties"]["slot"]["anyOf"][0].get("enum", []) + ["callback"]
    )


def test_links_lead_to_operations_with_those_parameters(document):
    operations = {
        operation["operationId"]: operation
        for path_item in document["paths"].values()
        for operation in path_item.values()
    }
    found = 0
    for source, by_status in LINKS.items():
        for status, links in by_status.items():
            documented = operations[source]["responses"][status]["links"]
            assert set(documented) == set(links), source
            for link in documented.values():
                target = operations[link["operationId"]]
                names = {parameter["name"] for parameter in target.get("parameters", [])}
                assert set(link.get("parameters", {})) <= names, link
                if "requestBody" in link:
                    assert "requestBody" in target
                found += 1
    assert found >= 9


def test_a_created_requests_token_is_what_its_status_link_takes(document):
    created = document["components"]["schemas"]["RequestCreated"]
    assert "token" in created["required"]
    link = document["paths"]["/api/v3/requests/"]["post"]["responses"]["201"]["links"]["RequestStatus"]
    assert link == {
        "operationId": "requests_status",
        "description": "The status of a request",
        "parameters": {"token": "$response.body#/token"},
    }
