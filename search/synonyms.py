"""Synonyms editors maintain (`search.models.SynonymGroup`), applied to the query on both engines.

A visitor's query is expanded with OR: besides the words as typed, the same query with a word (or phrase)
of a group replaced by each other word of its group – "Handzettel drucken" also searches "Flyer drucken"
and "Faltblatt drucken". The engines rank the words as typed first (the variants count less), so a
synonym never pushes an exact match down.

The groups of a language apply to its visitors' queries; German groups apply in every language too,
because German originals stand in where nothing is translated. Only published groups count. They are
read once per language and kept in Django's cache for `GROUPS_SECONDS`; publishing, unpublishing or
deleting a group forgets them at once (`forget`, connected in `search.apps`).

A word of the query and a word of a group are the same when their folded forms are, or their stems
(Snowball, for the languages it has): "leaflets" finds the group of "leaflet".
"""

from django.conf import settings
from django.core.cache import cache

from .models import SynonymGroup, split_words
from .spelling import fold, stem, tokens

GROUPS_SECONDS = 300
CACHE_KEY = "search:synonyms:v2:{language}"
MAX_VARIANTS = 8


def groups(language):
    """[[(words, phrase, folded words, stems) of each member of one group], …] of the published groups
    visitors of `language` use (cached): folded and stemmed once when read, not for every query."""
    key = CACHE_KEY.format(language=language)
    found = cache.get(key)
    if found is None:
        found = _load(language)
        cache.set(key, found, GROUPS_SECONDS)
    return found


def _load(language):
    languages = {language, settings.LANGUAGE_CODE}
    found = []
    rows = SynonymGroup.objects.filter(live=True, locale__language_code__in=languages).values_list(
        "words", flat=True
    )
    for text in rows:
        members = []
        for phrase in split_words(text):
            parts = tuple(tokens(phrase))
            if parts and (parts, phrase) not in [member[:2] for member in members]:
                folded = tuple(fold(part) for part in parts)
                stems = tuple(stem(part, language) for part in parts)
                members.append((parts, phrase, folded, stems))
        if len(members) > 1:
            found.append(members)
    return found


def forget(**kwargs):
    cache.delete_many([CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES])


def variants(query, language):
    """Other queries meaning the same: `query`'s words with one group member replaced by another."""
    typed = tokens(query)
    if not typed:
        return []
    folded = tuple(fold(word) for word in typed)
    stems = tuple(stem(word, language) for word in typed)
    found = []
    for group in groups(language):
        for parts, _phrase, wanted, wanted_stems in group:
            size = len(parts)
            for start in range(len(folded) - size + 1):
                if folded[start : start + size] != wanted and stems[start : start + size] != wanted_stems:
                    continue
                for other_parts, *_other in group:
                    if other_parts == parts:
                        continue
                    variant = " ".join([*typed[:start], *other_parts, *typed[start + size :]])
                    if variant not in found and fold(variant) != fold(" ".join(typed)):
                        found.append(variant)
                    if len(found) >= MAX_VARIANTS:
                        return found
    return found
