"""modelsearch's Elasticsearch 8 backend with the portal's analysis, and indexes that exist before writes.

Settings: `"BACKEND": "search.backends.elasticsearch8"` in WAGTAILSEARCH_BACKENDS. What it changes:

- the index settings gain the portal's analysers (`search.analysis`); `INDEX_SETTINGS` still wins;
- before the first write into an index, the index is created with its settings and mappings if it is
  missing (plain modelsearch would let Elasticsearch create it with guessed mappings, without analysers,
  when content is saved before the first `update_index`);
- `health()` asks the cluster cheaply whether it answers;
- every other search through this backend (Wagtail's admin, listings using `.search()`) answers from the
  database backend when Elasticsearch fails while the results are read, instead of raising.

Everything else – documents, mappings (`es_extra` on search fields adds the language sub-fields),
atomic rebuilds with an alias swap (`ATOMIC_REBUILD`, on by default) – is modelsearch's.
"""

import logging
import threading

from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend, Elasticsearch8SearchResults
from modelsearch.backends.elasticsearchbase import ElasticsearchAutocompleteQueryCompilerImpl
from modelsearch.index import get_indexed_models
from modelsearch.utils import deep_update

from search.analysis import index_settings
from search.backends import fallback_backend
from search.health import describe

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_existing_indexes = set()


class Elasticsearch8PortalSearchResults(Elasticsearch8SearchResults):
    """Results that come from the database backend when Elasticsearch fails while they are read."""

    def _from_database(self, error):
        database = fallback_backend()
        if database is None:
            raise error
        logger.warning("search: %s; %s searched in the database", describe(error), self.model.__name__)
        compiler = self.query_compiler
        if isinstance(compiler, ElasticsearchAutocompleteQueryCompilerImpl):
            search = database.autocomplete
        else:
            search = database.search
        results = search(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results[self.start : self.stop]

    def _do_search(self):
        try:
            return list(super()._do_search())
        except (TransportError, ApiError) as error:
            return list(self._from_database(error))

    def _do_count(self):
        try:
            return super()._do_count()
        except (TransportError, ApiError) as error:
            return self._from_database(error).count()

    def facet(self, field_name):
        try:
            return super().facet(field_name)
        except (TransportError, ApiError) as error:
            return self._from_database(error).facet(field_name)


class Elasticsearch8PortalSearchBackend(Elasticsearch8SearchBackend):
    results_class = Elasticsearch8PortalSearchResults

    def __init__(self, params):
        params = dict(params)
        params["INDEX_SETTINGS"] = deep_update(index_settings(), params.get("INDEX_SETTINGS", {}))
        # Searches give up after TIMEOUT (the database answers instead); writing in bulk – `update_index`
        # after a deploy, the demo, a rebuilt group of entries – may take longer on a busy node, and a
        # timeout there would leave the index half built.
        self.indexing_timeout = params.pop("INDEXING_TIMEOUT", 60)
        super().__init__(params)

    def bulk(self, client, actions, **kwargs):
        return super().bulk(client.options(request_timeout=self.indexing_timeout), actions, **kwargs)

    def ensure_index(self, model):
        """Create the index `model` is stored in, with settings and mappings, if it does not exist."""
        index = self.get_index_for_model(model)
        key = (repr(self.hosts), index.name)
        if key in _existing_indexes:
            return index
        with _lock:
            if key not in _existing_indexes:
                if not self.es.indices.exists(index=index.name):
                    # Built the way `update_index` builds it (a named index behind an alias, when
                    # ATOMIC_REBUILD is on), so the next rebuild swaps the alias without a gap.
                    rebuilder = self.rebuilder_class(index)
                    new_index = rebuilder.start()
                    for other in get_indexed_models():
                        if self.get_index_for_model(other).name == index.name:
                            new_index.add_model(other)
                    rebuilder.finish()
                _existing_indexes.add(key)
        return index

    def add(self, obj):
        self.ensure_index(type(obj))
        super().add(obj)

    def add_bulk(self, model, obj_list):
        self.ensure_index(model)
        super().add_bulk(model, obj_list)

    def health(self):
        """None when the cluster answers within a second, else the reason it does not."""
        client = self.es.options(request_timeout=2, max_retries=0)
        response = client.cluster.health(timeout="1s")
        if response["status"] == "red":
            return "cluster status red"
        return None


SearchBackend = Elasticsearch8PortalSearchBackend
