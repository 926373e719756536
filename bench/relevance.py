"""Relevance benchmark of the portal's search (issue 17): MRR@10 and the share of queries with an expected
result in the top 3, per language and engine, over the queries of `bench/relevance-queries.toml`.

    .venv/bin/python bench/relevance.py                          # make run's SQLite demo (var/portal.sqlite3)
    DATABASE_URL=postgres://… ELASTICSEARCH_URL=http://… .venv/bin/python bench/relevance.py
    .venv/bin/python bench/relevance.py --misses                 # also list what each engine missed

It searches the demo database as it is (`make run`'s, or DATABASE_URL's, with `update_index` run), through
the same engines the search page uses (`search.engine`): the database backend (SQLite FTS5 or PostgreSQL,
whichever the database is) and, when ELASTICSEARCH_URL is set, Elasticsearch. A query scores 1/rank of
its best-placed expected result within the first 10 (0 when none is there). Not a timed test: it prints
a table and asserts nothing (tests/test_search_benchmark.py checks that it runs and that every expected
result exists).
"""

import argparse
import os
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERIES = REPO / "bench" / "relevance-queries.toml"
DEPTH = 10
TOP = 3


def load_queries(path=QUERIES):
    with open(path, "rb") as file:
        return tomllib.load(file)["query"]


def result_names(language_code):
    """{translation key: "kind:german-slug"} of every search entry (German slugs name a result in every
    language, as in tests/test_search_relevance.py)."""
    from search.models import SearchEntry
    from search.registry import adapter_for_kind

    names = {}
    keys_by_kind = defaultdict(set)
    for key, kind in SearchEntry.objects.values_list("translation_key", "kind").distinct():
        keys_by_kind[kind].add(key)
    for kind, keys in keys_by_kind.items():
        adapter = adapter_for_kind(kind)
        if adapter is None:
            continue
        rows = adapter.model._default_manager.filter(
            translation_key__in=keys, locale__language_code=language_code
        ).values_list("translation_key", "slug")
        for key, slug in rows:
            names[key] = f"{kind}:{slug}"
    return names


def engines():
    """(label, engine) for every engine the configuration has: the database backend and Elasticsearch."""
    from django.db import connection

    from search.backends import fallback_name, get_backend, is_elasticsearch
    from search.engine import engine_for

    found = []
    if is_elasticsearch(get_backend("default")):
        found.append(("elasticsearch", engine_for("default")))
        database = fallback_name()
    else:
        database = "default"
    if database:
        found.insert(0, (connection.vendor, engine_for(database)))
    return found


def rank_of(found, expected):
    for position, name in enumerate(found[:DEPTH], start=1):
        if name in expected:
            return position
    return None


def run(queries, engine, names):
    """[(query, rank or None, the first results' names)] for one engine."""
    from search.engine import SearchRequest

    outcomes = []
    for query in queries:
        request = SearchRequest(query=query["q"], language=query["lang"], per_page=DEPTH)
        found = [names.get(entry.translation_key, "?") for entry in engine.search(request).entries]
        outcomes.append((query, rank_of(found, set(query["expect"])), found))
    return outcomes


def summary(outcomes, key=lambda query: query["lang"]):
    """{group: (count, MRR@10, share in the top 3)}, and "all"."""
    groups = defaultdict(list)
    for query, rank, _found in outcomes:
        groups[key(query)].append(rank)
        groups["all"].append(rank)
    return {
        group: (
            len(ranks),
            sum(1 / rank for rank in ranks if rank) / len(ranks),
            sum(1 for rank in ranks if rank and rank <= TOP) / len(ranks),
        )
        for group, ranks in groups.items()
    }


def table(results, languages):
    """A Markdown table: one row per language, MRR@10 and top-3 share per engine."""
    labels = list(results)
    head = (
        "| language | queries | " + " | ".join(f"{label} MRR@10 | {label} top 3" for label in labels) + " |"
    )
    lines = [head, "|" + " --- |" * (2 + 2 * len(labels))]
    for language in [*languages, "all"]:
        cells = []
        count = 0
        for label in labels:
            count, mrr, top = results[label].get(language, (0, 0.0, 0.0))
            cells += [f"{mrr:.3f}", f"{top:.0%}"]
        lines.append(f"| {language} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=Path, default=QUERIES, help="the TOML file of queries")
    parser.add_argument("--limit", type=int, default=0, help="only the first N queries (0: all)")
    parser.add_argument("--misses", action="store_true", help="list the queries not found in the top 3")
    parser.add_argument("--by-kind", action="store_true", help="also a table per kind of query")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django  # noqa: PLC0415 - settings must be chosen before Django starts

    django.setup()
    from django.conf import settings  # noqa: PLC0415

    queries = load_queries(args.queries)
    if args.limit:
        queries = queries[: args.limit]
    names = result_names(settings.LANGUAGE_CODE)
    languages = list(dict.fromkeys(query["lang"] for query in queries))
    results, kinds = {}, {}
    for label, engine in engines():
        outcomes = run(queries, engine, names)
        results[label] = summary(outcomes)
        kinds[label] = summary(outcomes, key=lambda query: query.get("kind", ""))
        if args.misses:
            for query, rank, found in outcomes:
                if not rank or rank > TOP:
                    print(f"{label}: {query['lang']} {query['q']!r} rank {rank}: {', '.join(found[:3])}")
    print(f"{len(queries)} queries, {', '.join(results)}")
    print(table(results, languages))
    if args.by_kind:
        print()
        print(
            table(kinds, sorted({query.get("kind", "") for query in queries})).replace("language", "kind", 1)
        )
    return results


if __name__ == "__main__":
    main()
