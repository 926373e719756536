"""Events and engagement examples through the API (/api/v3/events/, /api/v3/examples/): the web lists'
filters, counts and order (compared with the web pages request by request), upcoming and past, free
text, details in every language with German stand-ins, drafts and restricted pages, nonsense, caching."""

import datetime

import pytest
import search_support
from django.utils.http import parse_http_date
from wagtail.models import PageViewRestriction
from wagtail_localize.synctree import create_aliases_for_new_page

from engagement.factories import EngagementExamplePageFactory
from engagement.models import EngagementExamplePage, EngagementIndexPage
from events import dates
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db

EVENTS = "/api/v3/events/"
EXAMPLES = "/api/v3/examples/"


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def problem(response, status=422):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return {tuple(error["loc"]): error for error in response.json().get("errors", [])}


def web_list(client, index, query, past=False):
    url = index.past_url() if past else index.get_url()
    response = client.get(f"{url}?{query}")
    assert response.status_code == 200
    return response.context


def compare(body, context, cards):
    listing = context["listing"]
    assert body["count"] == listing.total
    assert [item["id"] for item in body["items"]] == [page.pk for page in cards]
    assert [facet["name"] for facet in body["facets"]] == [item["facet"].param for item in listing.facets]
    for facet, item in zip(body["facets"], listing.facets, strict=True):
        assert [(c["value"], c["label"], c["count"], c["selected"]) for c in facet["choices"]] == [
            (o.value, str(o.label), o.count, o.selected) for o in item["options"]
        ], facet["name"]


def next_month(when="upcoming"):
    """A month within the list's window: the next month, or the last for the past list."""
    return dates.add_months(dates.month_start(dates.today()), -1 if when == "past" else 1).strftime("%Y-%m")


# --- Events: the web list's filters, counts and order -------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "field=gesellschaftliche-fragen&district=innenstadt-nord",
        "language=tr",
        "kind=application-workshop",
        "month={next_month}",
    ],
)
@pytest.mark.parametrize("language", ["de", "ar", "uk"])
@pytest.mark.parametrize("when", ["upcoming", "past"])
def test_event_lists_are_the_web_lists(client, settings, query, language, when):
    settings.PORTAL_PAGE_SIZE = 100
    query = query.format(next_month=next_month(when))
    index = EventIndexPage.objects.get(locale__language_code=language)
    context = web_list(client, index, query, past=when == "past")
    body = get(client, f"{EVENTS}?{query}&lang={language}&when={when}&limit=100")
    compare(body, context, context["events"])
    assert body["when"] == when and body["language"] == language
    if not query and when == "upcoming":
        assert body["count"] >= 10
    if not query and when == "past":
        assert body["count"] >= 3
        starts = [item["starts_at"] for item in body["items"]]
        assert starts == sorted(starts, reverse=True)


def test_upcoming_is_the_default_and_times_are_dortmund_time(client):
    body = get(client, EVENTS, limit=100)
    assert body["when"] == "upcoming"
    now = dates.now()
    assert all(datetime.datetime.fromisoformat(item["ends_at"]) > now for item in body["items"])
    german = EventPage.objects.get(slug="antragsworkshop", locale__language_code="de")
    item = next(item for item in body["items"] if item["id"] == german.pk)
    assert item["local_start"] == dates.local(german.start_date, datetime.time(17)).isoformat()
    assert item["local_start"][-6:] in ("+01:00", "+02:00") and item["time_zone"] == "Europe/Berlin"
    assert "description" not in item  # the detail has the long text
    assert item["meta"]["detail_url"].endswith(f"{EVENTS}{german.pk}/?lang=de")
    assert item["meta"]["html_url"].endswith("/de/veranstaltungen/antragsworkshop/")


def test_cancelled_events_stay_listed_and_say_so(client):
    body = get(client, EVENTS, limit=100)
    cancelled = [item for item in body["items"] if item["status"]["value"] == "cancelled"]
    assert cancelled and cancelled[0]["status"]["label"] == "Abgesagt"


def test_free_text_finds_events_in_the_language_and_in_german(client):
    search_support.rebuild_elasticsearch()
    found = get(client, EVENTS, q="Antragsworkshop", when="upcoming", limit=100)
    assert "antragsworkshop" in {item["meta"]["slug"] for item in found["items"]}
    assert found["count"] < get(client, EVENTS, limit=100)["count"]
    nothing = get(client, EVENTS, q="Quantenchromodynamik")
    assert nothing["count"] == 0 and nothing["items"] == []
    # Only operators: no word, no filter (and never an engine's syntax error).
    assert get(client, EVENTS, q='"*()')["count"] == get(client, EVENTS)["count"]


# --- One event -----------------------------------------------------------------------------------------


def test_event_detail_in_the_language_asked_for_by_any_versions_id(client):
    german = EventPage.objects.get(slug="antragsworkshop", locale__language_code="de")
    arabic = EventPage.objects.get(translation_key=german.translation_key, locale__language_code="ar")
    body = get(client, f"{EVENTS}{german.pk}/", lang="ar")
    assert body["id"] == arabic.pk and body["title"] == arabic.title
    assert body["meta"]["locale"] == "ar" and body["meta"]["fallback"] is False
    assert body["description"]["html"].startswith("<p>") and "raw" in body["description"]
    assert body["kind"]["label"] == "ورشة تقديم الطلبات"
    locales = {item["locale"] for item in body["meta"]["translations"]}
    assert "de" in locales and "ar" not in locales
    by_slug = get(client, f"{EVENTS}by-slug/{arabic.slug}/", lang="ar")
    assert by_slug["id"] == arabic.pk
    # A German slug finds the version in the language asked for.
    assert get(client, f"{EVENTS}by-slug/antragsworkshop/", lang="ar")["id"] == arabic.pk


def test_an_untranslated_event_is_german_standing_in(client):
    event = EventPageFactory(
        parent=EventIndexPage.objects.get(locale__language_code="de"), slug="nur-deutsch", title="Nur deutsch"
    )
    create_aliases_for_new_page(event)
    body = get(client, f"{EVENTS}{event.pk}/", lang="ar")
    assert body["id"] != event.pk and body["title"] == "Nur deutsch"
    assert body["meta"]["locale"] == "ar" and body["meta"]["content_language"] == "de"
    assert body["meta"]["fallback"] is True
    listed = get(client, EVENTS, lang="ar", kind="workshop", limit=100)["items"]
    assert any(item["id"] == body["id"] and item["meta"]["fallback"] for item in listed)


def test_drafts_and_restricted_events_never_appear(client):
    index = EventIndexPage.objects.get(locale__language_code="de")
    draft = EventPageFactory(parent=index, slug="entwurf", title="Entwurf", live=False)
    hidden = EventPageFactory(parent=index, slug="intern", title="Intern")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for page in (draft, hidden):
        assert page.pk not in {item["id"] for item in get(client, EVENTS, limit=100)["items"]}
        assert client.get(f"{EVENTS}{page.pk}/").status_code == 404
        assert client.get(f"{EVENTS}by-slug/{page.slug}/").status_code == 404
    german = EventPage.objects.get(slug="antragsworkshop", locale__language_code="de")
    german.title = "Geheimer Entwurf"
    german.save_revision()
    assert "Geheimer Entwurf" not in str(get(client, EVENTS, limit=100))
    assert get(client, f"{EVENTS}{german.pk}/")["title"] != "Geheimer Entwurf"


def test_last_modified_follows_the_clock(client):
    """The upcoming list changes when an event ends, with no editor doing anything."""
    ended = EventPage.objects.filter(live=True, ends_at__lte=dates.now()).order_by("-ends_at").first()
    response = client.get(EVENTS)
    assert parse_http_date(response["Last-Modified"]) >= int(ended.ends_at.timestamp())
    assert response["ETag"]


# --- Nonsense -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, parameter, kind",
    [
        ("field=spaceship", "field", "unknown_value"),
        ("district=atlantis", "district", "unknown_value"),
        ("language=klingon", "language", "unknown_value"),
        ("kind=party", "kind", "unknown_value"),
        ("month=2026-13", "month", "unknown_value"),
        ("month=1999-01", "month", "unknown_value"),
        ("month=<script>", "month", "unknown_value"),
        ("when=tomorrow", "when", "literal_error"),
        ("q=" + "x" * 201, "q", "string_too_long"),
        ("limit=0", "limit", "greater_than_equal"),
        ("lang=xx", "lang", "literal_error"),
    ],
)
def test_nonsense_event_parameters_are_422_naming_the_parameter(client, query, parameter, kind):
    errors = problem(client.get(f"{EVENTS}?{query}"))
    assert errors[("query", parameter)]["type"] == kind


def test_unknown_values_are_named_in_the_clients_language(client):
    german = problem(client.get(f"{EVENTS}?kind=party"))[("query", "kind")]["msg"]
    assert german.startswith("Unbekannter Wert „party“") and "application-workshop" in german
    month = problem(client.get(f"{EVENTS}?month=1999-01&lang=ar"))[("query", "month")]["msg"]
    assert "1999-01" in month and next_month() in month and "Unbekannter" not in month


def test_huge_offsets_and_unknown_addresses(client):
    body = get(client, EVENTS, offset=10**9)
    assert body["items"] == [] and body["next"] is None and body["count"] > 0
    assert problem(client.get(f"{EVENTS}{2**31}/"))
    assert client.get(f"{EVENTS}999999/").status_code == 404
    assert client.get(f"{EVENTS}by-slug/gibt-es-nicht/").status_code == 404
    assert client.get(f"{EXAMPLES}by-slug/gibt-es-nicht/").status_code == 404


# --- Engagement examples ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["", "field=umwelt", "district=innenstadt-nord", "field=kulturelle-vielfalt&district=eving"]
)
@pytest.mark.parametrize("language", ["de", "ar", "uk"])
def test_example_lists_are_the_web_lists(client, settings, query, language):
    settings.PORTAL_PAGE_SIZE = 100
    index = EngagementIndexPage.objects.get(locale__language_code=language)
    context = web_list(client, index, query)
    body = get(client, f"{EXAMPLES}?{query}&lang={language}&limit=100")
    compare(body, context, context["examples"])
    if not query:
        assert body["count"] >= 12
        assert "story" not in body["items"][0] and "gallery" not in body["items"][0]


def test_example_detail_with_story_pictures_and_links(client):
    german = EngagementExamplePage.objects.get(slug="fest-fuer-den-nordmarkt", locale__language_code="de")
    body = get(client, f"{EXAMPLES}{german.pk}/", lang="tr")
    assert body["meta"]["locale"] == "tr"
    assert body["year"] == 2025 and body["district_slug"] == "innenstadt-nord"
    assert body["story"]["html"] and body["image"]["renditions"]
    # Linked partners in the response's language (api/links.py): their Turkish versions.
    assert {(item["slug"], item["locale"]) for item in body["partners"]} == {
        ("nordstadt-mahalle-burosu", "tr"),
        ("liman-semt-kafesi-kooperatifi", "tr"),
    }
    assert get(client, f"{EXAMPLES}by-slug/fest-fuer-den-nordmarkt/", lang="tr")["id"] == body["id"]


def test_examples_free_text_drafts_and_nonsense(client):
    search_support.rebuild_elasticsearch()
    found = get(client, EXAMPLES, q="Nordmarkt", limit=100)
    assert "fest-fuer-den-nordmarkt" in {item["meta"]["slug"] for item in found["items"]}
    index = EngagementIndexPage.objects.get(locale__language_code="de")
    draft = EngagementExamplePageFactory(parent=index, slug="entwurf", title="Entwurf", live=False)
    assert draft.pk not in {item["id"] for item in get(client, EXAMPLES, limit=100)["items"]}
    assert client.get(f"{EXAMPLES}{draft.pk}/").status_code == 404
    assert problem(client.get(f"{EXAMPLES}?field=spaceship"))[("query", "field")]["type"] == "unknown_value"
    assert problem(client.get(f"{EXAMPLES}?district=<b>x</b>"))[("query", "district")]
