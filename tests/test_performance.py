"""Queries per page: bounded, and not growing with what the page shows."""

import contextlib

import pytest
from django.db import connection

from home.models import NavigationMenu

pytestmark = pytest.mark.django_db

MAX_QUERIES = 30
# Queries the frame costs when it is built: the menus, their pages, contact data, the home link.
FRAME_QUERIES = 4


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


@contextlib.contextmanager
def statements():
    """The SQL run inside the block (an execute wrapper: CaptureQueriesContext slices a bounded log, which
    is off once a long-lived test connection has logged 9,000 queries)."""
    sql = []

    def record(execute, statement, params, many, context):
        sql.append(statement)
        return execute(statement, params, many, context)

    with connection.execute_wrapper(record):
        yield sql


@pytest.mark.parametrize(
    "url", ["/de/so-funktionierts/", "/ar/how-it-works/", "/de/ressourcen/", "/de/partner/"]
)
def test_the_frame_is_built_once_per_generation(client, settings, url):
    """With the page cache on, a page the cache misses still takes menus, contact data and the home link
    from the frame cache (home/page_cache.py): none of their queries, fewer queries than building it all."""
    client.get(url)  # warm caches that live longer than a request (site root paths)
    with statements() as built:
        client.get(url)
    settings.PAGE_CACHE_SECONDS = 300
    language = url.split("/")[1]
    client.get(f"/{language}/impressum/" if language == "de" else f"/{language}/")  # builds the frame
    with statements() as framed:
        response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert any("home_navigationmenu" in sql for sql in built)
    assert not any("home_navigationmenu" in sql or "home_portalsettings" in sql for sql in framed)
    assert len(framed) <= len(built) - FRAME_QUERIES
