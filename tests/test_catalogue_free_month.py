"""Pages for the way visitors look for things: calendar days that fill the request form's dates (links,
no JavaScript needed) and the catalogue's "free this month" filter (counts against the Python rules, and
what it costs in queries)."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from markup import parse, select, select_one
from wagtail.models import Locale

from catalogue import availability
from catalogue.factories import ReservationFactory, ResourceFactory
from catalogue.listing import visible_resources
from catalogue.models import Resource
from catalogue.views import _add_months
from taxonomy.models import ResourceCategory

pytestmark = pytest.mark.django_db

LISTING = "/de/ressourcen/"
BEAMER = "/de/ressourcen/beamer/"


def next_month():
    return _add_months(availability.today().replace(day=1), 1).strftime("%Y-%m")


def query_of(href):
    return {name: values[0] for name, values in parse_qs(urlsplit(href).query).items()}


# --- Calendar days ----------------------------------------------------------------------------------------


def test_a_free_day_links_to_the_page_with_the_request_forms_dates_filled_in(client):
    page = parse(client.get(f"{BEAMER}?month={next_month()}"))
    links = select(page, "#calendar a.calendar__pick")
    assert links, "free days are links"
    first = links[0]
    assert first["href"].endswith("#add-to-request")
    chosen = query_of(first["href"])
    assert chosen["month"] == next_month() and "end" not in chosen
    assert "ersten Tag" in first.get_text(" ")

    picked = parse(client.get(BEAMER + first["href"].split("#")[0]))
    assert select_one(picked, "#id_add-start")["value"] == chosen["start"]
    assert select_one(picked, "#id_add-end").get("value", "") == ""
    (marked,) = select(picked, ".calendar__day--chosen")
    assert select_one(marked, "time")["datetime"] == chosen["start"]
    # After the first day, the later days end the period; earlier ones would start a new one.
    ends = [link for link in select(picked, "#calendar a.calendar__pick") if "end=" in link["href"]]
    assert ends and all(query_of(link["href"])["start"] == chosen["start"] for link in ends)
    assert "letzten Tag" in ends[0].get_text(" ")
    last = query_of(ends[1]["href"] if len(ends) > 1 else ends[0]["href"])

    period = parse(client.get(f"{BEAMER}?month={last['month']}&start={last['start']}&end={last['end']}"))
    assert select_one(period, "#id_add-start")["value"] == last["start"]
    assert select_one(period, "#id_add-end")["value"] == last["end"]
    days = (datetime.date.fromisoformat(last["end"]) - datetime.date.fromisoformat(last["start"])).days + 1
    assert len(select(period, ".calendar__day--chosen")) == days


def test_booked_up_and_past_days_are_no_links(client):
    beamer = Resource.objects.get(slug="beamer", locale__language_code="de")
    day = _add_months(availability.today().replace(day=1), 1) + datetime.timedelta(days=9)
    ReservationFactory(resource=beamer, quantity=beamer.units, start=day, end=day)
    page = parse(client.get(f"{BEAMER}?month={next_month()}"))
    cell = select_one(page, f"time[datetime='{day.isoformat()}']").find_parent("td")
    assert "calendar__day--none" in cell["class"] and select(cell, "a") == []


@pytest.mark.parametrize(
    "query",
    ["start=gestern", "start=2020-01-01", "start=2026-13-40&end=x", "end=2099-01-01", "start=" + "9" * 500],
)
def test_nonsense_dates_are_ignored(client, query):
    response = client.get(f"{BEAMER}?{query}")
    assert response.status_code == 200
    page = parse(response)
    assert select_one(page, "#id_add-start").get("value", "") == ""
    assert select(page, ".calendar__day--chosen") == []


def test_an_end_before_the_start_is_dropped(client):
    start = _add_months(availability.today().replace(day=1), 1) + datetime.timedelta(days=5)
    before = start - datetime.timedelta(days=2)
    page = parse(client.get(f"{BEAMER}?start={start}&end={before}"))
    assert select_one(page, "#id_add-start")["value"] == start.isoformat()
    assert select_one(page, "#id_add-end").get("value", "") == ""


def test_the_request_page_takes_the_dates_too(client):
    beamer = Resource.objects.get(slug="beamer", locale__language_code="de")
    start = _add_months(availability.today().replace(day=1), 1) + datetime.timedelta(days=3)
    end = start + datetime.timedelta(days=2)
    page = parse(client.get(f"/de/anfrage/?resource={beamer.pk}&start={start}&end={end}"))
    assert select_one(page, "#id_add-start")["value"] == start.isoformat()
    assert select_one(page, "#id_add-end")["value"] == end.isoformat()


def test_the_calendar_links_in_arabic_keep_the_dates_in_iso_form(client):
    page = parse(client.get(f"/ar/resources/projector/?month={next_month()}"))
    links = select(page, "#calendar a.calendar__pick")
    assert links and re.fullmatch(r"\d{4}-\d{2}-\d{2}", query_of(links[0]["href"])["start"])


# --- Free this month --------------------------------------------------------------------------------------


def german():
    locale = Locale.objects.get(language_code="de")
    return visible_resources(locale, locale)


def free_some_day_in_python(resource):
    """The Python rules (`availability_of`) asked day by day for the rest of the month."""
    start, end = availability.month_rest()
    day = start
    while day <= end:
        if availability.availability_of(resource, day, day).obtainable:
            return True
        day += datetime.timedelta(days=1)
    return False


def total(page):
    return int(re.match(r"\d+", select_one(page, "#results-heading").get_text(strip=True)).group())


def checkbox_count(page):
    label = select_one(page, "label[for=id_free_month]").get_text()
    return int(re.search(r"\((\d+)\)", label).group(1))


def test_free_this_month_keeps_what_the_rules_say_is_free_on_some_day(client):
    expected = {resource.pk for resource in german() if free_some_day_in_python(resource)}
    assert expected, "the demo has free resources"
    page = parse(client.get(LISTING + "?free_month=1"))
    assert total(page) == len(expected) == checkbox_count(page)
    unfiltered = parse(client.get(LISTING))
    assert checkbox_count(unfiltered) == len(expected)
    assert select_one(page, "#id_free_month").has_attr("checked")


@pytest.mark.parametrize("page_cache_seconds", [0, 300])
def test_with_search_words_the_count_is_among_the_matches(client, settings, page_cache_seconds):
    """With search words the free keys are worked out over the matches alone while the page cache is off,
    over every resource (kept per generation) while it is on: the same counts either way."""
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    settings.PORTAL_PAGE_SIZE = 100
    start, end = availability.month_rest()
    beamer = Resource.objects.get(locale__language_code="de", slug="beamer")
    ReservationFactory(resource=beamer, quantity=beamer.units, start=start, end=end)
    matching = parse(client.get(LISTING + "?q=Beamer"))
    shown = {link.get_text(strip=True) for link in select(matching, ".card h3 a")}
    assert beamer.title in shown
    expected = {
        resource.title
        for resource in german()
        if resource.title in shown and free_some_day_in_python(resource)
    }
    assert beamer.title not in expected
    free = parse(client.get(LISTING + "?q=Beamer&free_month=1"))
    assert checkbox_count(matching) == total(free) == len(expected)
    assert {link.get_text(strip=True) for link in select(free, ".card h3 a")} == expected


def test_a_resource_booked_up_for_the_rest_of_the_month_drops_out_and_one_free_day_keeps_it(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    category = ResourceCategory.objects.get(locale__language_code="de", slug="raeume")
    start, end = availability.month_rest()
    full = ResourceFactory(title="Ganz belegt", category=category, units=2)
    ReservationFactory(resource=full, quantity=2, start=start, end=end)
    one_day = ResourceFactory(title="Ein Tag frei", category=category, units=2)
    if end > start:
        ReservationFactory(resource=one_day, quantity=2, start=start, end=end - datetime.timedelta(days=1))
    later = ResourceFactory(
        title="Erst nächsten Monat", category=category, available_from=end + datetime.timedelta(days=1)
    )
    titles = {
        link.get_text(strip=True)
        for link in select(parse(client.get(LISTING + "?free_month=1")), ".card h3 a")
    }
    assert "Ein Tag frei" in titles
    assert "Ganz belegt" not in titles and later.title not in titles
    assert free_some_day_in_python(one_day) and not free_some_day_in_python(full)


def test_the_filter_shows_as_an_active_filter_and_is_kept_by_other_links(client):
    page = parse(client.get(LISTING + "?free_month=1&category=raeume"))
    active = select_one(page, ".active-filters")
    assert "diesen Monat frei" in active.get_text(" ")
    facet_links = [link["href"] for link in select(page, "a[href*='category=']")]
    assert any("free_month=1" in href for href in facet_links)


@pytest.mark.parametrize("value", ["1", "on", "x" * 300, "\x00"])
def test_any_value_is_harmless(client, value):
    assert client.get(LISTING, {"free_month": value}).status_code == 200


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_free_this_month_costs_the_same_queries_however_many_resources(client, settings):
    settings.PORTAL_PAGE_SIZE = 2
    few = count_queries(client, LISTING + "?free_month=1")
    plain = count_queries(client, LISTING)
    category = ResourceCategory.objects.get(locale__language_code="de", slug="raeume")
    for number in range(12):
        resource = ResourceFactory(title=f"Mehr {number}", category=category)
        ReservationFactory(resource=resource, start=availability.today(), end=availability.month_rest()[1])
    settings.PORTAL_PAGE_SIZE = 40
    assert count_queries(client, LISTING + "?free_month=1") == few
    assert few <= plain + 2, (few, plain)


def test_a_card_with_few_left_says_while_supplies_last(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    category = ResourceCategory.objects.get(locale__language_code="de", slug="raeume")
    low = ResourceFactory(title="Fast vergriffen", category=category, units=4)
    ReservationFactory(resource=low, quantity=3, start=availability.today(), end=availability.today())
    plenty = ResourceFactory(title="Reichlich da", category=category, units=4)
    page = parse(client.get(LISTING + "?category=raeume"))
    cards = {select_one(card, "h3").get_text(strip=True): card for card in select(page, ".resource-card")}
    assert (
        "Solange der Vorrat reicht"
        in select_one(cards["Fast vergriffen"], ".availability__supply").get_text()
    )
    assert select(cards[plenty.title], ".availability__supply") == []
