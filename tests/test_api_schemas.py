"""How `api_fields` become JSON (api/schemas.py) for field types the next content types bring: rich text,
images, pages and other objects as foreign keys, many-to-many, choices – tried on models that exist."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.utils import translation
from wagtail.api import APIField
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

from api import schemas
from api.collections import Collection
from home.factories import StandardPageFactory
from home.models import HomePage, NavigationMenu, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_():
    return RequestFactory().get("/api/v3/test/")


def serialize(monkeypatch, request, obj, *fields):
    """`obj` through a schema built from `fields` as its model's `api_fields`."""
    model = type(obj)
    monkeypatch.setattr(model, "api_fields", [APIField(name) for name in fields], raising=False)
    schema = schemas.build(model, name=f"Try{model.__name__}", base_class=schemas.Item)
    obj._api_meta = {"detail_url": "http://testserver/api/v3/test/x/"}
    with translation.override("de"):
        return schema.model_validate(obj, context={"request": request}).model_dump()


def test_rich_text_fields_come_as_html_with_public_links_and_raw(monkeypatch, request_):
    how = Page.objects.get(slug="so-funktionierts", locale__language_code="de")
    menu = NavigationMenu.objects.get(slot="footer", locale__language_code="de")
    menu.note = f'<p>Mehr dazu: <a linktype="page" id="{how.pk}">So geht es</a></p>'
    data = serialize(monkeypatch, request_, menu, "note", "slot")
    assert data["note"]["raw"] == menu.note
    assert (
        data["note"]["html"]
        == '<p>Mehr dazu: <a href="http://testserver/de/so-funktionierts/">So geht es</a></p>'
    )
    assert data["slot"] == {"value": "footer", "label": "Fußbereich"}, "choices with their label"


def test_rich_text_links_follow_the_objects_language(monkeypatch, request_):
    how = Page.objects.get(slug="so-funktionierts", locale__language_code="de")
    menu = NavigationMenu.objects.get(slot="footer", locale__language_code="ar")
    menu.note = f'<p><a linktype="page" id="{how.pk}">كيف</a></p>'
    data = serialize(monkeypatch, request_, menu, "note")
    assert 'href="http://testserver/ar/how-it-works/"' in data["note"]["html"]


def test_foreign_keys_to_pages_images_and_other_objects(monkeypatch, request_):
    site = Site.objects.get(is_default_site=True)
    data = serialize(monkeypatch, request_, site, "hostname", "root_page")
    assert data["root_page"]["id"] == site.root_page_id
    assert data["root_page"]["detail_url"] == f"http://testserver/api/v3/pages/{site.root_page_id}/"

    rendition = get_image_model().objects.first().get_rendition("width-100")
    image = serialize(monkeypatch, request_, rendition, "image")["image"]
    assert image["renditions"]["small"]["url"].startswith("http://testserver/media/images/")
    assert image["alt"] == rendition.image.default_alt_text

    home = HomePage.objects.get(locale__language_code="de")
    locale = serialize(monkeypatch, request_, home, "locale")["locale"]
    assert (locale["id"], locale["type"], locale["slug"]) == (home.locale_id, "wagtailcore.Locale", None)
    assert locale["title"]


def test_a_link_to_a_private_page_is_null(monkeypatch, request_):
    private = StandardPageFactory(parent=HomePage.objects.get(locale__language_code="de"), slug="privat")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    site = Site.objects.get(is_default_site=True)
    site.root_page = private  # not saved: only the foreign key matters here
    assert serialize(monkeypatch, request_, site, "root_page")["root_page"] is None


def test_many_to_many_is_a_list_of_objects(monkeypatch, request_):
    group = Group.objects.create(name="Testgruppe")
    group.permissions.add(*Permission.objects.filter(codename__in=["add_image", "change_image"]))
    permissions = serialize(monkeypatch, request_, group, "permissions")["permissions"]
    assert sorted(item["type"] for item in permissions) == ["auth.Permission", "auth.Permission"]
    assert all(item["title"] for item in permissions)


def test_a_collection_of_pages_shows_only_live_public_pages(request_):
    home = HomePage.objects.get(locale__language_code="de")
    private = StandardPageFactory(parent=home, slug="nur-intern")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x" * 8
    )
    below = StandardPageFactory(parent=private, slug="darunter")
    withdrawn = StandardPageFactory(parent=home, slug="zurueckgezogen")
    withdrawn.unpublish()
    collection = Collection(StandardPage, path="standard-pages", label="Standard pages")
    slugs = set(collection.get_queryset(request_, "ar").values_list("slug", flat=True))
    assert "how-it-works" in slugs and "so-funktionierts" not in slugs, "Arabic where translated"
    assert {"nur-intern", "darunter", "zurueckgezogen"}.isdisjoint(slugs)
    assert below.pk not in set(collection.get_queryset(request_, "de").values_list("pk", flat=True))
