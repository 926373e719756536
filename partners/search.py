"""Free text for the partner finder: the one place it talks to the search engine.

The text goes through the portal-wide search (`search.matching.match`): the partners' search entries in
the visitor's language (German originals stand in where a partner is not translated, so a visitor
reading the Arabic finder also finds partners by their German text), with that language's analysis,
German compounds ("Garten" finds "Nachbarschaftsgarten" on Elasticsearch), typos forgiven on
Elasticsearch, words beginning as typed ("Nachbar"), and the database backend when Elasticsearch is not
configured or fails.

What comes back is a `search.matching.TextMatch`: the finder filters with it, counts every facet and
pages in the database (`matches.filter(queryset)`, `order_by(*matches.rank(), ...)`), without loading
the matches into Python. Iterating it gives the best keys (at most `limit`), for callers that want a list.
"""

from django.conf import settings

from search.engine import engine_for
from search.matching import match


def search_partner_keys(query, languages, backend="default", limit=None):
    """The live partners whose text in the visitor's language matches `query`, best first: a `TextMatch`.

    `languages`: the visitor's language first (then German, which the entries already stand in with).
    `backend`: the search backend's name; "default" lets the portal's search pick (and fall back).
    """
    language = languages[0] if languages else settings.LANGUAGE_CODE
    if backend == "default":
        matches = match("partner", query, language)
    else:
        matches = engine_for(backend).match("partner", query, language)
    matches.iteration_limit = settings.PARTNERS_SEARCH_LIMIT if limit is None else limit
    return matches
