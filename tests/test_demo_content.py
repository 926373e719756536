"""`load_demo_content`: a believable, translated site, and running it again changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from home.models import NavigationMenu

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list("pk", "path", "title", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
        "menus": list(NavigationMenu.objects.order_by("pk").values_list("pk", "locale_id", "live")),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def test_second_run_changes_nothing():
    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_demo_site_is_translated_into_english_turkish_and_arabic():
    german_pages = Page.objects.filter(locale__language_code="de", depth__gte=2, alias_of__isnull=True)
    assert german_pages.count() >= 6
    for code in ("en", "tr", "ar"):
        locale = Locale.objects.get(language_code=code)
        for page in german_pages:
            translation = page.get_translation(locale)
            assert translation.alias_of_id is None and translation.live, (page, code)
            assert translation.title != page.title or page.slug == "start", (page, code)


def test_page_tree_is_consistent():
    """Child counts and paths agree (the loader once broke them through on-commit hooks)."""
    problems = Page.find_problems()
    assert all(not problem for problem in problems), problems
