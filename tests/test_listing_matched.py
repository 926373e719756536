"""A listing's free text narrows its base once per visit (`FacetListing.matched`), and the keys it passes
to the database are made into SQL parameters once (`search.matching.KeyList`).

The listings count every facet, "free this month" and the results, and show a page: each of those
statements starts from the matches. Read once as ids, the base's own conditions ("the visitor's
translation, or the German original where there is none") are no longer in every statement. What a
visitor sees must not change: the same counts, the same results, in the same order.
"""

import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from catalogue.listing import ResourceQuery, visible_resources
from catalogue.models import Resource
from home.listing.engine import FacetListing
from search.matching import IdArray, KeyArray, KeyList, KeyPosition

pytestmark = pytest.mark.django_db


def catalogue_query(language, text, free_month=False, **params):
    locale = Locale.objects.get(language_code=language)
    default = Locale.objects.get(language_code="de")
    with translation.override(language):
        return ResourceQuery({"q": text, **params}, locale, default, text=text, free_month=free_month)


def everything(query):
    """What a visitor sees of a listing: every facet's counts, the extra counts, the results in order."""
    facets = query.count_facets(total=True)
    counts = {
        entry["facet"].param: {option.value: option.count for option in entry["options"]} for entry in facets
    }
    return {
        "counts": counts,
        "total": query.counted("total"),
        "free_month": query.free_month_count(),
        "step_free": query.step_free_count(),
        "results": list(query.results().values_list("translation_key", flat=True)),
    }


def as_condition(monkeypatch):
    """Let every listing narrow its base by the matches as a condition, as before ids were read once."""

    def matched(self):
        matches = self.matches()
        return None if matches is None else matches.filter(self.base)

    monkeypatch.setattr(FacetListing, "matched", matched)


@pytest.mark.parametrize(
    ("language", "text", "params"),
    [
        ("de", "Beamer", {}),
        ("ar", "Beamer", {}),  # German originals standing in for resources not translated
        ("de", "Raum", {}),
        ("uk", "Raum", {"free_month": True}),
    ],
)
def test_ids_read_once_give_what_the_condition_gives(engine, monkeypatch, language, text, params):
    with_ids = everything(catalogue_query(language, text, **params))
    assert with_ids["total"] and with_ids["results"], "the demo has matches for this text"
    as_condition(monkeypatch)
    assert everything(catalogue_query(language, text, **params)) == with_ids


def test_the_base_conditions_are_worked_out_once(engine, client):
    """Arabic: "its own translation or the German original" is a subquery over every Arabic resource.
    With the matches read as ids it is worked out in the statement that reads them, not again in the
    counts (one statement for every facet) nor in the page."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/ar/resources/", {"q": "Beamer"})
    assert response.status_code == 200
    assert response.context["listing"].total > 0
    statements = [query["sql"] for query in queries.captured_queries]
    standing_in = re.compile(r'NOT \("catalogue_resource"."translation_key" IN \(SELECT')
    counts = [sql for sql in statements if " AS part" in sql]
    page = [
        sql for sql in statements if '"catalogue_resource"."latest_revision_id"' in sql and "LIMIT" in sql
    ]
    assert len(counts) == 1 and page
    assert not standing_in.search(counts[0]) and not any(standing_in.search(sql) for sql in page)
    assert [
        sql for sql in statements if standing_in.search(sql) and '"catalogue_resource"."id" AS "pk"' in sql
    ]


def test_a_base_with_more_than_conditions_keeps_the_matches_as_a_condition(engine):
    locale = Locale.objects.get(language_code="de")
    base = visible_resources(locale, locale).order_by("title")
    listing = FacetListing({"q": "Beamer"}, base, [], base_url="/", language="de", text_model=Resource)
    narrowed = listing.matched()
    assert (
        "IN (SELECT" in str(narrowed.query)
        or "json_each" in str(narrowed.query)
        or "unnest" in str(narrowed.query)
    )
    assert narrowed.query.order_by == base.query.order_by
    assert list(narrowed) == list(base.filter(translation_key__in=listing.matches()))


def test_key_parameters_are_made_once():
    keys = [uuid.uuid4() for _ in range(5)]
    listed = KeyList(keys)
    assert KeyList(listed) is listed
    assert list(listed) == keys
    assert listed.postgres_array == "{" + ",".join(str(key) for key in keys) + "}"
    assert listed.postgres_array is listed.postgres_array  # worked out once
    # Strings (as Elasticsearch returns them) become UUIDs; the first position of a key counts.
    assert KeyList([str(keys[0]), str(keys[1]), str(keys[0])]).postgres_positions == (
        f'{{"{keys[0]}": 0, "{keys[1]}": 1}}'
    )
    assert KeyArray(listed).keys is listed
    assert KeyPosition("translation_key", listed).keys is listed


def test_id_and_key_arrays_select_what_they_list(engine):
    chosen = list(Resource.objects.order_by("pk")[:3])
    by_id = Resource.objects.filter(pk__in=IdArray([resource.pk for resource in chosen]))
    by_key = Resource.objects.filter(
        translation_key__in=KeyArray([resource.translation_key for resource in chosen])
    )
    assert set(by_id) == set(chosen)
    assert set(by_key) >= set(chosen)
    assert not Resource.objects.filter(pk__in=IdArray([])).exists()
    assert not Resource.objects.filter(translation_key__in=KeyArray([])).exists()
