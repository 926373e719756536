"""Searching the entries: a `SearchRequest` in, one page of results with facet counts out, on either engine.

Both engines do the same thing with what they have:

- **Elasticsearch**: one request returns the page of hits, the total and every facet's counts (facets are
  "disjunctive": a facet's counts apply all *other* selected facets, so the options of one facet can be
  combined). The query runs over the language sub-fields of the active language and of German (which
  stands in where a translation is missing); if it finds nothing, a second request tolerates typos
  (fuzziness on folded text).
- **Database** (PostgreSQL full-text search, SQLite FTS5): modelsearch's search and autocomplete give
  querysets of the entries matching whole words and words beginning as typed; the rank (whole words
  first, then by score), facet filters, counts (GROUP BY over `SearchEntryFacet`) and the page slice are
  SQL on top of them. No typo tolerance and no decompounding: the relevance tests say where results
  differ.

`match()` serves the listings (catalogue, partner finder): the same query restricted to one content type,
returning a `search.matching.TextMatch` the listing filters and orders its own queryset with.

Neither loads more than one page of hits into Python. `run()` picks the engine: the "default" backend,
and when that is Elasticsearch and fails, the "database" backend (logged, and reported by /healthz).
"""

import functools
import logging
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import reduce
from operator import and_ as operator_and
from operator import or_ as operator_or

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q
from elastic_transport import TransportError
from elasticsearch import ApiError, BadRequestError
from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping
from modelsearch.query import And, Or, PlainText

from . import health, spelling, synonyms
from .analysis import NGRAM_LANGUAGES, WHOLE_WORDS_ANALYZER, german_compound_words
from .backends import fallback_name, get_backend, is_elasticsearch
from .fts import matches_of
from .matching import IdArray, KeyListMatch, NoMatch, QueryMatch, listing_match_limit, ranked_once
from .models import SearchEntry, SearchEntryFacet
from .registry import facets

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
# Elasticsearch's index.max_result_window: results beyond it cannot be paged to (on either engine).
MAX_RESULT_WINDOW = 10_000
FUZZY_MAX_WORDS = 6
# A search with fewer results than this "finds little": the page offers a corrected spelling ("Did you mean
# …?") when the vocabulary has one, and the database backend tries its forgiving pass when it found nothing.
FEW_RESULTS = 3
# Variants of the query from synonyms count this much of the query as typed (Elasticsearch).
SYNONYM_BOOST = 0.3
MAX_WORDS = 24
# The database backend's search page: queries of up to this many words also match an entry that has some
# of them as whole words and the others as beginnings (`DatabaseEngine._mixed`).
MIXED_MAX_WORDS = 4
SORTS = ("relevance", "date")
SOURCE_LANGUAGE = settings.LANGUAGE_CODE
# Text fields and their weight in the ranking.
TEXT_FIELDS = (("title", 4), ("keywords", 2), ("summary", 2), ("body", 1))
SUGGEST_FIELDS = ("title.autocomplete^3", "keywords.autocomplete^2", "summary.autocomplete")
# A listing filters by its text: words beginning as typed count in names and keywords, not in the
# summary ("Nachbar" lists the "Nachbarschaftshaus", not every partner mentioning a "Nachbarschaftsfest").
LISTING_PREFIX_FIELDS = SUGGEST_FIELDS[:2]


class SearchUnavailable(Exception):
    """No engine could answer (Elasticsearch failed and no database backend is configured)."""


def clean_query(raw):
    """(query, shortened): control characters out, white space collapsed, at most MAX_QUERY_LENGTH."""
    text = unicodedata.normalize("NFC", str(raw or ""))
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    text = " ".join(text.split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[:MAX_QUERY_LENGTH]
    if " " in cut[MAX_QUERY_LENGTH // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut, True


def _title_begins(title, prefixes):
    """Does every typed beginning start a word of `title` (case and accents folded)?"""
    title_words = [spelling.fold(word) for word in re.findall(r"\w+", title or "")]
    return all(any(word.startswith(spelling.fold(prefix)) for word in title_words) for prefix in prefixes)


def words(query):
    """The words of a query (letters and digits of any script); punctuation and syntax dropped."""
    return re.findall(r"\w+", query)[:MAX_WORDS]


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    language: str = SOURCE_LANGUAGE
    filters: tuple = ()  # ((facet name, (value, ...)), ...)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 12
    exclude_keys: tuple = ()  # translation keys shown elsewhere (editors' picks)

    @property
    def browsing(self):
        """No words to search for: list what the filters select, newest first."""
        return not words(self.query)


@dataclass
class SearchOutcome:
    entries: list
    total: int
    facet_counts: dict
    page: int
    engine: str
    per_page: int = 12
    fuzzy: bool = False  # the results are of a forgiving pass (typos, compounds), not of the query as typed
    suggestion: str = ""  # a spelling of the query the vocabulary knows ("Did you mean …?"), or ""

    @property
    def window(self):
        """How many of the results can be paged through (all, up to MAX_RESULT_WINDOW)."""
        return min(self.total, max_pages(self.per_page) * self.per_page)


def max_pages(per_page):
    return max(1, MAX_RESULT_WINDOW // per_page)


def last_page(total, per_page):
    return max(1, min(math.ceil(total / per_page), max_pages(per_page)))


@dataclass(frozen=True)
class Forgiving:
    query: str
    corrected: bool  # a spelling correction (offered as "Did you mean …?"), not only compounds
    operator: str = "and"
    split: bool = False  # the query's compounds split (the database's search page searches them at once)


def forgiving_queries(query, language):
    """What the database backend searches when the query as typed finds nothing, in this order: the query
    spelled as the vocabulary spells it; its German compounds split into known words ("Referentenhonorar"
    → "referenten honorar"); its words written apart joined ("Ton Anlage" → "tonanlage"); any of its
    words that carry meaning (no stop words, no numbers). Nothing for what cannot be a visitor's
    mistyped words (`search.spelling.worth_correcting`: too long, too many words, no letters, syntax)."""
    if len(words(query)) > FUZZY_MAX_WORDS or not spelling.worth_correcting(query):
        return []
    found = []
    corrected = spelling.correct(query, language)
    if corrected:
        found.append(Forgiving(corrected, True))
    split = spelling.split_compounds(query, language)
    for other in (split, spelling.join_words(query, language)):
        if other and other not in [one.query for one in found]:
            found.append(Forgiving(other, False, split=other == split))
    # Last, any of the words that carry meaning ("Saal für 100 Personen": "Saal" or "Personen").
    relaxed = spelling.meaningful_words((found[0].query if corrected else query), language)
    if len(relaxed) > 1:
        found.append(Forgiving(" ".join(relaxed), False, "or"))
    return found


# --- Database -------------------------------------------------------------------------------------


@functools.cache
def compound_parts():
    """The German word parts Elasticsearch splits compounds into (`search/analysis`'s word list)."""
    return frozenset(german_compound_words())


def _in_title(stem, language, inside):
    """A word of the title begins with `stem`; `inside` (German): a part of the compound word list may
    also be inside a word of the title, as Elasticsearch's decompounder reads it ("workshop" in
    "Antragsworkshop")."""
    if inside and language == SOURCE_LANGUAGE and stem.casefold() in compound_parts():
        return Q(title__icontains=stem)
    return Q(title__istartswith=stem) | Q(title__icontains=f" {stem}") | Q(title__icontains=f"-{stem}")


def has_compound_part(variants, language):
    """Whether a German query (or a variant) has a word of the compound word list, which `title_has`
    with `inside` may find inside a title's word."""
    return language == SOURCE_LANGUAGE and any(
        stem.casefold() in compound_parts()
        for terms in variants
        for stem in spelling.prefixes(terms, language)
    )


def title_has(variants, language, operator="and", inside=False):
    """A condition on entries: a word of the title begins with each word's stem (any, with "or"), for
    the query or one of its synonym variants (`inside`: or has it inside, for the parts of German
    compounds). A LIKE on the title of the entries that matched, which ranks titles above bodies without
    another full-text search."""
    conditions = []
    for terms in variants:
        parts = [_in_title(stem, language, inside) for stem in spelling.prefixes(terms, language)]
        if parts:
            conditions.append(reduce(operator_and if operator == "and" else operator_or, parts))
    return reduce(operator_or, conditions) if conditions else Q(pk__in=[])


class DatabaseEngine:
    name = "database"

    def __init__(self, backend):
        self.backend = backend

    def _base(self, request):
        queryset = SearchEntry.objects.filter(language=request.language)
        if request.exclude_keys:
            queryset = queryset.exclude(translation_key__in=request.exclude_keys)
        return queryset

    def _text(self, base, query, language, operator="and", split=False):
        """The entries of `base` whose text has the words of `query`, or words beginning as typed.

        The database backends build querysets of the matching entries (full-text search and its
        prefix form, with their scores); filters, counts, ranks and slices stay in SQL on top of them.
        Synonyms (`search.synonyms`) widen both with OR; words beginning as typed are cut to their stems
        (`search.spelling.prefixes`: "Lastenräder" finds "Lastenrad"), every word (modelsearch's own
        prefix search takes only the last word as a beginning). Entries with the words (or their stems)
        at the beginning of words of their title rank first (`title_has`), then by score. `operator="or"`: any of the words (the last forgiving pass).

        `split` (the search page, which ranks rather than filters, as on Elasticsearch): the query's
        German compounds split into known words are one more variant ("Förderantrag" → "förder
        antrag"), and an entry of several words matches when each word is there as a whole word or as a
        beginning (`mixed`): "Workshop förder antrag" finds the event whose text says "Workshop",
        "Förderung" and "Antrag". Those rank after the entries that have all the words in one way.
        """
        terms = words(query)
        text = " ".join(terms)
        variants = [terms, *(words(variant) for variant in synonyms.variants(text, language))]
        variants += spelling.article_variants(terms, language)
        variants += spelling.compound_variants(terms, language)
        split_terms = spelling.split_variants(terms, language) if split else []
        variants += split_terms
        wanted = Or([PlainText(" ".join(one), operator=operator) for one in variants])
        combine = And if operator == "and" else Or
        beginnings = Or(
            [combine([PlainText(part) for part in spelling.prefixes(one, language)]) for one in variants]
        )
        whole = matches_of(self.backend.search(wanted, base, operator=operator), language)
        begins = matches_of(self.backend.autocomplete(beginnings, base, operator=operator), language)
        # Titles with the words as typed first, then titles with a synonym's (or split compound's) words.
        titles = [title_has(variants[:1], language, operator)]
        if len(variants) > 1:
            titles.append(title_has(variants[1:], language, operator))
        if split and has_compound_part(variants, language):
            # Then titles with a word as a part of a compound ("Antragsworkshop" for "Workshop").
            titles.append(title_has(variants, language, operator, inside=True))
        mixed = self._mixed(base, [terms, *split_terms], language) if split and operator == "and" else None
        return QueryMatch(SearchEntry, whole, begins, titles=titles, mixed=mixed, base=base)

    def _mixed(self, base, variants, language):
        """Entries with every word of a variant of 2 to MIXED_MAX_WORDS words as a whole word or as a
        beginning (a condition on the entry's id, two full-text conditions per word), or None. Only the
        query as typed and its split compounds, so the statement stays small."""
        conditions = []
        for terms in variants:
            if not 2 <= len(terms) <= MIXED_MAX_WORDS:
                continue
            per_word = [
                Q(pk__in=matches_of(self.backend.search(PlainText(term), base), language).entry_ids())
                | Q(pk__in=matches_of(self.backend.autocomplete(PlainText(part), base), language).entry_ids())
                for term, part in zip(terms, spelling.prefixes(terms, language), strict=True)
            ]
            conditions.append(reduce(operator_and, per_word))
        return reduce(operator_or, conditions) if conditions else None

    def _matching(self, request, operator="and"):
        """(matching entries, their order by relevance or None, the ids of the matching entries best
        first or None)."""
        base = self._base(request)
        if request.browsing:
            return (base.none() if request.query.strip() and not request.filters else base), None, None
        text = self._text(base, request.query, request.language, operator, split=True)
        # The count, the page and the facets' counts read the matches (on PostgreSQL ranked once into keys).
        found = ranked_once(text, MAX_RESULT_WINDOW)
        if found is text:
            return text.entries, text.rank(), None
        return found.filter(base), found.rank(), found.entry_ids

    @staticmethod
    def _filtered(queryset, filters, skip=None):
        for name, values in filters:
            if name != skip:
                chosen = SearchEntryFacet.objects.filter(entry=OuterRef("pk"), name=name, value__in=values)
                queryset = queryset.filter(Exists(chosen))
        return queryset

    def search(self, request):
        """One page of results; when the query finds nothing, the forgiving pass (`forgiving_queries`)."""
        outcome = self._search(request)
        if request.browsing or outcome.total >= FEW_RESULTS:
            return outcome
        for attempt, other in enumerate(forgiving_queries(request.query, request.language)):
            if attempt == 0 and other.corrected:
                outcome.suggestion = other.query
            if outcome.total:
                break  # something was found as typed: only the suggestion
            if other.split:
                continue  # the first pass searched the split compounds already
            again = self._search(replace(request, query=other.query), other.operator)
            if again.total:
                again.fuzzy = True
                again.suggestion = outcome.suggestion
                return again
        return outcome

    def _search(self, request, operator="and"):
        matching, relevance, ranked_ids = self._matching(request, operator)
        if ranked_ids is not None and request.sort != "date":
            return self._ranked_page(request, ranked_ids)
        results = self._filtered(matching, request.filters)
        if request.sort == "date" or relevance is None:
            results = results.order_by(F("date").desc(nulls_last=True), "translation_key")
        else:
            results = results.order_by(*relevance, F("date").desc(nulls_last=True), "translation_key")
        total = results.count()
        page = min(max(request.page, 1), last_page(total, request.per_page))
        start = (page - 1) * request.per_page
        entries = list(results[start : start + request.per_page]) if total else []
        counts = {facet.name: {} for facet in facets()}
        # A facet's counts apply every other facet's filter. Facets without a filter of their own all
        # see the same entries (`results`), so they are counted together in one GROUP BY.
        chosen = {name for name, _values in request.filters}
        groups = [(results, [name for name in counts if name not in chosen])]
        groups += [
            (self._filtered(matching, request.filters, skip=name), [name])
            for name in counts
            if name in chosen
        ]
        for entries_in_view, names in groups:
            self._count_facets(counts, names, entries_in_view.order_by().values("pk"))
        return self._outcome(request, entries, total, page, counts)

    def _outcome(self, request, entries, total, page, counts):
        return SearchOutcome(entries, total, counts, page, engine=self.name, per_page=request.per_page)

    @staticmethod
    def _count_facets(counts, names, entry_ids):
        """Add to `counts` ({facet: {value: count}}) the values of the facets `names` among the entries
        `entry_ids` (a subquery or an `IdArray`), in one GROUP BY."""
        if not names:
            return
        rows = (
            SearchEntryFacet.objects.filter(name__in=names, entry_id__in=entry_ids)
            .values_list("name", "value")
            .annotate(count=Count("entry_id"))
            .order_by()
        )
        for name, value, count in rows:
            counts[name][value] = count

    def _ranked_page(self, request, ids):
        """The page of a search ranked once into entry ids (PostgreSQL), by relevance: the same answer as
        `_search`'s statements, which find every ranked key's entry again for the count, the page and
        each facet's counts (10,000 look-ups each for a broad word). Here the count is how many ids pass
        the filters, the page is its slice of them in their order (12 entries read by id), and the
        facets are counted on the ids; which ids pass which filter is read in one statement."""
        filters = [(name, set(values)) for name, values in request.filters]
        passed = {}  # id -> the positions in `filters` of the filters it passes
        if filters and ids:
            rows = SearchEntryFacet.objects.filter(
                entry_id__in=IdArray(ids), name__in={name for name, _values in filters}
            ).values_list("entry_id", "name", "value")
            for pk, name, value in rows:
                for position, (wanted, values) in enumerate(filters):
                    if name == wanted and value in values:
                        passed.setdefault(pk, set()).add(position)

        def passing(skip=None):
            needed = {position for position, (name, _values) in enumerate(filters) if name != skip}
            return [pk for pk in ids if needed <= passed.get(pk, set())] if needed else ids

        shown = passing()
        total = len(shown)
        page = min(max(request.page, 1), last_page(total, request.per_page))
        start = (page - 1) * request.per_page
        wanted = shown[start : start + request.per_page]
        by_id = SearchEntry.objects.in_bulk(wanted)
        entries = [by_id[pk] for pk in wanted if pk in by_id]
        counts = {facet.name: {} for facet in facets()}
        # As in `_search`: a facet with a filter of its own is counted with every other facet's filter.
        chosen = {name for name, _values in filters}
        groups = [(shown, [name for name in counts if name not in chosen])]
        groups += [(passing(skip=name), [name]) for name in counts if name in chosen]
        for in_view, names in groups:
            if in_view:
                self._count_facets(counts, names, IdArray(in_view))
        return self._outcome(request, entries, total, page, counts)

    def suggest(self, query, language, limit):
        terms = words(query)
        if not terms:
            return []
        base = SearchEntry.objects.filter(language=language)
        typed = spelling.prefixes(terms, language)
        begins = matches_of(self.backend.autocomplete(" ".join(typed), base), language)
        best = base.filter(pk__in=begins.entry_ids()).order_by(begins.best_first("translation_key"), "-pk")
        # Titles first, as on Elasticsearch (SUGGEST_FIELDS): an entry whose title has a word beginning
        # with what was typed comes before one that only has it in its text, whatever the text's length
        # does to the score. Sorted among a few more than are shown, in the same query.
        found = list(best[: limit * 3])
        found.sort(key=lambda entry: not _title_begins(entry.title, typed))
        return found[:limit]

    def match(self, kind, query, language):
        """A listing's free text among the `kind` entries of `language` (see `search.matching`)."""
        if not words(query):
            return NoMatch(self.name)
        entries = SearchEntry.objects.filter(language=language, kind=kind)
        # Each pass ranked once where the database needs it (`ranked_once`): the listing's statements
        # (count, page, facets) then read the keys instead of searching and scoring again each.
        found = ranked_once(self._text(entries, query, language))
        if found.exists():
            return found
        for other in forgiving_queries(query, language):
            again = self._text(entries, other.query, language, other.operator)
            again.fuzzy = True
            again = ranked_once(again)
            if again.exists():
                return again
        return found


# --- Elasticsearch --------------------------------------------------------------------------------


def _column(field_name):
    mapping = Elasticsearch8Mapping(SearchEntry)
    for search_field in SearchEntry.get_filterable_search_fields():
        if search_field.field_name == field_name:
            return mapping.get_field_column_name(search_field)
    raise KeyError(field_name)


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, backend):
        self.backend = backend
        self.es = backend.es
        self.language_field = _column("language")
        self.facet_field = _column("facet_keys")
        self.key_field = _column("translation_key")
        self.date_field = _column("date")
        self.kind_field = _column("kind")

    @property
    def index(self):
        return self.backend.get_index_for_model(SearchEntry).name

    # Queries

    def _text_query(self, query, language, fuzzy, split_compounds=True, prefix_fields=SUGGEST_FIELDS):
        """The query for words in `language` (and German, which stands in); `fuzzy`: forgive typos.

        `split_compounds=False` leaves the *query's* German compounds whole ("Nachbarschaftsgarten"
        then means that word, not also every "Garten"); the indexed text is split either way, so
        "Garten" still finds "Nachbarschaftsgarten". `prefix_fields`: where words may begin as typed.
        """
        languages = [language] if language == SOURCE_LANGUAGE else [language, SOURCE_LANGUAGE]
        if fuzzy:
            return {
                "multi_match": {
                    "query": query,
                    "type": "best_fields",
                    "fields": [f"{name}^{weight}" for name, weight in TEXT_FIELDS],
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "max_expansions": 20,
                    "operator": "and",
                }
            }
        # Without splitting the query's compounds, German is analysed without the decompounder.
        whole_words = {} if split_compounds else {"analyzer": WHOLE_WORDS_ANALYZER}
        by_analysis = [[language]] if language == SOURCE_LANGUAGE else [[language], [SOURCE_LANGUAGE]]
        if split_compounds:
            by_analysis = [languages]  # one clause: the fields' own analysers apply
        should = [
            # Whole words in the language's own analysis (stems, compounds, normalised letters).
            *(
                {
                    "multi_match": {
                        "query": query,
                        "type": "cross_fields",
                        "fields": [
                            f"{name}.{code}^{weight}" for code in codes for name, weight in TEXT_FIELDS
                        ],
                        "operator": "and",
                        **(whole_words if codes == [SOURCE_LANGUAGE] else {}),
                    }
                }
                for codes in by_analysis
            ),
            # The words exactly as typed (no stemming, no splitting) rank above their stems and parts:
            # "Beratungstermin" first finds the page that says "Beratungstermin", then "Beratung".
            {
                "multi_match": {
                    "query": query,
                    "type": "cross_fields",
                    "fields": [f"{name}^{weight}" for name, weight in TEXT_FIELDS],
                    "operator": "and",
                    "boost": 3,
                }
            },
            # The words as a phrase in a title rank highest.
            *(
                {
                    "multi_match": {
                        "query": query,
                        "type": "phrase",
                        "fields": [f"title.{code}" for code in codes],
                        "boost": 3,
                        **(whole_words if codes == [SOURCE_LANGUAGE] else {}),
                    }
                }
                for codes in by_analysis
            ),
            # Partial words, as typed: "Öffentlich" finds "Öffentlichkeitsarbeit".
            {
                "multi_match": {
                    "query": query,
                    "type": "cross_fields",
                    "fields": list(prefix_fields),
                    "operator": "and",
                    "boost": 0.5,
                }
            },
        ]
        if language in NGRAM_LANGUAGES:
            # No stemmer for the language: parts of words find inflected forms.
            should.append(
                {
                    "multi_match": {
                        "query": query,
                        "fields": ["title.ngram^2", "keywords.ngram", "summary.ngram"],
                        "minimum_should_match": "70%",
                        "boost": 0.3,
                    }
                }
            )
        return {"bool": {"should": should, "minimum_should_match": 1}}

    def _expanded(self, query, language, build):
        """`build(query)`, or with synonyms (`search.synonyms`) the query as typed OR each variant, the
        variants counting `SYNONYM_BOOST` of it, the best one deciding the score."""
        typed = build(query)
        variants = synonyms.variants(query, language)
        if not variants:
            return typed
        weaker = [{"bool": {"must": [build(variant)], "boost": SYNONYM_BOOST}} for variant in variants]
        # The best of them counts (not their sum): an entry that says several words of a group does not
        # outrank one that says the word as typed.
        return {"dis_max": {"queries": [typed, *weaker], "tie_breaker": 0.1}}

    def _sort(self, request):
        by_date = {self.date_field: {"order": "desc", "missing": "_last"}}
        by_key = {self.key_field: {"order": "asc"}}
        if request.sort == "date" or request.browsing:
            return [by_date, "_score", by_key]
        return ["_score", by_date, by_key]

    def _body(self, request, fuzzy, page, operator="and"):
        if request.browsing:
            text = {"match_all": {}} if (request.filters or not request.query.strip()) else {"match_none": {}}
        elif operator == "or":
            # Any of the words: each word's own query (with its synonyms), ranked by how many match.
            text = {
                "bool": {
                    "should": [
                        self._expanded(
                            word, request.language, lambda q: self._text_query(q, request.language, False)
                        )
                        for word in words(request.query)
                    ],
                    "minimum_should_match": 1,
                }
            }
        else:
            text = self._expanded(
                " ".join(words(request.query)),
                request.language,
                lambda query: self._text_query(query, request.language, fuzzy),
            )
        query = {"bool": {"must": [text], "filter": [{"term": {self.language_field: request.language}}]}}
        if request.exclude_keys:
            query["bool"]["must_not"] = [
                {"terms": {self.key_field: [str(key) for key in request.exclude_keys]}}
            ]
        chosen = {
            name: {"terms": {self.facet_field: [f"{name}:{value}" for value in values]}}
            for name, values in request.filters
        }
        aggregations = {}
        for facet in facets():
            others = [condition for name, condition in chosen.items() if name != facet.name]
            aggregations[facet.name] = {
                "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
                "aggs": {
                    "values": {
                        "terms": {"field": self.facet_field, "include": f"{facet.name}:.*", "size": 500}
                    }
                },
            }
        body = {
            "query": query,
            "aggs": aggregations,
            "sort": self._sort(request),
            "from_": (page - 1) * request.per_page,
            "size": request.per_page,
            "track_total_hits": True,
            "_source": False,
            "stored_fields": ["pk"],
        }
        if chosen:
            body["post_filter"] = {"bool": {"filter": list(chosen.values())}}
        return body

    def _entries(self, hits):
        pks = [int(hit["fields"]["pk"][0]) for hit in hits]
        found = SearchEntry.objects.in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]

    def search(self, request):
        page = min(max(request.page, 1), max_pages(request.per_page))
        response = self.es.search(index=self.index, **self._body(request, False, page))
        total = response["hits"]["total"]["value"]
        typed_total, typed_query = total, request.query
        fuzzy = False
        if total == 0 and not request.browsing and len(words(request.query)) <= FUZZY_MAX_WORDS:
            again = self.es.search(index=self.index, **self._body(request, True, page))
            if again["hits"]["total"]["value"]:
                response, total, fuzzy = again, again["hits"]["total"]["value"], True
        operator = "and"
        if total == 0 and not request.browsing:
            # Still nothing: the database backend's last passes (words apart joined, any meaningful word).
            for other in forgiving_queries(request.query, request.language):
                if other.corrected:
                    continue  # the fuzzy pass above forgave typos already
                forgiven = replace(request, query=other.query)
                again = self.es.search(index=self.index, **self._body(forgiven, False, page, other.operator))
                if again["hits"]["total"]["value"]:
                    response, total, fuzzy = again, again["hits"]["total"]["value"], True
                    request, operator = forgiven, other.operator
                    break
        if page > last_page(total, request.per_page):
            page = last_page(total, request.per_page)
            response = self.es.search(index=self.index, **self._body(request, fuzzy, page, operator))
        suggestion = ""
        if (
            typed_total < FEW_RESULTS
            and not request.browsing
            and len(words(request.query)) <= FUZZY_MAX_WORDS
        ):
            suggestion = spelling.correct(typed_query, request.language) or ""
        counts = {}
        for facet in facets():
            prefix = f"{facet.name}:"
            buckets = response["aggregations"][facet.name]["values"]["buckets"]
            counts[facet.name] = {bucket["key"][len(prefix) :]: bucket["doc_count"] for bucket in buckets}
        return SearchOutcome(
            entries=self._entries(response["hits"]["hits"]),
            total=total,
            facet_counts=counts,
            page=page,
            engine=self.name,
            per_page=request.per_page,
            fuzzy=fuzzy,
            suggestion=suggestion,
        )

    def suggest(self, query, language, limit):
        text = " ".join(words(query))
        if not text:
            return []
        language_filter = [{"term": {self.language_field: language}}]
        prefix = {
            "multi_match": {
                "query": text,
                "type": "cross_fields",
                "fields": SUGGEST_FIELDS,
                "operator": "and",
            }
        }
        body = {"query": {"bool": {"must": [prefix], "filter": language_filter}}, "size": limit}
        response = self.es.search(index=self.index, _source=False, stored_fields=["pk"], **body)
        if not response["hits"]["hits"] and len(words(query)) <= FUZZY_MAX_WORDS:
            body["query"]["bool"]["must"] = [self._text_query(text, language, fuzzy=True)]
            response = self.es.search(index=self.index, _source=False, stored_fields=["pk"], **body)
        return self._entries(response["hits"]["hits"])

    def match(self, kind, query, language):
        """A listing's free text among the `kind` entries of `language` (see `search.matching`): one
        request for the keys of the best matches; when there are none, one with the query's compounds
        split, then one forgiving typos."""
        text = " ".join(words(query))
        if not text:
            return NoMatch(self.name)

        def keys_matching(fuzzy, split_compounds=True):
            conditions = [{"term": {self.language_field: language}}, {"term": {self.kind_field: kind}}]
            text_query = self._expanded(
                text,
                language,
                lambda query: self._text_query(
                    query, language, fuzzy, split_compounds, LISTING_PREFIX_FIELDS
                ),
            )
            body = {
                "query": {"bool": {"must": [text_query], "filter": conditions}},
                "sort": ["_score", {self.key_field: {"order": "asc"}}],
                "size": listing_match_limit(),
                "track_total_hits": True,
                # Only the key of each hit, from doc values: no stored fields (not even `_id`) are read,
                # and the answer leaves out every hit's index, id, score and sort values
                # (`filter_path`): thousands of hits, a third of the bytes to read and parse.
                "stored_fields": "_none_",
                "docvalue_fields": [self.key_field],
            }
            response = self.es.search(
                index=self.index,
                filter_path=["hits.total.value", f"hits.hits.fields.{self.key_field}"],
                **body,
            )
            hits = response["hits"].get("hits", [])
            return [hit["fields"][self.key_field][0] for hit in hits], response["hits"]["total"]["value"]

        # A listing filters by its text, so it asks precisely first: the query's compounds whole
        # ("Nachbarschaftsgarten" lists that garden, not every garden); then split, then forgiving typos.
        keys, total = keys_matching(False, split_compounds=False)
        if not keys:
            keys, total = keys_matching(False)
        fuzzy = False
        if not keys and len(words(query)) <= FUZZY_MAX_WORDS:
            keys, total = keys_matching(True)
            fuzzy = bool(keys)
        return KeyListMatch(keys, total, fuzzy) if keys else NoMatch(self.name)


# --- Choosing the engine --------------------------------------------------------------------------


def engine_for(name):
    backend = get_backend(name)
    return ElasticsearchEngine(backend) if is_elasticsearch(backend) else DatabaseEngine(backend)


def active_engine():
    """The name of the engine that answers searches now: "elasticsearch", or "database" (configured
    alone, or standing in while Elasticsearch fails). For saying on the page what the search can do."""
    primary = get_backend("default")
    if is_elasticsearch(primary) and not health.failure("default"):
        return ElasticsearchEngine.name
    return DatabaseEngine.name


def run(method, *args):
    """Call `search`, `suggest` or `match` on the primary engine, or on the database when Elasticsearch fails.

    Returns (result, reason): the reason is empty unless the answer came from the fallback.
    """
    primary = engine_for("default")
    if not isinstance(primary, ElasticsearchEngine):
        return getattr(primary, method)(*args), ""
    reason = health.failure("default")
    if not reason:
        try:
            return getattr(primary, method)(*args), ""
        except (TransportError, ApiError) as error:
            reason = health.describe(error)
            if isinstance(error, BadRequestError):
                # Our request was wrong, not the cluster: answer from the database, keep using the cluster.
                logger.error("search: Elasticsearch refused the query (%s)", error, exc_info=True)
            else:
                health.report_failure("default", error)
                logger.warning(
                    "search: %s; answering from the database for %ss", reason, health.retry_seconds()
                )
    fallback = fallback_name()
    if fallback is None:
        raise SearchUnavailable(reason)
    return getattr(engine_for(fallback), method)(*args), reason
