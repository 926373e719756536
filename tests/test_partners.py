"""Partner organisations: the model, translation of their relations, the admin, the demo content."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.outbox import queue_email
from partners.factories import PartnerOrganisationFactory
from partners.models import (
    LANGUAGE_CHOICES,
    PartnerContactMessage,
    PartnerFinderPage,
    PartnerOrganisation,
    SpokenLanguage,
    ascii_slug,
)
from taxonomy.factories import CooperationTopicFactory, EngagementFieldFactory
from taxonomy.models import CooperationTopic, District, EngagementField, TargetGroup

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(obj, code):
    """What "Translate" + "Publish" in the admin does, with the German text kept as the translation."""
    source, _created = TranslationSource.get_or_create_from_instance(obj)
    Translation.objects.create(source=source, target_locale=locale(code))
    source.create_or_update_translation(locale(code), publish=True, fallback=True)
    return obj.get_translation(locale(code))


def test_slug_is_made_from_the_name_and_unique_per_language():
    first = PartnerOrganisationFactory(name="Kulturverein Über den Dächern e.V.")
    second = PartnerOrganisationFactory(name="Kulturverein Über den Dächern e.V.")
    assert first.slug == "kulturverein-ueber-den-daechern-ev"
    assert second.slug == "kulturverein-ueber-den-daechern-ev-2"
    assert ascii_slug("Ayşe'nin Çay Bahçesi ığ", "tr") == "aysenin-cay-bahcesi-ig"


def test_address_district_counts_as_active():
    hoerde = District.objects.get(slug="hoerde")
    partner = PartnerOrganisationFactory(district=hoerde)
    assert list(partner.districts.all()) == [hoerde]


def test_hidden_email_is_not_public():
    partner = PartnerOrganisationFactory(email="geheim@example.org", hide_email=True)
    assert partner.public_email == ""
    partner.hide_email = False
    assert partner.public_email == "geheim@example.org"


def test_languages_are_the_fixed_list():
    assert list(SpokenLanguage.objects.values_list("code", flat=True)) == [
        code for code, _ in LANGUAGE_CHOICES
    ]
    assert {"ku", "ru", "fa", "fr", "bg", "ro"} <= set(SpokenLanguage.objects.values_list("code", flat=True))


def test_translation_points_at_translated_terms_and_keeps_contact_data():
    """wagtail-localize copies the relations; the translation then uses the terms in its own language."""
    field = EngagementFieldFactory(name="Nachbarschaft", slug="nachbarschaft")
    untranslated = EngagementFieldFactory(name="Nur Deutsch", slug="nur-deutsch")
    topic = CooperationTopicFactory(name="Räume zum Feiern", slug="raeume-zum-feiern")
    english_field = translate(field, "en")
    english_topic = translate(topic, "en")
    hombruch = District.objects.get(slug="hombruch")
    partner = PartnerOrganisationFactory(
        name="Nachbarschaftsverein",
        engagement_fields=[field, untranslated],
        offers=[topic],
        districts=[hombruch],
        street="Harkortstraße 1",
        phone="+49 231 000 99 99",
        email="nachbarn@example.org",
        website="https://nachbarn.example.org/",
    )

    english = translate(partner, "en")

    assert english.locale.language_code == "en"
    assert {term.pk for term in english.engagement_fields.all()} == {english_field.pk, untranslated.pk}
    assert [term.pk for term in english.offers.all()] == [english_topic.pk]
    assert list(english.districts.all()) == [hombruch]
    assert (english.street, english.phone, english.email, english.website) == (
        "Harkortstraße 1",
        "+49 231 000 99 99",
        "nachbarn@example.org",
        "https://nachbarn.example.org/",
    )
    # The published revision holds the translated terms as well (publishing does not undo them).
    latest = english.latest_revision.as_object()
    assert english_field.pk in [term.pk for term in latest.engagement_fields.all()]

    # The German source changes its terms; syncing the translation follows, again in English.
    partner.engagement_fields = [field]
    partner.save()
    source = TranslationSource.objects.get(object_id=partner.translation_key, locale=partner.locale)
    source.update_from_db()
    source.create_or_update_translation(locale("en"), fallback=True)
    english.refresh_from_db()
    assert [term.pk for term in english.engagement_fields.all()] == [english_field.pk]


def test_demo_partners_are_translated_with_terms_in_their_language():
    arabic = PartnerOrganisation.objects.filter(locale__language_code="ar")
    assert arabic.count() >= 40
    for partner in arabic.prefetch_related("engagement_fields", "offers", "looks_for", "target_groups"):
        for relation in ("engagement_fields", "offers", "looks_for", "target_groups"):
            assert {term.locale_id for term in getattr(partner, relation).all()} <= {partner.locale_id}, (
                partner,
                relation,
            )


def test_demo_content_is_believable_and_marked_as_sample():
    german = PartnerOrganisation.objects.filter(locale__language_code="de", live=True)
    assert german.count() >= 40
    assert not german.filter(is_sample=False).exists()
    assert {kind for kind, _ in PartnerOrganisation.Kind.choices} == set(
        german.values_list("kind", flat=True)
    )
    active = set(german.values_list("districts__slug", flat=True))
    assert active == set(District.objects.values_list("slug", flat=True)), "every district has partners"
    assert len(set(german.values_list("languages__code", flat=True))) >= 15
    assert all(email.endswith("example.org") for email in german.values_list("email", flat=True))
    assert all(phone.startswith("+49 231 000 ") for phone in german.values_list("phone", flat=True))
    for code in ("en", "tr", "ar"):
        assert (
            PartnerOrganisation.objects.filter(locale__language_code=code, live=True).count()
            == german.count()
        )
    assert (
        CooperationTopic.objects.filter(locale__language_code="uk").count()
        == CooperationTopic.objects.filter(locale__language_code="de").count()
    )
    assert TargetGroup.objects.filter(locale__language_code="pl").exists()


def test_demo_content_twice_changes_nothing():
    def snapshot():
        return {
            "partners": list(
                PartnerOrganisation.objects.order_by("pk").values_list(
                    "pk", "slug", "live", "latest_revision_id"
                )
            ),
            "relations": PartnerOrganisation.engagement_fields.through.objects.count(),
            "terms": CooperationTopic.objects.count() + TargetGroup.objects.count(),
            "finders": list(PartnerFinderPage.objects.order_by("pk").values_list("pk", "slug")),
        }

    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_finder_is_in_the_main_menu(client):
    html = client.get("/de/").content.decode()
    assert 'href="/de/partner/"' in html
    assert 'href="/ar/partners/"' in client.get("/ar/").content.decode()


def test_finder_page_has_its_translated_slugs():
    urls = {
        page.locale.language_code: page.url
        for page in PartnerFinderPage.objects.live().select_related("locale")
    }
    assert urls["de"] == "/de/partner/" and urls["en"] == "/en/partners/" and urls["ar"] == "/ar/partners/"
    assert urls["uk"] == "/uk/partner/", "not translated: an alias of the German page"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "x" * 16)
    client.force_login(user)
    return client


def test_partners_have_their_own_admin_menu_with_filters(editor):
    admin_home = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "Partner" in admin_home
    url = reverse("wagtailsnippets_partners_partnerorganisation:list")
    listing = editor.get(url)
    assert listing.status_code == 200
    html = listing.content.decode()
    for name in ("kind", "districts", "locale", "live"):
        assert f'name="{name}"' in html, name
    german = "de"
    filtered = editor.get(url, {"kind": "municipal", "locale": german}).content.decode()
    assert "Quartiersbüro Nordstadt" in filtered and "Stiftung Lesefreude" not in filtered
    assert "Beispieldaten" in filtered, "sample data is marked in the listing"
    hoerde = District.objects.get(slug="hoerde")
    in_hoerde = editor.get(url, {"districts": hoerde.pk, "locale": german}).content.decode()
    assert "Griechische Gemeinde Hörde e.V." in in_hoerde and "Quartiersbüro Nordstadt" not in in_hoerde


def test_editor_creates_a_partner_with_terms_of_its_language_only(editor):
    url = reverse("wagtailsnippets_partners_partnerorganisation:add")
    form = editor.get(url).content.decode()
    english_field = EngagementField.objects.get(slug="umwelt", locale__language_code="en")
    german_field = EngagementField.objects.get(slug="umwelt", locale__language_code="de")
    assert f'value="{german_field.pk}"' in form
    assert f'value="{english_field.pk}"' not in form, "only German terms on a German partner"
    response = editor.post(
        url,
        {
            "name": "Neuer Partner im Admin",
            "slug": "",
            "kind": "foundation",
            "description": "Eine Beschreibung.",
            "engagement_fields": [german_field.pk],
            "districts": [District.objects.get(slug="eving").pk],
            "street": "",
            "postcode": "",
            "city": "Dortmund",
            "opening_hours": "",
            "website": "",
            "email": "neu@example.org",
            "phone": "",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    partner = PartnerOrganisation.objects.get(name="Neuer Partner im Admin")
    assert partner.live and partner.slug == "neuer-partner-im-admin"
    assert editor.get("/de/partner/neuer-partner-im-admin/").status_code == 200


def test_admin_preview_renders_the_partner_page():
    partner = PartnerOrganisation.objects.get(slug="quartiersbuero-nordstadt", locale__language_code="de")
    partner.name = "Quartiersbüro Nordstadt – Entwurf"
    response = partner.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quartiersbüro Nordstadt – Entwurf" in html
    assert 'id="contact"' not in html, "no contact form in a preview"


def test_contact_messages_are_listed_read_only(editor):
    from django.utils import timezone

    partner = PartnerOrganisation.objects.get(slug="quartiersbuero-nordstadt", locale__language_code="de")
    message = PartnerContactMessage.objects.create(
        partner=partner,
        sender_name="Leyla",
        association="Verein Sichtbar im Admin",
        email="leyla@example.org",
        message="Hallo",
        language="de",
        consent_at=timezone.now(),
    )
    queue_email([partner.email], "Betreff", "Text", about=message)
    listing = editor.get(reverse("partnercontactmessage:index")).content.decode()
    assert "Verein Sichtbar im Admin" in listing and "wartet auf Versand" in listing
    assert editor.get(reverse("partnercontactmessage:add")).status_code in (302, 403)
