"""Hostile input through every public form, filter, search box, feed and API parameter.

What a visitor (or a bot) can send must never answer 5xx, never come back as live markup, and a rejected
submission must leave nothing stored. The places are found rather than listed, so a new filter is covered
the day it appears: every GET form of the public listing pages (each input and select by its name), the
calendar feeds, the POST forms (request form, basket, partner contact) field by field, and every parameter
of every GET operation in the served OpenAPI document. The searching tests run on both engines (`engine`:
the database backend and Elasticsearch); SQLite's FTS5 gets the query syntax through every search box in
tests/test_embedded_default.py.
"""

import json
import time
from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from markup import parse

from home.antispam import form_token
from partners.models import PartnerContactMessage
from resource_requests.models import ResourceRequest

pytestmark = pytest.mark.django_db

MARKUP = "<script>alert(1)</script>"
HOSTILE = [
    "x" * 5000,  # over-long
    "\x00",
    "a\x00b",
    "' OR '1'='1' --",  # SQL
    '"',  # FTS5: an unmatched quote
    'title:raum^5 "unclosed',  # FTS5 columns, Elasticsearch boosts
    "NEAR(raum beamer",
    "raum* AND -beamer OR (",
    '{"match_all": {}}',  # Elasticsearch query DSL
    "/.*/",  # Lucene regular expression
    MARKUP,
    '"><svg/onload=alert(1)>',
    "a\r\nBcc: spam@example.org",  # header injection
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "2026-02-31",
    "../../etc/passwd",
    "\u202egnp.exe",  # right-to-left override
    "🙂" * 50,
]
# Public pages whose forms are listings, filters and search boxes (GET), in German and Arabic.
LISTINGS = [
    "/de/suche/",
    "/de/ressourcen/",
    "/de/partner/",
    "/de/veranstaltungen/",
    "/de/veranstaltungen/past/",
    "/de/engagement/",
    "/ar/resources/",
]
FEEDS = ["/de/veranstaltungen/ics/", "/de/suche/vorschlaege/"]


@pytest.fixture(autouse=True)
def no_limits(settings):
    """Hundreds of submissions from one address: the rate limits are not what these tests look at."""
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, (1_000_000, 3600))
    cache.clear()
    yield
    cache.clear()


def get_forms(client, url):
    """(action, [parameter names]) of every GET form on the page."""
    page = parse(client.get(url).content.decode())
    found = []
    for form in page.find_all("form"):
        if form.get("method", "get").lower() != "get":
            continue
        names = sorted(
            {tag["name"] for tag in form.find_all(["input", "select", "textarea"]) if tag.get("name")}
        )
        found.append((form.get("action") or url, names))
    return found


def check(response, url, failures):
    """Record what must never happen: a server error, or the hostile markup coming back where a browser
    would run it (an HTML page; other types are sent with `nosniff`, so a browser never reads them as HTML).
    """
    if response.status_code >= 500:
        failures.append((url[:200], response.status_code))
    body = b"".join(response) if response.streaming else response.content
    if MARKUP.encode() in body:
        if response.get("Content-Type", "text/html").startswith("text/html"):
            failures.append((url[:200], "markup reflected"))
        if response.get("X-Content-Type-Options") != "nosniff":
            failures.append((url[:200], "reflected without nosniff"))


def test_every_filter_search_box_and_feed_takes_hostile_values(client, engine):
    failures, sent = [], 0
    places = [place for url in LISTINGS for place in get_forms(client, url)]
    places += [(url, ["q", "page", "month", "category", "district"]) for url in FEEDS]
    assert sum(len(names) for _action, names in places) >= 25, places
    for action, names in places:
        for name in [*names, "unknown"]:
            if engine == "elasticsearch" and name != "q":
                continue  # only the free text reaches the search engine; the rest ran on the database
            for value in HOSTILE:
                url = f"{action}?{urlencode({name: value})}"
                check(client.get(url), url, failures)
                sent += 1
            repeated = f"{action}?" + "&".join(f"{quote(name)}={number}" for number in range(300))
            check(client.get(repeated), repeated, failures)
    assert failures == [], failures
    assert sent >= (1000 if engine == "database" else 100), sent


def test_every_api_parameter_takes_hostile_values(client, engine):
    schema = client.get("/api/v3/openapi.json").json()
    failures, sent = [], 0
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        parameters = operation.get("parameters", [])
        in_path = [parameter["name"] for parameter in parameters if parameter["in"] == "path"]
        in_query = [parameter["name"] for parameter in parameters if parameter["in"] == "query"]
        for value in HOSTILE:
            filled = path
            for name in in_path:
                filled = filled.replace("{" + name + "}", quote(value, safe="") or "x")
            url = "/api/v3" + filled
            check(client.get(url), url, failures)
            sent += 1
            for name in in_query:
                url = "/api/v3" + path.replace("{", "").replace("}", "") + "?" + urlencode({name: value})
                if in_path:
                    url = "/api/v3" + path
                    for part in in_path:
                        url = url.replace("{" + part + "}", "1")
                    url += "?" + urlencode({name: value})
                response = client.get(url)
                check(response, url, failures)
                problem = response["Content-Type"] == "application/problem+json"
                if 400 <= response.status_code < 500 and response.status_code != 404 and not problem:
                    failures.append((url[:200], "not problem JSON"))
                sent += 1
    assert failures == [], failures
    assert sent >= 500, sent


@pytest.mark.parametrize(
    "query",
    [
        "q=%FF%FE%FD",  # not UTF-8
        "q=%C0%AF",  # overlong UTF-8
        "q=%00",
        "q=a&q=b&q=c",
        "page=1&page=2",
        "q=" + "%22" * 1000,
        "&&&==&=",
    ],
)
def test_broken_query_strings(client, query):
    failures = []
    for url in [*LISTINGS, *FEEDS, "/api/v3/pages/", "/api/v3/resources/", "/api/v3/partners/"]:
        check(client.get(f"{url}?{query}"), url, failures)
    assert failures == [], failures


def request_form(**changes):
    data = {
        "action": "send",
        "association_name": "Elternverein Regenbogen e.V.",
        "contact_name": "Leyla Demir",
        "email": "leyla@example.org",
        "phone": "0231 123456",
        "consultation_language": "de",
        "plan_title": "Sommerfest",
        "plan_description": "Ein Fest für die Nachbarschaft.",
        "slot": "callback",
        "consent": "on",
        "honeypot": "",
        "form_started": form_token(time.time() - 60),
    }
    data.update(changes)
    return data


def contact_form(**changes):
    data = {
        "name": "Leyla Demir",
        "association": "Elternverein Regenbogen e.V.",
        "email": "leyla@example.org",
        "message": "Wir planen ein Gartenfest im Juni und suchen Beete für unsere Kindergruppe.",
        "consent": "on",
        "honeypot": "",
        "form_started": form_token(time.time() - 60),
    }
    data.update(changes)
    return data


FORMS = [
    ("/de/anfrage/", request_form, ResourceRequest),
    ("/de/partner/nachbarschaftsgarten-huckarde-ev/", contact_form, PartnerContactMessage),
]


@pytest.mark.parametrize("url, form, model", FORMS, ids=["request", "partner-contact"])
def test_hostile_form_fields_store_nothing_when_refused(client, url, form, model):
    failures, sent = [], 0
    fields = [name for name in form() if name not in ("action", "honeypot")]
    for name in fields:
        for value in HOSTILE:
            before = model.objects.count()
            response = client.post(url, form(**{name: value}))
            sent += 1
            check(response, f"{url} {name}={value[:30]!r}", failures)
            if response.status_code != 302 and model.objects.count() != before:
                failures.append((url, name, value[:30], "stored although refused"))
    assert failures == [], failures
    assert sent >= len(fields) * len(HOSTILE) >= 100


def test_the_basket_takes_hostile_values(client):
    failures = []
    for name in ["resource", "add-quantity", "add-start", "add-end", "add-amount"]:
        for value in HOSTILE:
            data = {"resource": "1", "add-quantity": "1", name: value}
            check(client.post("/de/anfrage/basket/", data), f"basket {name}", failures)
    assert failures == [], failures


def nested(depth):
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    "body, content_type",
    [
        (nested(100_000), "application/json"),  # deeper than any parser's recursion
        ('{"association_name": ' + nested(5_000) + "}", "application/json"),
        ('{"items": [' + ",".join(['{"resource": 1}'] * 10_000) + "]}", "application/json"),
        (b"\xff\xfe{not utf-8}", "application/json"),
        ('{"association_name": "\\u0000"}', "application/json"),
        ("[]", "application/json"),
        ("null", "application/json"),
        ('"text"', "application/json"),
        ("1e999999", "application/json"),
        ('{"slot": 1e309, "consent": true}', "application/json"),
        ("association_name=x", "application/x-www-form-urlencoded"),
        ('{"a": 1}', "text/plain"),
        ('{"a": 1}', "application/json; charset=latin-1"),
    ],
)
def test_the_request_api_takes_hostile_bodies(client, body, content_type):
    response = client.post("/api/v3/requests/", body, content_type=content_type)
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/problem+json"
    assert not ResourceRequest.objects.filter(source="api").exists()


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options", "trace"])
def test_wrong_methods_are_answered_cleanly(client, method):
    """The API and the request form refuse them (405); Wagtail's pages answer any method like GET."""
    for url in ["/api/v3/requests/", "/api/v3/pages/", "/api/v3/resources/", "/de/anfrage/"]:
        response = getattr(client, method)(url, json.dumps({"a": 1}), content_type="application/json")
        assert response.status_code in (200, 204, 405), (url, method, response.status_code)
        assert response.status_code == 405 or method == "options", (url, method, response.status_code)
    for url in ["/de/ressourcen/", "/de/partner/", "/de/suche/?q=Raum"]:
        response = getattr(client, method)(url, json.dumps({"a": 1}), content_type="application/json")
        assert response.status_code < 500, (url, method, response.status_code)
    assert not ResourceRequest.objects.filter(source="api").exists()
