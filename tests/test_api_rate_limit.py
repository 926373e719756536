"""The API's rate limit (home/antispam.py on POST /api/v3/requests/): RateLimit-Limit, -Remaining and -Reset
on every answer it counted, Retry-After and "too many requests" (not "form") in the client's language on
429, the headers readable by browsers on allowed origins, and all of it in the contract."""

import json

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

URL = "/api/v3/requests/"
# A request without resources (a consultation call-back only).
BODY = {
    "association_name": "Elternverein Regenbogen e.V.",
    "contact_name": "Leyla Demir",
    "email": "leyla@example.org",
    "phone": "0231 123456",
    "consultation_language": "tr",
    "plan_title": "Sommerfest",
    "plan_description": "Ein Fest für die Nachbarschaft.",
    "slot": "callback",
    "consent": True,
}


@pytest.fixture(autouse=True)
def two_per_hour(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "request-api": (2, 3600)}
    cache.clear()
    yield
    cache.clear()


def post(client, body=BODY, **headers):
    return client.post(URL, json.dumps(body), content_type="application/json", **headers)


def test_every_counted_answer_says_what_is_left(client):
    first = post(client)
    assert first.status_code == 201
    assert first["RateLimit-Limit"] == "2" and first["RateLimit-Remaining"] == "1"
    assert 1 <= int(first["RateLimit-Reset"]) <= 3600
    refused = post(client, {**BODY, "consent": False})  # a refused request counts too
    assert refused.status_code == 422 and refused["RateLimit-Remaining"] == "0"
    assert "Retry-After" not in refused
    blocked = post(client, HTTP_ACCEPT_LANGUAGE="ar")
    assert blocked.status_code == 429 and blocked["Content-Type"] == "application/problem+json"
    assert blocked["RateLimit-Remaining"] == "0"
    assert blocked["RateLimit-Reset"] == blocked["Retry-After"] and int(blocked["Retry-After"]) > 0
    problem = blocked.json()
    assert problem["status"] == 429 and problem["title"] != "Too many requests"
    assert "نموذج" not in problem["detail"], "the API has no form"


@pytest.mark.parametrize(
    "language, words",
    [("en", "Too many requests"), ("de", "Zu viele Anfragen")],
)
def test_the_429_speaks_of_requests_not_of_a_form(client, language, words):
    for _number in range(2):
        post(client)
    problem = post(client, HTTP_ACCEPT_LANGUAGE=language).json()
    assert problem["detail"].startswith(words)
    assert "form" not in problem["detail"].lower() and "formular" not in problem["detail"].lower()


def test_what_is_not_counted_has_no_rate_limit_headers(client):
    wrong_type = client.post(URL, "x", content_type="text/plain")
    assert wrong_type.status_code == 415 and "RateLimit-Remaining" not in wrong_type
    assert "RateLimit-Limit" not in client.get("/api/v3/resources/")


def test_browsers_on_allowed_origins_may_read_them(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example.org"]
    response = post(client, HTTP_ORIGIN="https://partner.example.org")
    assert response.status_code == 201
    exposed = {name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert {"ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "retry-after", "location"} <= exposed
    preflight = client.options(
        URL,
        HTTP_ORIGIN="https://partner.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, idempotency-key",
    )
    assert "idempotency-key" in preflight["Access-Control-Allow-Headers"].lower()


def test_documented_in_the_contract(client):
    document = client.get("/api/v3/openapi.json").json()
    responses = document["paths"][URL]["post"]["responses"]
    for status in ("201", "422", "429"):
        assert set(responses[status]["headers"]) >= {
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
        }
    assert "Retry-After" in responses["429"]["headers"]
    assert "RateLimit-Limit" not in responses["415"].get("headers", {})
    assert (
        "draft-ietf-httpapi-ratelimit-headers"
        in document["components"]["headers"]["RateLimit-Limit"]["description"]
    )
