"""`fields=` on the API's lists and details (api/fields.py): only the fields asked for, every field with
`*`, all but some with `-name`; `id` and `meta` always; unknown names a 422 naming them in the request's
language; documented per operation; no more queries than without."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventPage

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def first_event():
    return EventPage.objects.live().public().filter(locale__language_code="de").order_by("pk").first()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/resources/",
        "/api/v3/partners/",
        "/api/v3/events/",
        "/api/v3/examples/",
        "/api/v3/pages/",
        "/api/v3/engagement-fields/",
        "/api/v3/districts/",
    ],
)
def test_a_list_sends_only_the_fields_asked_for(client, url):
    everything = get(client, url, lang="de")
    assert everything["items"]
    name = "name" if "name" in everything["items"][0] else "title"
    chosen = get(client, url, lang="de", fields=name)
    assert chosen["count"] == everything["count"]
    assert [set(item) for item in chosen["items"]] == [{"id", "meta", name}] * len(chosen["items"])
    assert [item[name] for item in chosen["items"]] == [item[name] for item in everything["items"]]
    assert get(client, url, lang="de", fields="*")["items"] == everything["items"]
    dropped = get(client, url, lang="de", fields=f"-{name}")
    assert [set(item) for item in dropped["items"]] == [set(item) - {name} for item in everything["items"]]


def test_a_detail_leaves_out_what_is_not_wanted(client):
    event = first_event()
    url = f"/api/v3/events/{event.pk}/"
    everything = get(client, url, lang="de")
    assert "description" in everything
    slim = get(client, url, lang="de", fields="-description,-target_groups")
    assert set(slim) == set(everything) - {"description", "target_groups"}
    assert get(client, url, lang="de", fields="title,starts_at") == {
        "id": everything["id"],
        "meta": everything["meta"],
        "title": everything["title"],
        "starts_at": everything["starts_at"],
    }
    page = get(client, f"/api/v3/pages/{event.pk}/", fields="title")
    assert set(page) == {"id", "meta", "title"}
    assert page["meta"]["type"] == "events.EventPage"


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("titel", "de", "Meinten Sie „title“?"),
        ("title,nonsense", "en", "Unknown field “nonsense”"),
        ("-id", "en", "“id” always comes"),
        ("-meta", "en", "“meta” always comes"),
        ("title,,slug", "en", "separated by commas"),
        ("", "en", "separated by commas"),
    ],
)
def test_a_field_that_is_not_there_is_a_422_naming_it(client, value, language, expected):
    response = client.get("/api/v3/resources/", {"fields": value, "lang": language})
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert [error["loc"] for error in errors] == [["query", "fields"]]
    assert expected in errors[0]["msg"]


def test_fields_is_refused_where_there_are_no_items(client):
    response = client.get("/api/v3/changes/", {"fields": "id"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "fields"]


def test_every_read_of_items_documents_fields_with_its_names(client):
    document = client.get("/api/v3/openapi.json").json()
    documented = {}
    for item in document["paths"].values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "fields":
                    documented[operation["operationId"]] = parameter
    reads = {
        operation["operationId"]
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method == "get"
        and path.count("/") > 3
        and not path.startswith(("/api/v3/requests/", "/api/v3/changes/"))
        and operation["operationId"] != "pages_find"
    }
    assert set(documented) == reads
    assert "`starts_at`" in documented["events_detail"]["description"]
    assert "`availability`" in documented["resources_list"]["description"]
    summary = document["components"]["schemas"]["ResourceSummary"]
    assert summary["required"] == ["id", "meta"]


@pytest.mark.parametrize("url", ["/api/v3/resources/", "/api/v3/events/", "/api/v3/partners/"])
def test_choosing_fields_costs_no_queries(client, url):
    get(client, url, lang="ar")  # warm the per-process caches
    with CaptureQueriesContext(connection) as plain:
        get(client, url, lang="ar")
    with CaptureQueriesContext(connection) as chosen:
        get(client, url, lang="ar", fields="id")
    assert len(chosen) <= len(plain)
