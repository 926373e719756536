"""Queries per API request: bounded, and the same for 2 items as for 100. Payloads stay small."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from catalogue.factories import EngagementFieldFactory, ResourceCategoryFactory

pytestmark = pytest.mark.django_db

MAX_LIST_QUERIES = 12
MAX_DETAIL_QUERIES = 30

LISTS = [
    "/api/v3/districts/?",
    "/api/v3/engagement-fields/?lang=ar&",
    "/api/v3/resource-categories/?lang=tr&icon=other&",
    "/api/v3/pages/?",
    "/api/v3/pages/?locale=uk&",
]


@pytest.fixture
def many_items():
    """More items than the smaller page shows, German-only ones among them (German stands in)."""
    for number in range(30):
        EngagementFieldFactory(name=f"Feld {number}", slug=f"feld-{number}", sort_order=100 + number)
        ResourceCategoryFactory(name=f"Art {number}", slug=f"art-{number}", sort_order=100 + number)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured.captured_queries), response


@pytest.mark.parametrize("url", LISTS)
def test_list_queries_do_not_grow_with_the_page_size(client, many_items, url):
    client.get(url + "limit=1")  # caches that outlive a request (site root paths, locales)
    small, small_response = queries(client, url + "limit=2")
    large, large_response = queries(client, url + "limit=100")
    assert len(large_response.json()["items"]) > len(small_response.json()["items"])
    assert small == large, (small, large)
    assert large <= MAX_LIST_QUERIES


@pytest.mark.parametrize("slug, language", [("so-funktionierts", "de"), ("about", "ar"), ("impressum", "uk")])
def test_page_detail_queries_are_bounded(client, slug, language):
    page = Page.objects.get(slug=slug, locale__language_code=language)
    client.get(f"/api/v3/pages/{page.pk}/")  # renditions are made on the first request
    count, _response = queries(client, f"/api/v3/pages/{page.pk}/")
    assert count <= MAX_DETAIL_QUERIES


def test_vocabulary_payloads_stay_small(client, many_items):
    for url in ("/api/v3/districts/?limit=100", "/api/v3/engagement-fields/?lang=ar&limit=100"):
        response = client.get(url)
        body = response.json()
        assert len(response.content) / len(body["items"]) < 1500, url


def test_a_304_costs_no_more_than_a_200(client):
    url = "/api/v3/engagement-fields/?lang=ar"
    count, response = queries(client, url)
    with CaptureQueriesContext(connection) as captured:
        revalidated = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert revalidated.status_code == 304
    assert len(captured.captured_queries) <= count
