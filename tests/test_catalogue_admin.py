"""The catalogue in Wagtail's admin: one menu, list filters, reservations and grants, the dashboard panel."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from markup import links, select_one, texts
from wagtail.models import Locale

from catalogue import availability
from catalogue.models import Grant, ProgrammeRules, Reservation, Resource, ResourceEngagementField
from taxonomy.models import EngagementField, ResourceCategory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("katalog", "katalog@example.org", "x" * 16)
    client.force_login(user)
    return client


def german(slug):
    return Resource.objects.get(locale__language_code="de", slug=slug)


def listed_titles(response):
    assert response.status_code == 200
    return set(texts(response, 'span[id^="snippet_"][id$="_title"]'))


def test_catalogue_menu_holds_resources_reservations_and_grants(editor):
    page = editor.get(reverse("wagtailadmin_home")).content.decode()
    for url in (
        reverse("wagtailsnippets_catalogue_resource:list"),
        reverse("catalogue_reservation:index"),
        reverse("catalogue_grant:index"),
    ):
        assert url in page, url


def test_resource_list_filters_by_category_availability_and_locale(editor):
    url = reverse("wagtailsnippets_catalogue_resource:list")
    rooms = listed_titles(editor.get(url, {"category": "raeume", "locale": "de"}))
    assert "Seminarraum in der Nordstadt" in rooms and "Beamer (Full HD)" not in rooms
    few = listed_titles(editor.get(url, {"availability": "few_left", "locale": "de"}))
    assert few == {
        "Beamer (Full HD)",
        "Mitfinanzierung von Flyern und Plakaten",
        "Honorare für Referentinnen und Referenten",
    }
    exhausted = editor.get(url, {"availability": "exhausted", "locale": "ar"})
    assert listed_titles(exhausted) == {"دعم الضيافة"}
    assert "Alles vergeben · 0 € / 2.500 €" in exhausted.content.decode()  # the admin speaks German
    money = listed_titles(editor.get(url, {"kind": "money", "locale": "de"}))
    assert "Zuschuss zur Verpflegung" in money and "Beamer (Full HD)" not in money


def test_dashboard_lists_nearly_exhausted_resources(editor):
    page = editor.get(reverse("wagtailadmin_home")).content.decode()
    panel = links(select_one(page, "#catalogue-nearly-exhausted-section"))
    for slug in ("beamer", "flyer-und-plakate", "honorare", "verpflegung"):
        resource = german(slug)
        assert reverse("wagtailsnippets_catalogue_resource:edit", args=(resource.pk,)) in panel, slug
    assert reverse("wagtailsnippets_catalogue_resource:edit", args=(german("laptop").pk,)) not in panel


def test_editor_records_a_reservation_and_cannot_overbook(editor):
    beamer = german("beamer")
    day = availability.today()
    url = reverse("catalogue_reservation:add")
    data = {
        "resource": beamer.pk,
        "start": day.isoformat(),
        "end": day.isoformat(),
        "quantity": "2",
        "status": "approved",
        "reference": "A-1",
        "note": "",
    }
    response = editor.post(url, data)
    assert response.status_code == 200
    assert (
        "only 1 of 4 units are free" in response.content.decode()
        or "nur 1 von 4" in response.content.decode()
    )
    assert not Reservation.objects.filter(reference="A-1").exists()
    data["quantity"] = "1"
    assert editor.post(url, data).status_code == 302
    assert availability.availability_of(beamer).status == availability.Status.EXHAUSTED


def test_editor_records_a_grant_within_the_budget(editor):
    flyers = german("flyer-und-plakate")
    url = reverse("catalogue_grant:add")
    data = {
        "resource": flyers.pk,
        "amount": "1500",
        "granted_on": availability.today().isoformat(),
        "status": "approved",
        "reference": "G-1",
        "note": "",
    }
    response = editor.post(url, data)
    assert response.status_code == 200 and not Grant.objects.filter(reference="G-1").exists()
    data["amount"] = "700"
    assert editor.post(url, data).status_code == 302
    assert availability.budget_left(flyers) == Decimal(500)


def test_reservations_are_listed_and_filtered_by_status(editor):
    # Found by their reference: approved requests add reservations, so the demo's fill more than a page.
    page = editor.get(reverse("catalogue_reservation:index"), {"q": "DEMO-R-0"}).content.decode()
    assert "DEMO-R-01" in page and "DEMO-R-04" in page
    requested = editor.get(
        reverse("catalogue_reservation:index"), {"status": "requested", "q": "DEMO-R-0"}
    ).content.decode()
    assert "DEMO-R-04" in requested and "DEMO-R-01" not in requested
    assert "DEMO-G-07" in editor.get(reverse("catalogue_grant:index")).content.decode()


def test_a_reservation_made_in_another_language_counts_for_all(editor):
    arabic = Resource.objects.get(locale__language_code="ar", slug="laptop")
    day = availability.today() + datetime.timedelta(days=30)
    data = {
        "resource": arabic.pk,
        "start": day.isoformat(),
        "end": day.isoformat(),
        "quantity": "3",
        "status": "approved",
        "reference": "AR-1",
        "note": "",
    }
    assert editor.post(reverse("catalogue_reservation:add"), data).status_code == 302
    assert availability.availability_of(german("laptop"), day).status == availability.Status.EXHAUSTED


def test_editor_creates_a_resource_with_engagement_fields(editor):
    category = ResourceCategory.objects.get(locale__language_code="de", slug="geraete-und-technik")
    field = EngagementField.objects.get(locale__language_code="de", slug="umwelt")
    data = {
        "title": "Lastenanhänger",
        "slug": "",
        "summary": "Ein Anhänger für Fahrräder.",
        "category": category.pk,
        "kind": "lendable",
        "description": '{"blocks": [{"key": "a1b2c", "type": "unstyled", "depth": 0, "text": "Trägt 40 kg.", '
        '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "featured": "",
        "units": "2",
        "max_lending_days": "3",
        "deposit": "20",
        "capacity": "",
        "cost_per_day": "",
        "room_equipment": "",
        "budget": "",
        "max_amount_per_request": "",
        "format": "",
        "typical_duration": "",
        "conditions": '{"blocks": [], "entityMap": {}}',
        "pickup_place": "Im Büro",
        "district": "",
        "available_from": "",
        "available_until": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "engagement_field_links-TOTAL_FORMS": "1",
        "engagement_field_links-INITIAL_FORMS": "0",
        "engagement_field_links-MIN_NUM_FORMS": "0",
        "engagement_field_links-MAX_NUM_FORMS": "1000",
        "engagement_field_links-0-engagement_field": field.pk,
        "engagement_field_links-0-ORDER": "1",
        "engagement_field_links-0-id": "",
        "engagement_field_links-0-DELETE": "",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
        "downloads-TOTAL_FORMS": "0",
        "downloads-INITIAL_FORMS": "0",
        "downloads-MIN_NUM_FORMS": "0",
        "downloads-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    response = editor.post(reverse("wagtailsnippets_catalogue_resource:add") + "?locale=de", data)
    assert response.status_code == 302, texts(response, ".error-message")
    created = Resource.objects.get(title="Lastenanhänger")
    assert (created.slug, created.live, created.locale.language_code) == ("lastenanhänger", True, "de")
    assert [link.engagement_field for link in created.engagement_field_links.all()] == [field]
    assert editor.get("/de/ressourcen/lastenanhänger/").status_code == 200

    data.update(
        {
            "title": "Raum ohne Platz",
            "kind": "room",
            "units": "",
            "capacity": "",
            "max_lending_days": "",
            "deposit": "",
        }
    )
    response = editor.post(reverse("wagtailsnippets_catalogue_resource:add") + "?locale=de", data)
    assert response.status_code == 200
    assert (
        "How many people fit into the room?" in response.content.decode()
        or "Wie viele Personen" in response.content.decode()
    )


def test_submitting_a_translation_in_the_admin_points_at_translated_terms(editor):
    beamer = german("laptop")
    polish = Locale.objects.get(language_code="pl")
    response = editor.post(
        reverse("wagtail_localize:submit_snippet_translation", args=("catalogue", "resource", beamer.pk)),
        {"locales": [polish.pk]},
    )
    assert response.status_code == 302
    translated = beamer.get_translation(polish)
    assert translated.category.locale == polish
    assert {
        link.engagement_field.locale for link in ResourceEngagementField.objects.filter(resource=translated)
    } == {polish}
    assert translated.units == beamer.units


def test_preview_renders_the_detail_page(editor):
    resource = german("tonanlage")
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username="katalog")
    request.is_preview = True
    resource.summary = "Vorschau einer Änderung"
    response = resource.serve_preview(request, "")
    page = response.rendered_content if hasattr(response, "rendered_content") else response.content.decode()
    assert "Vorschau einer Änderung" in page
    assert "calendar__table" in page
    assert timezone.localdate().isoformat()[:4] in page


def test_programme_rules_are_an_editable_setting(editor):
    url = editor.get(reverse("wagtailsettings:edit", args=("catalogue", "programmerules")), follow=True)
    assert url.status_code == 200 and "decision_threshold" in url.content.decode()
    assert editor.post(url.request["PATH_INFO"], {"decision_threshold": "600"}).status_code == 302
    assert ProgrammeRules.load().decision_threshold == Decimal(600)
