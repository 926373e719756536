"""A save in the admin that fails on the database stores nothing and says so in the editor's language."""

import pytest
from django.contrib.auth import get_user_model
from django.db import OperationalError, connection
from django.urls import reverse
from markup import texts
from wagtail import hooks
from wagtail.models import Revision
from wagtail.users.models import UserProfile

from catalogue.models import Resource
from taxonomy.models import ResourceCategory

pytestmark = pytest.mark.django_db

TITLE = "Lastenanhänger (nicht gespeichert)"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("speichern", "speichern@example.org", "x" * 16)
    client.force_login(user)
    return client, user


def new_resource():
    category = ResourceCategory.objects.get(locale__language_code="de", slug="geraete-und-technik")
    return {
        "title": TITLE,
        "slug": "",
        "summary": "Ein Anhänger für Fahrräder.",
        "category": category.pk,
        "kind": "lendable",
        "description": '{"blocks": [], "entityMap": {}}',
        "units": "2",
        "max_lending_days": "3",
        "deposit": "20",
        **{
            f"{formset}-{field}": value
            for formset in ("engagement_field_links", "images", "downloads")
            for field, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"))
        },
        "action-publish": "action-publish",
    }


def database_busy(*args, **kwargs):
    raise OperationalError("database is locked")


def statement_fails(*args, **kwargs):
    """A real failed statement: on PostgreSQL the transaction is unusable until it is rolled back."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM no_such_table_at_all")


@pytest.mark.parametrize(
    ("language", "heading", "phrase"),
    [("de", "Nicht gespeichert", "Es wurde nichts gespeichert"), ("en", "Not saved", "Nothing was saved")],
)
@pytest.mark.parametrize("failure", [database_busy, statement_fails])
def test_a_save_that_fails_after_the_row_was_written_stores_nothing_and_says_so(
    editor, language, heading, phrase, failure
):
    client, user = editor
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language=language)
    revisions = Revision.objects.count()
    add = reverse("wagtailsnippets_catalogue_resource:add") + "?locale=de"
    # Wagtail's hook runs after its own transaction committed the resource and its revision.
    with hooks.register_temporarily("after_create_snippet", failure):
        response = client.post(
            add, new_resource(), HTTP_ACCEPT="text/html", HTTP_REFERER="http://testserver" + add
        )
    assert response.status_code == 503 and response["Retry-After"]
    assert response["X-Frame-Options"] == "DENY"
    assert texts(response, "h1") == [heading]
    assert phrase in " ".join(texts(response, "[role=alert]"))
    assert add in response.content.decode()  # the way back to the form
    assert not Resource.objects.filter(title=TITLE).exists()
    assert Revision.objects.count() == revisions

    # Without the failure the same form is stored: the test's failure was the only difference.
    assert client.post(add, new_resource()).status_code == 302
    assert Resource.objects.filter(title=TITLE, live=True).count() == 1


def test_a_failed_save_from_a_script_gets_the_message_as_json(editor):
    client, user = editor
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="de")
    with hooks.register_temporarily("after_create_snippet", database_busy):
        response = client.post(
            reverse("wagtailsnippets_catalogue_resource:add") + "?locale=de",
            new_resource(),
            HTTP_ACCEPT="application/json",
        )
    assert response.status_code == 503
    assert response.json()["error"].startswith("Es wurde nichts gespeichert")
    assert not Resource.objects.filter(title=TITLE).exists()


def test_a_foreign_referer_is_not_offered_as_the_way_back(editor):
    client, _user = editor
    with hooks.register_temporarily("after_create_snippet", database_busy):
        response = client.post(
            reverse("wagtailsnippets_catalogue_resource:add") + "?locale=de",
            new_resource(),
            HTTP_ACCEPT="text/html",
            HTTP_REFERER="https://evil.example/phish",
        )
    assert response.status_code == 503 and "evil.example" not in response.content.decode()


def test_reading_the_admin_is_not_wrapped_and_public_writes_keep_their_own_errors(editor):
    client, _user = editor
    with hooks.register_temporarily("after_create_snippet", database_busy):
        assert client.get(reverse("wagtailsnippets_catalogue_resource:add") + "?locale=de").status_code == 200
