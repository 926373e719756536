"""The statements one page runs, slowest first, with PostgreSQL's `EXPLAIN (ANALYZE, BUFFERS)` of each
(issue 14: why a search URL of the search mix is slow on the database backend).

    DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=… ALLOWED_HOSTS=testserver \\
    SECURE_SSL_REDIRECT=false DATABASE_URL=postgres://… STATIC_ROOT=… \\
    .venv/bin/python bench/explain.py '/de/partner/?q=Verein&language=tr' [--top 3] [--all]

The page is requested once with Django's test client (page cache off, to warm up), then again with the
statements recorded; each statement is run again under EXPLAIN (ANALYZE, BUFFERS). Prints the page's time,
every statement's time and the plans of the `--top` slowest (`--all`: every plan). Leave ELASTICSEARCH_URL
unset to see the database backend (the fallback). On a prepared search mix: `scripts/bench.sh` with
BENCH_PREPARE_ONLY=1, then DATABASE_URL from its services.env.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--top", type=int, default=3, help="plans of the slowest N statements (default 3)")
    parser.add_argument("--all", action="store_true", help="every statement's plan")
    parser.add_argument("--sql", action="store_true", help="print each explained statement too")
    args = parser.parse_args()
    settings.PAGE_CACHE_SECONDS = 0
    client = Client()
    client.get(args.url)  # warm up: routes, vocabulary, templates
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(args.url)
        elapsed = time.perf_counter() - started
    print(f"{args.url}: {response.status_code}, {elapsed * 1000:.0f} ms, {len(captured)} statements")
    statements = [
        (float(query["time"]), index, query["sql"])
        for index, query in enumerate(captured.captured_queries)
        if query["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
    ]
    for seconds, index, sql in statements:
        print(f"  #{index:<3} {seconds * 1000:8.1f} ms  {sql[:150]}")
    chosen = sorted(statements, reverse=True) if args.all else sorted(statements, reverse=True)[: args.top]
    with connection.cursor() as cursor:
        for seconds, index, sql in chosen:
            print(f"\n== #{index}: {seconds * 1000:.1f} ms")
            if args.sql:
                print(sql + "\n")
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            for (line,) in cursor.fetchall():
                print(line)


if __name__ == "__main__":
    main()
