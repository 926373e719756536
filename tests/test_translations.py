"""Interface strings: every catalogue complete, compiled, and in step with the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

REPO = Path(settings.BASE_DIR)
LANGUAGES = {code for code, _name in settings.LANGUAGES}


def catalogue_dirs():
    return sorted(path.parent for path in REPO.glob("*/locale") if path.is_dir()) + [REPO]


def po_files():
    return sorted(REPO.glob("locale/*/LC_MESSAGES/django.po")) + sorted(
        REPO.glob("*/locale/*/LC_MESSAGES/django.po")
    )


def test_every_catalogue_covers_every_language():
    for directory in catalogue_dirs():
        languages = {path.name for path in (directory / "locale").iterdir() if path.is_dir()}
        assert languages == LANGUAGES, directory


@pytest.mark.parametrize("path", po_files(), ids=lambda path: str(path.relative_to(REPO)))
def test_catalogue_is_complete_and_compiled(path):
    po = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {path}"
    assert fuzzy == [], f"fuzzy in {path}"
    mo = polib.mofile(str(path.with_suffix(".mo")))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    for entry in po.translated_entries():
        assert compiled.get((entry.msgctxt, entry.msgid)) == (entry.msgstr or entry.msgstr_plural), (
            f"{path.with_suffix('.mo')} is older than the .po: run `make messages`"
        )


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_one_string_has_one_translation_across_the_catalogues(language):
    """Django merges every app's catalogue into one per language (the app listed first wins), so a msgid
    translated differently in two apps shows one app the other's words: the proofs' "Quote" came out as
    "Zitat" (a quotation) on the status page. A different meaning needs a context (`pgettext`)."""
    seen = {}
    differing = []
    for path in po_files():
        if path.parent.parent.name != language:
            continue
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgstr:
                continue
            key = (entry.msgctxt, entry.msgid)
            first = seen.setdefault(key, (entry.msgstr, path))
            if first[0] != entry.msgstr:
                differing.append(
                    f"{entry.msgid!r}: {first[0]!r} ({first[1].relative_to(REPO)}) ≠ {entry.msgstr!r}"
                )
    assert differing == [], "\n".join(differing)


def test_the_proofs_quote_is_a_price_quote_not_a_quotation():
    from django.utils import translation

    from resource_requests.models import Proof

    for code, word in {
        "de": "Angebot",
        "tr": "Teklif",
        "ar": "عرض سعر",
        "uk": "Комерційна пропозиція",
    }.items():
        with translation.override(code):
            assert str(Proof.Kind.QUOTE.label) == word
            assert translation.gettext("Quote") != word, "the StreamField's quotation keeps its own word"


def test_catalogues_contain_every_string_in_the_code(tmp_path):
    """Extract the strings again from a copy of the code: nothing may be missing from the catalogues."""
    copy = tmp_path / "repo"
    shutil.copytree(
        REPO,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "node_modules", "__pycache__", "*.mo"),
    )
    result = subprocess.run(  # noqa: S603 - fixed command
        ["bash", "scripts/messages.sh"],  # noqa: S607 - bash from the PATH given below
        cwd=copy,
        env={"PATH": "/usr/bin:/bin:/usr/local/bin", "PYTHON": sys.executable, "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for fresh in sorted(copy.glob("**/locale/de/LC_MESSAGES/django.po")):
        committed = REPO / fresh.relative_to(copy)
        assert committed.exists(), f"missing catalogue {committed.relative_to(REPO)}: run `make messages`"
        wanted = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(fresh)) if not entry.obsolete}
        have = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(committed)) if not entry.obsolete}
        assert wanted - have == set(), f"{committed.relative_to(REPO)} lacks strings: run `make messages`"


@pytest.mark.django_db
def test_interface_is_translated_on_the_page(client):
    for code, label in {
        "de": "Zum Inhalt springen",
        "en": "Skip to content",
        "tr": "İçeriğe geç",
        "ar": "الانتقال إلى المحتوى",
        "uk": "Перейти до вмісту",
        "pl": "Przejdź do treści",
    }.items():
        assert label in client.get(f"/{code}/").content.decode(), code
