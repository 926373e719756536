"""The relevance benchmark (bench/relevance.py): its queries name content that exists, and it runs."""

import pytest
from django.conf import settings

from bench import relevance

pytestmark = pytest.mark.django_db


def test_the_benchmark_has_enough_queries_in_every_language():
    queries = relevance.load_queries()
    assert len(queries) >= 80
    languages = {query["lang"] for query in queries}
    assert languages == {code for code, _name in settings.LANGUAGES}
    for query in queries:
        assert query["q"].strip() and query["expect"], query
        assert query["lang"] in languages


def test_every_expected_result_exists_in_the_demo_content():
    known = set(relevance.result_names(settings.LANGUAGE_CODE).values())
    missing = sorted(
        {name for query in relevance.load_queries() for name in query["expect"] if name not in known}
    )
    assert not missing


def test_the_benchmark_runs_on_both_engines(capsys):
    results = relevance.main(["--limit", "6"])
    assert set(results) == {"postgresql", "elasticsearch"}
    for per_language in results.values():
        count, mrr, top = per_language["all"]
        assert count == 6
        assert 0 < mrr <= 1 and 0 < top <= 1
    out = capsys.readouterr().out
    assert "| de | 6 |" in out
    assert "MRR@10" in out
