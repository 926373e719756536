"""One rule for every listing, card and API answer: an object or term in the visitor's language, or the
German original standing in for a missing translation, marked `lang="de"` where it is shown.

`localized` does it in SQL (a queryset stays a queryset: counted, ordered and sliced in the database);
`localized_terms` reads a vocabulary once as {slug: term}; `fallback_lang` says which language to mark.
"""

from django.conf import settings
from django.db.models import Q

from home import page_cache


def localized(queryset, language):
    """The objects of a translatable `queryset` in `language`, German standing in where one is missing.

    One row per translation key: the object in `language` where it exists in `queryset` (filter `live`
    first), otherwise the German original.
    """
    source = settings.LANGUAGE_CODE
    if language == source:
        return queryset.filter(locale__language_code=source)
    translated = queryset.filter(locale__language_code=language).values("translation_key")
    return queryset.filter(
        Q(locale__language_code=language)
        | (Q(locale__language_code=source) & ~Q(translation_key__in=translated))
    )


def localized_terms(terms, language):
    """slug -> live term in `language` (the German term where it has no translation), in the terms' order.

    `terms`: a vocabulary model (`EngagementField`) or a queryset of one. One query.
    """
    if isinstance(terms, type):
        # A whole vocabulary: kept per generation of the page cache while it is on (home/page_cache.py).
        return page_cache.kept(
            f"terms:{terms._meta.label_lower}:{language}",
            lambda: _localized_terms(terms._default_manager.all(), language),
        )
    return _localized_terms(terms, language)


def _localized_terms(queryset, language):
    rows = localized(queryset.filter(live=True), language).select_related("locale")
    return {term.slug: term for term in rows.order_by("sort_order", "name")}


def fallback_lang(obj, language):
    """The language to mark on `obj` shown to a visitor reading `language`: "" where they are the same."""
    code = obj.locale.language_code
    return code if code != language else ""
