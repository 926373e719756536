"""Editors create and edit events and engagement examples in Wagtail's admin; choices come in the page's
own language; the translation editor treats dates and relations as facts, not as text."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from markup import texts
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from engagement.models import EngagementExamplePage, EngagementIndexPage
from events.models import EventIndexPage, EventPage
from taxonomy.models import EngagementField

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "x" * 16)
    client.force_login(user)
    return client


def german(model, **lookup):
    return model.objects.get(locale=Locale.get_default(), **lookup)


def event_form(**values):
    data = {
        "title": "Sprechstunde im Advent",
        "slug": "sprechstunde-im-advent",
        "kind": "consultation",
        "summary": "Eine Stunde für Fragen.",
        "start_date": "2030-12-02",
        "start_time": "17:00",
        "end_date": "",
        "end_time": "18:00",
        "status": "scheduled",
        "status_note": "",
        "previous_start_date": "",
        "venue_name": "Haus der Vielfalt",
        "street": "",
        "postcode": "",
        "city": "Dortmund",
        "district": "",
        "online_url": "",
        "organiser": "",
        "languages": ["de", "ar"],
        "price": "0",
        "price_note": "",
        "registration": "not-needed",
        "registration_url": "",
        "registration_deadline": "",
        "capacity": "",
        "places_left": "",
        "contact_email": "",
        "contact_phone": "",
        "accessibility_note": "",
        "image": "",
        "image_alt": "",
        "seo_title": "",
        "search_description": "",
        "action-publish": "1",
    }
    data.update(values)
    return data


def test_editor_publishes_an_event_from_the_admin(editor):
    parent = german(EventIndexPage)
    field = german(EngagementField, slug="umwelt")
    response = editor.post(
        reverse("wagtailadmin_pages:add", args=("events", "eventpage", parent.pk)),
        event_form(engagement_fields=[field.pk]),
    )
    assert response.status_code == 302, texts(response, ".error-message")
    event = german(EventPage, slug="sprechstunde-im-advent")
    assert event.live and event.languages == ["de", "ar"] and event.starts_at.hour == 16  # 17:00 CET
    assert editor.get("/de/veranstaltungen/sprechstunde-im-advent/").status_code == 200
    assert editor.get("/ar/events/sprechstunde-im-advent/").status_code == 200, "an alias in every language"


def test_the_admin_form_explains_what_is_wrong(editor):
    parent = german(EventIndexPage)
    response = editor.post(
        reverse("wagtailadmin_pages:add", args=("events", "eventpage", parent.pk)),
        event_form(slug="past", end_time="16:00", places_left="3"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    for message in (
        "Diese Adresse verwendet der Veranstaltungskalender selbst",
        "Die Endzeit liegt vor der Anfangszeit.",
        "Geben Sie die Zahl der Plätze an",
    ):
        assert message in html, message
    assert not EventPage.objects.filter(slug="past").exists()


def test_edit_forms_offer_choices_in_the_pages_language_only(editor):
    event = german(EventPage, slug="antragsworkshop")
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(event.pk,))).content.decode()
    assert (
        html.count('name="engagement_fields"')
        == EngagementField.objects.filter(locale=Locale.get_default()).count()
    )
    example = german(EngagementExamplePage, slug="fest-fuer-den-nordmarkt")
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(example.pk,))).content.decode()
    assert "Nordstadt Neighbourhood Office" not in html and "Quartiersbüro Nordstadt" in html
    assert (
        editor.get(reverse("wagtailadmin_pages:edit", args=(german(EngagementIndexPage).pk,))).status_code
        == 200
    )


def test_translators_translate_texts_and_leave_the_facts_alone():
    event = german(EventPage, slug="antragsworkshop")
    source = TranslationSource.objects.get(object_id=event.translation_key, locale=event.locale)
    contexts = set(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
    assert {"title", "summary", "venue_name", "accessibility_note"} <= contexts
    assert not contexts & {"street", "postcode", "city", "languages", "contact_phone", "registration_url"}
