"""What visitors searched for: daily counts per query and language, for the admin report.

Kept deliberately thin (DSGVO): the normalised query, the language, the day and two counters – no IP
address, no user, no time of day, no referrer. Queries that look like an e-mail address or a phone
number are not recorded at all. Rows older than SEARCH_TERMS_RETENTION_DAYS are deleted by
`manage.py purge_search_terms` (run it daily, e.g. from cron).
"""

import datetime
import logging
import re

from django.conf import settings
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


def record(query, language, found):
    """Count one search; `found` is False when it had no results at all. Never fails the search."""
    term = normalise(query)
    if not term or looks_personal(term):
        return
    try:
        with transaction.atomic():
            _count(term, language, found)
    except DatabaseError as error:  # e.g. SQLite busy under load: a lost count, not a lost search
        logger.warning("search: could not count a search (%s)", error)


def _count(term, language, found):
    day = timezone.localdate()
    counters = {"searches": F("searches") + 1}
    if not found:
        counters["searches_without_results"] = F("searches_without_results") + 1
    matching = SearchTerm.objects.filter(day=day, language=language, query=term)
    if matching.update(**counters):
        return
    try:
        with transaction.atomic():
            SearchTerm.objects.create(
                day=day, language=language, query=term, searches=1, searches_without_results=0 if found else 1
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
