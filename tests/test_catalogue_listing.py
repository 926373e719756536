"""The catalogue listing (/de/ressourcen/): filters, counts, sorting, pages, free text, nonsense input."""

import datetime

import pytest
import search_support
from django.db import connection
from django.test.utils import CaptureQueriesContext
from markup import alternates, card_titles, html, links, option_label, problems, result_count, select, texts

from catalogue import availability
from catalogue.factories import ReservationFactory, ResourceFactory
from catalogue.models import Reservation, Resource
from catalogue.search import words
from taxonomy.models import ResourceCategory

pytestmark = pytest.mark.django_db

LISTING = "/de/ressourcen/"
INDEX_URLS = {
    "de": "/de/ressourcen/",
    "en": "/en/resources/",
    "tr": "/tr/kaynaklar/",
    "ar": "/ar/resources/",
    "uk": "/uk/resources/",
    "pl": "/pl/zasoby/",
}
MAX_QUERIES = 40


def german():
    return Resource.objects.filter(live=True, locale__language_code="de")


def test_the_catalogue_has_an_address_in_every_language(client):
    for language, url in INDEX_URLS.items():
        page = html(client.get(url))
        assert f'<html lang="{language}"' in page
        assert result_count(page) == german().count()


def test_arabic_listing_shows_arabic_titles_and_links(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    page = html(client.get("/ar/resources/"))
    assert "جهاز عرض (Full HD)" in card_titles(page, "resource")
    assert 'href="/ar/resources/projector/"' in page
    assert "notice--language" not in page


def test_untranslated_resources_stand_in_german_marked_as_such(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    page = html(client.get("/uk/resources/"))
    assert "Beamer (Full HD)" in texts(page, 'a[href="/uk/resources/beamer/"][lang="de"][dir="ltr"]')
    # The category is shown in Ukrainian: the vocabulary is translated.
    assert "Обладнання й техніка" in page


def test_category_filter_and_counts_come_from_the_database(client):
    page = html(client.get(LISTING + "?category=raeume"))
    rooms = german().filter(category__slug="raeume")
    assert result_count(page) == rooms.count() >= 7
    assert set(card_titles(page, "resource")) <= set(rooms.values_list("title", flat=True))
    for category in ResourceCategory.objects.filter(locale__language_code="de"):
        count = german().filter(category=category).count()
        assert option_label(page, "category", category.slug) == f"{category.name} ({count})"


def test_counts_follow_the_other_filters(client):
    page = html(client.get(LISTING + "?district=innenstadt-nord&category=geraete-und-technik"))
    assert result_count(page) == 0
    assert option_label(page, "category", "raeume") == "Räume (1)"  # what the district offers
    assert option_label(page, "district", "innenstadt-nord") == "Innenstadt-Nord (0)"  # with the category
    assert "Keine Ressource passt zu allen Ihren Filtern." in page


def test_engagement_field_filter(client):
    page = html(client.get(LISTING + "?engagement=umwelt"))
    expected = german().filter(engagement_field_links__engagement_field__slug="umwelt").distinct()
    assert sorted(card_titles(page, "resource")) == sorted(expected.values_list("title", flat=True))
    assert option_label(page, "engagement", "umwelt").endswith(f"({expected.count()})")


def test_step_free_rooms_and_capacity(client):
    page = html(client.get(LISTING + "?step_free=1&capacity=30"))
    expected = german().filter(kind="room", step_free=True, capacity__gte=30)
    assert sorted(card_titles(page, "resource")) == sorted(expected.values_list("title", flat=True))
    assert expected.count() == 2


def test_available_on_a_day_leaves_out_what_is_booked(client):
    booking = Reservation.objects.get(reference="DEMO-R-19")  # the hall in Mengede
    hall = booking.resource.title
    assert hall in card_titles(html(client.get(LISTING + "?category=raeume")), "resource")
    on_the_day = html(client.get(LISTING + f"?category=raeume&start={booking.start.isoformat()}"))
    assert hall not in card_titles(on_the_day, "resource")
    period = html(
        client.get(
            LISTING
            + f"?category=raeume&start={(booking.start - datetime.timedelta(days=1)).isoformat()}"
            + f"&end={booking.end.isoformat()}"
        )
    )
    assert hall not in card_titles(period, "resource")
    after = html(
        client.get(
            LISTING + f"?category=raeume&start={(booking.end + datetime.timedelta(days=1)).isoformat()}"
        )
    )
    assert hall in card_titles(after, "resource")


def test_sort_by_name_and_by_availability(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    by_name = card_titles(html(client.get(LISTING + "?sort=name")), "resource")
    assert by_name == sorted(by_name, key=lambda title: german().get(title=title).title)
    by_availability = html(client.get(LISTING))
    statuses = [
        status.removeprefix("status--")
        for element in select(by_availability, "p.status")
        for status in element["class"]
        if status.startswith("status--")
    ]
    ranks = [availability.RANK[availability.Status(status)] for status in statuses]
    assert ranks == sorted(ranks) and ranks[-1] > ranks[0]
    assert "exhausted" in statuses and "few_left" in statuses and "not_yet" in statuses


def test_pages(client, settings):
    settings.PORTAL_PAGE_SIZE = 10
    first = html(client.get(LISTING))
    assert len(card_titles(first, "resource")) == 10
    assert 'rel="next"' in first
    last_number = (german().count() + 9) // 10
    last = html(client.get(LISTING + f"?page={last_number}"))
    assert len(card_titles(last, "resource")) == german().count() - 10 * (last_number - 1)
    beyond = html(client.get(LISTING + "?page=99999999999999999999"))
    assert card_titles(beyond, "resource") == card_titles(last, "resource")
    assert "99999999999999999999" in problems(beyond)
    garbage = html(client.get(LISTING + "?page=drei"))
    assert card_titles(garbage, "resource") == card_titles(first, "resource") and "drei" in problems(garbage)


def test_page_links_keep_the_filters(client, settings):
    settings.PORTAL_PAGE_SIZE = 3
    page = html(client.get(LISTING + "?category=geraete-und-technik&sort=name"))
    assert "/de/ressourcen/?category=geraete-und-technik&sort=name&page=2#results" in links(
        page, ".pagination a"
    )


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("category=gibt-es-nicht", "category"),
        ("engagement=%3Cscript%3E", "engagement"),
        ("district=atlantis", "district"),
        ("start=2026-13-45", "start"),
        ("start=morgen", "start"),
        ("start=2001-01-01", "start"),
        ("start=2999-01-10&end=2999-01-01", "end"),
        ("end=2999-01-01", "end"),
        ("capacity=-5", "capacity"),
        ("capacity=viele", "capacity"),
        ("capacity=99999999999999999999999", "capacity"),
        ("sort=chaos", "sort"),
        ("q=" + "x" * 10_000, "q"),
        ("q=%00", "q"),
    ],
)
def test_nonsense_answers_with_the_list_and_a_message(client, query, field):
    response = client.get(f"{LISTING}?{query}")
    page = html(response)
    assert problems(page), query
    assert f'href="#id_{field}"' in page
    assert select(page, f'[aria-describedby~="id_{field}-error"]'), "the error is tied to its field"
    assert f'<p class="field-error" id="id_{field}-error">' in page
    assert "<script>" not in page.split("<main", 1)[1]
    if field in ("category", "engagement", "district", "sort", "capacity"):
        assert result_count(page) == german().count(), "the invalid filter is dropped, not applied"


@pytest.mark.parametrize(
    "text", ['"', 'Beamer"', "a AND", "NEAR(a b)", "(((", "*", "\\", "OR NOT", "{}:[]", "%_%"]
)
def test_search_operators_are_just_text(client, text):
    """Quotes, brackets and operator words mean nothing special (an unmatched quote broke SQLite FTS5)."""
    page = html(client.get(LISTING, {"q": text}))
    assert result_count(page) >= 0


def test_only_words_reach_the_search_engine():
    assert words('Beamer" (Full*HD)') == "Beamer Full HD"
    assert words("جهاز-عرض؟") == "جهاز-عرض"
    assert words("!!!") == ""


def test_switching_language_keeps_the_filters(client):
    page = html(client.get(LISTING + "?category=raeume&district=gibt-es-nicht&page=2"))
    switcher = links(page, "nav.language-switcher a")
    assert "/ar/resources/?category=raeume" in switcher
    assert "/pl/zasoby/?category=raeume" in switcher
    assert alternates(page)["tr"] == "/tr/kaynaklar/?category=raeume"


def test_html_in_the_search_text_is_text(client):
    page = html(client.get(LISTING + "?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E"))
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_nothing_found_offers_a_way_back(client):
    page = html(client.get(LISTING + "?category=raeume&capacity=5000"))
    assert result_count(page) == 0
    assert '<a class="button button--secondary" href="/de/ressourcen/">' in page
    assert "/de/ressourcen/?category=raeume#results" in links(page, "a.chip")  # remove just the capacity


@pytest.mark.elasticsearch
def test_free_text_finds_resources_in_the_visitors_language_and_in_german(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    search_support.rebuild_elasticsearch()
    german_hits = card_titles(html(client.get(LISTING + "?q=Beamer")), "resource")
    assert german_hits and german_hits[0] == "Beamer (Full HD)"
    arabic = html(client.get("/ar/resources/?q=Beamer"))
    assert "جهاز عرض (Full HD)" in card_titles(arabic, "resource")
    turkish = html(client.get("/tr/kaynaklar/?q=projeksiyon"))
    assert "Projeksiyon cihazı (Full HD)" in card_titles(turkish, "resource")
    combined = html(client.get(LISTING + "?q=Beamer&category=raeume"))
    assert "Beamer (Full HD)" not in card_titles(combined, "resource")
    assert option_label(combined, "category", "geraete-und-technik").endswith(
        f"({len(german_hits_in('geraete-und-technik', german_hits))})"
    )


def german_hits_in(category, hits):
    return [title for title in hits if german().get(title=title).category.slug == category]


def count_queries(client, url):
    client.get(url)  # warm caches that outlive a request (site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("query", ["", "?category=raeume&start={day}&end={later}&step_free=1", "?q=Zelt"])
def test_queries_do_not_grow_with_the_resources_shown(client, settings, query):
    day = availability.today() + datetime.timedelta(days=2)
    url = LISTING + query.format(day=day.isoformat(), later=(day + datetime.timedelta(days=3)).isoformat())
    settings.PORTAL_PAGE_SIZE = 2
    few = count_queries(client, url)
    settings.PORTAL_PAGE_SIZE = 40
    many = count_queries(client, url)
    for _ in range(15):
        resource = ResourceFactory(
            category=ResourceCategory.objects.get(locale__language_code="de", slug="raeume"),
            room=True,
            step_free=True,
        )
        ReservationFactory(resource=resource)
    more = count_queries(client, url)
    assert few == many == more <= MAX_QUERIES
