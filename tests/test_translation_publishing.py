"""A translation is live only when a person publishes it (issue 13, home/localize.py).

"Translate" makes a draft: until someone publishes it, visitors get the German original marked `lang="de"`
with the "not translated yet" notice, and the API says `fallback: true`.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from markup import parse
from wagtail.models import Locale, Page

from catalogue.models import Resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("uebersetzung", "u@example.org", "x" * 16)
    client.force_login(user)
    return client


def german_page(slug):
    return Page.objects.get(locale=Locale.get_default(), slug=slug)


def submit_page(editor, page, language):
    locale = Locale.objects.get(language_code=language)
    response = editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
    )
    assert response.status_code == 302, response.content[:1000]
    return Page.objects.get(translation_key=page.translation_key, locale=locale)


def shown_in_german(html):
    page = parse(html)
    return page.select_one(".notice--language") is not None and page.select_one("main [lang=de]") is not None


def test_a_submitted_page_translation_keeps_showing_german_until_published(editor, client):
    imprint = german_page("impressum")
    polish = submit_page(editor, imprint, "pl")
    assert polish.alias_of_id == imprint.pk, "still shown as the German page"
    response = client.get("/pl/impressum/")
    assert response.status_code == 200
    assert shown_in_german(response.content.decode())
    api = client.get(f"/api/v3/pages/{polish.pk}/").json()
    assert api["meta"]["fallback"] is True and api["meta"]["content_language"] == "de"


def test_the_translation_editor_opens_for_the_waiting_page_and_publishing_makes_it_live(editor, client):
    imprint = german_page("impressum")
    polish = submit_page(editor, imprint, "pl")
    edit = reverse("wagtailadmin_pages:edit", args=[polish.pk])
    assert "js-translation-editor" in editor.get(edit).content.decode(), (
        "the translation editor, not the alias"
    )
    response = editor.post(edit, {"action": "publish"})
    assert response.status_code == 302
    polish.refresh_from_db()
    assert polish.alias_of_id is None and polish.live
    html = client.get("/pl/impressum/").content.decode()
    assert "notice--language" not in html
    assert client.get(f"/api/v3/pages/{polish.pk}/").json()["meta"]["fallback"] is False


def test_a_submitted_snippet_translation_is_a_draft(editor, client):
    beamer = Resource.objects.get(locale=Locale.get_default(), slug="beamer")
    ukrainian = Locale.objects.get(language_code="uk")
    response = editor.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["catalogue", "resource", beamer.pk]),
        {"locales": [ukrainian.pk]},
    )
    assert response.status_code == 302
    draft = Resource.objects.get(translation_key=beamer.translation_key, locale=ukrainian)
    assert not draft.live
    page = client.get("/uk/resources/beamer/").content.decode()
    assert 'class="notice notice--language"' in page
    assert '<h1 lang="de" dir="ltr">Beamer (Full HD)</h1>' in page
    items = client.get("/api/v3/resources/", {"lang": "uk", "limit": 100}).json()["items"]
    item = next(item for item in items if item["meta"]["html_url"].endswith("/uk/resources/beamer/"))
    assert item["meta"]["fallback"] is True and item["id"] == beamer.pk
