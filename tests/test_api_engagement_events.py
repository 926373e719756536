"""Events and engagement examples over the pages API: every field of `api_fields` serialises (the search and
API work connects these types to their own endpoints later; the page endpoints already serve them)."""

import datetime

import pytest

from engagement.models import EngagementExamplePage
from events import dates
from events.models import EventPage

pytestmark = pytest.mark.django_db


def test_event_page_detail_has_its_facts(client):
    german = EventPage.objects.get(slug="antragsworkshop", locale__language_code="de")
    event = EventPage.objects.get(translation_key=german.translation_key, locale__language_code="ar")
    body = client.get(f"/api/v3/pages/{event.pk}/?lang=ar").json()
    assert body["meta"]["type"] == "events.EventPage"
    assert body["kind"] == {"value": "application-workshop", "label": "ورشة تقديم الطلبات"}
    assert body["time_zone"] == "Europe/Berlin" and body["all_day"] is False
    assert body["local_start"] == dates.local(event.start_date, datetime.time(17)).isoformat()
    assert body["local_end"] == dates.local(event.start_date, datetime.time(20)).isoformat()
    assert body["starts_at"] == dates.local(event.start_date, datetime.time(17)).astimezone(
        datetime.UTC
    ).isoformat().replace("+00:00", "Z")
    assert body["language_codes"] == ["de", "tr", "ar"]
    assert body["district"]["slug"] == "innenstadt-nord" and body["district_slug"] == "innenstadt-nord"
    assert body["status"]["value"] == "scheduled"
    assert body["capacity"] == 20 and body["places_left"] == 7
    assert body["description"]["html"].startswith("<p>")


def test_engagement_example_detail_has_its_links(client):
    example = EngagementExamplePage.objects.get(slug="fest-fuer-den-nordmarkt", locale__language_code="de")
    body = client.get(f"/api/v3/pages/{example.pk}/").json()
    assert body["meta"]["type"] == "engagement.EngagementExamplePage"
    assert body["year"] == 2025 and body["district_slug"] == "innenstadt-nord"
    assert set(body["engagement_field_slugs"]) == {"kulturelle-vielfalt", "gesellschaftliche-fragen"}
    assert {item["slug"] for item in body["resources"]} >= {"festzelt", "tonanlage"}
    assert {item["slug"] for item in body["partners"]} == {
        "quartiersbuero-nordstadt",
        "stadtteilcafe-am-hafen-eg",
    }
    assert body["image"]["alt"] and body["gallery"][0]["type"] == "image"


@pytest.mark.parametrize("model", ["events.EventPage", "engagement.EngagementExamplePage"])
def test_lists_of_the_new_page_types(client, model):
    body = client.get(f"/api/v3/pages/?type={model}&locale=de&limit=100").json()
    assert body["count"] >= 12


LINK_KEYS = {"id", "slug", "name", "locale", "detail_url", "html_url"}


def test_links_between_items_come_in_the_requested_language_in_one_shape(client):
    """An event's terms and an example's partners and resources: the version in the response's
    language (German standing in, its `locale` says so), each with its own endpoint."""
    german = EventPage.objects.get(slug="antragsworkshop", locale__language_code="de")
    body = client.get(f"/api/v3/events/{german.pk}/?lang=ar").json()
    assert body["target_groups"] and body["engagement_fields"]
    for link in body["target_groups"] + body["engagement_fields"]:
        assert set(link) == LINK_KEYS
        assert link["locale"] == "ar", link
        assert link["detail_url"].endswith(f"/{link['slug']}/?lang=ar")
        assert link["html_url"] is None
        term = client.get(link["detail_url"]).json()
        assert term["name"] == link["name"] and term["meta"]["locale"] == "ar"
    assert "Vereine und Ehrenamtliche" not in {link["name"] for link in body["target_groups"]}

    example = EngagementExamplePage.objects.get(slug="fest-fuer-den-nordmarkt", locale__language_code="de")
    body = client.get(f"/api/v3/examples/{example.pk}/?lang=tr").json()
    for collection in ("partners", "resources"):
        assert body[collection], collection
        for link in body[collection]:
            assert set(link) == LINK_KEYS
            own = client.get(link["detail_url"]).json()
            assert own["id"] == link["id"] and own["meta"]["locale"] == link["locale"]
            assert link["html_url"] == own["meta"]["html_url"]
            assert link["name"] in (own.get("name"), own.get("title"))
