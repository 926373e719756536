"""The Resource model: kinds and their facts, slugs, translation through wagtail-localize."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from catalogue.factories import ResourceFactory
from catalogue.models import Resource, ResourceEngagementField, ResourceImage
from resource_requests.pages import resource_request_url
from taxonomy.factories import EngagementFieldFactory, ResourceCategoryFactory

pytestmark = pytest.mark.django_db


def test_each_kind_asks_for_its_own_facts():
    item = ResourceFactory.build(units=None, category=ResourceCategoryFactory())
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "units" in error.value.message_dict

    money = ResourceFactory.build(money=True, units=3, category=ResourceCategoryFactory())
    money.max_amount_per_request = Decimal(6000)
    with pytest.raises(ValidationError) as error:
        money.full_clean()
    assert set(error.value.message_dict) >= {"units", "max_amount_per_request"}

    room = ResourceFactory.build(
        kind=Resource.Kind.ROOM, units=None, capacity=20, category=ResourceCategoryFactory()
    )
    room.full_clean()
    assert room.units == 1, "a room is one unit unless the editor says otherwise"

    coaching = ResourceFactory.build(coaching=True, step_free=True, category=ResourceCategoryFactory())
    with pytest.raises(ValidationError) as error:
        coaching.full_clean()
    assert "step_free" in error.value.message_dict


def test_offer_period_must_be_in_order():
    import datetime

    resource = ResourceFactory.build(
        available_from=datetime.date(2027, 5, 1),
        available_until=datetime.date(2027, 4, 1),
        category=ResourceCategoryFactory(),
    )
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "available_until" in error.value.message_dict


def test_slug_is_made_from_the_title_in_any_script_and_unique_per_language():
    category = ResourceCategoryFactory()
    turkish = ResourceFactory.build(title="Çadır ve masalar", slug="", category=category)
    turkish.full_clean()
    assert turkish.slug == "çadır-ve-masalar"

    ResourceFactory(slug="beamer-test", category=category)
    twin = ResourceFactory.build(title="Zweiter Beamer", slug="beamer-test", category=category)
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert "slug" in error.value.message_dict
    twin.save()  # a save without clean (e.g. wagtail-localize) gets a free slug instead of an error
    assert twin.slug == "beamer-test-2"

    arabic = ResourceFactory(
        slug="جهاز عرض", locale=Locale.objects.get(language_code="ar"), category=category
    )
    assert arabic.slug == "جهاز-عرض"


def test_languages_are_stored_as_a_list():
    resource = ResourceFactory(coaching=True, languages=["de", "ar", "fa"])
    resource.refresh_from_db()
    assert resource.languages == ["de", "ar", "fa"]
    assert resource.language_pairs[1] == ("ar", "العربية")
    resource.languages = ["de", "xx"]
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "languages" in error.value.message_dict


def test_request_url_carries_the_language_and_the_resource():
    """The request form's address in that language (its slug is translated) with the resource offered."""
    resource = ResourceFactory()
    with translation.override("ar"):
        assert resource_request_url(resource) == f"/ar/request/?resource={resource.pk}"
    assert resource_request_url(resource, "tr") == f"/tr/talep/?resource={resource.pk}"
    assert resource_request_url(resource, "uk") == f"/uk/request/?resource={resource.pk}"


def translate(obj, language, strings, django_capture_on_commit_callbacks):
    """What a translator does in wagtail-localize: translate every segment, publish."""
    source, _created = TranslationSource.get_or_create_from_instance(obj)
    target = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=language), enabled=True
    )
    po = target.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgid)
    target.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):
        target.save_target(publish=True)
    return obj.get_translation(Locale.objects.get(language_code=language)), target


@pytest.fixture
def german_resource():
    category = ResourceCategoryFactory(slug="kat-test", name="Technik-Test")
    fields = [
        EngagementFieldFactory(slug="feld-a", name="Feld A"),
        EngagementFieldFactory(slug="feld-b", name="Feld B"),
    ]
    arabic = Locale.objects.get(language_code="ar")
    for term in (category, *fields):
        copy = term.copy_for_translation(arabic)
        copy.name = f"{term.name} (ar)"
        copy.save()
    image = get_image_model().objects.first()
    resource = ResourceFactory(
        title="Beamer",
        slug="beamer-test",
        summary="Ein heller Beamer.",
        units=3,
        category=category,
        engagement_field_links=[
            ResourceEngagementField(engagement_field=fields[0], sort_order=0),
            ResourceEngagementField(engagement_field=fields[1], sort_order=1),
        ],
        images=[ResourceImage(image=image, alt_text="Ein Beamer auf einem Tisch")],
    )
    resource.save_revision().publish()
    return resource


def test_translation_points_at_translated_terms(german_resource, django_capture_on_commit_callbacks):
    arabic, _target = translate(
        german_resource,
        "ar",
        {
            "Beamer": "جهاز عرض",
            "beamer-test": "projector-test",
            "Ein heller Beamer.": "جهاز عرض ساطع.",
            "Ein Beamer auf einem Tisch": "جهاز عرض على طاولة",
        },
        django_capture_on_commit_callbacks,
    )
    assert (arabic.title, arabic.slug, arabic.units, arabic.live) == ("جهاز عرض", "projector-test", 3, True)
    assert arabic.category.locale.language_code == "ar"
    assert arabic.category.translation_key == german_resource.category.translation_key
    terms = [link.engagement_field for link in arabic.engagement_field_links.all()]
    assert [term.locale.language_code for term in terms] == ["ar", "ar"]
    assert [term.slug for term in terms] == ["feld-a", "feld-b"]
    assert arabic.images.get().alt_text == "جهاز عرض على طاولة"
    # The German original still points at the German terms.
    assert {
        link.engagement_field.locale.language_code for link in german_resource.engagement_field_links.all()
    } == {"de"}


def test_numbers_reach_the_translations_when_the_german_entry_is_published(
    german_resource, django_capture_on_commit_callbacks
):
    arabic, target = translate(
        german_resource, "ar", {"beamer-test": "projector-test"}, django_capture_on_commit_callbacks
    )
    german_resource.units = 7
    german_resource.deposit = Decimal(80)
    german_resource.save_revision().publish()
    arabic.refresh_from_db()
    assert (arabic.units, arabic.deposit, arabic.slug) == (7, Decimal(80), "projector-test")
    # A translator publishing later (in another request) does not bring the old numbers back.
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(pk=target.pk).save_target(publish=True)
    arabic.refresh_from_db()
    assert arabic.units == 7


def test_api_fields_name_real_attributes():
    resource = Resource.objects.filter(locale__language_code="de", kind="money").first()
    for field in Resource.api_fields:
        assert hasattr(resource, field.name), field.name
    assert resource.current_availability["status"] in {"available", "few_left", "exhausted"}
