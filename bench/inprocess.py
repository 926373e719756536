"""Uncached throughput of pages in one process, with Django's test client (issue 14): no gunicorn, no
network, so it measures what building a page costs.

    DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=… ALLOWED_HOSTS=testserver \\
    SECURE_SSL_REDIRECT=false DATABASE_URL=… CACHE_URL=redis://… STATIC_ROOT=… \\
    .venv/bin/python bench/inprocess.py [--requests 50] [--mode off|miss|basket|first] [--cpu] [URL file]

`--mode off`: the page cache off (PAGE_CACHE_SECONDS=0), every part of every page built, as
`BENCH_CACHE=off make bench`. `--mode miss`: the page cache on, each page taken out of it before each
request, so what is kept per generation (the frame, the vocabulary, Wagtail's routes, cards, a listing's
counts and pages) is used, as on a real miss. `--mode basket`: the page cache on and the visitor has a
session with something in it, so no page is served from or kept in the page cache for them, but what
is kept per generation is used: how a visitor with a basket browses. `--mode first`: as `miss`, but a
listing's counts and pages are never kept (`FacetListing.kept_as`): the first visit of a filter
combination in a generation. Prints per URL requests per second, the median time and the queries of
one request.
Garbage collection is tuned as in a gunicorn worker (`portal.wsgi` calls
`portal.serving.tune_garbage_collection`); `--default-gc` leaves Python's defaults.
`--cpu`: the process's CPU time instead of the clock, and the fastest request instead of the median – on
a machine with other work on it the clock measures the others too (the database's own time is then left
out: SQLite works in this process, PostgreSQL does not).
Run from the repository's root with the demo content loaded (a clone of the test database will do).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.utils import translation  # noqa: E402

from home import page_cache  # noqa: E402


def forget(url):
    request = RequestFactory().get(url)
    with translation.override(url.split("/")[1]):
        page_cache._cache().delete(page_cache._key(request, page_cache.generation()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="?", default="bench/listing-urls.txt")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--mode", choices=["off", "miss", "basket", "first"], default="off")
    parser.add_argument("--cpu", action="store_true", help="CPU time, fastest request (see above)")
    parser.add_argument("--default-gc", action="store_true", help="Python's garbage collection defaults")
    args = parser.parse_args()
    if not args.default_gc:
        try:
            from portal.serving import tune_garbage_collection
        except ImportError:  # an older tree (BENCH_TREE): as it was served
            pass
        else:
            tune_garbage_collection()
    settings.PAGE_CACHE_SECONDS = 0 if args.mode == "off" else 600
    if args.mode == "first":
        from home.listing import FacetListing

        FacetListing.kept_as = lambda self, keep: None
    if args.mode != "off":
        page_cache.bump()  # nothing kept by an earlier run on the same cache (another tree's) stands in
    urls = [
        line.strip()
        for line in Path(args.urls).read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    client = Client()
    if args.mode == "basket":
        session = client.session
        session["bench"] = "a visitor with a session: every page built for them"
        session.save()
    clock = time.process_time if args.cpu else time.perf_counter
    typical = min if args.cpu else statistics.median
    print(f"mode {args.mode}, {args.requests} requests per URL, load average {os.getloadavg()}")
    print(f"{'URL':75} {'req/s':>7} {'min ms' if args.cpu else 'p50 ms':>7} {'queries':>7}")
    rates = []
    for url in urls:
        client.get(url)  # warm: templates, the frame and what is kept
        forget(url)
        queries = []  # an execute wrapper: Django empties its query log when a request starts
        with connection.execute_wrapper(
            lambda execute, sql, *rest, queries=queries: queries.append(sql) or execute(sql, *rest)
        ):
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code}")
        times = []
        for _ in range(args.requests):
            forget(url)
            start = clock()
            response = client.get(url)
            times.append(clock() - start)
            if response.status_code != 200:
                raise SystemExit(f"{url}: {response.status_code}")
        rate = len(times) / sum(times)
        rates.append(rate)
        print(f"{url:75} {rate:7.1f} {typical(times) * 1000:7.1f} {len(queries):7}")
    print(f"{'mean':75} {statistics.mean(rates):7.1f}   load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
