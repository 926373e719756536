"""Events and engagement examples in the portal-wide search: their own type, key fact, date and facets.

The relevance rows for them are in tests/test_search_relevance.py.
"""

import datetime
import re

import pytest
from django.utils import translation
from markup import select

from engagement.models import EngagementExamplePage
from events import dates
from events.models import EventPage
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


def german(model, slug):
    return model.objects.get(slug=slug, locale__language_code="de")


def entry(page, language):
    return SearchEntry.objects.get(translation_key=page.translation_key, language=language)


def facet_values(entry, name):
    return sorted(entry.facets.filter(name=name).values_list("value", flat=True))


def test_every_live_event_and_example_has_its_own_type_in_every_language():
    for model, kind in ((EventPage, "event"), (EngagementExamplePage, "example")):
        groups = set(model.objects.live().public().values_list("translation_key", flat=True))
        assert groups
        for language in ("de", "en", "ar", "uk"):
            found = SearchEntry.objects.filter(language=language, translation_key__in=groups)
            assert set(found.values_list("kind", flat=True)) == {kind}
            assert found.count() == len(groups)


def test_an_event_entry_says_when_in_the_visitors_language():
    event = german(EventPage, "antragsworkshop")
    de, ar = entry(event, "de"), entry(event, "ar")
    assert de.date == ar.date == event.start_date
    with translation.override("de"):
        assert de.key_fact == dates.describe(
            event.start_date, event.start_time, event.end_date, event.end_time
        )
    with translation.override("ar"):
        assert ar.key_fact == dates.describe(
            event.start_date, event.start_time, event.end_date, event.end_time
        )
    assert de.key_fact != ar.key_fact
    assert facet_values(de, "field") == sorted(term.slug for term in event.engagement_fields.all())
    assert set(facet_values(de, "language")) >= {"de", *event.languages}


def test_a_cancelled_event_says_so_before_its_date():
    cancelled = EventPage.objects.filter(
        locale__language_code="de", status=EventPage.Status.CANCELLED
    ).first()
    assert cancelled is not None
    assert entry(cancelled, "de").key_fact.startswith("Abgesagt: ")


def test_an_example_entry_names_the_association_and_its_facets():
    example = german(EngagementExamplePage, "fest-fuer-den-nordmarkt")
    de = entry(example, "de")
    assert de.key_fact == f"{example.association}, {example.year}"
    assert facet_values(de, "district") == [example.district.slug]
    assert facet_values(de, "field") == sorted(term.slug for term in example.engagement_fields.all())
    assert de.url == "/de/engagement/fest-fuer-den-nordmarkt/"
    assert entry(example, "ar").url.startswith("/ar/engagement/")


def test_the_search_page_filters_events_and_sorts_them_by_date(client, engine):
    html = client.get("/de/suche/?type=event&sort=date").content.decode()
    total = SearchEntry.objects.filter(language="de", kind="event").count()
    assert f"{total} Ergebnisse" in html
    assert 'name="type" value="event" checked' in html
    days = [
        datetime.date.fromisoformat(time["datetime"][:10])
        for time in select(select(html, "ol.search-results")[-1], "time[datetime]")
        if re.match(r"\d{4}-\d{2}-\d{2}", time["datetime"])
    ]
    assert days and days == sorted(days, reverse=True)


def test_changing_an_events_date_changes_its_entry(restore_search_index, django_capture_on_commit_callbacks):
    event = german(EventPage, "antragsworkshop")
    new_day = event.start_date + datetime.timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        event.start_date = new_day
        event.end_date = None
        event.save_revision().publish()
    assert entry(event, "de").date == new_day
    assert entry(event, "ar").date == new_day  # the date is synchronised into every language


# --- The lists' free text goes through the same search --------------------------------------------


def test_the_event_list_searches_its_words_with_the_portal_search(client, engine):
    html = client.get("/de/veranstaltungen/?q=Antragsworkshop").content.decode()
    assert 'href="/de/veranstaltungen/antragsworkshop/"' in html
    assert 'href="/de/veranstaltungen/fahrradtour-entlang-der-emscher/"' not in html
    assert 'name="q" value="Antragsworkshop"' in html
    assert "Suchwörter: <span>Antragsworkshop</span>" in html
    assert 'href="/de/veranstaltungen/#results"' in html  # the chip that removes the words


def test_typos_in_the_event_list_are_forgiven(client, engine):
    """Elasticsearch's fuzzy pass, the database backend's spelling pass (search/spelling.py)."""
    html = client.get("/de/veranstaltungen/?q=Antragswokshop").content.decode()
    assert 'href="/de/veranstaltungen/antragsworkshop/"' in html


def test_the_examples_list_searches_in_the_visitors_language(client, engine):
    html = client.get("/en/engagement/?q=festival").content.decode()
    assert 'href="/en/engagement/festival-for-the-nordmarkt/"' in html
    german = client.get("/de/engagement/?q=Nordmarkt").content.decode()
    assert 'href="/de/engagement/fest-fuer-den-nordmarkt/"' in german


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "x" * 10_000,
        'title:* AND( "\\',
        "'; DROP TABLE events;--",
        "🎉🎉",
        "ورشة",
        "<script>alert(1)</script>",
    ],
)
def test_any_words_in_the_lists_get_a_normal_page(client, engine, text):
    for url in ("/de/veranstaltungen/", "/ar/events/", "/de/engagement/"):
        response = client.get(url, {"q": text})
        assert response.status_code == 200
        assert "<script>alert(1)" not in response.content.decode()


def test_the_api_and_the_web_list_find_the_same_events(client, engine):
    data = client.get("/api/v3/events/?q=Antragsworkshop&lang=de").json()
    urls = {item["meta"]["html_url"].split("//", 1)[-1].split("/", 1)[-1] for item in data["items"]}
    html = client.get("/de/veranstaltungen/?q=Antragsworkshop").content.decode()
    assert data["count"] >= 1
    for url in urls:
        assert f'href="/{url}"' in html
