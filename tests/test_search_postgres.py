"""The database backend on PostgreSQL (what production falls back to while Elasticsearch fails) in time:
the full-text index drives every full-text condition, every score is computed once per statement, and no
query is compiled by the JIT (search/fts.py `PostgresMatches`, docs/search.md). Query plans, not timings:
the demo is small enough for a sequential scan to be cheaper, so the plans are read with sequential scans
discouraged – the question is whether the index *can* drive (modelsearch's `(title || body) @@ query` on
the entries could not), not what the planner picks for a few hundred rows.
"""

import json
from dataclasses import replace

import pytest
import search_support
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.postgres.postgres import IndexEntry

from search.backends import get_backend
from search.engine import DatabaseEngine, SearchRequest
from search.fts import PostgresMatches, ScoredMatches
from search.matching import KeyListMatch, QueryMatch
from search.models import EntryText, SearchEntry

pytestmark = pytest.mark.django_db

URLS = [
    "/de/suche/?q=Raum",
    "/de/suche/?q=Verein&type=partner",
    "/de/suche/?q=Beamer&sort=date",
    "/de/suche/?q=Beamr",
    "/de/suche/?q=Workshop%20F%C3%B6rderantrag",  # split compound, words whole or as beginnings
    "/en/search/?q=room",
    "/de/ressourcen/?q=Beamer",
    "/de/partner/?q=Verein",
    "/de/veranstaltungen/?q=Workshop",
    "/de/suche/vorschlaege/?q=Kultur",
]
# The entries' copies of modelsearch's vectors, a GIN index per language (migration search.0006_entrytext).
GIN_INDEX_PREFIX = "search_entrytext_"


@pytest.fixture(autouse=True)
def database_search(settings):
    settings.WAGTAILSEARCH_BACKENDS = search_support.database_backends()
    cache.clear()
    yield
    cache.clear()


def plan_of(sql):
    with connection.cursor() as cursor:
        # Plans follow the statistics: read them with fresh ones, not with whatever autovacuum had
        # gathered on this worker's clone so far (the same test saw other plans without this).
        cursor.execute("ANALYZE search_entrytext, search_searchentry")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        found = cursor.fetchone()[0]
        cursor.execute("RESET enable_seqscan")
    return (json.loads(found) if isinstance(found, str) else found)[0]["Plan"]


def index_row_scans(node, chain=()):
    """(the node, the relationships of the nodes above it) of every scan of full-text rows (modelsearch's
    index rows or the entries' copies of them)."""
    here = (*chain, node.get("Subplan Name") or node.get("Parent Relationship", ""))
    if node.get("Relation Name") in ("wagtailsearch_indexentry", "search_entrytext") or node.get(
        "Index Name", ""
    ).startswith(GIN_INDEX_PREFIX):
        yield node, here
    for child in node.get("Plans", []):
        yield from index_row_scans(child, here)


def test_the_full_text_index_drives_and_scores_are_computed_once(client):
    assert connection.vendor == "postgresql"
    checked, faults = 0, []
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        for query in queries.captured_queries:
            if " @@ " not in query["sql"]:
                continue
            checked += 1
            plan = plan_of(query["sql"])
            described = json.dumps(plan)
            scans = list(index_row_scans(plan))
            language = url.split("/")[1]
            through_gin = [node.get("Index Name", "") for node, _chain in scans]
            # Its language's GIN index, or (for a few candidates, e.g. a listing's events) their rows
            # looked up by entry id; never another language's postings.
            wanted = (f"{GIN_INDEX_PREFIX}{language}_", f"{GIN_INDEX_PREFIX}pkey")
            if not any(name.startswith(wanted) for name in through_gin):
                faults.append((url, "full text not through its language's GIN index", described))
            if any(node.get("Relation Name") == "wagtailsearch_indexentry" for node, _chain in scans):
                faults.append((url, "every language's index rows read"))
            if any(
                name.startswith(GIN_INDEX_PREFIX) and "_gin" in name and not name.startswith(wanted[0])
                for name in through_gin
            ):
                faults.append((url, "another language's full-text index read"))
            for node, chain in scans:
                kind = node["Node Type"]
                if kind == "Seq Scan":
                    faults.append((url, "index rows read in full"))
                # "SubPlan n" runs per row of the query around it; an InitPlan and a hashed SubPlan
                # (named so where it is used: "(hashed SubPlan n)") run once.
                per_row = [step for step in chain if step.startswith("SubPlan")]
                if any(f"hashed {step}" not in described for step in per_row):
                    faults.append((url, f"{kind} per result row (a correlated subquery)"))
    assert checked >= len(URLS), checked
    assert faults == [], faults


def test_every_language_has_its_full_text_indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_entrytext'")
        definitions = dict(cursor.fetchall())
    for code, _name in settings.LANGUAGES:
        text = definitions[f"search_entrytext_{code}_text_gin"]
        assert "USING gin (((title || body)))" in text
        assert f"WHERE ((language)::text = '{code}'::text)" in text
        autocomplete = definitions[f"search_entrytext_{code}_autocomplete_gin"]
        assert "USING gin (autocomplete)" in autocomplete
        assert f"WHERE ((language)::text = '{code}'::text)" in autocomplete


def copies():
    return {
        row.entry_id: (
            row.language,
            row.translation_key,
            row.title,
            row.body,
            row.autocomplete,
            row.title_norm,
        )
        for row in EntryText.objects.all()
    }


def index_rows():
    """modelsearch's own index rows of the search entries, with each entry's language and key."""
    entries = {entry.pk: entry for entry in SearchEntry.objects.all()}
    rows = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(SearchEntry))
    found = {}
    for row in rows:
        entry = entries[int(row.object_id)]
        found[entry.pk] = (
            entry.language,
            entry.translation_key,
            row.title,
            row.body,
            row.autocomplete,
            row.title_norm,
        )
    return found


def test_the_copies_follow_modelsearchs_index_rows():
    """Written by the trigger wherever modelsearch writes (index, update, title norms, delete, reset)."""
    backend = get_backend()
    assert copies() == index_rows()
    assert len(copies()) == SearchEntry.objects.count() > 0
    entry = SearchEntry.objects.filter(language="ar").first()
    entry.title = "Zeltpavillon Zeltpavillon"
    entry.save()
    backend.add(entry)
    assert copies() == index_rows()
    assert EntryText.objects.filter(entry_id=entry.pk, language="ar").exists()
    found = DatabaseEngine(backend).match(entry.kind, "Zeltpavillon", "ar")
    assert found.keys() == [entry.translation_key]
    assert DatabaseEngine(backend).match(entry.kind, "Zeltpavillon", "de").keys() == []
    backend.delete(entry)
    assert entry.pk not in copies()
    assert copies() == index_rows()
    backend.reset_indexes()
    assert copies() == {}


def test_no_query_is_compiled_by_the_jit():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.parametrize(
    ("kind", "language", "text"),
    [
        ("resource", "de", "Raum"),
        ("resource", "de", "Beamer"),
        ("resource", "en", "room"),
        ("partner", "de", "Verein"),
        ("partner", "de", "Kultur"),
        ("page", "de", "Ressourcen"),
    ],
)
def test_the_scores_are_modelsearchs_own(kind, language, text):
    """The same searches (with synonyms and stems) and the same title ranking, scored modelsearch's way
    (a correlated subquery per row): the same order."""
    found = DatabaseEngine(get_backend()).match(kind, text, language)
    # Ranked once into keys (see test_one_full_text_statement_per_pass), from the query below.
    assert isinstance(found, KeyListMatch)
    assert found.engine == "database"
    fast = found.source
    assert isinstance(fast.whole, PostgresMatches)
    assert isinstance(fast.begins, PostgresMatches)
    slow = QueryMatch(
        SearchEntry, ScoredMatches(fast.whole.results), ScoredMatches(fast.begins.results), fast.in_title
    )
    keys = fast.keys()
    assert keys
    assert keys == slow.keys()
    assert found.keys() == keys


@pytest.mark.parametrize(
    ("url", "passes"),
    [
        ("/de/suche/?q=Raum", 1),
        ("/de/suche/?q=Verein&type=partner", 1),
        ("/de/suche/?q=Workshop%20F%C3%B6rderantrag", 1),
        ("/de/ressourcen/?q=Beamer", 1),
        ("/de/partner/?q=Verein", 1),
        ("/de/partner/?q=Verein&language=tr", 1),
        ("/de/veranstaltungen/?q=Workshop", 1),
        ("/de/ressourcen/?q=Beamr", 2),  # as typed (nothing), then the forgiving pass
    ],
)
def test_one_full_text_statement_per_pass(client, url, passes):
    """A search page or listing searches and scores once per pass (`KeyListMatch.ranked`): its count, page
    and every facet's count read the ranked keys (an array parameter), not the full-text search again –
    at the search mix's scale the partner finder ran it in seven statements, each over every language's
    index rows."""
    client.get(url)  # vocabulary, routes
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    searching = [query["sql"] for query in queries.captured_queries if " @@ " in query["sql"]]
    assert len(searching) == passes, [sql[:200] for sql in searching]


@pytest.mark.parametrize(
    ("query", "language", "page", "exclude", "filters"),
    [
        ("Raum", "de", 1, False, ()),
        ("Verein", "de", 2, False, ()),
        ("room", "en", 1, True, ()),
        ("Kultur", "tr", 1, False, ()),
        ("Verein", "de", 1, False, (("type", ("partner",)),)),
        (
            "Raum",
            "de",
            1,
            False,
            (("type", ("resource", "event")), ("district", ("eving", "innenstadt-nord"))),
        ),
    ],
)
def test_a_page_ranked_into_ids_is_the_page_the_statements_give(
    monkeypatch, query, language, page, exclude, filters
):
    """By relevance, the search page is counted, cut and faceted on the ranked entry ids
    (`DatabaseEngine._ranked_page`): the same entries, total and facet counts as the statements that find
    each ranked key's entry again (the way it goes by date)."""
    engine = DatabaseEngine(get_backend())
    request = SearchRequest(query=query, language=language, page=page, per_page=5, filters=filters)
    if exclude:
        first = engine.search(request).entries[0]
        request = replace(request, exclude_keys=(first.translation_key,))
    used, ranked_page = [], engine._ranked_page
    monkeypatch.setattr(engine, "_ranked_page", lambda *args: used.append(args) or ranked_page(*args))
    ranked = engine.search(request)
    assert len(used) == 1
    calls = []
    monkeypatch.setattr(engine, "_ranked_page", lambda *args: calls.append(args))
    matching = engine._matching
    monkeypatch.setattr(engine, "_matching", lambda *args: (*matching(*args)[:2], None))
    statements = engine.search(request)
    assert calls == []
    assert ranked.total == statements.total > 0
    assert [entry.pk for entry in ranked.entries] == [entry.pk for entry in statements.entries]
    assert len(ranked.entries) == min(5, ranked.total)
    assert ranked.facet_counts == statements.facet_counts
    assert ranked.page == statements.page == page
    if exclude:
        assert first.translation_key not in {entry.translation_key for entry in ranked.entries}
