"""The OpenAPI document as a contract (api/contract.py) and the server held to it (api/strict.py): valid
OpenAPI 3.1, English whatever the request's language, complete (servers, tags, descriptions, enums, dates,
headers), and query parameters the document does not name refused."""

import datetime
import re

import pytest
from django.utils import timezone
from openapi_spec_validator import OpenAPIV31SpecValidator

from api.main import api

pytestmark = pytest.mark.django_db

OPENAPI = "/api/v3/openapi.json"


@pytest.fixture
def document(client):
    return client.get(OPENAPI).json()


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_the_served_document_is_valid_openapi(client):
    response = client.get(OPENAPI)
    assert response.status_code == 200
    errors = [error.message for error in OpenAPIV31SpecValidator(response.json()).iter_errors()]
    assert errors == []


@pytest.mark.parametrize(
    "headers",
    [{}, {"HTTP_ACCEPT_LANGUAGE": "de"}, {"HTTP_ACCEPT_LANGUAGE": "ar"}, {"QUERY_STRING": "lang=tr"}],
)
def test_the_document_is_english_in_every_language(client, headers):
    query = headers.pop("QUERY_STRING", "")
    english = client.get(OPENAPI, HTTP_ACCEPT_LANGUAGE="en").content
    document = client.get(f"{OPENAPI}?{query}" if query else OPENAPI, **headers)
    assert document.status_code == 200
    assert document.content == english
    price = document.json()["components"]["schemas"]["Event"]["properties"]["price"]
    assert price["description"] == "0 for free of charge."
    assert price["default"] == "0", "a decimal is a string in JSON, so is its default"


def test_every_operation_and_parameter_is_described(document):
    for path, method, operation in operations(document):
        assert operation.get("description"), f"{method} {path}"
        for tag in operation["tags"]:
            assert tag in {tag["name"] for tag in document["tags"]}
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), f"{method} {path} {parameter['name']}"
    # The origin the document was read from (docs/api.md "Addresses").
    assert document["servers"] == [
        {"url": "http://testserver/", "description": document["servers"][0]["description"]}
    ]
    assert all(tag["description"] != tag["name"] for tag in document["tags"])


def test_fixed_value_sets_are_enums_and_dates_are_dates(document):
    schemas = document["components"]["schemas"]
    kind = schemas["ResourceKindChoice"]["properties"]["value"]
    assert kind["enum"] == ["lendable", "room", "money", "coaching", "other"]
    assert schemas["ResourceSummary"]["properties"]["kind"] == {
        "$ref": "#/components/schemas/ResourceKindChoice"
    }
    assert "enum" in schemas["PartnerOrganisationKindChoice"]["properties"]["value"]
    assert "enum" in schemas["EventPageKindChoice"]["properties"]["value"]
    categories = document["paths"]["/api/v3/resource-categories/"]["get"]["parameters"]
    icon = next(parameter for parameter in categories if parameter["name"] == "icon")
    assert "room" in icon["schema"]["items"]["enum"]
    resources = document["paths"]["/api/v3/resources/"]["get"]["parameters"]
    start = next(parameter for parameter in resources if parameter["name"] == "start")
    date = start["schema"]["anyOf"][0]
    assert date["type"] == "string"
    assert date["format"] == "date"
    # Today or later (`api.accepted.days_from`), as the server checks it: a pattern beside the format.
    today = timezone.localdate()
    assert re.fullmatch(date["pattern"], today.isoformat())
    assert re.fullmatch(date["pattern"], "9999-12-31")
    assert not re.fullmatch(date["pattern"], (today - datetime.timedelta(days=1)).isoformat())


def test_headers_and_not_modified_are_documented(document):
    for path, method, operation in operations(document):
        responses = operation["responses"]
        if method == "get" and "302" not in responses:
            assert set(responses["200"]["headers"]) >= {"ETag", "Last-Modified", "Cache-Control"}, path
            assert "304" in responses, path
    find = document["paths"]["/api/v3/pages/find/"]["get"]["responses"]
    assert "Location" in find["302"]["headers"]
    create = document["paths"]["/api/v3/requests/"]["post"]["responses"]
    assert create["201"]["headers"]["Location"] == {"$ref": "#/components/headers/Location"}
    assert "Retry-After" in create["429"]["headers"]
    assert document["components"]["headers"]["Retry-After"]["schema"]["type"] == "string"


def test_shared_schemas_have_examples(document):
    schemas = document["components"]["schemas"]
    for name in ("Problem", "ErrorItem", "Term", "DistrictLink", "FacetResult"):
        assert schemas[name]["examples"], name


def test_every_endpoints_url_name_is_its_operation_id(document):
    """`api.strict` finds an operation's parameters by the URL name Django resolved."""
    url_names = {pattern.name for pattern in api.urls[0]}
    for _path, _method, operation in operations(document):
        assert operation["operationId"] in url_names


# --- Strict parameters ------------------------------------------------------------------------------


def problem(response):
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def test_an_unknown_parameter_is_refused_with_a_suggestion(client):
    body = problem(client.get("/api/v3/resources/?categroy=raeume"))
    assert body["errors"] == [
        {
            "loc": ["query", "categroy"],
            "msg": "Unbekannter Parameter „categroy“. Meinten Sie „category“?",
            "type": "unknown_parameter",
        }
    ]


def test_an_unknown_parameter_without_a_near_miss_lists_what_the_address_takes(client):
    body = problem(client.get("/api/v3/districts/?lang=en&zzz=1"))
    (error,) = body["errors"]
    assert error["loc"] == ["query", "zzz"]
    assert error["msg"].startswith("Unknown parameter “zzz”. This address takes: ")
    assert "lang" in error["msg"] and "limit" in error["msg"]


def test_messages_come_in_the_requests_language(client):
    body = problem(client.get("/api/v3/resources/?lang=ar&categroy=raeume"))
    assert "categroy" in body["errors"][0]["msg"]
    assert "Unknown parameter" not in body["errors"][0]["msg"]
    assert body["title"] != "Invalid parameters"


def test_a_repeated_single_value_parameter_is_refused(client):
    body = problem(client.get("/api/v3/resources/?lang=en&limit=5&limit=50"))
    assert body["errors"] == [
        {"loc": ["query", "limit"], "msg": "Give this parameter only once.", "type": "repeated_parameter"}
    ]
    # A list parameter may be repeated; an unknown value of it is still refused, naming it.
    assert client.get("/api/v3/resources/?district=eving&district=mengede").status_code == 200
    body = problem(client.get("/api/v3/resources/?district=nonsense&district=eving"))
    assert body["errors"][0]["loc"] == ["query", "district"]


def test_known_parameters_still_work_and_head_and_post_are_checked_too(client):
    assert client.get("/api/v3/resources/?lang=en&limit=2&offset=1").status_code == 200
    assert client.head("/api/v3/resources/?limt=2").status_code == 422
    assert client.get("/api/v3/events/?lang=en&kind=workshop&kind=workshop").status_code == 422


def test_pages_accept_their_field_filters_and_nothing_else(client):
    assert client.get("/api/v3/pages/?slug=impressum").status_code == 200
    assert client.get("/api/v3/pages/?type=home.StandardPage&slug=so-funktionierts").status_code == 200
    body = problem(client.get("/api/v3/pages/?sulg=impressum"))
    assert body["errors"][0]["loc"] == ["query", "sulg"]


def test_pages_in_a_language_are_that_languages_pages(client):
    body = client.get("/api/v3/pages/?lang=ar&limit=100").json()
    assert body["language"] == "ar"
    assert body["items"]
    assert {item["meta"]["locale"] for item in body["items"]} == {"ar"}
    both = client.get("/api/v3/pages/?lang=ar&locale=de&limit=100").json()
    assert {item["meta"]["locale"] for item in both["items"]} == {"de"}
