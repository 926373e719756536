"""The event lists (/de/veranstaltungen/ and .../past/): order, filters with counts, nonsense input, pages,
languages, the home page's next events, a partner's events, queries per page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from markup import card_titles, html, links, option_label, problems, result_count, select, select_one, text
from wagtail.models import PageViewRestriction
from wagtail_localize.synctree import create_aliases_for_new_page

from events import dates
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage
from partners.models import PartnerOrganisation
from taxonomy.models import District, EngagementField

pytestmark = pytest.mark.django_db

UPCOMING = "/de/veranstaltungen/"
# The page frame (site, menus, languages, footer) takes about 20; the listing about a dozen.
MAX_QUERIES = 35
PAST = "/de/veranstaltungen/past/"


def index(language="de"):
    return EventIndexPage.objects.get(locale__language_code=language)


def german_live():
    return EventPage.objects.filter(locale__language_code="de", live=True)


def test_upcoming_first_soonest_first_past_on_their_own_page(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    now = dates.now()
    upcoming = html(client.get(UPCOMING))
    expected = [e.title for e in german_live().filter(ends_at__gt=now).order_by("starts_at", "title", "pk")]
    assert card_titles(upcoming, "event") == expected and result_count(upcoming) == len(expected)
    past = html(client.get(PAST))
    expected_past = [
        e.title for e in german_live().filter(ends_at__lte=now).order_by("-starts_at", "title", "pk")
    ]
    assert card_titles(past, "event") == expected_past and len(expected_past) >= 3
    assert not set(card_titles(past, "event")) & {
        e.title for e in german_live().filter(ends_at__gt=now).exclude(title__in=expected_past)
    }
    assert 'aria-current="page">Vergangene Veranstaltungen' in past


def test_cancelled_events_stay_listed_and_say_so(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    page = html(client.get(UPCOMING))
    card = text(select_one(page, "li.event-card--cancelled"))
    assert "Fahrradtour entlang der Emscher" in card and "Abgesagt" in card


def test_filters_combine_and_counts_say_what_a_choice_would_show(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    now = dates.now()
    page = html(client.get(UPCOMING + "?field=gesellschaftliche-fragen&district=innenstadt-nord"))
    expected = german_live().filter(
        ends_at__gt=now, engagement_fields__slug="gesellschaftliche-fragen", district__slug="innenstadt-nord"
    )
    assert result_count(page) == expected.count() > 0
    assert set(card_titles(page, "event")) == {event.title for event in expected}
    # Each district count: events in that district with the chosen field (the other filter).
    with_field = german_live().filter(ends_at__gt=now, engagement_fields__slug="gesellschaftliche-fragen")
    for slug in ("innenstadt-nord", "eving", "mengede"):
        assert option_label(page, "district", slug).endswith(
            f"({with_field.filter(district__slug=slug).count()})"
        )
    # Languages are offered in their own script, only where there are events.
    assert option_label(page, "language", "tr") is not None
    assert option_label(page, "language", "so") is None
    assert select(page, 'select#filter-language [lang="ar"]')


def test_month_and_language_filters(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    index_page = index()
    month = dates.month_start(dates.today()) + datetime.timedelta(days=70)
    month = month.replace(day=1)
    # A three-day event across the end of the month counts in both months.
    EventPageFactory(
        parent=index_page,
        slug="monatswechsel",
        title="Über den Monatswechsel",
        start_date=month - datetime.timedelta(days=1),
        end_date=month + datetime.timedelta(days=1),
        start_time=None,
        end_time=None,
        languages=["ti", "de"],
    )
    before = dates.add_months(month, -1)
    for value in (f"{month:%Y-%m}", f"{before:%Y-%m}"):
        page = html(client.get(f"{UPCOMING}?month={value}"))
        assert "Über den Monatswechsel" in card_titles(page, "event"), value
    only = html(client.get(UPCOMING + "?language=ti"))
    expected = {e.title for e in german_live().filter(ends_at__gt=dates.now()) if "ti" in e.languages}
    assert set(card_titles(only, "event")) == expected and "Über den Monatswechsel" in expected
    assert option_label(only, "month", f"{month:%Y-%m}").endswith("(1)")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?month=2026-13", "month"),
        ("?month=abc", "month"),
        ("?month=1900-01", "month"),
        ("?month=99999-01", "month"),
        ("?field=gibt-es-nicht", "field"),
        ("?district=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "district"),
        ("?language=xx", "language"),
        ("?language=de,tr", "language"),
        ("?kind=party", "kind"),
        ("?district=" + "x" * 5000, "district"),
        ("?field=%00", None),
    ],
)
def test_nonsense_answers_with_the_list_and_a_message(client, query, field):
    for url in (UPCOMING, PAST):
        page = html(client.get(url + query))
        assert "<script>alert" not in page
        assert result_count(page) == result_count(html(client.get(url))), (
            "the value is left out, all events are shown"
        )
        if field is None:
            continue
        assert problems(page), query
        assert f'aria-describedby="filter-{field}-error"' in page
        assert f'id="filter-{field}-error"' in page


def test_a_month_out_of_range_names_the_range(client):
    page = html(client.get(UPCOMING + "?month=1999-01"))
    assert "Diese Liste reicht von" in problems(page) and "„1999-01“" in problems(page)
    assert "ist kein Monat" in problems(html(client.get(UPCOMING + "?month=Oktober")))


@pytest.mark.parametrize("number", ["999999999", "-1", "0", "abc", "1e3", "9" * 400])
def test_huge_or_nonsense_page_numbers(client, settings, number):
    settings.PORTAL_PAGE_SIZE = 3
    page = html(client.get(f"{UPCOMING}?page={number}"))
    assert len(card_titles(page, "event")) in (1, 2, 3)
    assert "Seite" in problems(page)


def test_pagination_keeps_the_filters(client, settings):
    settings.PORTAL_PAGE_SIZE = 2
    page = html(client.get(UPCOMING + "?district=innenstadt-nord"))
    assert 'href="/de/veranstaltungen/?district=innenstadt-nord&amp;page=2#results"' in page


def test_nothing_found_offers_to_leave_a_filter_out(client):
    page = html(client.get(UPCOMING + "?district=mengede&kind=application-workshop"))
    assert result_count(page) == 0
    assert "Keine Veranstaltung passt zu allen Ihren Angaben." in page
    assert 'href="/de/veranstaltungen/?kind=application-workshop#results"' in page


def test_switching_language_keeps_filters_and_the_past_list(client):
    page = html(client.get(PAST + "?district=innenstadt-nord"))
    assert '<a href="/ar/events/past/?district=innenstadt-nord" lang="ar" hreflang="ar">' in page
    assert 'hreflang="tr" href="http://testserver/tr/etkinlikler/past/?district=innenstadt-nord"' in page


def test_each_language_lists_its_events_and_german_stand_ins(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    arabic = html(client.get("/ar/events/"))
    assert "ورشة تقديم الطلبات: التمويل فوق 500 يورو" in card_titles(arabic, "event")
    ukrainian = html(client.get("/uk/events/"))
    assert "Antragsworkshop: Förderung über 500 Euro" in card_titles(ukrainian, "event")
    assert select(ukrainian, 'a[href="/uk/events/antragsworkshop/"][lang="de"][dir="ltr"]')
    assert result_count(ukrainian) == result_count(html(client.get(UPCOMING)))


def test_new_untranslated_events_appear_in_every_language(client):
    event = EventPageFactory(parent=index(), slug="nur-deutsch", title="Nur auf Deutsch")
    create_aliases_for_new_page(event)  # what the admin does when an editor creates a page
    assert "Nur auf Deutsch" in card_titles(html(client.get("/ar/events/?kind=workshop")), "event")


def test_drafts_and_restricted_events_are_not_listed(client):
    draft = EventPageFactory(parent=index(), slug="entwurf", title="Entwurf", live=False)
    hidden = EventPageFactory(parent=index(), slug="intern", title="Intern")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    page = html(client.get(UPCOMING + "?kind=workshop"))
    assert draft.title not in card_titles(page, "event") and hidden.title not in card_titles(page, "event")
    assert "Intern" not in html(client.get("/de/"))


def test_home_page_shows_the_next_events_that_take_place(client):
    page = html(client.get("/de/"))
    section = select_one(page, "section.home-events")
    shown = card_titles(section, "event")
    expected = [
        e.title
        for e in german_live()
        .filter(ends_at__gt=dates.now(), status__in=["scheduled", "rescheduled"])
        .order_by("starts_at", "title", "pk")[:3]
    ]
    assert shown == expected and len(shown) == 3
    assert "Fahrradtour entlang der Emscher" not in text(section)
    assert "/de/veranstaltungen/" in links(section)
    arabic = select_one(html(client.get("/ar/")), "section.home-events")
    assert "/ar/events/" in links(arabic)


def test_partner_page_lists_the_events_it_organises(client):
    partner = PartnerOrganisation.objects.get(slug="quartiersbuero-nordstadt", locale__language_code="de")
    page = html(client.get(f"/de/partner/{partner.slug}/"))
    section = select_one(page, "section.organised-events")
    assert "Netzwerktreffen Nordstadt: Vereine und Einrichtungen" in text(section)
    assert "/de/veranstaltungen/netzwerktreffen-nordstadt/" in links(section)
    arabic = html(client.get("/ar/partners/nordstadt-neighbourhood-office/"))
    assert "لقاء تشبيك في نوردشتات" in arabic
    # A partner without events has no empty section.
    quiet = PartnerOrganisation.objects.get(slug="stiftung-lesefreude", locale__language_code="de")
    assert "organised-events" not in html(client.get(f"/de/partner/{quiet.slug}/"))


def test_past_events_are_not_listed_as_the_partners_upcoming_ones(client):
    partner = PartnerOrganisation.objects.get(
        slug="deutsch-syrischer-kulturverein-jasmin-ev", locale__language_code="de"
    )
    assert german_live().filter(organiser=partner, ends_at__lte=dates.now()).exists()
    assert "organised-events" not in html(client.get(f"/de/partner/{partner.slug}/"))


# --- Queries ---------------------------------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm caches that outlive a request (site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        UPCOMING,
        UPCOMING + "?field=gesellschaftliche-fragen&district=innenstadt-nord&language=tr&kind=workshop",
        PAST + "?district=innenstadt-nord",
        "/uk/events/",
    ],
)
def test_queries_do_not_grow_with_the_events_shown(client, settings, url):
    settings.PORTAL_PAGE_SIZE = 2
    few = count_queries(client, url)
    settings.PORTAL_PAGE_SIZE = 50
    many = count_queries(client, url)
    partner = PartnerOrganisation.objects.get(slug="quartiersbuero-nordstadt", locale__language_code="de")
    fields = list(EngagementField.objects.filter(locale__language_code="de"))
    district = District.objects.get(slug="innenstadt-nord")
    for number in range(15):
        event = EventPageFactory(
            parent=index(),
            organiser=partner,
            district=district,
            languages=["de", "tr"],
            start_date=dates.today()
            + datetime.timedelta(days=number + 1 if "past" not in url else -number - 5),
            engagement_fields=fields,
        )
        create_aliases_for_new_page(event)
    more = count_queries(client, url)
    assert few == many == more <= MAX_QUERIES, (few, many, more)


def test_home_page_queries_stay_within_the_portals_bound(client, django_assert_max_num_queries):
    client.get("/de/")
    with django_assert_max_num_queries(30):
        client.get("/de/")


def test_every_month_and_language_count_is_what_choosing_it_shows(client, settings):
    """The months and languages are counted by grouping (first and last month; the list of languages) and
    added up in Python: each offered count equals the number of events the choice lists, for an event
    over three months, one without an end date and one in two languages."""
    settings.PORTAL_PAGE_SIZE = 100
    index_page = index()
    month = dates.add_months(dates.month_start(dates.today()), 2)
    EventPageFactory(
        parent=index_page,
        slug="drei-monate",
        title="Über drei Monate",
        start_date=month - datetime.timedelta(days=3),
        end_date=dates.add_months(month, 1) + datetime.timedelta(days=3),
        start_time=None,
        end_time=None,
        languages=["ti", "de"],
    )
    EventPageFactory(
        parent=index_page,
        slug="ohne-ende",
        title="Ohne Enddatum",
        start_date=month + datetime.timedelta(days=10),
        end_date=None,
        languages=["so"],
    )
    for url in (UPCOMING, UPCOMING + "?district=innenstadt-nord", UPCOMING + "?language=de"):
        page = html(client.get(url))
        offered = select(page, 'select[name="month"] option[value]') + select(
            page, 'select[name="language"] option[value]'
        )
        checked = 0
        for option in offered:
            if not option["value"]:
                continue
            name = option.find_parent("select")["name"]
            count = int(text(option).rsplit("(", 1)[1].rstrip(")"))
            chosen = html(client.get(f"{url}{'&' if '?' in url else '?'}{name}={option['value']}"))
            assert result_count(chosen) == count, (url, name, option["value"])
            checked += 1
        assert checked >= 4, url
    for shown in (dates.add_months(month, -1), month, dates.add_months(month, 1)):
        assert "Über drei Monate" in card_titles(html(client.get(f"{UPCOMING}?month={shown:%Y-%m}")), "event")
    assert "Über drei Monate" not in card_titles(
        html(client.get(f"{UPCOMING}?month={dates.add_months(month, 2):%Y-%m}")), "event"
    )
    assert "Ohne Enddatum" in card_titles(html(client.get(f"{UPCOMING}?language=so")), "event")
