"""Search counts under load (search/stats.py): a quiet process writes each search at once; a busy one
keeps the searches of one flush interval in memory and writes them together – with the next search or
request after the interval, or when the process exits – so a search served from the page cache costs no
database write."""

import time

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from search import stats
from search.models import SearchTerm

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(settings, monkeypatch):
    """A process that wrote its counts a moment ago, with an interval of an hour."""
    settings.SEARCH_STATS_FLUSH_SECONDS = 3600
    monkeypatch.setattr(stats, "_last_write", time.monotonic())
    yield
    stats._pending.clear()
    stats._pending_without.clear()


def counts():
    return {
        (term.language, term.query): (term.searches, term.searches_without_results)
        for term in SearchTerm.objects.all()
    }


def test_a_quiet_process_writes_each_search_at_once(settings, monkeypatch):
    settings.SEARCH_STATS_FLUSH_SECONDS = 3600
    monkeypatch.setattr(stats, "_last_write", float("-inf"))
    SearchTerm.objects.all().delete()
    stats.record("Beamer", "de", found=True)
    assert counts() == {("de", "beamer"): (1, 0)}


def test_a_busy_process_writes_its_counts_together_when_due(busy, monkeypatch):
    SearchTerm.objects.all().delete()
    stats.record("Beamer", "de", found=True)
    stats.record("beamer ", "de", found=True)
    stats.record("Zzyzx", "de", found=False)
    stats.record("room", "en", found=True)
    assert counts() == {}
    Client().get("/de/")  # a request while the interval lasts writes nothing
    assert counts() == {}
    monkeypatch.setattr(stats, "_last_write", time.monotonic() - 3601)
    Client().get("/de/")  # the first request after it writes them all
    assert counts() == {("de", "beamer"): (2, 0), ("de", "zzyzx"): (1, 1), ("en", "room"): (1, 0)}
    assert not stats._pending


def test_counts_waiting_at_exit_are_written(busy):
    SearchTerm.objects.all().delete()
    stats.record("Zelt", "tr", found=False)
    assert counts() == {}
    stats.flush()  # what atexit calls
    assert counts() == {("tr", "zelt"): (1, 1)}


def test_searches_served_from_the_cache_write_nothing_while_busy(
    busy, settings, client, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    url = "/de/suche/?q=Lastenrad"
    assert client.get(url)["X-Page-Cache"] == "miss"  # built and kept; its count waits
    with django_assert_num_queries(0):
        hit = client.get(url)  # counted in memory
    assert hit["X-Page-Cache"] == "hit"
    assert stats._pending[(timezone.localdate(), "de", "lastenrad")] == 2
    caches["pages"].clear()


def test_the_report_includes_the_counts_waiting_in_its_process(busy, client, django_user_model):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    SearchTerm.objects.all().delete()
    stats.record("Lastenfahrrad", "uk", found=False)
    editor = django_user_model.objects.create_user("editor", password="x" * 16)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = client.get(reverse("search_terms_report")).content.decode()
    assert "lastenfahrrad" in html
    assert counts() == {("uk", "lastenfahrrad"): (1, 1)}
