"""GET /api/v3/consultation-times/ (resource_requests/consultation_times.py): the times a request can book,
with free places, languages and mode, filtered; and POST /api/v3/requests/ booking one by its id."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from resource_requests.factories import ConsultationSlotFactory, in_days, make_request
from resource_requests.models import ConsultationSlot

pytestmark = pytest.mark.django_db

URL = "/api/v3/consultation-times/"


@pytest.fixture(autouse=True)
def only_these_times():
    """The demo's own times are withdrawn: each test offers its own."""
    ConsultationSlot.objects.update(published=False)
    cache.clear()
    yield
    cache.clear()


def day(offset):
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_only_bookable_times_with_a_free_place_soonest_first(client):
    later = ConsultationSlotFactory(start=in_days(9, 10), capacity=2)
    sooner = ConsultationSlotFactory(start=in_days(4, 14))
    full = ConsultationSlotFactory(start=in_days(5, 10))
    make_request([], slot=full)
    ConsultationSlotFactory(start=in_days(6, 10), published=False)
    ConsultationSlotFactory(start=timezone.now() + datetime.timedelta(minutes=30))  # too close to book
    ConsultationSlotFactory(start=in_days(7 * 30, 10))  # beyond REQUESTS_SLOT_WEEKS_AHEAD
    make_request([], slot=later)
    response = client.get(f"{URL}?lang=ar")
    assert ids(response) == [sooner.pk, later.pk]
    body = response.json()
    assert body["count"] == 2 and body["language"] == "ar"
    item = body["items"][1]
    assert item["capacity"] == 2 and item["places_left"] == 1
    assert item["start"] == timezone.localtime(later.start).isoformat()
    assert item["end"] == timezone.localtime(later.start + datetime.timedelta(minutes=45)).isoformat()
    assert item["mode"] == "in_person" and item["mode_label"] == "حضوريًا"
    assert item["languages"] == [{"code": "de", "name": "Deutsch"}, {"code": "tr", "name": "Türkçe"}]
    assert item["detail_url"].endswith(f"/api/v3/consultation-times/{later.pk}/?lang=ar")


def test_filters_by_days_language_and_mode(client):
    monday = ConsultationSlotFactory(start=in_days(3, 10), languages=["de", "ar"])
    video = ConsultationSlotFactory(start=in_days(4, 10), mode="video", place="", languages=["uk"])
    phone = ConsultationSlotFactory(start=in_days(5, 10), mode="phone", place="", languages=["ar"])
    assert ids(client.get(f"{URL}?language=ar")) == [monday.pk, phone.pk]
    assert ids(client.get(f"{URL}?language=ar&language=uk")) == [monday.pk, video.pk, phone.pk]
    assert ids(client.get(f"{URL}?language=pl")) == []
    assert ids(client.get(f"{URL}?mode=video&mode=phone")) == [video.pk, phone.pk]
    assert ids(client.get(f"{URL}?start={day(4)}")) == [video.pk, phone.pk]
    assert ids(client.get(f"{URL}?end={day(4)}")) == [monday.pk, video.pk]
    assert ids(client.get(f"{URL}?start={day(4)}&end={day(4)}&language=uk&mode=video")) == [video.pk]


@pytest.mark.parametrize(
    "query, loc, message",
    [
        ("start=2026-02-30", ["query", "start"], "gültiges Datum"),
        ("start=0000-00-00", ["query", "start"], "gültiges Datum"),
        (f"start={day(5)}&end={day(4)}", ["query", "end"], "vor dem"),
        ("mode=online", ["query", "mode", 0], None),
        ("language=xx", ["query", "language", 0], None),
        ("start=morgen", ["query", "start"], None),
        ("slot=1", ["query", "slot"], "Unbekannter Parameter"),
    ],
)
def test_nonsense_is_refused_naming_the_parameter(client, query, loc, message):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 422 and response["Content-Type"] == "application/problem+json"
    error = response.json()["errors"][0]
    assert error["loc"] == loc
    if message:
        assert message in error["msg"]


def test_one_time_also_when_full_and_404_once_gone(client):
    slot = ConsultationSlotFactory(start=in_days(6, 10))
    make_request([], slot=slot)
    response = client.get(f"{URL}{slot.pk}/?lang=en")
    assert response.status_code == 200
    assert response.json()["places_left"] == 0 and response.json()["mode_label"] == "In person"
    assert "ETag" in response and "Last-Modified" in response
    ConsultationSlot.objects.filter(pk=slot.pk).update(start=timezone.now() - datetime.timedelta(hours=1))
    assert client.get(f"{URL}{slot.pk}/").status_code == 404
    withdrawn = ConsultationSlotFactory(start=in_days(6, 12), published=False)
    assert client.get(f"{URL}{withdrawn.pk}/").status_code == 404
    assert client.get(f"{URL}0/").status_code == 422


def test_a_request_books_a_listed_time_by_its_id(client):
    slot = ConsultationSlotFactory(start=in_days(8, 10), capacity=1, languages=["ar"])
    listed = client.get(f"{URL}?language=ar").json()["items"]
    assert [item["id"] for item in listed] == [slot.pk]
    body = {
        "association_name": "Elternverein Regenbogen e.V.",
        "contact_name": "Leyla Demir",
        "email": "leyla@example.org",
        "consultation_language": "ar",
        "plan_title": "Sommerfest",
        "plan_description": "Ein Fest für die Nachbarschaft.",
        "slot": listed[0]["id"],
        "consent": True,
    }
    created = client.post("/api/v3/requests/", json.dumps(body), content_type="application/json")
    assert created.status_code == 201, created.content
    status = client.get(f"/api/v3/requests/{created.json()['token']}/")
    assert status.json()["consultation"]["start"] == listed[0]["start"]
    assert ids(client.get(URL)) == [], "its only place is taken"
    again = client.post("/api/v3/requests/", json.dumps(body), content_type="application/json")
    # Valid when the client read the list, full now: a conflict saying so (docs/api.md "Conflicts").
    assert again.status_code == 409 and again.json()["type"] == "full"
    assert again.json()["errors"][0]["loc"] == ["body", "slot"]
    # The id is a number; "callback" is the only text the field takes.
    text = client.post(
        "/api/v3/requests/", json.dumps({**body, "slot": str(slot.pk)}), content_type="application/json"
    )
    assert text.status_code == 422 and text.json()["errors"][0]["loc"][:2] == ["body", "slot"]


def test_the_list_costs_the_same_queries_for_two_and_for_twenty_times(client):
    for number in range(2):
        ConsultationSlotFactory(start=in_days(3 + number, 10))
    client.get(URL)
    with CaptureQueriesContext(connection) as two:
        assert len(ids(client.get(f"{URL}?limit=50"))) == 2
    for number in range(18):
        slot = ConsultationSlotFactory(start=in_days(5 + number, 11), capacity=3)
        make_request([], slot=slot)
    with CaptureQueriesContext(connection) as twenty:
        assert len(ids(client.get(f"{URL}?limit=50"))) == 20
    assert len(twenty.captured_queries) == len(two.captured_queries) <= 6


def test_documented_in_the_contract(client):
    document = client.get("/api/v3/openapi.json").json()
    operation = document["paths"]["/api/v3/consultation-times/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {"lang", "start", "end", "language", "mode", "limit", "offset", "fields"}
    schema = document["components"]["schemas"]["ConsultationTime"]
    assert schema["properties"]["mode"]["enum"] == ["in_person", "video", "phone"]
    slot = document["components"]["schemas"]["RequestIn"]["properties"]["slot"]
    assert {"type": "string", "enum": ["callback"]} in slot["anyOf"] or {
        "const": "callback",
        "type": "string",
    } in slot["anyOf"]
    assert "/api/v3/consultation-times/" in slot["description"]
    assert client.get("/api/v3/").json()["endpoints"]["consultation-times"].endswith(URL)
