"""What visitors searched for: daily counts per query and language, for the admin report.

Kept deliberately thin (DSGVO): the normalised query, the language, the day and two counters – no IP
address, no user, no time of day, no referrer. Queries that look like an e-mail address or a phone
number are not recorded at all. Rows older than SEARCH_TERMS_RETENTION_DAYS are deleted by
`manage.py purge_search_terms` (run it daily, e.g. from cron).

Counting is batched per process under load: a search is written at once when the process wrote its counts
more than SEARCH_STATS_FLUSH_SECONDS ago (default 1 s), otherwise it waits in memory with the others
of that second and they are written together by the next search or request after the second has passed
(`request_finished`), or when the process exits. A quiet portal writes every search as it happens; a
busy one writes once a second per process instead of once per search – a search served from the page
cache then costs no database write (issue 14: one write per hit made the cached search page the
slowest cached page). A process killed outright loses at most its last second of counts: a lost count,
never a lost search.
"""

import atexit
import datetime
import logging
import re
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.signals import request_finished
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import SearchTerm

logger = logging.getLogger(__name__)
MAX_LENGTH = 100
_PERSONAL = re.compile(r"@|\d[\d\s/().+-]{5,}\d")


def normalise(query):
    """The form a query is counted under: lower case, single spaces, at most 100 characters."""
    return " ".join(query.lower().split())[:MAX_LENGTH].strip()


def looks_personal(query):
    return bool(_PERSONAL.search(query))


# (day, language, term) -> searches, and -> searches without results, not yet written.
_pending = Counter()
_pending_without = Counter()
_lock = threading.Lock()
_last_write = float("-inf")
MAX_PENDING_TERMS = 500


def flush_seconds():
    return getattr(settings, "SEARCH_STATS_FLUSH_SECONDS", 1.0)


def record(query, language, found):
    """Count one search; `found` is False when it had no results at all. Never fails the search."""
    term = normalise(query)
    if not term or looks_personal(term):
        return
    key = (timezone.localdate(), language, term)
    with _lock:
        _pending[key] += 1
        if not found:
            _pending_without[key] += 1
    flush(when_due=True)


def flush(when_due=False):
    """Write the counts waiting in this process (`when_due`: only if the last write is a flush interval
    ago, or many terms wait)."""
    global _last_write
    with _lock:
        if not _pending:
            return
        now = time.monotonic()
        if when_due and now - _last_write < flush_seconds() and len(_pending) < MAX_PENDING_TERMS:
            return
        _last_write = now
        counts, without = dict(_pending), dict(_pending_without)
        _pending.clear()
        _pending_without.clear()
    for (day, language, term), searches in counts.items():
        try:
            with transaction.atomic():
                _count(day, term, language, searches, without.get((day, language, term), 0))
        except DatabaseError as error:  # e.g. SQLite busy under load: a lost count, not a lost search
            logger.warning("search: could not count a search (%s)", error)


def _flush_after_request(**_kwargs):
    if _pending:
        flush(when_due=True)


request_finished.connect(_flush_after_request, dispatch_uid="search.stats.flush")
atexit.register(flush)


def _count(day, term, language, searches, without):
    counters = {"searches": F("searches") + searches}
    if without:
        counters["searches_without_results"] = F("searches_without_results") + without
    matching = SearchTerm.objects.filter(day=day, language=language, query=term)
    if matching.update(**counters):
        return
    try:
        with transaction.atomic():
            SearchTerm.objects.create(
                day=day, language=language, query=term, searches=searches, searches_without_results=without
            )
    except IntegrityError:  # another request created it in the meantime
        matching.update(**counters)


def retention_days():
    return getattr(settings, "SEARCH_TERMS_RETENTION_DAYS", 365)


def purge(today=None):
    """Delete counts older than the retention period; returns how many rows went."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=retention_days())
    deleted, _by_model = SearchTerm.objects.filter(day__lt=cutoff).delete()
    return deleted
