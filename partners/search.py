"""Free text for the partner finder, through Wagtail's search (database backend or Elasticsearch alike).

One small function on purpose: the portal-wide search will take it over; whatever replaces it only has
to return the same thing – the matching partners' translation keys, best first.
"""

from django.conf import settings
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from partners.models import PartnerOrganisation


def search_partner_keys(query, languages, backend="default", limit=None):
    """Translation keys of live partners whose text in one of `languages` matches `query`, best first.

    A partner matches when any of its language versions does, so a visitor reading the Arabic finder
    also finds partners by their German text where there is no Arabic one.
    """
    locales = Locale.objects.filter(language_code__in=languages).values_list("pk", flat=True)
    candidates = PartnerOrganisation.objects.filter(live=True, locale__in=list(locales))
    limit = settings.PARTNERS_SEARCH_LIMIT if limit is None else limit
    engine = get_search_backend(backend)
    keys = {}  # insertion-ordered: best first, each partner once
    # Whole words anywhere in the text first, then names that start with what was typed ("Nachbar").
    for hits in (
        engine.search(query, candidates, operator="and")[:limit],
        engine.autocomplete(query, candidates, operator="and")[:limit],
    ):
        for partner in hits:
            keys.setdefault(partner.translation_key, None)
    return list(keys)[:limit]
