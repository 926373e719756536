"""modelsearch's Elasticsearch 8 backend with the portal's analysis, and indexes that exist before writes.

Settings: `"BACKEND": "search.backends.elasticsearch8"` in WAGTAILSEARCH_BACKENDS. What it changes:

- the index settings gain the portal's analysers (`search.analysis`); `INDEX_SETTINGS` still wins;
- before the first write into an index, the index is created with its settings and mappings if it is
  missing (plain modelsearch would let Elasticsearch create it with guessed mappings, without analysers,
  when content is saved before the first `update_index`);
- `health()` asks the cluster cheaply whether it answers.

Everything else – documents, mappings (`es_extra` on search fields adds the language sub-fields),
atomic rebuilds with an alias swap (`ATOMIC_REBUILD`, on by default) – is modelsearch's.
"""

import threading

from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend
from modelsearch.index import get_indexed_models
from modelsearch.utils import deep_update

from search.analysis import index_settings

_lock = threading.Lock()
_existing_indexes = set()


class PortalElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    def __init__(self, params):
        params = dict(params)
        params["INDEX_SETTINGS"] = deep_update(index_settings(), params.get("INDEX_SETTINGS", {}))
        super().__init__(params)

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


def forget_existing_indexes():
    """For tests that delete indexes behind the backend's back."""
    with _lock:
        _existing_indexes.clear()


SearchBackend = PortalElasticsearch8SearchBackend
