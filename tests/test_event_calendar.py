"""Calendar export: .ics per event and subscribable feeds, read back with the `icalendar` package, with the
right instants on both sides of the October clock change; schema.org `Event` JSON-LD on event pages."""

import datetime
import re

import icalendar
import pytest
from django.utils import timezone
from markup import json_ld
from wagtail.models import Locale, PageViewRestriction

from events import dates
from events.demo import clock_change_weekend
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage
from taxonomy.models import EngagementField

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
FEED = "/de/veranstaltungen/ics/"


def index(language="de"):
    return EventIndexPage.objects.get(locale__language_code=language)


def calendar(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(cal):
    return {str(event["uid"]): event for event in cal.walk("VEVENT")}


def uid(event):
    return f"{event.translation_key}@testserver"


def across_the_clock_change():
    saturday = clock_change_weekend(dates.today())
    return EventPageFactory(
        parent=index(),
        slug="uhrumstellung",
        title="Über Nacht",
        start_date=saturday,
        start_time=datetime.time(10),
        end_date=saturday + datetime.timedelta(days=1),
        end_time=datetime.time(15),
    )


def test_one_event_as_ics_keeps_its_hours_across_the_clock_change(client):
    event = across_the_clock_change()
    response = client.get(event.url + "ics/")
    assert response["Content-Disposition"] == 'attachment; filename="uhrumstellung.ics"'
    cal = calendar(response)
    assert str(cal["version"]) == "2.0"
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    item = vevents(cal)[uid(event)]
    start, end = item.decoded("dtstart"), item.decoded("dtend")
    assert str(start.tzinfo) == "Europe/Berlin" and start.hour == 10 and end.hour == 15
    # Summer time on Saturday (UTC+2), winter time on Sunday (UTC+1).
    assert start.astimezone(UTC).time() == datetime.time(8)
    assert end.astimezone(UTC).time() == datetime.time(14)
    assert end.astimezone(UTC) - start.astimezone(UTC) == datetime.timedelta(hours=30), (
        "an hour more than the clock"
    )
    assert str(item["summary"]) == "Über Nacht"
    assert str(item["url"]) == "http://testserver/de/veranstaltungen/uhrumstellung/"
    assert str(item["status"]) == "CONFIRMED"


def test_the_timezone_in_the_file_gives_the_same_instants_to_a_reader_without_tz_data(client):
    """Read the offsets from the file's own VTIMEZONE: what a calendar program without Olson data does."""
    event = across_the_clock_change()
    raw = client.get(event.url + "ics/").content.decode()
    saturday = event.start_date
    sunday = saturday + datetime.timedelta(days=1)
    # The file says when winter time begins that year, and the offsets before and after.
    assert re.search(r"TZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0100", raw)
    assert f"{sunday:%Y%m%d}T030000" in raw.replace("\r\n ", "")
    assert f"DTSTART;TZID=Europe/Berlin:{saturday:%Y%m%d}T100000" in raw
    assert f"DTEND;TZID=Europe/Berlin:{sunday:%Y%m%d}T150000" in raw


def test_all_day_and_multi_day_events_use_dates_with_an_exclusive_end(client):
    day = dates.today() + datetime.timedelta(days=30)
    event = EventPageFactory(
        parent=index(),
        slug="fest",
        start_date=day,
        end_date=day + datetime.timedelta(days=2),
        start_time=None,
        end_time=None,
    )
    item = vevents(calendar(client.get(event.url + "ics/")))[uid(event)]
    assert item.decoded("dtstart") == day
    assert item.decoded("dtend") == day + datetime.timedelta(days=3)


def test_the_server_time_zone_does_not_matter(client, settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    event = across_the_clock_change()
    with timezone.override("America/Los_Angeles"):
        item = vevents(calendar(client.get(event.url + "ics/")))[uid(event)]
    assert item.decoded("dtstart").astimezone(UTC).time() == datetime.time(8)


def test_feed_of_upcoming_events_is_subscribable_and_complete(client):
    response = client.get(FEED)
    assert response["Content-Disposition"].startswith("inline")
    cal = calendar(response)
    assert str(cal["x-wr-calname"]) == "House of Resources Dortmund: Veranstaltungen"
    items = vevents(cal)
    upcoming = EventPage.objects.filter(locale__language_code="de", live=True, ends_at__gt=dates.now())
    assert {uid(event) for event in upcoming} <= set(items)
    cancelled = EventPage.objects.get(slug="fahrradtour-entlang-der-emscher", locale__language_code="de")
    item = items[uid(cancelled)]
    assert str(item["status"]) == "CANCELLED"
    assert str(item["summary"]).startswith("Abgesagt: ")
    long_ago = EventPage.objects.get(slug="nachbarschaftsfest-am-nordmarkt", locale__language_code="de")
    assert uid(long_ago) not in items, "events older than the feed's window are left out"


def test_feed_per_engagement_field_and_in_another_language(client):
    cal = calendar(client.get(FEED + "?field=umwelt"))
    assert str(cal["x-wr-calname"]).endswith("– Umwelt")
    expected = EventPage.objects.filter(
        locale__language_code="de",
        live=True,
        engagement_fields__slug="umwelt",
        ends_at__gt=dates.now() - datetime.timedelta(days=30),
    )
    assert set(vevents(cal)) == {uid(event) for event in expected} and expected.exists()
    arabic = calendar(client.get("/ar/events/ics/?field=umwelt"))
    summaries = [str(item["summary"]) for item in arabic.walk("VEVENT")]
    assert any("إمشر" in summary for summary in summaries)
    assert set(vevents(arabic)) == set(vevents(cal)), "the same events, the same UIDs in every language"


@pytest.mark.parametrize("query", ["?field=gibt-es-nicht", "?district=mars", "?language=klingon", "?kind=x"])
def test_a_feed_for_something_that_does_not_exist_says_so(client, query):
    response = client.get(FEED + query)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/plain")
    value = query.split("=", 1)[1]
    assert f"„{value}“" in response.content.decode(), "the message names what was not understood"


def test_feed_leaves_out_drafts_and_restricted_events(client):
    draft = EventPageFactory(parent=index(), slug="entwurf-ics", live=False)
    hidden = EventPageFactory(parent=index(), slug="intern-ics")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    items = vevents(calendar(client.get(FEED)))
    assert uid(draft) not in items and uid(hidden) not in items


def test_feed_queries_do_not_grow_with_the_events(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        client.get(FEED)
        with CaptureQueriesContext(connection) as queries:
            client.get(FEED)
        return len(queries.captured_queries)

    before = count()
    fields = list(EngagementField.objects.filter(locale__language_code="de"))
    for _ in range(10):
        EventPageFactory(parent=index(), engagement_fields=fields)
    assert count() == before <= 20


# --- JSON-LD ---------------------------------------------------------------------------------------------------


def test_event_page_describes_the_event_for_machines(client):
    page = client.get("/de/veranstaltungen/antragsworkshop/").content.decode()
    data = json_ld(page)
    event = EventPage.objects.get(slug="antragsworkshop", locale__language_code="de")
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["startDate"] == dates.local(event.start_date, datetime.time(17)).isoformat()
    assert data["endDate"] == dates.local(event.start_date, datetime.time(20)).isoformat()
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["streetAddress"] == "Beuthstraße 21"
    assert data["location"]["address"]["postalCode"] == "44147"
    assert data["organizer"]["name"].startswith("VMDO e.V.")
    assert data["offers"]["price"] == "0.00" and data["offers"]["priceCurrency"] == "EUR"
    assert data["isAccessibleForFree"] is True
    assert data["inLanguage"] == ["de", "tr", "ar"]
    assert data["maximumAttendeeCapacity"] == 20 and data["remainingAttendeeCapacity"] == 7


def test_json_ld_of_cancelled_rescheduled_online_and_booked_out_events(client):
    cancelled = json_ld(client.get("/de/veranstaltungen/fahrradtour-entlang-der-emscher/").content.decode())
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["organizer"]["url"] == "http://testserver/de/partner/umweltinitiative-emscherufer/"
    moved = json_ld(client.get("/de/veranstaltungen/social-media-fuer-vereine/").content.decode())
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled" and "previousStartDate" in moved
    online = json_ld(client.get("/de/veranstaltungen/online-sprechstunde-foerdermittel/").content.decode())
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/hor-sprechstunde",
    }
    hybrid = json_ld(client.get("/de/veranstaltungen/pressearbeit-fuer-vereine/").content.decode())
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert (
        hybrid["offers"]["availability"] == "https://schema.org/SoldOut"
        and hybrid["offers"]["price"] == "5.00"
    )
    festival = json_ld(client.get("/de/veranstaltungen/festival-der-kulturen-im-garten/").content.decode())
    start, end = festival["startDate"], festival["endDate"]
    assert (
        re.fullmatch(r"\d{4}-\d{2}-\d{2}", start) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", end) and end > start
    )


def test_json_ld_cannot_be_broken_out_of(client):
    event = EventPageFactory(
        parent=index(), slug="ld", title="</script><script>alert(1)</script>", summary="a & b <c>"
    )
    page = client.get(event.url).content.decode()
    assert "</script><script>alert(1)" not in page
    assert json_ld(page)["name"] == "</script><script>alert(1)</script>"


def an_hour_later(day, time):
    return (datetime.datetime.combine(day, time) + datetime.timedelta(hours=1)).time()


def test_a_translations_ics_follows_a_change_of_time(client):
    """SEQUENCE and LAST-MODIFIED move in the English file when the German event moves (issue 13)."""
    english = EventPage.objects.filter(
        locale__language_code="en", alias_of__isnull=True, live=True, start_time__isnull=False
    ).first()
    german = english.get_translation(Locale.get_default())
    EventPage.objects.filter(pk=english.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=2)
    )
    english.refresh_from_db()
    before = vevents(calendar(client.get(english.url + "ics/")))[uid(german)]
    german.start_time = an_hour_later(german.start_date, german.start_time)
    if german.end_time is not None:
        german.end_time = an_hour_later(german.end_date or german.start_date, german.end_time)
    german.save_revision().publish()
    after = vevents(calendar(client.get(english.url + "ics/")))[uid(german)]
    assert after["last-modified"].dt > before["last-modified"].dt
    assert int(after["sequence"]) > int(before["sequence"]) > 0
    assert after["dtstart"].dt == before["dtstart"].dt + datetime.timedelta(hours=1)


def test_publishing_the_german_text_alone_leaves_the_translations_date(client):
    english = EventPage.objects.filter(locale__language_code="en", alias_of__isnull=True, live=True).first()
    german = english.get_translation(Locale.get_default())
    german.summary = german.summary + " (korrigiert)"
    german.save_revision().publish()
    english_after = EventPage.objects.get(pk=english.pk)
    assert english_after.last_published_at == english.last_published_at
