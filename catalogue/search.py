"""Free text in the catalogue: the one place the listing talks to the search engine.

Kept small on purpose: portal-wide search (another part of the portal) will later route listings
through shared search machinery, and only this function has to change then.

Wagtail's search (modelsearch) runs the query, so it works on the database backend (`make run`) and
on Elasticsearch alike. It returns the matching resources' translation keys, best match first; the
listing then filters, counts, sorts and pages *in the database* by those keys. Searching the active
language and German together means a visitor who knows the German word ("Beamer") finds the offer in
their language too. At most SEARCH_HIT_LIMIT matches are used: far more than the catalogue holds in
one language, and a bound on what a single query can cost.
"""

import re

from catalogue.models import Resource

SEARCH_HIT_LIMIT = 500
# Only words reach the engine: quotes, brackets, stars and the like are operators in one engine or
# another (an unmatched quote is a syntax error in SQLite's FTS5), and a visitor means none of them.
NOT_A_WORD = re.compile(r"[^\w'-]+")


def words(text):
    return " ".join(NOT_A_WORD.sub(" ", text).split())


def matching_translation_keys(text, locale_ids):
    """Translation keys of live resources in these locales whose text matches, best match first."""
    text = words(text)
    if not text:
        return []
    candidates = Resource.objects.filter(live=True, locale_id__in=list(locale_ids)).only(
        "pk", "translation_key"
    )
    keys = []
    seen = set()
    for hit in candidates.search(text, operator="and")[:SEARCH_HIT_LIMIT]:
        if hit.translation_key not in seen:
            seen.add(hit.translation_key)
            keys.append(hit.translation_key)
    return keys
