"""The configured search backends, created once per process (modelsearch creates a new client per call).

`WAGTAILSEARCH_BACKENDS` names them: "default" is the one searches go to first; with Elasticsearch
configured, "database" is the fallback, kept current by the same writes (AUTO_UPDATE).
"""

import threading

from django.core.signals import setting_changed
from django.dispatch import receiver
from wagtail.search.backends import get_search_backend

_lock = threading.Lock()
_backends = {}


def get_backend(name="default"):
    backend = _backends.get(name)
    if backend is None:
        with _lock:
            backend = _backends.get(name)
            if backend is None:
                backend = _backends[name] = get_search_backend(name)
    return backend


def search_backends(auto_update_only=False):
    """(name, backend) for every configured backend; only those kept up to date when asked."""
    from modelsearch.conf import get_app_config

    config = get_app_config().get_search_backend_config()
    return [
        (name, get_backend(name))
        for name, params in config.items()
        if not (auto_update_only and params.get("AUTO_UPDATE", True) is False)
    ]


def is_elasticsearch(backend):
    return hasattr(backend, "es")


def fallback_name():
    """The backend that answers when Elasticsearch fails: the first configured one that is not Elasticsearch."""
    for name, backend in search_backends():
        if name != "default" and not is_elasticsearch(backend):
            return name
    return None


def fallback_backend():
    name = fallback_name()
    return get_backend(name) if name else None


@receiver(setting_changed)
def _forget_backends(setting, **kwargs):
    if setting == "WAGTAILSEARCH_BACKENDS":
        with _lock:
            _backends.clear()
