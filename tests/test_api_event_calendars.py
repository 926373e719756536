"""Events in the API link their calendars (events/endpoints.py): `ics_url` on every event, the feeds on the
list, in the language asked for; and what those addresses serve is a calendar. (Queries per list at two
sizes, `ics_url` included: tests/test_api_performance.py.)"""

from urllib.parse import urlsplit

import icalendar
import pytest

from events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db

EVENTS = "/api/v3/events/"


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def path_of(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def test_every_event_links_its_own_ics_file_in_the_language_asked_for(client):
    german = EventPage.objects.get(slug="antragsworkshop", locale__language_code="de")
    arabic = EventPage.objects.get(translation_key=german.translation_key, locale__language_code="ar")
    body = get(client, f"{EVENTS}{german.pk}/", lang="ar")
    assert body["ics_url"] == body["meta"]["html_url"] + "ics/"
    assert body["ics_url"].startswith("http://testserver/ar/") and arabic.slug in body["ics_url"]
    listed = get(client, EVENTS, lang="ar", limit=100)["items"]
    assert listed and all(item["ics_url"] == item["meta"]["html_url"] + "ics/" for item in listed)
    served = client.get(path_of(body["ics_url"]))
    assert served.status_code == 200 and served["Content-Type"].startswith("text/calendar")
    (event,) = icalendar.Calendar.from_ical(served.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == arabic.title


def test_the_list_links_the_calendar_feed_with_its_filters(client):
    index = EventIndexPage.objects.get(locale__language_code="tr")
    body = get(client, EVENTS, lang="tr", field="bildung")
    feeds = body["feeds"]
    feed = "http://testserver" + index.feed_url()
    assert feeds["all"] == feed and feeds["all_webcal"] == "webcal://" + feed.removeprefix("http://")
    assert feeds["filtered"] == f"{feed}?field=bildung"
    assert feeds["filtered_webcal"] == f"webcal://testserver{index.feed_url()}?field=bildung"
    unfiltered = get(client, EVENTS, lang="tr")["feeds"]
    assert unfiltered["filtered"] is None and unfiltered["filtered_webcal"] is None
    served = client.get(path_of(feeds["filtered"]))
    assert served.status_code == 200 and served["Content-Type"].startswith("text/calendar")
    assert icalendar.Calendar.from_ical(served.content).walk("VEVENT")


def test_documented_in_the_contract(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    for name in ("Event", "EventSummary"):
        assert "ics_url" in schemas[name]["properties"], name
    assert set(schemas["EventList"]["properties"]["feeds"]["$ref"].split("/")[-1:]) == {"CalendarFeeds"}
    assert schemas["CalendarFeeds"]["examples"][0]["all"].endswith("/ics/")
