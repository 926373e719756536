"""Pages through the API: Wagtail v3's filters, every page's language and translations, rich text,
images and documents as a headless client needs them."""

from urllib.parse import urlsplit

import pytest
import search_support
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.synctree import create_aliases_for_new_page

from home.demo_support import stream
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en", "tr", "ar", "uk", "pl"]


def page(slug, language="de"):
    return Page.objects.get(slug=slug, locale__language_code=language).specific


def home(language="de"):
    return HomePage.objects.get(locale__language_code=language)


def test_pages_of_one_language(client):
    german_count = Page.objects.live().filter(locale__language_code="de", depth__gte=2).count()
    arabic = client.get("/api/v3/pages/?locale=ar&limit=100").json()
    assert arabic["count"] == german_count, "every language has a complete tree"
    assert {item["meta"]["locale"] for item in arabic["items"]} == {"ar"}
    translated = [item for item in arabic["items"] if not item["meta"]["fallback"]]
    assert {item["title"] for item in translated} >= {"الرئيسية", "كيف يعمل البرنامج"}
    assert all(item["meta"]["content_language"] == "ar" for item in translated)


def test_untranslated_pages_say_their_content_is_german(client):
    ukrainian = client.get("/api/v3/pages/?locale=uk&limit=100").json()["items"]
    # Most Ukrainian pages are aliases of the German ones; the catalogue page is translated.
    aliases = set(
        Page.objects.filter(locale__language_code="uk", alias_of__isnull=False).values_list("pk", flat=True)
    )
    assert aliases and aliases <= {item["id"] for item in ukrainian}
    assert len(aliases) < len(ukrainian), "a translated page is there too"
    for item in ukrainian:
        alias = item["id"] in aliases
        assert item["meta"]["fallback"] is alias, item
        assert item["meta"]["content_language"] == ("de" if alias else "uk"), item
    assert all(
        item["meta"]["html_url"].startswith("http://") and "/uk/" in item["meta"]["html_url"]
        for item in ukrainian
    )


def test_wagtail_filters_work(client):
    legal = client.get("/api/v3/pages/?type=home.LegalPage&locale=de").json()
    assert {item["title"] for item in legal["items"]} == {
        "Impressum",
        "Datenschutz",
        "Erklärung zur Barrierefreiheit",
    }
    by_slug = client.get("/api/v3/pages/?slug=impressum").json()
    assert {item["meta"]["locale"] for item in by_slug["items"]} == {"de", "uk", "pl"}, "uk, pl: aliases"
    how = page("so-funktionierts")
    translations = client.get(f"/api/v3/pages/?translation_of={how.pk}").json()
    assert sorted(item["meta"]["locale"] for item in translations["items"]) == sorted(LANGUAGES[1:])
    children = client.get(f"/api/v3/pages/?child_of={home().pk}&limit=100").json()
    assert {item["meta"]["slug"] for item in children["items"]} >= {"so-funktionierts", "impressum"}
    ordered = client.get("/api/v3/pages/?locale=de&order=-title").json()["items"]
    titles = [item["title"] for item in ordered]
    assert titles == sorted(titles, reverse=True)


@pytest.mark.elasticsearch
def test_search_finds_pages_by_their_text(client):
    search_support.rebuild_elasticsearch()
    found = client.get("/api/v3/pages/?search=Jury&locale=de").json()
    # The page about the programme, its Leichte Sprache version ("So fragen Sie") and the two application
    # workshops (events mention the jury too).
    assert {item["meta"]["slug"] for item in found["items"]} == {
        "so-funktionierts",
        "so-fragen-sie",
        "antragsworkshop",
        "antragsworkshop-frueherer-termin",
    }


@pytest.mark.parametrize(
    "query",
    [
        "locale=xx",
        "type=home.Nothing",
        "child_of=-3",
        "child_of=abc",
        "order=nonsense",
        "search=" + "a" * 300,
    ],
)
def test_nonsense_page_filters_are_422(client, query):
    response = client.get(f"/api/v3/pages/?{query}")
    assert response.status_code == 422, (query, response.content)
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("child_of=999999", "child_of"),
        ("translation_of=999999", "translation_of"),
        (f"ancestor_of={2**40}", "ancestor_of"),
    ],
)
def test_filters_naming_pages_that_do_not_exist_are_404_naming_them(client, query, name):
    """An id is not enumerated in the document (api.accepted): one that names no page is a 404."""
    response = client.get(f"/api/v3/pages/?{query}&lang=ar")
    assert response.status_code == 404, (query, response.content)
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["query", name]


@pytest.mark.parametrize(
    "query", ["order=random&offset=3", "child_of=root&descendant_of=root", "order=slug", "order=-seo_title"]
)
def test_rules_between_page_filters_and_orders_the_document_does_not_list_are_422(client, query):
    response = client.get(f"/api/v3/pages/?{query}")
    assert response.status_code == 422, (query, response.content)


def test_page_detail_has_its_fields_parent_and_translations(client):
    how = page("so-funktionierts")
    body = client.get(f"/api/v3/pages/{how.pk}/").json()
    assert body["meta"]["type"] == "home.StandardPage"
    assert body["title"] == "So funktioniert's" and body["intro"].startswith("In drei Schritten")
    assert body["meta"]["parent"]["id"] == home().pk
    assert body["meta"]["html_url"].endswith("/de/so-funktionierts/")
    translations = {item["locale"]: item for item in body["meta"]["translations"]}
    assert list(translations) == LANGUAGES[1:], "in the order of the portal's languages"
    assert translations["ar"]["title"] == "كيف يعمل البرنامج"
    assert translations["ar"]["content_language"] == "ar"
    assert translations["pl"]["content_language"] == "de"
    arabic = client.get(translations["ar"]["detail_url"]).json()
    assert arabic["meta"]["locale"] == "ar" and not arabic["meta"]["fallback"]
    assert {item["locale"] for item in arabic["meta"]["translations"]} == {"de", "en", "tr", "uk", "pl"}


def test_an_alias_names_the_page_it_shows(client):
    alias = page("impressum", "uk")
    body = client.get(f"/api/v3/pages/{alias.pk}/").json()
    assert body["meta"]["fallback"] is True and body["meta"]["content_language"] == "de"
    assert body["meta"]["alias_of"]["id"] == page("impressum").pk
    assert body["title"] == "Impressum"


def test_page_types_bring_their_own_fields(client):
    home_body = client.get(f"/api/v3/pages/{home('tr').pk}/").json()
    assert home_body["meta"]["type"] == "home.HomePage"
    assert home_body["hero_heading"] == "Dortmund'daki gönüllü çalışmalarınız için kaynaklar"
    legal = client.get(f"/api/v3/pages/{page('impressum').pk}/").json()
    assert legal["last_reviewed"] == "2026-11-01"


def test_find_a_page_by_its_web_address(client):
    response = client.get("/api/v3/pages/find/?html_path=/ar/how-it-works/")
    assert response.status_code == 302
    assert response["Location"] == f"http://testserver/api/v3/pages/{page('how-it-works', 'ar').pk}/"
    alias = client.get("/api/v3/pages/find/?html_path=/uk/impressum/")
    assert alias["Location"].endswith(f"/pages/{page('impressum', 'uk').pk}/")
    home_page = client.get("/api/v3/pages/find/?html_path=/", HTTP_ACCEPT_LANGUAGE="en")
    assert home_page["Location"].endswith(f"/pages/{home('en').pk}/"), (
        "without a prefix: the client's language"
    )
    assert client.get("/api/v3/pages/find/?html_path=/de/gibt-es-nicht/").status_code == 404
    assert client.get("/api/v3/pages/find/").status_code == 422


def test_find_a_resource_or_partner_by_its_web_address(client):
    """The web address of a resource or partner leads to its own endpoint; an unknown one is a 404, not
    the index page that would show "not found"."""
    for collection in ("resources", "partners"):
        items = client.get(f"/api/v3/{collection}/?lang=ar&limit=50").json()["items"]
        item = next(item for item in items if not item["meta"]["fallback"])
        path = urlsplit(item["meta"]["html_url"]).path
        assert path.startswith("/ar/")
        response = client.get(f"/api/v3/pages/find/?html_path={path}")
        assert response.status_code == 302, path
        assert response["Location"] == item["meta"]["detail_url"]
        index = path.rstrip("/").rsplit("/", 1)[0] + "/"
        assert client.get(f"/api/v3/pages/find/?html_path={index}does-not-exist/").status_code == 404
        listing = client.get(f"/api/v3/pages/find/?html_path={index}")
        assert listing.status_code == 302 and "/api/v3/pages/" in listing["Location"], "the index page itself"


def test_rich_text_links_resolve_to_public_urls_in_the_pages_language(client):
    how = page("so-funktionierts")
    document = get_document_model().objects.first()
    source = (
        f'<p>Siehe <a linktype="page" id="{how.pk}">So funktioniert es</a> und das '
        f'<a linktype="document" id="{document.pk}">Merkblatt</a>.</p>'
    )
    linking = StandardPageFactory(parent=home(), slug="verweise", body=stream([("paragraph", source)]))
    create_aliases_for_new_page(linking)  # what the admin does when an editor creates a page
    body = client.get(f"/api/v3/pages/{linking.pk}/").json()
    paragraph = body["body"][0]["value"]
    assert paragraph["raw"] == source
    assert 'href="http://testserver/de/so-funktionierts/"' in paragraph["html"]
    assert f'href="http://testserver/documents/{document.pk}/' in paragraph["html"]
    assert "linktype" not in paragraph["html"]

    alias = StandardPage.objects.get(alias_of=linking, locale__language_code="ar")
    arabic = client.get(f"/api/v3/pages/{alias.pk}/").json()["body"][0]["value"]
    assert 'href="http://testserver/ar/how-it-works/"' in arabic["html"], "links lead to the Arabic page"


def test_images_come_as_renditions_with_alt_text(client):
    about = page("ueber-das-programm")
    body = client.get(f"/api/v3/pages/{about.pk}/").json()
    figure = next(block for block in body["body"] if block["type"] == "image")["value"]
    image = figure["image"]
    assert (
        image["alt"] == "Zeichnung: Nachbarinnen und Nachbarn sitzen bei einem Fest an einem langen Tisch"
        and image["decorative"] is False
    )
    assert (image["width"], image["height"]) == (1200, 800)
    sizes = {
        name: (rendition["width"], rendition["height"]) for name, rendition in image["renditions"].items()
    }
    assert sizes == {"small": (480, 320), "medium": (960, 640), "large": (1200, 800)}, "never enlarged"
    stored = {
        rendition.file.url for rendition in get_image_model().objects.get(pk=image["id"]).renditions.all()
    }
    for rendition in image["renditions"].values():
        assert rendition["url"].startswith("http://testserver/media/images/")
        assert rendition["url"].removeprefix("http://testserver") in stored
    arabic = client.get(f"/api/v3/pages/{page('about', 'ar').pk}/").json()
    arabic_figure = next(block for block in arabic["body"] if block["type"] == "image")["value"]
    assert arabic_figure["image"]["alt"] == "رسم: جيران يجلسون حول طاولة طويلة في احتفال"


def test_documents_have_a_public_url(client):
    how = page("so-funktionierts")
    body = client.get(f"/api/v3/pages/{how.pk}/").json()
    downloads = next(block for block in body["body"] if block["type"] == "downloads")["value"]
    document = downloads["documents"][0]["document"]
    assert document["url"].startswith("http://testserver/documents/") and document["file_extension"] == "pdf"
    assert client.get(document["url"].removeprefix("http://testserver")).status_code == 200


def test_unknown_page_ids_are_404_json(client):
    for page_id in ("999999", str(2**31 - 1)):
        response = client.get(f"/api/v3/pages/{page_id}/")
        assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    assert client.get(f"/api/v3/pages/{2**40}/").status_code == 422
    assert client.get("/api/v3/pages/0/").status_code == 422
