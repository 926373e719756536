"""Helpers of the search tests (their fixtures `engine` and `restore_search_index` are in conftest.py)."""

import copy
import functools

from django.conf import settings
from django.core.management import call_command
from elasticsearch.helpers import bulk
from wagtail.search.backends import get_search_backend

from search.models import SearchEntry
from search.registry import adapter_for_kind

ENGINES = ("database", "elasticsearch")
# The suite's configuration (Elasticsearch first, the database beside it), before any test changes it.
SUITE_BACKENDS = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)


@functools.cache
def suite_elasticsearch():
    """The suite's Elasticsearch, whatever the test has configured."""
    params = dict(SUITE_BACKENDS["default"])
    return get_search_backend(params.pop("BACKEND"), **params)


def database_backends():
    return {"default": dict(settings.DATABASE_SEARCH_BACKEND)}


def rebuild_elasticsearch():
    """Elasticsearch's indexes built anew from the database, with their mappings, as `update_index` does
    after a deploy; and nothing an earlier test indexed and its rollback took back out of the database.

    Only Elasticsearch: the search entries and the database backend's index are part of the cloned demo
    database (tests/conftest.py) and rolled back with every test, so rebuilding them (two thirds of a whole
    `update_index`) would change nothing."""
    call_command("update_index", skip_entries=True, backend_name="default", verbosity=0)


def refresh_elasticsearch():
    """Make what was indexed visible to searches now (Elasticsearch refreshes every second otherwise)."""
    backend = suite_elasticsearch()
    backend.es.indices.refresh(index=backend.get_index_for_model(SearchEntry).name)


def entry_key(entry):
    """A result as "kind:german-slug", e.g. "page:datenschutz" or "resource-category:raeume"."""
    adapter = adapter_for_kind(entry.kind)
    slug = (
        adapter.model._default_manager.filter(
            translation_key=entry.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .values_list("slug", flat=True)
        .first()
    )
    return f"{entry.kind}:{slug}"


def snapshot_entries():
    return list(SearchEntry.objects.prefetch_related("facets"))


def remove_strays():
    """Delete Elasticsearch documents of search entries that are not in the database (any more).

    Tests run in transactions that are rolled back; one that runs the on-commit callbacks (e-mails, a
    reservation's availability) indexes entries the rollback then removes from the database, but not from
    Elasticsearch, where they would count in totals and facets of later tests."""
    backend = suite_elasticsearch()
    index = backend.get_index_for_model(SearchEntry).name
    backend.es.indices.refresh(index=index)
    existing = [str(pk) for pk in SearchEntry.objects.values_list("pk", flat=True)]
    strays = backend.es.search(
        index=index, query={"bool": {"must_not": {"terms": {"pk": existing}}}}, size=10_000, _source=False
    )["hits"]["hits"]
    if strays:
        bulk(backend.es, [{"_op_type": "delete", "_index": index, "_id": hit["_id"]} for hit in strays])
    return len(strays)


def restore_entries(before):
    """Elasticsearch's search entries back to `before`: strays deleted, the rest written again."""
    backend = suite_elasticsearch()
    index = backend.get_index_for_model(SearchEntry).name
    backend.es.indices.refresh(index=index)
    # The test distribution has no _delete_by_query: find the strays, delete them in bulk.
    strays = backend.es.search(
        index=index,
        query={"bool": {"must_not": {"terms": {"pk": [str(entry.pk) for entry in before]}}}},
        size=10_000,
        _source=False,
    )["hits"]["hits"]
    if strays:
        bulk(backend.es, [{"_op_type": "delete", "_index": index, "_id": hit["_id"]} for hit in strays])
    backend.add_bulk(SearchEntry, before)
    backend.es.indices.refresh(index=index)
