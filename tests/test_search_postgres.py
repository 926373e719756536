"""The database backend on PostgreSQL (what production falls back to while Elasticsearch fails) in time:
the full-text index drives every full-text condition, every score is computed once per statement, and no
query is compiled by the JIT (search/fts.py `PostgresMatches`, docs/search.md). Query plans, not timings:
the demo is small enough for a sequential scan to be cheaper, so the plans are read with sequential scans
discouraged – the question is whether the index *can* drive (modelsearch's `(title || body) @@ query` on
the entries could not), not what the planner picks for a few hundred rows.
"""

import json

import pytest
import search_support
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.backends import get_backend
from search.engine import DatabaseEngine
from search.fts import PostgresMatches, ScoredMatches
from search.matching import KeyListMatch, QueryMatch
from search.models import SearchEntry

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
GIN_INDEXES = ("search_indexentry_title_body_gin", "wagtailsear_autocom_476c89_gin")


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
        cursor.execute("ANALYZE wagtailsearch_indexentry, search_searchentry")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        found = cursor.fetchone()[0]
        cursor.execute("RESET enable_seqscan")
    return (json.loads(found) if isinstance(found, str) else found)[0]["Plan"]


def index_row_scans(node, chain=()):
    """(the node, the relationships of the nodes above it) of every scan of modelsearch's index rows."""
    here = (*chain, node.get("Subplan Name") or node.get("Parent Relationship", ""))
    if node.get("Relation Name") == "wagtailsearch_indexentry" or node.get("Index Name", "").startswith(
        GIN_INDEXES
    ):
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
            through_gin = [
                node for node, _chain in scans if node.get("Index Name", "").startswith(GIN_INDEXES)
            ]
            if not through_gin:
                faults.append((url, "full text not through a GIN index", query["sql"][:300]))
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


def test_the_title_and_body_condition_has_its_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry' AND indexname = %s",
            [GIN_INDEXES[0]],
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition
    assert "(title || body)" in definition


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
