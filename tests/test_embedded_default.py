"""The embedded default of `make run`: SQLite and the database search backend, no services at all."""

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

CHECK = textwrap.dedent(
    """
    from django.conf import settings
    from django.test import Client
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    backend = get_search_backend()
    assert type(backend).__module__.startswith("modelsearch.backends.database"), type(backend)
    client = Client()
    for url in ["/de/", "/de/impressum/", "/en/legal-notice/", "/ar/privacy/", "/uk/datenschutz/"]:
        response = client.get(url, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, (url, response.status_code)
    german = Locale.objects.get(language_code="de")
    hits = list(Page.objects.live().filter(locale=german).search("Datenschutz"))
    assert any(page.slug == "datenschutz" for page in hits), hits
    # The portal's search page and suggestions on SQLite FTS5, in German and Arabic.
    html = client.get("/de/suche/?q=Datenschutz&language=de", HTTP_HOST="127.0.0.1").content.decode()
    assert 'class="search-result__title"><a href="/de/datenschutz/"' in html, html
    html = client.get("/ar/search/?q=حماية البيانات", HTTP_HOST="127.0.0.1").content.decode()
    assert 'class="search-result__title"><a href="/ar/privacy/"' in html
    # Typos, synonyms and compounds on the database backend (issue 17), with "Did you mean …?" for typos.
    for query, url in [
        ("Beamr", "/de/ressourcen/beamer/"),
        ("Fleyer", "/de/ressourcen/flyer-und-plakate/"),
        ("Fotokamera", "/de/ressourcen/digitalkamera/"),
        ("Handzettel", "/de/ressourcen/flyer-und-plakate/"),
    ]:
        html = client.get("/de/suche/", {"q": query}, HTTP_HOST="127.0.0.1").content.decode()
        assert f'class="search-result__title"><a href="{url}"' in html, query
    html = client.get("/de/suche/?q=Beamr", HTTP_HOST="127.0.0.1").content.decode()
    assert 'class="search-suggestion">Meinten Sie <a href="?q=beamer">beamer</a>?' in html, html
    suggestions = client.get("/de/suche/vorschlaege/?q=Barri", HTTP_HOST="127.0.0.1").json()["suggestions"]
    assert suggestions[0]["url"] == "/de/barrierefreiheit/", suggestions
    # The search box of every admin listing and of the page explorer on SQLite (issue 13: it answered 500).
    from django.contrib.auth import get_user_model
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.model import ModelViewSet
    admin = get_user_model().objects.create_superuser("embedded", "embedded@example.org", "x" * 16)
    client.force_login(admin)
    for viewset in [v for v in viewsets.viewsets if isinstance(v, ModelViewSet)]:
        response = client.get(viewset.menu_url, {"q": "Raum"}, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, (viewset.model, response.status_code)
    html = client.get("/admin/snippets/catalogue/resource/?q=Beamer", HTTP_HOST="127.0.0.1").content.decode()
    assert "Beamer (Full HD)" in html
    html = client.get("/admin/pages/search/?q=Impressum", HTTP_HOST="127.0.0.1").content.decode()
    assert "Impressum" in html
    print("EMBEDDED-OK")
    """
)

# Run on a SQLite database with generated content: the query plans of the pages that search, and the
# database engine's ranking against modelsearch's own (`search.fts.ScoredMatches`). Prints one JSON line.
SQLITE_PLANS = textwrap.dedent(
    """
    import json
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from search.backends import get_backend
    from search.engine import DatabaseEngine
    from search.fts import ScoredMatches, SQLiteMatches
    from search.matching import QueryMatch
    from search.models import SearchEntry

    URLS = [
        "/de/suche/?q=Raum", "/de/suche/?q=Verein&type=partner", "/de/suche/?q=Beamer&sort=date",
        "/en/search/?q=room", "/de/ressourcen/?q=Beamer", "/de/partner/?q=Verein",
        "/de/veranstaltungen/?q=Workshop", "/de/suche/vorschlaege/?q=Kultur",
    ]

    def nodes(plan):
        by_id = {row[0]: (row[1], row[3]) for row in plan}
        for parent, detail in by_id.values():
            chain = []
            while parent in by_id:
                chain.append(by_id[parent][1])
                parent = by_id[parent][0]
            yield detail, chain

    SUBQUERIES = ("CORRELATED", "MATERIALIZE", "LIST SUBQUERY", "SCALAR SUBQUERY", "CO-ROUTINE")

    def per_row(plan):
        # A full-text scan whose nearest enclosing subquery is correlated (so not computed once), or
        # one looked up by rowid from an outer loop (":="): a full-text query per row.
        found = []
        for detail, chain in nodes(plan):
            if "VIRTUAL TABLE" not in detail:
                continue
            enclosing = next((step for step in chain if step.startswith(SUBQUERIES)), "")
            if enclosing.startswith("CORRELATED") or ":=" in detail:
                found.append(detail + " <- " + " <- ".join(chain))
        return found

    client = Client()
    report = {"per_row": [], "checked": {}, "rankings": {"compared": 0, "differ": [], "lengths": []}}
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, HTTP_HOST="127.0.0.1").status_code == 200, url
        report["checked"][url] = 0
        for query in queries.captured_queries:
            if " MATCH " not in query["sql"]:
                continue
            report["checked"][url] += 1
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                report["per_row"] += [url + ": " + found for found in per_row(cursor.fetchall())]

    backend = get_backend()
    engine = DatabaseEngine(backend)
    for kind, language, text in [
        ("resource", "de", "Raum"), ("resource", "de", "Beamer"), ("resource", "en", "room"),
        ("partner", "de", "Verein"), ("partner", "de", "Kultur"), ("page", "de", "Ressourcen"),
    ]:
        fast = engine.match(kind, text, language)
        assert isinstance(fast.whole, SQLiteMatches)
        # The same searches (with synonyms and stems) and the same title ranking, scored the slow way.
        slow = QueryMatch(
            SearchEntry,
            ScoredMatches(fast.whole.results),
            ScoredMatches(fast.begins.results),
            fast.in_title,
        )
        keys = fast.keys()
        report["rankings"]["compared"] += 1
        report["rankings"]["lengths"].append(len(keys))
        if keys != slow.keys():
            report["rankings"]["differ"].append([kind, language, text])
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl IN ('search_searchentryfacet', 'search_searchentry')")
        report["statistics"] = cursor.fetchone()[0]
    print(json.dumps(report))
    """
)

# Query syntax of SQLite's FTS5 (and of the other engines) through every search box, on SQLite. Prints
# one JSON line: the URLs that did not answer 200, and what a plain search found.
SQLITE_SEARCH_SYNTAX = textwrap.dedent(
    """
    import json
    from urllib.parse import quote
    from django.test import Client

    QUERIES = ['"', 'a"b', 'title:raum^5 "unclosed', '*', 'NEAR(a b', '(', ')', '-', 'AND', 'a OR',
               '^', "'", 'col:', '"a" NOT', '{x}', 'raum*"']
    BOXES = ["/api/v3/pages/?search=", "/api/v3/resources/?q=", "/api/v3/partners/?q=",
             "/de/suche/?q=", "/de/ressourcen/?q=", "/de/partner/?q=", "/de/suche/vorschlaege/?q="]
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    failed = []
    for box in BOXES:
        for query in QUERIES:
            status = client.get(box + quote(query)).status_code
            if status != 200:
                failed.append([box + query, status])
    found = [page["meta"]["slug"] for page in client.get("/api/v3/pages/?search=Datenschutz").json()["items"]]
    print(json.dumps({"failed": failed, "found": found, "checked": len(QUERIES) * len(BOXES)}))
    """
)

# Twenty visitors book one consultation time at the same moment over the API (threads, one SQLite
# connection each), once for a time with one place and once for one with three. Prints one JSON line:
# the status codes and the bookings each time ended with.
SQLITE_RACE = textwrap.dedent(
    """
    import datetime, json, threading
    from django.db import connection
    from django.test import Client
    from django.utils import timezone
    from resource_requests.models import ConsultationSlot, ResourceRequest

    def book(slot, number, outcomes, start):
        body = {
            "association_name": "Verein %s" % number, "contact_name": "Person %s" % number,
            "email": "person%s@example.org" % number, "consultation_language": "de",
            "plan_title": "Fest", "plan_description": "Ein Fest.", "slot": slot.pk, "consent": True,
        }
        client = Client(REMOTE_ADDR="192.0.2.%s" % (number + 1), HTTP_HOST="127.0.0.1", raise_request_exception=False)
        try:
            start.wait()
            response = client.post("/api/v3/requests/", body, content_type="application/json")
            outcomes[number] = response.status_code
        except Exception as error:
            outcomes[number] = type(error).__name__
        finally:
            connection.close()

    report = {}
    for capacity in (1, 3):
        slot = ConsultationSlot.objects.create(
            start=timezone.now() + datetime.timedelta(days=9, hours=capacity), capacity=capacity, languages="de"
        )
        outcomes, start = [None] * 20, threading.Barrier(20)
        threads = [threading.Thread(target=book, args=(slot, n, outcomes, start)) for n in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        report[capacity] = {
            "statuses": sorted(outcomes, key=str),
            "booked": ResourceRequest.objects.filter(slot=slot).count(),
        }
    print(json.dumps(report))
    """
)


def run_manage(database, *args):
    """`manage.py` in a child process on the SQLite database file `database` (dev settings, no services)."""
    return run_script(database, "manage.py", *args)


def run_script(database, script, *args):
    """A script of the repository in a child process on the SQLite database file `database` (as above)."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(database.parent),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(database.parent / "media"),
    }
    result = subprocess.run(  # noqa: S603 - fixed command
        [sys.executable, script, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    """A SQLite database as `make run` leaves it: migrated, demo content loaded twice (with both outputs)."""
    database = tmp_path_factory.mktemp("embedded") / "portal.sqlite3"
    run_manage(database, "migrate", "--no-input", "-v0")
    first = run_manage(database, "load_demo_content")
    second = run_manage(database, "load_demo_content")
    return database, first, second


def test_make_run_path_works_on_sqlite_with_database_search(embedded):
    database, first, second = embedded
    assert "translations" in first
    assert "0 objects created, 0 translations" in second
    assert "EMBEDDED-OK" in run_manage(database, "shell", "-c", CHECK)


def test_sqlite_search_runs_each_full_text_query_once_per_statement(embedded, tmp_path):
    """On SQLite FTS5 every page's full-text queries are driven by the MATCH and run once per statement.

    modelsearch's own queries (a score per row, the content type index first) took minutes at the
    search mix's scale (README "Benchmarks"); the plans say whether that shape is back, whatever the
    machine's speed. The ranking equals modelsearch's own scores, computed the slow way as reference.
    """
    database = tmp_path / "portal.sqlite3"
    shutil.copy(embedded[0], database)
    run_script(database, "bench/generate_bulk_content.py", "--resources", "150", "--partners", "40", "-v0")
    report = json.loads(run_manage(database, "shell", "-c", SQLITE_PLANS).strip().splitlines()[-1])
    assert report["per_row"] == [], report["per_row"]
    # Every URL ran full-text queries (the check looked at something), and the rankings agree.
    assert all(count >= 1 for count in report["checked"].values()), report["checked"]
    assert report["rankings"]["differ"] == [], report["rankings"]
    assert report["rankings"]["compared"] >= 6
    assert min(report["rankings"]["lengths"]) >= 2, report["rankings"]
    # update_index (run by generate_bulk_content.py) left the planner its statistics.
    assert report["statistics"] >= 4


def test_parallel_bookings_on_sqlite_queue_instead_of_failing(embedded, tmp_path):
    """SQLite writes one transaction at a time: parallel submissions wait their turn (`transaction_mode`
    IMMEDIATE, a busy timeout) and end in 201 or a clear 409 ("full") – never "database is locked" (a 500) and
    never more bookings than places."""
    database = tmp_path / "portal.sqlite3"
    shutil.copy(embedded[0], database)
    report = json.loads(run_manage(database, "shell", "-c", SQLITE_RACE).strip().splitlines()[-1])
    for capacity, outcome in report.items():
        assert set(outcome["statuses"]) <= {201, 409}, (capacity, outcome)
        assert outcome["statuses"].count(201) == int(capacity), (capacity, outcome)
        assert outcome["booked"] == int(capacity), (capacity, outcome)


def test_query_syntax_in_every_search_box_is_just_text_on_sqlite(embedded):
    """FTS5 reads quotes, stars, `col:` and `NEAR(` as syntax; an unmatched quote was a 500 on
    `/api/v3/pages/?search=`. Every search box takes them as text (and still finds by words)."""
    report = json.loads(run_manage(embedded[0], "shell", "-c", SQLITE_SEARCH_SYNTAX).strip().splitlines()[-1])
    assert report["failed"] == [], report["failed"]
    assert report["checked"] >= 100
    assert "datenschutz" in report["found"], report["found"]
