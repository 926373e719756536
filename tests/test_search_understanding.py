"""Search that understands what visitors mean (issue 17), on the database backend and on Elasticsearch:
typos, synonyms editors maintain, "Did you mean …?", word forms, compounds, titles above bodies.

The results are named "kind:german-slug" (tests/search_support.py). The benchmark behind these features
is `bench/relevance.py` (tests/test_search_benchmark.py).
"""

import pytest
import search_support
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
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


# --- The forgiving pass is cheap and bounded --------------------------------------------------------

# What bots send (tests/test_hostile_input.py): none of it can be a mistyped word.
NOT_WORDS = [
    "x" * 200,  # what is left of an over-long text
    "Raumbeamerleinwandflyerzeltmikrofonlautsprecher" * 2,  # one "word" longer than any
    "' OR '1'='1' --",
    'title:raum^5 "unclosed',
    "raum* AND -beamer OR (",
    '{"match_all": {}}',
    "/.*/",
    "<script>alert(1)</script>",
    '"><svg/onload=alert(1)>',
    "a Bcc: spam@example.org",
    "99999999999999999999999999",
    "2026-02-31",
    "../../etc/passwd",
    "eins zwei drei vier fünf sechs sieben",  # more words than a need is written in
]


@pytest.mark.parametrize("query", NOT_WORDS)
def test_input_that_cannot_be_a_typo_skips_the_forgiving_pass(query, monkeypatch):
    from search import engine as search_engine

    assert not spelling.worth_correcting(query)

    def no_vocabulary(language):
        raise AssertionError(f"the vocabulary was read for {query!r}")

    monkeypatch.setattr(spelling, "prepared", no_vocabulary)
    assert search_engine.forgiving_queries(query, "de") == []
    assert spelling.correct(query, "de") is None
    assert spelling.split_compounds(query, "de") is None
    assert spelling.join_words(query, "de") is None


def test_what_visitors_type_is_worth_correcting():
    """Every query of the relevance benchmark (typos, needs, compounds, six languages) gets the pass."""
    from bench.relevance import load_queries

    queries = [one["q"] for one in load_queries()]
    assert len(queries) >= 80
    assert [query for query in queries if not spelling.worth_correcting(query)] == []
    assert spelling.worth_correcting("Beamer (Full HD)")
    assert spelling.worth_correcting("Dortmund'da salon")


def test_a_hostile_search_finds_nothing_with_the_queries_of_one_pass(settings):
    """On the database backend a search that finds nothing costs one pass (the vocabulary read first),
    never one more per forgiving query: the syntax keeps the pass away."""
    settings.WAGTAILSEARCH_BACKENDS = search_support.database_backends()
    with CaptureQueriesContext(connection) as typed:
        run("search", SearchRequest(query="Zzqxv", language="de"))
    with CaptureQueriesContext(connection) as hostile:
        outcome, _reason = run("search", SearchRequest(query="' OR 'Zzqxv'='Zzqxv' --", language="de"))
    assert outcome.total == 0
    assert not outcome.fuzzy
    assert 0 < len(hostile.captured_queries) <= len(typed.captured_queries)


def brute_force_closest(word, words):
    """`spelling.closest` as it was before the buckets: every vocabulary word read."""
    folded = spelling.fold(word)
    if folded in words:
        return words[folded][0]
    limit = spelling.allowed_edits(folded)
    best = None
    for candidate, (written, count) in words.items():
        if candidate[:1] != folded[:1] and candidate[1:2] != folded[1:2]:
            continue
        found = spelling.distance(folded, candidate, limit)
        if found <= limit:
            rank = (found, -count, written)
            if best is None or rank < best[0]:
                best = (rank, written)
    return best[1] if best else None


@pytest.mark.parametrize("language", ["de", "tr", "ar"])
def test_the_candidate_buckets_find_what_reading_every_word_finds(language):
    prepared = spelling.prepared(language)
    words = prepared.words
    assert len(words) > 100
    # Every vocabulary word with a letter changed, dropped, doubled or two swapped.
    typos = []
    for index, word in enumerate(list(words)[:400]):
        position = index % max(1, len(word) - 1)
        typos += [
            word[:position] + "q" + word[position + 1 :],
            word[:position] + word[position + 1 :],
            word[:position] + word[position] + word[position:],
            word[:position] + word[position + 1 : position + 2] + word[position] + word[position + 2 :],
        ]
    typos = [typo for typo in typos if len(typo) >= spelling.MIN_WORD]
    assert len(typos) > 1000
    differ = [typo for typo in typos if spelling.closest(typo, prepared) != brute_force_closest(typo, words)]
    assert differ == []


def test_the_vocabulary_is_prepared_once_per_version(django_assert_num_queries):
    with django_assert_num_queries(1):
        first = spelling.prepared("de")
    with django_assert_num_queries(0):
        assert spelling.prepared("de") is first
        assert spelling.correct("Beamr", "de") == "beamer"
    # A new version (another process computed it, or it expired) is prepared again.
    spelling.forget_vocabulary(["de"])
    with django_assert_num_queries(1):
        assert spelling.prepared("de") is not first


def test_compound_parts_are_found_by_their_beginnings():
    prepared = spelling.prepared("de")
    assert prepared.has_beginning("honorar")
    assert not prepared.has_beginning("zzqx")
    beginning = prepared.beginning("honorar")
    assert beginning.startswith("honorar")
    # The most frequent of the words beginning so, as reading them in order of frequency finds it.
    expected = next(word for word in prepared.words if word.startswith("honorar"))
    assert beginning == expected


@pytest.mark.parametrize(
    ("query", "language", "expected"),
    [
        ("Verein gründen", "de", "resource:vereinsgruendung"),  # "Vereinsgründung": a compound, another form
        ("leaflets", "en", "resource:flyer-und-plakate"),  # a synonym group's "leaflet", in the plural
        ("منشورات", "ar", "resource:flyer-und-plakate"),  # the title says "المنشورات", with the article
    ],
)
def test_compounds_plurals_of_synonyms_and_arabic_articles(engine, query, language, expected):
    assert expected in first_results(query, language)[0], engine


def test_two_words_are_also_searched_as_the_compound_the_vocabulary_knows():
    assert spelling.compound_variants(["Verein", "gründen"], "de") == [["vereinsgründung"]]
    assert spelling.compound_variants(["Beamer"], "de") == []
    assert spelling.compound_variants(["<script>", "gründen"], "de") == []


def test_arabic_words_are_also_searched_with_and_without_their_article():
    assert spelling.article_variants(["منشورات"], "ar") == [["المنشورات"]]
    assert spelling.article_variants(["المنشورات"], "ar") == [["منشورات"]]
    assert spelling.article_variants(["Beamer"], "ar") == []
    assert spelling.article_variants(["منشورات"], "de") == []


def test_a_compound_is_split_where_its_parts_are_whole_words():
    # "förderan…" begins "Förderanträge" and "träg…" begins "Träger", but "Antrag" is a word of its own.
    assert spelling.split_compounds("Förderantrag", "de") == "förder antrag"
    assert spelling.split_compounds("Workshop Förderantrag", "de") == "Workshop förder antrag"
    assert spelling.split_compounds("Referentenhonorar", "de") == "referenten honorar"
    assert spelling.split_variants(["Förderantrag"], "de") == [["förder", "antrag"]]
    assert spelling.split_variants(["Beamer"], "de") == []


APPLICATION_WORKSHOP = {"event:antragsworkshop", "event:antragsworkshop-frueherer-termin"}


def test_a_need_in_a_word_and_a_compound_finds_its_event_first(engine):
    """The event "Antragsworkshop: Förderung über 500 Euro" says neither "Förderantrag" nor "Workshop"
    as a word of its title: Elasticsearch splits both compounds; the database backend searches the
    query's compound split ("förder antrag"), finds the event with "Workshop" as a whole word of its text
    and "förder…" and "antrag…" as beginnings, and ranks the title with "workshop" inside a compound
    above the partners that only mention the words."""
    found, outcome = first_results("Workshop Förderantrag")
    assert found[0] in APPLICATION_WORKSHOP, (engine, found)
    assert not outcome.fuzzy


def test_words_found_whole_and_as_beginnings_together_match(settings):
    """Database backend: "Workshop" is a whole word of the event's text only, "Förder" and "Antrag" begin
    words of its title – neither the whole-word search nor the prefix search alone finds it."""
    settings.WAGTAILSEARCH_BACKENDS = search_support.database_backends()
    found, _outcome = first_results("Workshop Förder Antrag")
    assert APPLICATION_WORKSHOP & set(found), found


def test_a_compound_part_inside_a_title_ranks_after_the_word_itself(settings):
    """Database backend: "Raum" begins the title of the room with a kitchen; the group and seminar rooms
    have it at the end of their compounds (a word of the compound list): they follow it, before the
    partners that only mention rooms in their text."""
    settings.WAGTAILSEARCH_BACKENDS = search_support.database_backends()
    found, _outcome = first_results("Raum", count=10)
    assert found[0] == "resource:raum-mit-kueche-scharnhorst", found
    rooms = [found.index(key) for key in ("resource:gruppenraum-eving", "resource:seminarraum-nordstadt")]
    partners = [position for position, key in enumerate(found) if key.startswith("partner:")]
    assert max(rooms) < min(partners, default=len(found)), found
