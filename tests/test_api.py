"""The headless API as a client meets it: vocabulary endpoints, languages, facets, pagination, errors,
caching headers and CORS. Pages are in test_api_pages.py, privacy in test_api_privacy.py."""

import json
import re

import pytest
from django.test import override_settings
from django.utils import timezone
from markup import select
from wagtail.models import ModelLogEntry

from taxonomy.factories import EngagementFieldFactory
from taxonomy.models import EngagementField, ResourceCategory

pytestmark = pytest.mark.django_db

DISTRICTS = {
    "Innenstadt-West",
    "Innenstadt-Nord",
    "Innenstadt-Ost",
    "Eving",
    "Scharnhorst",
    "Brackel",
    "Aplerbeck",
    "Hörde",
    "Hombruch",
    "Lütgendortmund",
    "Huckarde",
    "Mengede",
}


def problem(response, status):
    """The response is a structured error with this status; returns its JSON."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_index_names_every_endpoint_and_each_answers(client):
    index = client.get("/api/v3/").json()
    assert set(index["endpoints"]) == {
        "pages",
        "resources",
        "partners",
        "events",
        "examples",
        "cooperation-topics",
        "target-groups",
        "spoken-languages",
        "districts",
        "engagement-fields",
        "resource-categories",
        "requests",
        "consultation-times",
        "changes",
    }
    for name, url in [*index["endpoints"].items(), ("openapi", index["openapi"]), ("docs", index["docs"])]:
        # Requests are submitted (POST), never listed.
        assert client.get(url).status_code == (405 if name == "requests" else 200), url


def test_districts_are_the_twelve_of_dortmund(client):
    body = client.get("/api/v3/districts/").json()
    assert body["count"] == 12
    assert {item["name"] for item in body["items"]} == DISTRICTS
    first = body["items"][0]
    assert first["meta"]["type"] == "taxonomy.District"
    detail = client.get(first["meta"]["detail_url"]).json()
    assert detail["slug"] == first["slug"] and detail["name"] == first["name"]


def test_vocabulary_comes_in_the_language_asked_for(client):
    arabic = client.get("/api/v3/engagement-fields/?lang=ar").json()
    assert arabic["language"] == "ar"
    names = {item["slug"]: item["name"] for item in arabic["items"]}
    assert names["kulturelle-vielfalt"] == "التنوع الثقافي"
    assert all(item["meta"]["locale"] == "ar" and not item["meta"]["fallback"] for item in arabic["items"])

    turkish = client.get(
        "/api/v3/engagement-fields/kulturelle-vielfalt/", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9"
    )
    assert turkish.json()["name"] == "Kültürel çeşitlilik"
    assert turkish["Content-Language"] == "tr"
    assert "Accept-Language" in turkish["Vary"], "the header chose the language, so caches must know"

    by_parameter = client.get("/api/v3/engagement-fields/?lang=uk", HTTP_ACCEPT_LANGUAGE="tr")
    assert by_parameter.json()["items"][0]["name"] == "Культурне розмаїття"
    assert "Accept-Language" not in by_parameter.get("Vary", "")

    unknown = client.get("/api/v3/engagement-fields/", HTTP_ACCEPT_LANGUAGE="fr-FR")
    assert unknown.json()["language"] == "de"


def test_each_item_links_its_translations(client):
    item = client.get("/api/v3/resource-categories/raeume/?lang=en").json()
    assert item["name"] == "Rooms"
    links = {link["locale"]: link["detail_url"] for link in item["meta"]["translations"]}
    assert set(links) == {"de", "tr", "ar", "uk", "pl"}
    assert client.get(links["ar"]).json()["name"] == "القاعات"


def test_german_stands_in_where_a_translation_is_missing(client):
    EngagementFieldFactory(name="Sport und Bewegung", slug="sport", sort_order=99)
    items = client.get("/api/v3/engagement-fields/?lang=ar").json()["items"]
    sport = next(item for item in items if item["slug"] == "sport")
    assert sport["name"] == "Sport und Bewegung"
    assert sport["meta"]["locale"] == "de" and sport["meta"]["fallback"] is True
    assert len(items) == 8, "each term once: the Arabic one where it exists, else the German one"
    detail = client.get("/api/v3/engagement-fields/sport/?lang=ar").json()
    assert detail["meta"]["fallback"] is True and detail["meta"]["translations"] == []


def test_an_unpublished_translation_falls_back_to_german(client):
    arabic = EngagementField.objects.get(slug="umwelt", locale__language_code="ar")
    arabic.live = False
    arabic.save()
    item = client.get("/api/v3/engagement-fields/umwelt/?lang=ar").json()
    assert item["name"] == "Umwelt" and item["meta"]["fallback"] is True
    assert "ar" not in {link["locale"] for link in item["meta"]["translations"]}


def test_facet_filters_and_counts(client):
    body = client.get("/api/v3/resource-categories/?icon=room&icon=money").json()
    assert {item["slug"] for item in body["items"]} == {"raeume", "kostenuebernahme"}
    (facet,) = body["facets"]
    assert facet["name"] == "icon"
    counts = {choice["value"]: (choice["count"], choice["selected"]) for choice in facet["choices"]}
    assert counts["room"] == (1, True) and counts["money"] == (1, True) and counts["other"] == (1, False)
    assert len(counts) == len(ResourceCategory.Icon.choices)
    labels = {choice["value"]: choice["label"] for choice in facet["choices"]}
    assert labels["room"] == "Räume"
    arabic = client.get("/api/v3/resource-categories/?icon=room&lang=ar").json()
    assert arabic["items"][0]["icon"] == {"value": "room", "label": "القاعات"}


def test_unknown_facet_value_is_a_clear_error_in_the_visitors_language(client):
    # A fixed set of values is an enum in the OpenAPI document; the schema refuses what is not in it.
    body = problem(client.get("/api/v3/resource-categories/?icon=spaceship"), 422)
    (error,) = body["errors"]
    assert error["loc"] == ["query", "icon", 0]
    assert (
        error["msg"].startswith("Bitte einen dieser Werte verwenden: 'coaching'") and "'room'" in error["msg"]
    )
    assert body["title"] == "Ungültige Angaben"
    arabic = problem(client.get("/api/v3/resource-categories/?icon=spaceship&lang=ar"), 422)
    assert arabic["title"] == "بيانات غير صالحة"
    assert "'room'" in arabic["errors"][0]["msg"] and arabic["errors"][0]["msg"] != error["msg"]


def test_pagination_links_and_limits(client):
    body = client.get("/api/v3/districts/?limit=5&offset=10").json()
    assert (body["count"], body["limit"], body["offset"], len(body["items"])) == (12, 5, 10, 2)
    assert body["next"] is None
    assert "offset=5" in body["previous"] and "limit=5" in body["previous"]
    first = client.get("/api/v3/districts/?limit=5").json()
    assert first["previous"] is None
    following = client.get(first["next"]).json()
    assert following["offset"] == 5
    assert not {item["slug"] for item in following["items"]} & {item["slug"] for item in first["items"]}


def test_an_offset_past_the_end_is_an_empty_page_not_an_error(client):
    body = client.get(f"/api/v3/districts/?offset={10**30}").json()
    assert body["items"] == [] and body["count"] == 12 and body["next"] is None
    assert body["previous"].startswith("http://testserver/api/v3/districts/")


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("limit=abc", "limit"),
        ("offset=-1", "offset"),
        ("offset=1e9", "offset"),
        ("lang=xx", "lang"),
        ("lang=" + "a" * 5000, "lang"),
    ],
)
def test_nonsense_parameters_are_422_naming_the_parameter(client, query, parameter):
    body = problem(client.get(f"/api/v3/engagement-fields/?{query}"), 422)
    assert ["query", parameter] in [error["loc"] for error in body["errors"]]


def test_nonsense_in_addresses_is_4xx_json(client):
    problem(client.get("/api/v3/districts/no-such-district/"), 404)
    problem(client.get("/api/v3/districts/%3Cscript%3E/"), 422)
    problem(client.get("/api/v3/districts/" + "x" * 300 + "/"), 422)
    problem(client.get("/api/v3/nothing-here/"), 404)
    problem(client.get("/api/nothing/"), 404)
    problem(client.get("/api/v3/districts/?lang=de%00"), 422)
    assert problem(client.get("/api/v3/pages/find/?html_path=/de/%00/"), 422)["errors"][0]["loc"] == [
        "query",
        "html_path",
    ]
    not_allowed = problem(client.post("/api/v3/districts/"), 405)
    assert not_allowed["title"] == "Methode nicht erlaubt"


def test_a_missing_api_address_is_not_redirected_to_a_language(client):
    """The web site redirects /x to /de/x; the API must answer 404 where it is asked."""
    response = client.get("/api/v3/does-not-exist", HTTP_ACCEPT_LANGUAGE="ar")
    body = problem(response, 404)
    assert body["title"] == "غير موجود"


def test_markup_in_fields_is_data_never_markup(client):
    EngagementFieldFactory(
        name='<script>alert("x")</script><b>Fett</b>', slug="markup", description="<img src=x>"
    )
    response = client.get("/api/v3/engagement-fields/markup/")
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    item = response.json()
    assert item["name"] == '<script>alert("x")</script><b>Fett</b>'
    assert item["description"] == "<img src=x>"


def test_very_long_text_is_served_whole(client):
    EngagementFieldFactory(name="Lang", slug="lang", description="Wort " * 99)
    assert client.get("/api/v3/engagement-fields/lang/").json()["description"] == "Wort " * 99


# --- Caching headers ------------------------------------------------------------------------------


def test_reads_carry_validators_and_revalidate_with_304(client):
    response = client.get("/api/v3/engagement-fields/?lang=tr")
    etag, modified = response["ETag"], response["Last-Modified"]
    assert etag.startswith('"') and modified
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]

    again = client.get("/api/v3/engagement-fields/?lang=tr", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    assert (
        client.get("/api/v3/engagement-fields/?lang=tr", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    )
    earlier = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get("/api/v3/engagement-fields/?lang=tr", HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    assert client.get("/api/v3/engagement-fields/?lang=ar", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_publishing_a_change_invalidates_both_validators(client):
    url = "/api/v3/engagement-fields/umwelt/"
    before = client.get(url)
    field = EngagementField.objects.get(slug="umwelt", locale__language_code="de")
    field.name = "Umwelt und Klima"
    revision = field.save_revision()
    revision.publish()
    # Last-Modified has a resolution of one second: make the publication clearly later than the read.
    ModelLogEntry.objects.filter(action="wagtail.publish", object_id=str(field.pk)).update(
        timestamp=timezone.now() + timezone.timedelta(seconds=5)
    )
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after.json()["name"] == "Umwelt und Klima"
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=before["Last-Modified"]).status_code == 200


def test_head_is_answered_like_get_without_a_body(client):
    get = client.get("/api/v3/districts/")
    head = client.head("/api/v3/districts/")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"]


def test_errors_are_not_marked_cacheable(client):
    response = client.get("/api/v3/districts/nowhere/")
    assert not response.has_header("ETag")
    assert "max-age" not in response.get("Cache-Control", "")


# --- CORS -----------------------------------------------------------------------------------------


@override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example.org"])
def test_cors_allows_the_configured_origins_on_the_api_only(client):
    allowed = client.get("/api/v3/districts/", HTTP_ORIGIN="https://partner.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example.org"
    exposed = {name.strip() for name in allowed["Access-Control-Expose-Headers"].lower().split(",")}
    assert exposed >= {"etag", "last-modified", "content-language", "location", "retry-after"}
    assert "Access-Control-Allow-Credentials" not in allowed

    other = client.get("/api/v3/districts/", HTTP_ORIGIN="https://elsewhere.example.com")
    assert "Access-Control-Allow-Origin" not in other

    preflight = client.options(
        "/api/v3/districts/",
        HTTP_ORIGIN="https://partner.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept-language, if-none-match",
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]

    web = client.get("/de/", HTTP_ORIGIN="https://partner.example.org")
    assert "Access-Control-Allow-Origin" not in web, "the web pages are not shared cross-origin"


def test_no_origin_is_allowed_by_default(client):
    response = client.get("/api/v3/districts/", HTTP_ORIGIN="https://partner.example.org")
    assert "Access-Control-Allow-Origin" not in response


# --- The reference page ---------------------------------------------------------------------------


def test_reference_page_shows_every_endpoint_with_an_example(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    for language, heading in (
        ("de", "API für Entwicklerinnen und Entwickler"),
        ("ar", "واجهة برمجة التطبيقات للمطوّرين"),
    ):
        page = client.get(f"/{language}/api/").content.decode()
        assert f"<h1>{heading}</h1>" in page
        assert f'<html lang="{language}"' in page
        operations = [(method.upper(), path) for path, item in paths.items() for method in item]
        for method, path in operations:
            assert f"<code>{method} {path}</code>" in page, path
        # The example commands are text (a regular expression on the command line, not on the markup).
        commands = [code.get_text() for code in select(page, "pre.api-operation__example code")]
        get = re.compile(r"curl -H 'Accept: application/json' 'http://testserver([^']*)'")
        post = re.compile(
            r"curl -X POST -H 'Content-Type: application/json' -d '(.*)' 'http://testserver([^']*)'", re.S
        )
        examples = [match.group(1) for command in commands if (match := get.fullmatch(command))]
        posts = [match.groups() for command in commands if (match := post.fullmatch(command))]
        assert len(examples) + len(posts) == len(operations)
        for example in examples:
            if "{token}" in example:
                continue  # a request's status needs its private token, which no public page shows
            answer = client.get(example)
            assert answer.status_code in (200, 302), example  # find redirects to the page
        for body, url in posts:
            assert json.loads(body)["consent"] is True
            assert url == f"/api/v3/requests/?lang={language}", "the e-mails' language: the reference's"
        assert 'hreflang="tr"' in page, "the reference exists in every language"


def test_swagger_ui_links_the_reference_in_the_clients_language(client):
    page = client.get("/api/v3/docs/", HTTP_ACCEPT_LANGUAGE="tr").content.decode()
    assert 'href="/tr/api/"' in page and "API açıklaması kendi dilinizde" in page
    assert "cdn" not in page.lower()
    assert "/static/ninja/swagger-ui-bundle.js" in page


def test_validation_messages_are_in_the_clients_language_and_name_the_parameter(client):
    german = problem(client.get("/api/v3/resources/?limit=1000&category=" + "x" * 300), 422)
    messages = {tuple(error["loc"]): error["msg"] for error in german["errors"]}
    assert messages[("query", "limit")] == "Bitte eine Zahl von höchstens 100 angeben."
    assert messages[("query", "category", 0)] == "Bitte höchstens 255 Zeichen verwenden."
    arabic = problem(client.get("/api/v3/pages/find/", HTTP_ACCEPT_LANGUAGE="ar"), 422)
    assert arabic["errors"] == [
        {"loc": ["query", "html_path"], "msg": "هذا المعامل إلزامي.", "type": "missing"}
    ]
    polish = problem(client.get("/api/v3/districts/?lang=xx", HTTP_ACCEPT_LANGUAGE="pl"), 422)
    assert polish["errors"][0]["msg"].startswith("Użyj jednej z tych wartości: 'de', 'en'")
