"""`Idempotency-Key` on `POST /api/v3/requests/`: a retried POST gets the first answer, not a second request.

A client that lost the answer (a timeout, a dropped connection) cannot know whether its request arrived.
With an `Idempotency-Key` header (a unique text of its own, e.g. a UUID) it can simply send again:

- the same key with the same body within `KEEP_SECONDS` answers the first 201 again (same reference, same
  status address, `Idempotent-Replayed: true`) and stores nothing new;
- the same key with another body is a 422 (a key names one request);
- while the first POST with that key is still being processed, 409 (try again a moment later).

Only successful answers are kept: a refused request (422) can be corrected and sent with the same key.
Kept in Django's cache (shared by the workers with CACHE_URL; with the local-memory default each worker
keeps its own), under a hash of the key, with a hash of the body: the body itself, with its personal data,
is not stored again. The answer kept holds the status address with its token, as the client's copy does.
"""

import hashlib

from django.core.cache import cache

KEEP_SECONDS = 24 * 60 * 60
PROCESSING_SECONDS = 60
KEY_PATTERN = r"^[\x21-\x7e]{1,255}$"  # visible ASCII, as HTTP header values safely are


def _names(key):
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"request-api-idempotency:{digest}", f"request-api-idempotency-lock:{digest}"


def fingerprint(body):
    return hashlib.sha256(body).hexdigest()


class KeyReused(Exception):
    """The key was used for another request body."""


class InProgress(Exception):
    """A request with this key is being processed."""


def replay(key, body):
    """The answer kept for `key` ({"data", "location"}), or None when there is none.

    Raises KeyReused when the key was used with another body."""
    answer_name, _lock = _names(key)
    kept = cache.get(answer_name)
    if kept is None:
        return None
    if kept["fingerprint"] != fingerprint(body):
        raise KeyReused
    return kept


def begin(key):
    """Mark `key` as being processed; raises InProgress if it already is."""
    _answer, lock = _names(key)
    if not cache.add(lock, True, PROCESSING_SECONDS):
        raise InProgress


def keep(key, body, *, data, location):
    answer_name, _lock = _names(key)
    cache.set(
        answer_name, {"fingerprint": fingerprint(body), "data": data, "location": location}, KEEP_SECONDS
    )


def end(key):
    _answer, lock = _names(key)
    cache.delete(lock)
