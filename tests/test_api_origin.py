"""Every address in the API's answers is at the origin the request came to (docs/api.md "Addresses"):
another host and port, and https behind a proxy (`X-Forwarded-Proto`), than the default site's root URL."""

import json

import pytest
from django.core.cache import cache
from test_api_rate_limit import BODY as CALLBACK_REQUEST

from catalogue.models import Resource
from events.models import EventPage

pytestmark = pytest.mark.django_db

ORIGIN = "https://localhost:8443"
HOST = {"HTTP_HOST": "localhost:8443", "HTTP_X_FORWARDED_PROTO": "https"}
# Keys whose values are addresses of the portal (a partner's own `website` is not).
LINK_KEYS = {"next", "previous", "openapi", "docs", "reference", "status_page", "all", "filtered", "url"}


@pytest.fixture(autouse=True)
def behind_a_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = False
    cache.clear()
    yield
    cache.clear()


def links(data, key=""):
    """Every (key, address) of the portal in an answer."""
    if isinstance(data, dict):
        for name, value in data.items():
            yield from links(value, name)
    elif isinstance(data, list):
        for value in data:
            yield from links(value, key)
    elif (
        isinstance(data, str)
        and (key.endswith("_url") or key.endswith("_webcal") or key in LINK_KEYS)
        and data.startswith(("http://", "https://", "webcal://"))
    ):
        yield key, data


def assert_at_the_origin(data):
    found = list(links(data))
    assert found
    wrong = [(key, url) for key, url in found if not url.split("://", 1)[1].startswith("localhost:8443/")]
    assert not wrong, wrong
    assert all(url.startswith((f"{ORIGIN}/", "webcal://localhost:8443/")) for _, url in found), found
    return found


def test_site_root_url_is_another_origin():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert not site.root_url.startswith(ORIGIN)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/",
        "/api/v3/resources/?lang=ar&limit=2&offset=2",
        "/api/v3/partners/?lang=tr&limit=2&offset=2",
        "/api/v3/events/?lang=uk&limit=2&offset=2&field=bildung",
        "/api/v3/examples/?lang=en&limit=2&offset=2",
        "/api/v3/pages/?lang=de&limit=2&offset=2",
        "/api/v3/districts/?lang=pl&limit=2&offset=2",
        "/api/v3/consultation-times/?lang=ar&limit=2",
        "/api/v3/changes/?since=2000-01-01T00:00:00Z&limit=5",
    ],
)
def test_lists_link_at_the_requests_origin(client, url):
    response = client.get(url, **HOST)
    assert response.status_code == 200, response.content
    found = assert_at_the_origin(response.json())
    if "limit=2&offset=2" in url:
        assert "previous" in {key for key, _ in found}


def test_details_link_at_the_requests_origin(client):
    resource = Resource.objects.live().filter(locale__language_code="de").first()
    event = EventPage.objects.live().filter(locale__language_code="de").first()
    for url in (
        f"/api/v3/resources/{resource.pk}/?lang=ar",
        f"/api/v3/events/{event.pk}/?lang=tr",
        f"/api/v3/pages/{event.pk}/",
    ):
        response = client.get(url, **HOST)
        assert response.status_code == 200, url
        found = assert_at_the_origin(response.json())
        assert "html_url" in {key for key, _ in found}, url


def test_the_document_serves_its_own_origin(client):
    document = client.get("/api/v3/openapi.json", **HOST).json()
    assert document["servers"][0]["url"] == f"{ORIGIN}/"
    plain = client.get("/api/v3/openapi.json").json()
    assert plain["servers"][0]["url"] == "http://testserver/"


def test_a_created_request_links_at_the_requests_origin(client):
    body = CALLBACK_REQUEST
    response = client.post("/api/v3/requests/", json.dumps(body), content_type="application/json", **HOST)
    assert response.status_code == 201, response.content
    assert response["Location"].startswith(f"{ORIGIN}/api/v3/requests/")
    assert_at_the_origin(response.json())
    status = client.get(response.json()["status_url"].removeprefix(ORIGIN), **HOST)
    assert status.json()["status_page"].startswith(f"{ORIGIN}/")
