"""Free text in the catalogue: the one place the listing talks to the search engine.

The text goes through the portal-wide search (`search.matching.match`): the resources' search entries
in the visitor's language – which hold the German original of every resource not translated yet – with
that language's analysis, German compounds split ("Lautsprecheranlage" finds "Lautsprecher"), typos
forgiven on Elasticsearch ("Beamr"), words beginning as typed, and the database backend when
Elasticsearch is not configured or fails. A visitor who types the German word ("Beamer") on the Arabic
page still finds the Arabic entry: Elasticsearch searches each language's text together with the
German sub-fields.

What comes back is a `search.matching.TextMatch`: the listing filters with it, counts and pages in the
database (`matches.filter(queryset)`, `order_by(*matches.rank(), ...)`), and no match is loaded into
Python to do so. Iterating it still gives the best keys, for callers that want a list.
"""

import re

from django.conf import settings
from wagtail.models import Locale

from search.matching import match

# Only words reach the engine: quotes, brackets, stars and the like are operators in one engine or
# another (an unmatched quote is a syntax error in SQLite's FTS5), and a visitor means none of them.
NOT_A_WORD = re.compile(r"[^\w'-]+")


def words(text):
    return " ".join(NOT_A_WORD.sub(" ", text).split())


def matching_translation_keys(text, locale_ids):
    """The live resources whose text matches, best first, as a `TextMatch` (see the module docstring).

    `locale_ids`: the visitor's locale and the default (German) one; the visitor's language decides which
    entries are searched (a German visitor passes only the German locale).
    """
    return match("resource", words(text or ""), _language(locale_ids))


def _language(locale_ids):
    codes = set(Locale.objects.filter(pk__in=list(locale_ids)).values_list("language_code", flat=True))
    others = codes - {settings.LANGUAGE_CODE}
    return others.pop() if len(others) == 1 else settings.LANGUAGE_CODE
