"""Search that understands what visitors mean (issue 17), on the database backend and on Elasticsearch:
typos, synonyms editors maintain, "Did you mean …?", word forms, compounds, titles above bodies.

The results are named "kind:german-slug" (tests/search_support.py). The benchmark behind these features
is `bench/relevance.py` (tests/test_search_benchmark.py).
"""

import pytest
from django.core.cache import cache
from markup import parse
from search_support import entry_key
from wagtail.models import Locale

from search import spelling, synonyms
from search.engine import SearchRequest, run
from search.models import SynonymGroup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_caches():
    """The vocabulary and the synonym groups are cached; a rolled-back test must not leave them behind."""
    cache.clear()
    yield
    cache.clear()


def first_results(query, language="de", count=3):
    outcome, _reason = run("search", SearchRequest(query=query, language=language, per_page=10))
    return [entry_key(entry) for entry in outcome.entries[:count]], outcome


# --- Typos ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Beamr", "resource:beamer"),
        ("Fleyer", "resource:flyer-und-plakate"),
        ("Leinwnad", "resource:leinwand"),
    ],
)
def test_typos_find_what_was_meant(engine, query, expected):
    found, outcome = first_results(query)
    assert expected in found, (engine, found)
    assert outcome.fuzzy


def test_the_spelling_comes_from_the_index_vocabulary():
    assert spelling.correct("Beamr", "de") == "beamer"
    assert spelling.correct("Baemer", "de") == "beamer"  # two letters swapped: one edit
    assert spelling.correct("Beamer", "de") is None
    assert spelling.correct("Xqzvw", "de") is None


def test_did_you_mean_links_to_the_corrected_search(client, engine):
    html = client.get("/de/suche/?q=Beamr").content.decode()
    link = parse(html).select_one(".search-suggestion a")
    assert link is not None, engine
    assert link.get_text() == "beamer"
    assert "q=beamer" in link["href"]
    # A search that finds plenty as typed offers nothing.
    assert parse(client.get("/de/suche/?q=Beamer").content.decode()).select_one(".search-suggestion") is None


def test_did_you_mean_is_translated(client, engine):
    html = client.get("/ar/search/?q=Beamr").content.decode()
    suggestion = parse(html).select_one(".search-suggestion")
    assert suggestion is not None
    assert "هل تقصدون" in suggestion.get_text()


# --- Synonyms -------------------------------------------------------------------------------------


def test_demo_synonyms_find_what_the_catalogue_calls_something_else(engine):
    assert "resource:flyer-und-plakate" in first_results("Handzettel")[0]
    assert "resource:beamer" in first_results("Projektor")[0]
    assert "resource:digitalkamera" in first_results("Fotokamera")[0]


def test_an_editors_new_synonym_group_applies_at_once(engine):
    assert first_results("Zauberlaterne")[1].total == 0
    SynonymGroup.objects.create(locale=Locale.objects.get(language_code="de"), words="Zauberlaterne\nBeamer")
    assert first_results("Zauberlaterne")[0][0] == "resource:beamer"


def test_unpublished_and_other_languages_groups_do_not_apply(engine):
    turkish = Locale.objects.get(language_code="tr")
    SynonymGroup.objects.create(locale=turkish, words="Zauberlaterne, Beamer")
    german = Locale.objects.get(language_code="de")
    SynonymGroup.objects.create(locale=german, words="Wunderlampe, Beamer", live=False)
    assert first_results("Zauberlaterne")[1].total == 0
    assert first_results("Wunderlampe")[1].total == 0
    # German groups apply in every language (German originals stand in there).
    SynonymGroup.objects.create(locale=german, words="Zauberkiste, Beamer")
    assert "resource:beamer" in first_results("Zauberkiste", "uk")[0]


def test_variants_replace_one_member_at_a_time():
    german = Locale.objects.get(language_code="de")
    SynonymGroup.objects.create(locale=german, words="Stühle zum Klappen, Klappstühle")
    assert synonyms.variants("Klappstühle leihen", "de") == ["Stühle zum Klappen leihen"]
    assert synonyms.variants("stühle zum klappen", "de") == ["Klappstühle"]
    assert synonyms.variants("nichts davon", "de") == []


# --- Word forms, compounds, titles ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Lastenräder", {"resource:lastenrad"}),
        ("Mikrofone", {"resource:funkmikrofone", "resource:headset-mikrofon"}),
        ("Gruppenräume", {"resource:gruppenraum-eving"}),
    ],
)
def test_word_forms_find_the_word(engine, query, expected):
    assert expected & set(first_results(query)[0]), engine


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Ton Anlage", "resource:tonanlage"), ("Seminar Raum", "resource:seminarraum-nordstadt")],
)
def test_compounds_written_apart_are_found(engine, query, expected):
    assert expected in first_results(query)[0], engine


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Tonanlage", "resource:tonanlage"), ("Küche", "resource:raum-mit-kueche-scharnhorst")],
)
def test_a_title_match_ranks_above_a_body_match(engine, query, expected):
    """The event hall lists "Tonanlage" and "Küche" among its equipment; the title says it elsewhere."""
    assert first_results(query)[0][0] == expected, engine


# --- What the page promises -----------------------------------------------------------------------


def test_the_page_says_what_the_active_engine_can_do(client, engine):
    hint = parse(client.get("/de/suche/").content.decode()).select_one("#search-hint").get_text()
    if engine == "elasticsearch":
        assert "Tippfehler werden verziehen" in hint
    else:
        assert "Tippfehler" not in hint
        assert "ähnliche Schreibweise" in hint
