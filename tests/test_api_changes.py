"""Following changes as an app does (api/changes.py, api/tracking.py): read a list, let editors publish,
edit, unpublish, delete or restrict things the way the admin does (Wagtail's model methods), then ask
`/api/v3/changes/?since=` and `updated_since=` what changed – and get exactly that."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from api.models import Change
from catalogue.factories import ResourceFactory
from catalogue.models import Resource
from events.models import EventPage
from taxonomy.models import EngagementField

pytestmark = pytest.mark.django_db

CHANGES = "/api/v3/changes/"
ALL_LANGUAGES = ["de", "en", "tr", "ar", "uk", "pl"]


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def stamp(moment):
    return moment.isoformat().replace("+00:00", "Z")


@pytest.fixture
def since():
    """The moment the app last looked: just before the test changes anything."""
    return timezone.now() - datetime.timedelta(microseconds=1)


def changes(client, since, **params):
    return get(client, CHANGES, since=stamp(since), **params)


def resource_changes(client, since, **params):
    """The resources' entries (a factory's resource brings a new category along: an entry of its own)."""
    return changes(client, since, type="resources", **params)


def entries(body):
    return [(item["type"], item["id"], item["change"], item["reason"]) for item in body["items"]]


def live_event(language="de"):
    return EventPage.objects.live().public().filter(locale__language_code=language).order_by("pk").first()


# --- Resources: published, changed, unpublished, deleted ----------------------------------------------


def test_a_new_resource_an_edit_an_unpublish_and_a_delete_are_each_one_entry(client, since):
    before = get(client, "/api/v3/resources/", limit=100)
    assert changes(client, since)["items"] == []

    kept = ResourceFactory(title="Beamer für Feste", slug="beamer-fuer-feste")
    edited = ResourceFactory(title="Stellwand", slug="stellwand")
    withdrawn = ResourceFactory(title="Zelt", slug="zelt")
    deleted = ResourceFactory(title="Bierbank", slug="bierbank")
    created = resource_changes(client, since)
    assert entries(created) == [
        ("resources", item.pk, "published", None) for item in (kept, edited, withdrawn, deleted)
    ]
    assert created["count"] == 4
    assert get(client, "/api/v3/resources/", limit=100)["count"] == before["count"] + 4

    checkpoint = timezone.now()
    edited.title = "Stellwand (groß)"
    edited.save_revision().publish()
    withdrawn.unpublish()
    Resource.objects.get(pk=deleted.pk).delete()
    edited.save_revision()  # a draft: nothing a visitor sees

    body = changes(client, checkpoint)
    assert entries(body) == [
        ("resources", edited.pk, "changed", None),
        ("resources", withdrawn.pk, "withdrawn", "unpublished"),
        ("resources", deleted.pk, "withdrawn", "deleted"),
    ]
    changed, gone, removed = body["items"]
    assert changed["detail_url"] == f"http://testserver/api/v3/resources/{edited.pk}/?lang=de"
    assert get(client, changed["detail_url"])["title"] == "Stellwand (groß)"
    assert gone["detail_url"] is None and removed["detail_url"] is None
    # A German original without translations stands in for every language: gone in all of them.
    assert removed["languages"] == ALL_LANGUAGES
    assert removed["locale"] == "de"
    assert body["next_since"] == removed["at"]

    # `updated_since` gives the list's items changed since then, and they say when.
    recent = get(client, "/api/v3/resources/", updated_since=stamp(checkpoint), limit=100)
    assert [item["id"] for item in recent["items"]] == [edited.pk]
    assert recent["count"] == 1
    assert recent["items"][0]["meta"]["last_modified"] >= stamp(checkpoint)[:19]
    all_ids = {item["id"] for item in get(client, "/api/v3/resources/", limit=100)["items"]}
    assert withdrawn.pk not in all_ids and deleted.pk not in all_ids


def test_a_translation_is_reported_in_its_own_language_and_the_original_where_it_stands_in(client, since):
    original = ResourceFactory(title="Werkzeugkiste", slug="werkzeugkiste")
    english = original.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Toolbox"
    english.live = True
    english.save()
    body = resource_changes(client, since)
    assert [(item["id"], item["locale"], item["languages"]) for item in body["items"]] == [
        (original.pk, "de", ALL_LANGUAGES),
        (english.pk, "en", ["en"]),
    ]
    assert body["items"][1]["detail_url"] == f"http://testserver/api/v3/resources/{english.pk}/?lang=en"

    checkpoint = timezone.now()
    original.unpublish()
    withdrawn = changes(client, checkpoint)["items"]
    # With an English translation live, the German original was no longer seen in English.
    assert [(item["id"], item["languages"]) for item in withdrawn] == [
        (original.pk, ["de", "tr", "ar", "uk", "pl"])
    ]
    assert get(client, CHANGES, since=stamp(checkpoint), language="en")["items"] == []
    assert [item["id"] for item in get(client, CHANGES, since=stamp(checkpoint), language="ar")["items"]] == [
        original.pk
    ]


# --- Pages: events, privacy, moves ---------------------------------------------------------------------


def aliases(page):
    """The live aliases of `page` in the other languages' trees (untranslated pages), by id."""
    return set(Page.objects.filter(alias_of=page, live=True).values_list("pk", flat=True))


def versions(page):
    """Every live language version of `page`, itself included, by id."""
    return set(
        Page.objects.filter(translation_key=page.translation_key, live=True).values_list("pk", flat=True)
    )


def test_an_event_edited_made_private_public_again_and_deleted(client, since):
    event = live_event()
    mirrors = aliases(event)
    events = get(client, "/api/v3/events/", lang="de", updated_since=stamp(since))
    assert events["items"] == []

    event.title = "Neuer Titel der Veranstaltung"
    event.save_revision().publish()
    body = changes(client, since)
    # The German page, and the aliases that show it where it is not translated (and translations whose
    # copied fields follow it), each in its language.
    changed = set(entries(body))
    assert {("events", pk, "changed", None) for pk in {event.pk, *mirrors}} <= changed
    assert changed <= {("events", pk, "changed", None) for pk in versions(event)}
    own = next(item for item in body["items"] if item["id"] == event.pk)
    assert own["detail_url"] == f"http://testserver/api/v3/events/{event.pk}/?lang=de"
    assert own["languages"] == ["de"]
    assert sorted(item["locale"] for item in body["items"]) == sorted(
        Page.objects.filter(pk__in={item[1] for item in changed}).values_list(
            "locale__language_code", flat=True
        )
    )
    listed = get(client, "/api/v3/events/", lang="de", updated_since=stamp(since))
    assert [item["id"] for item in listed["items"]] == [event.pk]
    assert listed["items"][0]["meta"]["last_modified"] is not None

    checkpoint = timezone.now()
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="geheim-geheim"
    )
    restriction.delete()
    private_and_back = changes(client, checkpoint)
    assert entries(private_and_back) == [
        ("events", event.pk, "withdrawn", "private"),
        ("events", event.pk, "published", None),
    ]

    checkpoint = timezone.now()
    Page.objects.get(pk=event.pk).delete()
    gone = changes(client, checkpoint)
    # Deleting the original unpublishes its aliases (Wagtail), so it is gone in every language it was in.
    assert set(entries(gone)) == {
        ("events", event.pk, "withdrawn", "deleted"),
        *(("events", pk, "withdrawn", "unpublished") for pk in mirrors),
    }
    assert all(item["detail_url"] is None for item in gone["items"])


def test_an_unpublished_event_leaves_with_its_aliases(client, since):
    event = live_event()
    mirrors = aliases(event)
    event.unpublish()
    body = changes(client, since, type="events")
    assert set(entries(body)) == {("events", pk, "withdrawn", "unpublished") for pk in {event.pk, *mirrors}}
    assert changes(client, since, type="resources")["items"] == []


def test_a_term_edited_by_code_is_a_change_with_its_own_address(client, since):
    field = EngagementField.objects.filter(locale__language_code="de", live=True).order_by("pk").first()
    field.name = f"{field.name} (neu)"
    field.save()
    body = changes(client, since)
    assert entries(body) == [("engagement-fields", field.pk, "changed", None)]
    assert (
        body["items"][0]["detail_url"] == f"http://testserver/api/v3/engagement-fields/{field.slug}/?lang=de"
    )
    # Edited by code, not published in the admin: still stamped, so `updated_since` finds it.
    listed = get(client, "/api/v3/engagement-fields/", lang="de", updated_since=stamp(since))
    assert [item["id"] for item in listed["items"]] == [field.pk]


# --- The feed as a list --------------------------------------------------------------------------------


def test_the_feed_pages_like_every_list_and_says_where_to_go_on(client, since):
    made = [ResourceFactory(slug=f"zaehler-{number}") for number in range(3)]
    first = resource_changes(client, since, limit=2)
    assert first["count"] == 3
    assert [item["id"] for item in first["items"]] == [made[0].pk, made[1].pk]
    rest = get(client, first["next"].removeprefix("http://testserver"))
    assert [item["id"] for item in rest["items"]] == [made[2].pk]
    assert rest["next"] is None
    assert rest["next_since"] == first["next_since"] == rest["items"][-1]["at"]
    # Asking again from `next_since`: nothing new.
    assert get(client, CHANGES, since=rest["next_since"], type="resources")["items"] == []
    # Nothing matched: `next_since` is the `since` asked for.
    quiet = changes(client, timezone.now())
    assert quiet["items"] == [] and quiet["next_since"] == quiet["since"]
    index = get(client, "/api/v3/")
    assert index["endpoints"]["changes"] == "http://testserver/api/v3/changes/"


def test_the_feed_moves_last_modified_for_conditional_requests(client, since):
    first = client.get(CHANGES, {"since": stamp(since)})
    Change.objects.create(kind="changed", item_type="resources", item_id=1, languages=",de,")
    again = client.get(CHANGES, {"since": stamp(since)}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["count"] == 1


@pytest.mark.parametrize(
    ("value", "language", "word"),
    [
        ("yesterday", "de", "Datum"),
        ("2026-12-01T10:00:00", "en", "offset"),  # without its offset: which time?
        ("2026-02-30T10:00:00Z", "ar", "التاريخ"),
        ("2026-12-01 10:00:00 01:00", "en", "encoded"),  # a `+` sent unencoded arrives as a space
    ],
)
def test_a_time_that_is_not_one_is_a_422_naming_the_parameter_in_the_requests_language(
    client, value, language, word
):
    for url, name in ((CHANGES, "since"), ("/api/v3/resources/", "updated_since")):
        response = client.get(url, {name: value, "lang": language})
        assert response.status_code == 422, response.content
        error = response.json()["errors"][0]
        assert error["loc"] == ["query", name]
        assert word in error["msg"]


def test_unknown_types_and_languages_are_refused(client):
    assert client.get(CHANGES, {"type": "spaceships"}).status_code == 422
    assert client.get(CHANGES, {"language": "xx"}).status_code == 422
    assert client.get(CHANGES, {"since": "2026-12-01T10:00:00Z", "sice": "x"}).status_code == 422
