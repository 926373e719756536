"""A listing's counts and pages kept per generation of the page cache (`FacetListing.run(keep=…)`,
docs/caching.md): a page the cache misses or must not keep – a visitor with a basket, another page of the
same filters – neither counts nor reads its results again, and every change that starts a new generation,
and the day change, is seen at once."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from markup import card_titles, result_count, select_one, text
from test_page_cache import add_beamer

from catalogue.models import Resource
from home import page_cache

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/de/ressourcen/?category=geraete-und-technik",
    "/ar/resources/",
    "/de/partner/?field=bildung",
    "/de/engagement/",
    "/de/veranstaltungen/",
    "/de/veranstaltungen/past/",
]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks, restore_search_index):
    """Run what the block commits; the search index, which the rollback does not reach, put back after
    (a later browser test searches for the projector this module unpublishes)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def basket():
    """A visitor with a basket: every page is built for them, none is kept."""
    visitor = Client()
    add_beamer(visitor)
    return visitor


def visit(visitor, url):
    """(the page, the SQL it ran) for a visitor the page cache never serves."""
    with CaptureQueriesContext(connection) as queries:
        response = visitor.get(url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "bypass"
    return response.content.decode(), [query["sql"] for query in queries]


def counted(statements):
    """Whether the listing counted (its facets and total are one UNION ALL statement)."""
    return any("UNION ALL" in sql for sql in statements)


def results(page):
    """The results section as a visitor reads it: heading, cards, pages."""
    return text(select_one(page, "#results"))


@pytest.mark.parametrize("url", LISTINGS)
def test_a_visitor_with_a_basket_gets_the_counts_and_cards_kept_by_the_first_visit(basket, url):
    cold, first = visit(basket, url)
    warm, again = visit(basket, url)
    assert counted(first) and not counted(again)
    assert len(again) <= len(first) - 2  # neither the counts nor the page's rows read again
    assert results(warm) == results(cold)
    anonymous = Client().get(url)
    assert anonymous["X-Page-Cache"] == "miss"
    assert results(anonymous.content.decode()) == results(cold)


def test_another_page_of_the_same_filters_reads_only_its_rows(basket, settings):
    settings.PORTAL_PAGE_SIZE = 2
    url = "/de/ressourcen/?category=geraete-und-technik"
    first, _ = visit(basket, url)
    second, statements = visit(basket, url + "&page=2")
    assert not counted(statements) and len(statements) >= 1
    assert result_count(second) == result_count(first)
    shown = card_titles(second, "resource")
    assert len(shown) == 2 and not set(shown) & set(card_titles(first, "resource"))
    settings.PAGE_CACHE_SECONDS = 0  # built from scratch: the same page
    assert card_titles(Client().get(url + "&page=2").content.decode(), "resource") == shown


def test_a_change_is_seen_at_once_by_a_visitor_with_a_basket(basket, committed, settings):
    settings.PORTAL_PAGE_SIZE = 100
    url = "/de/ressourcen/?category=geraete-und-technik"
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    before, _ = visit(basket, url)
    assert resource.title in card_titles(before, "resource")
    with committed():
        resource.unpublish()
    after, statements = visit(basket, url)
    assert counted(statements)
    assert resource.title not in card_titles(after, "resource")
    assert result_count(after) == result_count(before) - 1


def test_a_change_without_a_new_generation_is_not_seen_until_one(basket):
    """What is kept is chosen by the generation: a change that starts none (a raw update) is not read –
    the reason every model's save and delete starts one (test_page_cache)."""
    url = "/de/ressourcen/?category=geraete-und-technik"
    before, _ = visit(basket, url)
    Resource.objects.filter(locale__language_code="de", slug="beamer").update(live=False)
    assert result_count(visit(basket, url)[0]) == result_count(before)
    page_cache.bump()
    assert result_count(visit(basket, url)[0]) == result_count(before) - 1


def test_the_day_change_counts_again(basket, monkeypatch):
    url = "/de/veranstaltungen/"
    visit(basket, url)
    assert not counted(visit(basket, url)[1])
    tomorrow = page_cache.today() + datetime.timedelta(days=1)
    monkeypatch.setattr(page_cache, "today", lambda: tomorrow)
    assert counted(visit(basket, url)[1])


@pytest.mark.parametrize("url", ["/de/ressourcen/?q=beamer", "/de/partner/?q=garten"])
def test_free_text_is_never_kept(basket, url):
    visit(basket, url)
    assert counted(visit(basket, url)[1])


def test_nothing_is_kept_with_the_page_cache_off(basket, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = "/de/engagement/"
    with CaptureQueriesContext(connection) as queries:
        basket.get(url)
    with CaptureQueriesContext(connection) as again:
        basket.get(url)
    assert counted([query["sql"] for query in queries]) and counted([query["sql"] for query in again])
