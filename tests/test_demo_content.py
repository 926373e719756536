"""`load_demo_content`: a believable, translated site, and running it again changes nothing."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from home.models import NavigationMenu, StandardPage

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
    # Leichte Sprache is German by nature: those pages stay German copies elsewhere (tests/test_easy_read.py).
    german_pages = Page.objects.filter(
        locale__language_code="de", depth__gte=2, alias_of__isnull=True
    ).exclude(pk__in=StandardPage.objects.filter(easy_read=True).values("pk"))
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


def test_a_full_second_run_finds_everything_and_changes_nothing():
    """`--full` walks every record of the data files instead of checking that the last steps are done."""
    before = snapshot()
    call_command("load_demo_content", "--full", verbosity=0)
    assert snapshot() == before


def test_a_run_reports_each_step_and_a_complete_demo_at_once():
    from io import StringIO

    output = StringIO()
    call_command("load_demo_content", stdout=output)
    assert output.getvalue().strip() == "Demo content ready: 0 objects created, 0 translations."
    output = StringIO()
    call_command("load_demo_content", "--full", stdout=output)
    lines = output.getvalue().splitlines()
    steps = [line for line in lines if re.match(r"  \[\d+/\d+\] ", line)]
    total = len(steps)
    assert total >= 8 and all(f"/{total}] " in line for line in steps), lines
    assert steps[0].startswith(f"  [1/{total}] home: 0 objects, 0 translations"), lines
    assert steps[-1].startswith(f"  [{total}/{total}] aliases for untranslated pages"), lines
    assert lines[-1] == "Demo content ready: 0 objects created, 0 translations."


def test_demo_data_files_give_every_translation_its_german_source():
    """Every table of languages in demo/*.toml is a German text with its translations next to it."""
    import tomllib

    from home.demo_support import demo_data_dir

    languages = {code for code, _name in settings.LANGUAGES}
    files = sorted(demo_data_dir().glob("*.toml"))
    assert {path.stem for path in files} >= {
        "home",
        "resources",
        "partners",
        "events",
        "examples",
        "requests",
    }

    def walk(value, where):
        if isinstance(value, dict):
            # `slugs`: a page's address in other languages (the German one is its `slug`).
            if value and value.keys() <= languages and not where.endswith(".slugs"):
                assert "de" in value, f"{where}: translations without the German source"
            for key, item in value.items():
                walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for number, item in enumerate(value):
                walk(item, f"{where}[{number}]")

    for path in files:
        with path.open("rb") as file:
            walk(tomllib.load(file), path.name)


def test_a_missing_data_folder_is_named_in_the_error(settings, tmp_path):
    from django.core.management.base import CommandError

    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match=str(tmp_path / "demo")):
        call_command("load_demo_content", "--full", verbosity=0)
