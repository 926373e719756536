"""What the test suite and CI run with.

The database and search engine come from DATABASE_URL / ELASTICSEARCH_URL, which `make test` sets to the
throwaway PostgreSQL and Elasticsearch it starts (scripts/services.sh). Fast hashing, local cache and
in-request tasks keep the suite quick; everything else is the production code path.
"""

import os

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES, VAR_DIR, WAGTAILSEARCH_BACKENDS, env

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# The page cache is off; tests about it switch it on (tests/test_page_cache.py). A server process that a
# test starts against a shared cache gets TEST_CACHE_URL (tests/test_page_cache_shared.py).
PAGE_CACHE_SECONDS = env.int("TEST_PAGE_CACHE_SECONDS", default=0)
if env("TEST_CACHE_URL", default=""):
    _shared = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("TEST_CACHE_URL")}
    CACHES = {"default": _shared, "pages": {**_shared, "KEY_PREFIX": "pages"}}
# One process: django-axes' warning about an in-process cache does not apply.
SILENCED_SYSTEM_CHECKS = ["axes.W001"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Test indexes never mix with a development index on the same Elasticsearch, nor pytest-xdist workers'
# indexes with each other (each worker has its own clone of the test database: tests/conftest.py).
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if "INDEX_PREFIX" in WAGTAILSEARCH_BACKENDS["default"]:
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = env("SEARCH_INDEX_PREFIX", default="test_portal_") + (
        f"{_worker}_" if _worker else ""
    )
    # Two workers, a browser and Elasticsearch share two cores: a request that takes 5 s there is slow, not
    # lost. Tests of a dead or hanging Elasticsearch set their own short timeout.
    WAGTAILSEARCH_BACKENDS["default"]["TIMEOUT"] = env.int("ELASTICSEARCH_TIMEOUT", default=30)
# The test template database, its lock and the test server logs live here too (tests/conftest.py).
VAR_DIR.mkdir(exist_ok=True)
# Media on disk, so the server the browser tests start in a subprocess sees the demo images too.
MEDIA_ROOT = VAR_DIR / "test-media"
SERVE_MEDIA = True
# Private files per worker (the browser tests' server inherits the worker's name): tests compare what the
# folder holds before and after ("nothing half-stored"), which another worker's uploads must not change.
STORAGES["proofs"] = {
    **STORAGES["proofs"],
    "OPTIONS": {"location": str(VAR_DIR / ("test-proofs" + (f"-{_worker}" if _worker else "")))},
}
# Static files straight from the source folders through WhiteNoise (no collectstatic for tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: the browser tests' server process reads the same test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
# Every search counted as it happens: a test reads the counts at once (tests/test_search_stats_batching.py
# tests the batching itself).
SEARCH_STATS_FLUSH_SECONDS = 0
