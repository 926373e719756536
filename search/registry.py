"""How a content type becomes searchable: a `SearchAdapter` per model, and the facets results can be filtered by.

An app makes its content searchable with an adapter in `<app>/search_adapters.py` (found when the search
app starts, like `wagtail_hooks.py`)::

    from search.registry import SnippetSearchAdapter, register

    @register
    class ResourceSearchAdapter(SnippetSearchAdapter):
        model = Resource
        kind = "resource"                      # the value of the "type" facet, in URLs
        label = _("Resource")                  # shown on each result
        label_plural = _("Resources")          # shown in the type facet

        def get_queryset(self):                # public objects, every language
            return super().get_queryset().select_related("category").prefetch_related("fields")

        def key_fact(self, obj):               # one short line in the active language
            return _("available") if obj.available else _("booked out")

        def facets(self, obj):                 # facet name -> values (slugs)
            return {"category": [obj.category.slug], "field": [f.slug for f in obj.fields.all()]}

        def url(self, obj, language):
            return obj.get_url()

Everything else has a default (title, summary and text from the model's own `search_fields`). The
entries follow the content on their own (publish, unpublish, delete, translate: `search.sync`); after
adding an adapter, `manage.py update_index` creates the entries for existing content.

When other models feed an entry (reservations feed a resource's availability, a renamed category its
keywords), `watched_models()` names them and how to get from one of them to the searchable objects whose
entries change. An entry that changes with the calendar alone (today's availability) sets
`changes_daily = True`; `manage.py refresh_search_entries` (daily, from cron) recomputes those.

Lookups that every entry of a batch needs (the catalogue page of each language, ...) are shared with
`memoized(key, compute)` while `search.sync` builds a batch, instead of one query per entry.
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Page
from wagtail.search import index

_adapters = {}  # model -> adapter instance
_adapters_by_kind = {}
_facets = {}


def register(adapter_class):
    """Class decorator: make `adapter_class.model` searchable. Returns the class unchanged."""
    adapter = adapter_class()
    if adapter.model is None or not adapter.kind:
        raise ValueError(f"{adapter_class.__name__} needs `model` and `kind`")
    previous = _adapters_by_kind.get(adapter.kind)
    if previous is not None and previous.model is not adapter.model:
        raise ValueError(f"search kind {adapter.kind!r} is used by {previous.model} and {adapter.model}")
    _adapters[adapter.model] = adapter
    _adapters_by_kind[adapter.kind] = adapter
    return adapter_class


def unregister(adapter_class):
    """Take a content type out of search again (tests; an app that stops being searchable)."""
    adapter = _adapters_by_kind.get(adapter_class.kind)
    if adapter is not None and type(adapter) is adapter_class:
        del _adapters_by_kind[adapter.kind]
        del _adapters[adapter.model]


def adapter_for_model(model):
    """The adapter of `model` or of its nearest registered ancestor (every page type falls back to Page)."""
    for candidate in model.__mro__:
        adapter = _adapters.get(candidate)
        if adapter is not None:
            return adapter
    return None


def adapter_for_kind(kind):
    return _adapters_by_kind.get(kind)


def adapters():
    return list(_adapters_by_kind.values())


# --- Shared lookups while a batch of entries is built ---------------------------------------------

_batch = threading.local()


@contextmanager
def batch():
    """While entries are built, `memoized` keeps what it computed (per thread; forgotten afterwards)."""
    previous = getattr(_batch, "memo", None)
    _batch.memo = {}
    try:
        yield
    finally:
        _batch.memo = previous


def memoized(key, compute):
    """`compute()`, once per batch for the same `key`; outside a batch simply `compute()`."""
    memo = getattr(_batch, "memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


# --- Facets ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facet:
    """A way to narrow results: its URL parameter and stored name, its label, and how values are named.

    `labels(values, language)` returns {value: label in `language`} for the values that exist; values it
    does not return are unknown, and the search page ignores them with a message. A label in another
    language (a German stand-in) is a `Label` that says so. `order`: "count" lists the values found most
    first; "name" in the visitor's alphabetical order (`taxonomy.collation`), e.g. the districts.
    """

    name: str
    label: Any
    labels: Any
    position: int = 100
    order: str = "count"


class Label(str):
    """A facet value's label that is not in the visitor's language (a German term standing in for a missing
    translation, a language's own name): `lang` says which language it is, for the page to mark."""

    lang = ""

    def __new__(cls, text, lang=""):
        label = super().__new__(cls, text)
        label.lang = lang
        return label


def label_lang(label):
    """The language to mark on a label from `Facet.labels`: "" where it is the visitor's."""
    return getattr(label, "lang", "")


def register_facet(facet):
    _facets[facet.name] = facet
    return facet


def facets():
    return sorted(_facets.values(), key=lambda facet: facet.position)


def facet(name):
    return _facets.get(name)


# --- Entries --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryData:
    """What one search entry holds; compared with the stored entry so unchanged ones are not rewritten."""

    kind: str
    content_type_id: int
    object_pk: str
    content_language: str
    title: str
    summary: str
    body: str
    keywords: str
    url: str
    key_fact: str
    date: Any
    facets: frozenset = field(default_factory=frozenset)

    FIELDS = (
        "kind",
        "content_type_id",
        "object_pk",
        "content_language",
        "title",
        "summary",
        "body",
        "keywords",
        "url",
        "key_fact",
        "date",
    )

    @classmethod
    def of(cls, entry):
        """The data of a stored `SearchEntry` (with its facets prefetched)."""
        values = {name: getattr(entry, name) for name in cls.FIELDS}
        return cls(**values, facets=frozenset((facet.name, facet.value) for facet in entry.facets.all()))


def plain_text(value):
    """Text with collapsed white space; lists (StreamField content) are joined.

    Values are text as editors typed it (rich text arrives already without markup, through the field's
    `get_searchable_content`); anything that looks like markup stays text and is escaped when shown.
    """
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(filter(None, (plain_text(item) for item in value)))
    return " ".join(str(value).split())


def field_text(obj, name):
    """The text of one field of `obj`; rich text and StreamField content without their markup."""
    value = getattr(obj, name, None)
    try:
        model_field = obj._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = None
    if model_field is not None and hasattr(model_field, "get_searchable_content"):
        value = model_field.get_searchable_content(value)
    return plain_text(value)


class SearchAdapter:
    """Turns objects of one model into search entries. Subclass, set the attributes, `@register`."""

    model = None
    kind = ""
    label = ""
    label_plural = ""
    date_label = _("Date")
    # Fields tried in order for the short text under each result; the start of the text otherwise.
    summary_fields = ("search_description", "intro", "description", "hero_text")
    summary_length = 240
    title_field = "title"
    # True when an entry can change without any save, only because the date changed (availability
    # "today"): `manage.py refresh_search_entries` recomputes such content types daily.
    changes_daily = False

    def watched_models(self):
        """{model: function(instance) -> objects of `self.model`} for other models that feed the entries.

        Saving or deleting an instance of such a model recomputes the entries of the objects returned
        (and of their translations). Example: a reservation changes its resource's availability.
        """
        return {}

    def language_names(self):
        """{code: name} of values of the "language" facet beyond the portal's own languages."""
        return {}

    def get_queryset(self):
        """The objects that may appear in search results, in every language."""
        return self.model._default_manager.all()

    def title(self, obj):
        return field_text(obj, self.title_field) or plain_text(str(obj))

    def body(self, obj):
        """All searchable text of the object: the values of its own `search_fields` except the title."""
        texts = []
        for search_field in obj.get_search_fields():
            if isinstance(search_field, index.SearchField) and search_field.field_name != self.title_field:
                texts.append(plain_text(search_field.get_value(obj)))
        return " ".join(text for text in texts if text)

    def summary(self, obj, body):
        for name in self.summary_fields:
            value = field_text(obj, name)
            if value:
                return Truncator(value).chars(self.summary_length)
        return Truncator(body).chars(self.summary_length)

    def keywords(self, obj):
        """Extra words that should find the object (names of its category, district, ...)."""
        return ""

    def key_fact(self, obj):
        """One short line in the active language: availability, date, district, ..."""
        return ""

    def date(self, obj):
        """The date that matters to a visitor (an event's day, a page's publication), or None."""
        return None

    def facets(self, obj):
        """Facet name -> values (slugs) beyond "type" and "language", which every entry gets."""
        return {}

    def languages(self, obj, content_language):
        """Values of the "language" facet: the languages in which a visitor can use the object."""
        return [content_language]

    def url(self, obj, language):
        raise NotImplementedError(f"{type(self).__name__} must say where a result links to")

    def content_language(self, obj, group, language_of_locale):
        """The language the object's text is in."""
        return language_of_locale[obj.locale_id]

    def original_title(self, obj, content_language, group, language_of_locale):
        """A translation's German title, so the German word finds it too ("Beamer" on the Arabic page)."""
        if content_language == settings.LANGUAGE_CODE:
            return ""
        for member in group:
            is_original = language_of_locale.get(member.locale_id) == settings.LANGUAGE_CODE
            if member is not obj and is_original and not getattr(member, "alias_of_id", None):
                return self.title(member)
        return ""

    def build(self, obj, language, group, language_of_locale, content_type_id):
        """The entry for `obj` as visitors in `language` see it (called with that language active)."""
        url = self.url(obj, language)
        if not url:
            return None
        content_language = self.content_language(obj, group, language_of_locale)
        # The same text stands in for several languages: extracted once per batch.
        body = memoized(("body", self.kind, obj.pk), lambda: self.body(obj))
        keywords = [
            plain_text(self.keywords(obj)),
            self.original_title(obj, content_language, group, language_of_locale),
        ]
        facet_values = {"type": [self.kind], "language": self.languages(obj, content_language)}
        for name, values in self.facets(obj).items():
            facet_values.setdefault(name, []).extend(values)
        return EntryData(
            kind=self.kind,
            content_type_id=content_type_id,
            object_pk=str(obj.pk),
            content_language=content_language,
            title=Truncator(self.title(obj)).chars(255),
            summary=self.summary(obj, body),
            body=body,
            keywords=" ".join(word for word in keywords if word),
            url=url[:500],
            key_fact=Truncator(plain_text(self.key_fact(obj))).chars(200),
            date=self.date(obj),
            facets=frozenset(
                (name, str(value)[:120]) for name, values in facet_values.items() for value in values if value
            ),
        )


def easy_read_subpages():
    """The pages inside the Leichte Sprache section (not its start page), in every language tree. They say
    again, in easy German, what the everyday pages say: in the portal search they would push those pages
    down for every word they share. The section's start page stays findable ("Leichte Sprache"), and the
    header links it on every page."""
    from home.models import StandardPage

    section = dict(StandardPage.objects.filter(easy_read=True).values_list("path", "pk"))
    return [pk for path, pk in section.items() if path[: -Page.steplen] in section]


class PageSearchAdapter(SearchAdapter):
    """Every live, public page; a page type with an adapter of its own uses that one instead."""

    model = Page
    kind = "page"
    label = _("Page")
    label_plural = _("Pages")
    date_label = _("Last updated")

    def get_queryset(self):
        return (
            Page.objects.live().public().filter(depth__gt=1).exclude(pk__in=easy_read_subpages()).specific()
        )

    def content_language(self, obj, group, language_of_locale):
        # An alias (a page not yet translated) shows the page it copies, in that page's language.
        if obj.alias_of_id:
            for member in group:
                if member.pk == obj.alias_of_id:
                    return language_of_locale[member.locale_id]
            return settings.LANGUAGE_CODE
        return language_of_locale[obj.locale_id]

    def date(self, obj):
        published = obj.last_published_at or obj.first_published_at
        return published.date() if published else None

    def url(self, obj, language):
        return obj.get_url()


class SnippetSearchAdapter(SearchAdapter):
    """A translatable snippet; only live objects when it has drafts."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if issubclass(self.model, DraftStateMixin):
            queryset = queryset.filter(live=True)
        return queryset
