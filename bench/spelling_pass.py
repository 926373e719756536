"""Micro-benchmark of the database backend's forgiving pass (`search.spelling`, `search.engine.forgiving_queries`)
for queries that find nothing: what it costs in Python, without the searches it then runs.

    .venv/bin/python bench/spelling_pass.py                       # make run's SQLite demo (var/portal.sqlite3)
    DATABASE_URL=postgres://… .venv/bin/python bench/spelling_pass.py --repeat 50

The vocabulary is read once first (as the first search of a process does); then each query's pass is timed
`--repeat` times and the median and the worst printed, in milliseconds of CPU time (so that other load on the machine does not count), with the vocabulary's size. Not a
test: it asserts nothing.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERIES = [
    ("de", "Beamr"),  # a typo
    ("de", "Kulturverien"),  # a typo in a compound
    ("de", "Referentenhonorar"),  # a compound to split
    ("de", "Xqzvw Plmnbv"),  # nothing like any word
    ("de", "x" * 200),  # over-long (what is left of 5,000 characters)
    ("de", "' OR '1'='1' --"),  # SQL
    ("de", '{"match_all": {}}'),  # query syntax
    ("de", "<script>alert(1)</script>"),  # markup
    ("ar", "منشوراتت"),
]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args(argv)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    from search import spelling
    from search.engine import forgiving_queries

    for language in sorted({language for language, _query in QUERIES}):
        started = time.process_time()
        size = len(spelling.vocabulary(language))
        print(
            f"vocabulary {language}: {size} words, first read {1000 * (time.process_time() - started):.0f} ms"
        )
    print(f"{'query':32} {'median ms':>10} {'worst ms':>10}  forgiving queries")
    for language, query in QUERIES:
        times = []
        for _ in range(options.repeat):
            started = time.process_time()
            found = forgiving_queries(query, language)
            times.append(1000 * (time.process_time() - started))
        label = f"{language} {query[:28]!r}"
        shown = ", ".join(one.query for one in found)[:60]
        print(f"{label:32} {statistics.median(times):10.2f} {max(times):10.2f}  {shown}")


if __name__ == "__main__":
    main()
