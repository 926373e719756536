"""What editors do in Wagtail's admin: publish pages, translate pages and snippets, exchange PO files."""

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from markup import parse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage
from taxonomy.factories import EngagementFieldFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "x" * 16)
    client.force_login(user)
    return client


def german_home():
    return HomePage.objects.get(locale=Locale.get_default(), depth=2)


def test_page_created_in_the_admin_is_reachable_in_every_language(editor):
    home = german_home()
    response = editor.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk)),
        {"title": "Neue Seite", "slug": "neue-seite", "intro": "", "body-count": "0", "action-publish": "1"},
    )
    assert response.status_code == 302, response.content[:2000]
    assert editor.get("/de/neue-seite/").status_code == 200
    for code in ("en", "tr", "ar", "uk", "pl"):
        page = editor.get(f"/{code}/neue-seite/")
        assert page.status_code == 200, code
        assert "notice--language" in page.content.decode(), code


def test_translator_exchanges_a_po_file_for_a_page(editor):
    source = Page.objects.get(locale=Locale.get_default(), slug="impressum")
    ukrainian = Locale.objects.get(language_code="uk")
    response = editor.post(
        reverse("wagtail_localize:submit_page_translation", args=(source.pk,)), {"locales": [ukrainian.pk]}
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source=TranslationSource.objects.get(object_id=source.translation_key, locale=source.locale),
        target_locale=ukrainian,
    )

    download = editor.get(reverse("wagtail_localize:download_pofile", args=(translation.pk,)))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    titles = [entry for entry in po if entry.msgctxt == "title"]
    assert titles and titles[0].msgid == "Impressum"
    for entry in po:
        entry.msgstr = "Вихідні дані" if entry.msgctxt == "title" else entry.msgid
    upload = editor.post(
        reverse("wagtail_localize:upload_pofile", args=(translation.pk,)),
        {"file": SimpleUploadedFile("uk.po", str(po).encode(), content_type="text/x-gettext-translation")},
    )
    assert upload.status_code == 302
    translation.save_target(publish=True)  # what "Publish" in the translation editor does

    page = editor.get("/uk/impressum/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Вихідні дані</h1>" in html
    assert "notice--language" not in html


def test_snippet_translation_is_offered_in_the_admin(editor):
    field = EngagementFieldFactory(name="Sport und Bewegung", slug="sport")
    turkish = Locale.objects.get(language_code="tr")
    response = editor.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=("taxonomy", "engagementfield", field.pk)
        ),
        {"locales": [turkish.pk]},
    )
    assert response.status_code == 302
    translated = field.get_translation(turkish)
    assert translated.slug == "sport", "the slug is synchronised, not translated"


def test_vocabulary_menu_groups_every_apps_terms(editor):
    admin_home = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "Begriffe" in admin_home or "Vocabulary" in admin_home
    for url in (
        reverse("wagtailsnippets_taxonomy_resourcecategory:list"),
        reverse("wagtailsnippets_taxonomy_engagementfield:list"),
        reverse("wagtailsnippets_taxonomy_targetgroup:list"),
        reverse("wagtailsnippets_taxonomy_cooperationtopic:list"),
        reverse("taxonomy_district:index"),
    ):
        assert url in admin_home, url
    listing = editor.get(reverse("wagtailsnippets_taxonomy_engagementfield:list"))
    assert listing.status_code == 200
    assert "Kulturelle Vielfalt" in listing.content.decode()


def submitted_fields(html):
    """How many fields the largest form of the page sends at most (every box ticked, every option chosen)."""
    largest = 0
    for form in parse(html).find_all("form"):
        named = [tag for tag in form.find_all(["input", "select", "textarea"]) if tag.get("name")]
        radios = {tag["name"] for tag in named if tag.get("type") == "radio"}
        count = len(radios)
        for tag in named:
            if tag.get("type") == "radio":
                continue
            count += len(tag.find_all("option")) if tag.name == "select" and tag.has_attr("multiple") else 1
        largest = max(largest, count)
    return largest


def test_the_largest_edit_form_stays_well_within_the_field_limit(editor):
    """DATA_UPLOAD_MAX_NUMBER_FIELDS is sized to the largest real form (10,000 would let one POST make the
    server parse ten thousand fields): the demo's edit form of every page type uses a tenth of it at most."""
    first_of_each_type = {}
    for page in Page.objects.filter(depth__gt=1).order_by("pk").specific():
        first_of_each_type.setdefault(type(page), page)
    sizes = {
        model.__name__: submitted_fields(editor.get(f"/admin/pages/{page.pk}/edit/").content.decode())
        for model, page in first_of_each_type.items()
    }
    assert len(sizes) >= 8 and max(sizes.values()) >= 50, sizes
    assert max(sizes.values()) * 5 <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 2_000, sizes
