"""Whether search runs on its primary engine, and if not, why: for the fallback and for /healthz.

When Elasticsearch fails (unreachable, too slow, an error answer), the failure is remembered in the cache
for `SEARCH_RETRY_SECONDS` (30 s). In that time searches go straight to the database backend instead of
waiting for a timeout each, and /healthz reports "degraded" with the reason. The reasons are short and
name no host, since /healthz is public; the log has the details.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, NotFoundError
from elasticsearch.helpers import BulkIndexError

from .backends import fallback_name, is_elasticsearch, search_backends

HEALTH_CHECK_SECONDS = 15


def _key(name, purpose):
    from modelsearch.conf import get_app_config

    config = get_app_config().get_search_backend_config().get(name, {})
    fingerprint = hashlib.sha256(repr(sorted(config.get("URLS", []))).encode()).hexdigest()[:12]
    return f"search:{purpose}:{name}:{fingerprint}"


def retry_seconds():
    return getattr(settings, "SEARCH_RETRY_SECONDS", 30)


def describe(error):
    """A short reason for a failure, without host names."""
    if isinstance(error, ConnectionTimeout):
        return "Elasticsearch did not answer in time"
    if isinstance(error, TransportConnectionError):
        return "Elasticsearch is unreachable"
    if isinstance(error, NotFoundError):
        return "the search index is missing (run manage.py update_index)"
    if isinstance(error, BulkIndexError):
        return "Elasticsearch refused documents"
    if isinstance(error, ApiError):
        return f"Elasticsearch answered with status {error.status_code}"
    return f"search failed ({type(error).__name__})"


def report_failure(name, error):
    cache.set(_key(name, "failure"), describe(error), retry_seconds())


def failure(name):
    """The reason the backend failed within the last SEARCH_RETRY_SECONDS, or None."""
    return cache.get(_key(name, "failure"))


def clear(name):
    cache.delete_many([_key(name, "failure"), _key(name, "health")])


def status():
    """{"status": "ok"} or {"status": "degraded", "reason": ..., "fallback": ...} for /healthz.

    Cheap: a recent failure is answered from the cache; otherwise the cluster is asked (one request
    with a short timeout) at most every HEALTH_CHECK_SECONDS.
    """
    fallback = fallback_name()
    for name, backend in search_backends():
        if not is_elasticsearch(backend):
            continue
        reason = failure(name)
        if reason is None:
            health_key = _key(name, "health")
            reason = cache.get(health_key)
            if reason is None:
                try:
                    reason = backend.health() or ""
                except Exception as error:  # noqa: BLE001 - any failure is the answer
                    reason = describe(error)
                    report_failure(name, error)
                cache.set(health_key, reason, HEALTH_CHECK_SECONDS)
        if reason:
            return {"status": "degraded", "backend": name, "reason": reason, "fallback": fallback or "none"}
    return {"status": "ok"}
