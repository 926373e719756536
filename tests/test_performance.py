"""Queries per page: bounded, and not growing with what the page shows."""

import pytest

from home.models import NavigationMenu

pytestmark = pytest.mark.django_db

MAX_QUERIES = 30


@pytest.mark.parametrize("url", ["/de/", "/de/so-funktionierts/", "/ar/how-it-works/", "/uk/impressum/"])
def test_page_queries_are_bounded(client, django_assert_max_num_queries, url):
    client.get(url)  # warm caches that live longer than a request (site root paths)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200


def test_queries_do_not_grow_with_menu_links(client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/de/")
    with CaptureQueriesContext(connection) as before:
        client.get("/de/")
    menu = NavigationMenu.objects.get(slot="main", locale__language_code="de")
    links = list(menu.items.raw_data)
    menu.items = links * 4  # the same pages four times over
    menu.save()
    with CaptureQueriesContext(connection) as after:
        client.get("/de/")
    assert len(after.captured_queries) == len(before.captured_queries)
