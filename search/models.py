"""What the portal-wide search searches, and what it remembers about searches.

`SearchEntry` is one search result as a visitor of one language sees it: for every searchable object
(page, resource, partner, ...) and every language there is one entry, holding the object's text in that
language – or the German original where no translation exists (`content_language` then says "de"). The
entries are derived from the content by `search.sync` whenever the content changes, and indexed by
modelsearch into every configured backend (Elasticsearch and the database). One table for all content
types is what lets one query rank, count, facet and paginate across all of them in either engine.

`SearchTerm` counts what visitors searched for, per day and language, and how often it found nothing:
no IP address, no user, no time of day.

`SynonymGroup` is what editors maintain so that a visitor's everyday word finds what the catalogue calls
something else ("Handzettel" finds the flyers): words of one language that mean the same, applied to the
query on both engines (`search.synonyms`).
"""

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.snippets import PublishableSnippet

from .analysis import text_subfields


class SearchEntry(index.Indexed, models.Model):
    translation_key = models.UUIDField(_("translation key"))
    # The language whose visitors see this entry (a language code of settings.LANGUAGES).
    language = models.CharField(_("language"), max_length=10)
    kind = models.CharField(_("content type"), max_length=40)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_pk = models.CharField(max_length=64)
    content_language = models.CharField(_("language of the text"), max_length=10)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    keywords = models.TextField(_("keywords"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    key_fact = models.CharField(_("key fact"), max_length=200, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Written by search.sync, which indexes entries itself after their facets are saved.
    search_auto_update = False
    search_fields = [
        index.SearchField("title", boost=4, es_extra=text_subfields(ngram=True, autocomplete=True)),
        index.SearchField("keywords", boost=2, es_extra=text_subfields(ngram=True, autocomplete=True)),
        index.SearchField("summary", boost=2, es_extra=text_subfields(ngram=True, autocomplete=True)),
        index.SearchField("body", es_extra=text_subfields()),
        index.AutocompleteField("title"),
        index.AutocompleteField("keywords"),
        index.AutocompleteField("summary"),
        index.FilterField("language"),
        index.FilterField("kind"),
        index.FilterField("translation_key"),
        index.FilterField("date"),
        index.FilterField("facet_keys"),
    ]

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="unique_search_entry_per_language"
            )
        ]
        indexes = [models.Index(fields=["language", "kind"]), models.Index(fields=["language", "date"])]

    def __str__(self):
        return f"{self.title} ({self.language})"

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related("facets")

    def facet_keys(self):
        """Every facet value as "name:value", for Elasticsearch's one keyword field of facets."""
        return sorted(f"{facet.name}:{facet.value}" for facet in self.facets.all())


class EntryText(models.Model):
    """PostgreSQL only: the database search backend's full-text vectors of one search entry, beside the
    entry's language and translation key, so a search in one language reads that language's rows alone.

    modelsearch keeps its vectors in Wagtail's index rows (`wagtailsearch_indexentry`), which know an
    object only by its content type and id: a broad word there matched every language's rows (53,000 for
    "Verein" at the search mix's scale, of which 10,500 German) before the join to the entries kept one
    language. The rows here are copies, written by a trigger on Wagtail's index rows wherever modelsearch
    writes them (index, update, title norms, delete, reset), with a GIN index per language (migration
    `search.0006_entrytext`). Not a Django-managed table: it exists on PostgreSQL only; the vectors and
    `title_norm` are modelsearch's own, so the scores are the same (`search.fts.PostgresMatches`).
    """

    entry_id = models.IntegerField(primary_key=True)
    language = models.CharField(max_length=10)
    translation_key = models.UUIDField()
    title = SearchVectorField()
    body = SearchVectorField()
    autocomplete = SearchVectorField()
    title_norm = models.FloatField()

    class Meta:
        managed = False
        db_table = "search_entrytext"

    def __str__(self):
        return f"{self.entry_id} ({self.language})"


class SearchEntryFacet(models.Model):
    """One facet value of an entry (district "eving", engagement field "umwelt", ...).

    A table of its own so the database engine counts facet values with GROUP BY; Elasticsearch gets the
    same values as one keyword field (`SearchEntry.facet_keys`).
    """

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=30)
    value = models.CharField(max_length=120)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "name", "value"], name="unique_search_entry_facet")
        ]
        indexes = [models.Index(fields=["name", "value"])]

    def __str__(self):
        return f"{self.name}:{self.value}"


class SearchTerm(models.Model):
    """How often a query was searched on one day in one language, and how often it found nothing."""

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=10)
    query = models.CharField(_("search term"), max_length=100)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(fields=["day", "language", "query"], name="unique_search_term_per_day")
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day})"


def split_words(text):
    """The words and phrases of a synonym group: one per line or separated by commas, semicolons or "="."""
    return [" ".join(part.split()) for part in re.split(r"[\n,;=]+", text or "") if part.strip()]


class SynonymGroup(PublishableSnippet):
    """Words (or short phrases) of one language that mean the same for a visitor: a search for any of them
    also finds the others ("Flyer, Handzettel, Faltblatt"). Translated like other vocabulary, one group per
    language; only published groups apply."""

    words = models.TextField(
        _("words"),
        max_length=1000,
        help_text=_(
            "Words or short phrases that mean the same, one per line or separated by commas, e.g. "
            "“Flyer, Handzettel, Faltblatt”. A search for any of them finds what the others find."
        ),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="synonym_group")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="synonym_group",
        for_concrete_model=False,
    )
    preview_template = "search/previews/synonym_group.html"
    panels = [FieldPanel("words")]
    search_fields = [
        index.SearchField("words"),
        index.AutocompleteField("words"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]

    class Meta(PublishableSnippet.Meta):
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["words"]

    def __str__(self):
        return " = ".join(self.word_list())[:120] or str(_("synonym group"))

    def word_list(self):
        return split_words(self.words)
