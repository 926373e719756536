"""Event pages: Dortmund time, all-day and multi-day events, validation, the cancelled state, facts that
follow the German page into its translations, the page itself and the demo events."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import formats, timezone, translation
from markup import select_one, text
from wagtail.models import Locale

from events import dates
from events.demo import clock_change_weekend, last_sunday_of_october
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage
from taxonomy.models import District, EngagementField

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def index(language="de"):
    return EventIndexPage.objects.get(locale__language_code=language)


def german(slug):
    return EventPage.objects.get(slug=slug, locale__language_code="de")


def next_clock_change():
    """The Saturday before the next last Sunday of October (the night the clocks go back)."""
    return clock_change_weekend(dates.today())


# --- Dortmund time -----------------------------------------------------------------------------------------


def test_wall_clock_times_become_instants_with_that_days_rules():
    saturday = next_clock_change()
    event = EventPageFactory(
        parent=index(),
        start_date=saturday,
        start_time=datetime.time(10),
        end_date=saturday + datetime.timedelta(days=1),
        end_time=datetime.time(15),
    )
    event.refresh_from_db()
    # Saturday is summer time (UTC+2), Sunday winter time (UTC+1).
    assert event.starts_at == datetime.datetime.combine(saturday, datetime.time(8), tzinfo=UTC)
    assert event.ends_at == datetime.datetime.combine(
        saturday + datetime.timedelta(days=1), datetime.time(14), tzinfo=UTC
    )
    assert event.multi_day and not event.all_day


def test_all_day_events_last_until_the_end_of_their_last_day():
    day = dates.today() + datetime.timedelta(days=20)
    event = EventPageFactory(
        parent=index(), start_date=day, start_time=None, end_time=None, end_date=day + datetime.timedelta(2)
    )
    assert event.all_day
    assert event.starts_at == dates.local(day)
    assert event.ends_at == dates.local(day + datetime.timedelta(days=3))


def test_an_event_without_an_end_time_counts_as_upcoming_all_of_its_day():
    event = EventPageFactory(
        parent=index(), start_date=dates.today(), start_time=datetime.time(0, 5), end_time=None
    )
    assert event.ends_at == dates.local(dates.today() + datetime.timedelta(days=1))
    assert not event.is_past


def test_times_are_shown_in_dortmund_time_whatever_the_servers_zone(client, settings):
    settings.TIME_ZONE = "America/New_York"
    day = datetime.date(2030, 7, 3)
    event = EventPageFactory(parent=index(), slug="zeitzone", start_date=day)
    with timezone.override(ZoneInfo("Pacific/Auckland")):
        html = client.get(event.url).content.decode()
    assert "Mittwoch, 3. Juli 2030, 18:00–20:00 Uhr" in text(html)
    assert 'datetime="2030-07-03T18:00"' in html
    assert "Dortmunder Ortszeit" in html


def test_today_is_dortmunds_today(monkeypatch):
    # 23:30 UTC on 31 December is already New Year's Day in Dortmund.
    instant = datetime.datetime(2030, 12, 31, 23, 30, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: instant)
    assert dates.today() == datetime.date(2031, 1, 1)


@pytest.mark.parametrize(
    ("language", "args", "expected"),
    [
        ("de", (datetime.date(2030, 7, 3), None, None, None), "Mittwoch, 3. Juli 2030, ganztägig"),
        (
            "de",
            (datetime.date(2030, 7, 3), None, datetime.date(2030, 7, 5), None),
            "Mittwoch, 3. Juli 2030 bis Freitag, 5. Juli 2030",
        ),
        (
            "de",
            (datetime.date(2030, 7, 3), datetime.time(18), None, None),
            "Mittwoch, 3. Juli 2030, ab 18:00 Uhr",
        ),
        (
            "en",
            (datetime.date(2030, 7, 3), datetime.time(18), None, datetime.time(20)),
            "Wednesday, July 3, 2030",
        ),
        ("ar", (datetime.date(2030, 7, 3), None, None, None), "طوال اليوم"),
    ],
)
def test_when_in_words(language, args, expected):
    with translation.override(language):
        assert expected in dates.describe(*args)


def test_last_sunday_of_october():
    assert last_sunday_of_october(2026) == datetime.date(2026, 10, 25)
    assert last_sunday_of_october(2027) == datetime.date(2027, 10, 31)
    assert clock_change_weekend(datetime.date(2026, 10, 25)) == datetime.date(2027, 10, 30)
    assert clock_change_weekend(datetime.date(2026, 10, 1)) == datetime.date(2026, 10, 24)


# --- Validation ------------------------------------------------------------------------------------------------


def event_errors(**values):
    event = EventPage(
        title="Prüfung",
        slug=values.pop("slug", "pruefung"),
        summary="Kurz.",
        start_date=values.pop("start_date", datetime.date(2030, 5, 1)),
        locale=Locale.get_default(),
        **values,
    )
    try:
        event.clean()
    except ValidationError as error:
        return error.message_dict
    return {}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"end_date": datetime.date(2030, 4, 30)}, "end_date"),
        ({"end_time": datetime.time(12)}, "start_time"),
        ({"start_time": datetime.time(18), "end_time": datetime.time(17)}, "end_time"),
        ({"status": EventPage.Status.RESCHEDULED}, "previous_start_date"),
        ({"places_left": 3}, "capacity"),
        ({"capacity": 5, "places_left": 6}, "places_left"),
        ({"registration": EventPage.Registration.REQUIRED}, "registration_url"),
        ({"languages": ["de", "xx"]}, "languages"),
        ({"slug": "past"}, "slug"),
        ({"slug": "ics"}, "slug"),
    ],
)
def test_nonsense_is_refused_with_a_message_on_its_field(values, field):
    errors = event_errors(**values)
    assert field in errors, errors
    assert errors[field][0]


def test_a_sensible_event_passes():
    assert (
        event_errors(
            start_time=datetime.time(18),
            end_date=datetime.date(2030, 5, 2),
            end_time=datetime.time(12),
            capacity=10,
            places_left=0,
            registration=EventPage.Registration.REQUIRED,
            contact_email="info@example.org",
        )
        == {}
    )


def test_the_database_refuses_an_end_before_the_start():
    event = EventPageFactory(parent=index())
    with pytest.raises(IntegrityError):
        EventPage.objects.filter(pk=event.pk).update(end_date=event.start_date - datetime.timedelta(days=1))


# --- The page --------------------------------------------------------------------------------------------------


def test_event_page_shows_the_facts(client):
    html = client.get("/de/veranstaltungen/antragsworkshop/").content.decode()
    page = text(html)
    for expected in [
        "Antragsworkshop: Förderung über 500 Euro",
        "Antragsworkshop",  # the kind
        "17:00–20:00 Uhr",
        "Haus der Vielfalt",
        "Beuthstraße 21",
        "Innenstadt-Nord",
        "Kostenlos".lower(),
        "Bitte melden Sie sich an.",
        "Noch 7 von 20 Plätzen frei",
        "Zugang ohne Stufen",
        "Kinderbetreuung",
        "Aufzug am Hintereingang",
        "house-of-resources@vmdo.example",
        "Beispieleintrag",
    ]:
        assert expected.lower() in page.lower(), expected
    assert '<li><a href="/de/veranstaltungen/?language=tr"><bdi lang="tr">Türkçe</bdi></a></li>' in html
    assert '<li><a href="/de/veranstaltungen/?language=ar"><bdi lang="ar">العربية</bdi></a></li>' in html
    assert 'href="/de/veranstaltungen/antragsworkshop/ics/"' in html


def test_cancelled_event_keeps_its_page_and_says_so(client):
    response = client.get("/de/veranstaltungen/fahrradtour-entlang-der-emscher/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Diese Veranstaltung wurde abgesagt." in html
    assert "Bauarbeiten am Emscherweg" in html
    assert "<del>" in html, "the date is struck through"
    assert "/ics/" not in html, "nobody adds a cancelled event to a calendar"
    arabic = client.get("/ar/events/bike-tour-along-the-emscher/").content.decode()
    assert "أُلغيت هذه الفعالية." in arabic


def test_rescheduled_and_postponed_events_say_so(client):
    moved = german("social-media-fuer-vereine")
    html = client.get(moved.url).content.decode()
    with translation.override("de"):
        previous = formats.date_format(moved.previous_start_date, "DATE_FORMAT")
    assert f"Diese Veranstaltung hat einen neuen Termin. Geplant war sie für den {previous}." in html
    postponed = client.get(german("infoabend-kassenfuehrung").url).content.decode()
    assert "Diese Veranstaltung wurde verschoben." in postponed


def test_untranslated_event_is_the_german_page_with_a_notice(client):
    html = client.get("/uk/events/antragsworkshop/").content.decode()
    assert '<html lang="uk"' in html
    assert "notice--language" in html
    assert "Antragsworkshop: Förderung über 500 Euro" in html


def test_html_in_fields_is_text_never_markup(client):
    event = EventPageFactory(
        parent=index(),
        slug="markup",
        title="<script>alert('x')</script>Fest",
        summary="<img src=x onerror=alert(1)>",
        venue_name="<b>Hof</b>",
        status_note="</script><script>alert(2)</script>",
        status=EventPage.Status.CANCELLED,
    )
    html = client.get(event.url).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Hof</b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;Fest" in html


def test_a_very_long_title_does_not_break_the_page(client):
    event = EventPageFactory(parent=index(), slug="lang", title="Sehr " * 48 + "langer Titel")
    assert client.get(event.url).status_code == 200


# --- Facts follow the German page into its translations --------------------------------------------------------


def test_publishing_the_german_event_updates_its_translations_at_once(client):
    event = german("antragsworkshop")
    arabic = EventPage.objects.get(translation_key=event.translation_key, locale__language_code="ar")
    assert arabic.alias_of_id is None, "a real translation, not an alias"
    new_day = event.start_date + datetime.timedelta(days=3)
    eving = District.objects.get(slug="eving")
    environment = EngagementField.objects.get(slug="umwelt", locale__language_code="de")
    event.start_date = new_day
    event.status = EventPage.Status.CANCELLED
    event.places_left = 2
    event.district = eving
    event.engagement_fields = [environment]
    event.save_revision().publish()

    arabic.refresh_from_db()
    assert arabic.start_date == new_day
    assert arabic.starts_at == dates.local(new_day, datetime.time(17))
    assert arabic.status == EventPage.Status.CANCELLED
    assert arabic.places_left == 2 and arabic.district == eving
    assert [term.slug for term in arabic.engagement_fields.all()] == ["umwelt"]
    assert arabic.title != event.title, "texts stay translated"
    html = client.get(arabic.url).content.decode()
    assert "أُلغيت هذه الفعالية." in html
    # wagtail-localize's copy of the source has the new facts too: a translator publishing later keeps them.
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get(object_id=event.translation_key, locale=event.locale)
    assert source.as_instance().status == EventPage.Status.CANCELLED


# --- Demo ------------------------------------------------------------------------------------------------------


def test_demo_events_cover_what_the_calendar_must_show():
    events = EventPage.objects.filter(locale__language_code="de", live=True)
    assert events.count() >= 20
    now = dates.now()
    assert events.filter(ends_at__gt=now).count() >= 10 and events.filter(ends_at__lte=now).count() >= 3
    assert events.filter(status=EventPage.Status.CANCELLED).exists()
    assert any(event.multi_day and event.all_day for event in events)
    assert events.filter(kind=EventPage.Kind.APPLICATION_WORKSHOP).exists()
    assert events.filter(kind=EventPage.Kind.CONSULTATION).count() >= 2
    crossing = [
        event
        for event in events
        if event.starts_at.astimezone(dates.DORTMUND).utcoffset()
        != event.ends_at.astimezone(dates.DORTMUND).utcoffset()
    ]
    assert crossing, "one event across the change to winter time"
    assert all(event.is_sample for event in events)
    for code in ("en", "tr", "ar"):
        translated = EventPage.objects.filter(locale__language_code=code, alias_of__isnull=True, live=True)
        assert translated.count() == events.count(), code


def test_the_venue_links_to_openstreetmap_and_embeds_nothing(client):
    event = german("antragsworkshop")
    html = client.get("/de/veranstaltungen/antragsworkshop/").content.decode()
    link = select_one(html, "a.map-link")
    assert link["href"] == event.map_url
    assert link["href"].startswith("https://www.openstreetmap.org/search?query=")
    assert "Beuthstra%C3%9Fe+21%2C+44147+Dortmund" in link["href"]
    assert "<iframe" not in html and "openstreetmap.org/" not in html.replace(link["href"], "")
    event.street = event.postcode = event.city = ""
    assert event.map_url == ""
