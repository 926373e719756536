"""Filtered, counted and paged listings of pages (engagement examples, events): all state in the URL.

A listing is a base queryset (what the visitor may see in their language, already ordered) and a list
of facets. Each facet reads one URL parameter and checks its value against what exists; anything else
is left out with a notice in the visitor's language, and the list is always shown. Each option's count
is what choosing it would show (the items matching all *other* filters), one grouped query per facet.
Facets combine (AND); one value per facet. Links only carry what was understood, never the nonsense.

Used by `engagement` and `events`; the partner finder (`partners/finder.py`) follows the same rules.
"""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _

from search.matching import match
from search.registry import adapter_for_model
from taxonomy.models import District

MAX_VALUE_LENGTH = 100


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False
    # The label's language where it is not the visitor's (a German stand-in, a language's own name).
    lang: str = ""


@dataclass
class Notice:
    text: str
    param: str | None = None  # the filter it is about: the form ties the text to that field

    def __str__(self):
        return str(self.text)


@dataclass
class ActiveFilter:
    param: str
    label: str
    value_label: str
    remove_url: str
    lang: str = ""
    count_without: int | None = None


class Facet:
    """One filter: which values exist (`options`), how it narrows a queryset, how it counts."""

    hide_empty = False  # offer only options with results (and the chosen one), e.g. months, languages

    def __init__(self, param, label):
        self.param = param
        self.label = label

    def options(self, listing):
        raise NotImplementedError

    def apply(self, queryset, value):
        raise NotImplementedError

    def counts(self, queryset):
        raise NotImplementedError

    def unknown(self, value):
        return _("“%(value)s” is not a choice for “%(filter)s”, so this filter was left out.") % {
            "value": shorten(value),
            "filter": self.label,
        }


class FieldFacet(Facet):
    """A value reached through a foreign key or a plain column, e.g. `district__slug` or `kind`."""

    def __init__(self, param, label, path):
        super().__init__(param, label)
        self.path = path

    def apply(self, queryset, value):
        return queryset.filter(**{self.path: value})

    def counts(self, queryset):
        rows = queryset.order_by().values(self.path).annotate(n=Count("pk", distinct=True))
        return {row[self.path]: row["n"] for row in rows}


class ChoicesFacet(FieldFacet):
    """A column with fixed choices (`TextChoices`), labelled in the visitor's language."""

    def __init__(self, param, label, path, choices):
        super().__init__(param, label, path)
        self.choices = choices

    def options(self, listing):
        return [Option(value, str(name)) for value, name in self.choices]


class DistrictFacet(FieldFacet):
    """One of Dortmund's districts (a proper name: the same in every language)."""

    def options(self, listing):
        return [Option(district.slug, district.name) for district in listing.districts()]


class RelationFacet(Facet):
    """A many-to-many relation of the listed model, filtered and counted by a field of the related object."""

    def __init__(self, param, label, model, relation, key):
        super().__init__(param, label)
        self.model = model
        self.relation = relation
        self.key = key

    def _through(self):
        m2m = self.model._meta.get_field(self.relation)
        return m2m.remote_field.through, m2m.m2m_field_name(), m2m.m2m_reverse_field_name()

    def apply(self, queryset, value):
        through, source, target = self._through()
        return queryset.filter(
            pk__in=through.objects.filter(**{f"{target}__{self.key}": value}).values(source)
        )

    def counts(self, queryset):
        through, source, target = self._through()
        path = f"{target}__{self.key}"
        rows = (
            through.objects.filter(**{f"{source}__in": queryset.values("pk")})
            .order_by()
            .values(path)
            .annotate(n=Count(source, distinct=True))
        )
        return {row[path]: row["n"] for row in rows}


class TermFacet(RelationFacet):
    """A translatable term (engagement field, target group): filtered by its slug, the same in every
    language; labelled in the visitor's language, in German where the term is not translated."""

    def __init__(self, param, label, model, relation, term_model):
        super().__init__(param, label, model, relation, "slug")
        self.term_model = term_model

    def options(self, listing):
        return [
            Option(slug, term.name, lang=listing.fallback_lang(term))
            for slug, term in listing.terms(self.term_model).items()
        ]


def localized_terms(model, language):
    """slug -> live term in `language` (the German term where it has no translation), in the terms' order."""
    codes = {language, settings.LANGUAGE_CODE}
    found = {}
    terms = model.objects.filter(live=True, locale__language_code__in=codes).select_related("locale")
    for term in terms.order_by("sort_order", "name"):
        if term.slug not in found or term.locale.language_code == language:
            found[term.slug] = term
    return found


def public_pages(queryset):
    """Live pages outside any view-restricted section, in the query itself.

    Wagtail's `.public()` first reads every restriction (one more query each time it is called); this is
    the same condition as a subquery, so a list (or a small list on another page) costs no extra query.
    """
    from wagtail.models import PageViewRestriction

    restricted = PageViewRestriction.objects.annotate(prefix=Length("page__path")).filter(
        page__path=Substr(OuterRef("path"), 1, F("prefix"))
    )
    return queryset.live().exclude(Exists(restricted))


def clean_text(value):
    """Visible text only: control characters (NUL, line breaks ...) become spaces, runs of space one."""
    value = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in str(value))
    return " ".join(value.split())


def shorten(text, length=40):
    return text if len(text) <= length else text[: length - 1] + "…"


def as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@dataclass
class ListingResult:
    facets: list  # [{"facet", "options" (as offered), "selected", "notice" (about a left-out value)}]
    page: object
    total: int
    active: list
    notices: list
    pagination: dict | None
    text: str = ""  # the free text searched for, as understood
    searchable: bool = False  # whether the listing offers a free-text field


class FacetListing:
    """One visit to a listing: parses the URL's parameters, filters, counts and pages."""

    def __init__(self, params, base, facets, *, base_url, language, page_size=None, text_model=None):
        self.params = params
        self.base = base
        self.facets = facets
        self.base_url = base_url
        self.language = language
        self.page_size = page_size or settings.PORTAL_PAGE_SIZE
        self.notices = []
        self.page_number = 1
        self._terms = {}
        self._districts = None
        self.options = {facet.param: facet.options(self) for facet in facets}
        # Free text (`q`), when the listing offers it: matched by the portal search (`matching_pages`).
        self.text_model = text_model
        self.text = text_words(params.get("q", "")) if text_model is not None else ""
        self._matches = None
        self.selected = {}
        for facet in facets:
            raw = clean_text(params.get(facet.param, ""))[: MAX_VALUE_LENGTH * 2]
            if not raw:
                continue
            if any(option.value == raw for option in self.options[facet.param]):
                self.selected[facet.param] = raw
            else:
                self.notices.append(Notice(facet.unknown(raw), facet.param))

    # --- Vocabulary shared between facets (and the cards) -----------------------------------------------

    def terms(self, model):
        if model not in self._terms:
            self._terms[model] = localized_terms(model, self.language)
        return self._terms[model]

    def districts(self):
        if self._districts is None:
            self._districts = list(District.objects.all())
        return self._districts

    def fallback_lang(self, obj):
        code = obj.locale.language_code
        return code if code != self.language else ""

    # --- URLs ------------------------------------------------------------------------------------------

    def state(self):
        return {"q": self.text, **self.selected} if self.text else dict(self.selected)

    def query(self, page=None, **changes):
        state = {**self.state(), **changes}
        pairs = [("q", state["q"])] if state.get("q") else []
        pairs += [(facet.param, state[facet.param]) for facet in self.facets if state.get(facet.param)]
        if page:
            pairs.append(("page", page))
        return urlencode(pairs)

    def url(self, base_url=None, page=None, **changes):
        """This listing with the state changed: a value sets a filter, None removes it."""
        query = self.query(page=page, **changes)
        return (self.base_url if base_url is None else base_url) + (f"?{query}" if query else "")

    # --- Querysets -------------------------------------------------------------------------------------

    def filtered(self, skip=None):
        queryset = self.base
        if self.text and skip != "q":
            if self._matches is None:  # one question to the search engine per visit, however many counts
                self._matches = text_match(self.text_model, self.text, self.language)
            queryset = self._matches.filter(queryset)
        for facet in self.facets:
            value = self.selected.get(facet.param)
            if value and facet.param != skip:
                queryset = facet.apply(queryset, value)
        return queryset

    def count_facets(self):
        """Each facet with its options as offered, their counts (what choosing each would give) and
        the notice about a value left out. Shared by the web lists and the API (`events/endpoints.py`)."""
        facets = []
        for facet in self.facets:
            counts = facet.counts(self.filtered(skip=facet.param))
            selected = self.selected.get(facet.param)
            options = self.options[facet.param]
            for option in options:
                option.count = counts.get(option.value, 0)
                option.selected = option.value == selected
            shown = [o for o in options if o.count or o.selected] if facet.hide_empty else options
            notice = next((n for n in self.notices if n.param == facet.param), None)
            facets.append({"facet": facet, "options": shown, "selected": selected, "notice": notice})
        return facets

    def run(self, page_number=None, prepare=None):
        """Counts, the requested page of results (`prepare` adds what the cards read) and notices."""
        facets = self.count_facets()
        results = self.filtered()
        paginator = Paginator(prepare(results) if prepare else results, self.page_size)
        page = paginator.get_page(page_number)
        self.page_number = page.number
        if page_number not in (None, "") and as_int(page_number) != page.number:
            self.notices.append(
                Notice(
                    _("There is no page “%(page)s”; page %(shown)s is shown.")
                    % {"page": shorten(clean_text(page_number), 20), "shown": page.number}
                )
            )

        active = []
        if self.text:
            active.append(ActiveFilter("q", _("Search words"), self.text, self.url(q=None), ""))
        for facet in self.facets:
            value = self.selected.get(facet.param)
            if value:
                option = next(option for option in self.options[facet.param] if option.value == value)
                active.append(
                    ActiveFilter(
                        facet.param, facet.label, option.label, self.url(**{facet.param: None}), option.lang
                    )
                )
        if paginator.count == 0:
            for item in active:
                item.count_without = self.filtered(skip=item.param).count()

        return ListingResult(
            facets=facets,
            page=page,
            total=paginator.count,
            active=active,
            notices=self.notices,
            pagination=self._pagination(page),
            text=self.text,
            searchable=self.text_model is not None,
        )

    def _pagination(self, page):
        if page.paginator.num_pages < 2:
            return None
        numbers = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
        return {
            "previous": self.url(page=page.previous_page_number()) if page.has_previous() else None,
            "next": self.url(page=page.next_page_number()) if page.has_next() else None,
            "pages": [
                {"number": number, "url": self.url(page=number) if isinstance(number, int) else None}
                for number in numbers
            ],
        }


# --- Free text ---------------------------------------------------------------------------------------------

# Only words reach the engine: quotes, brackets, stars and the like are operators in one engine or another.
NOT_A_WORD = re.compile(r"[^\w'-]+")


def text_words(text):
    return " ".join(NOT_A_WORD.sub(" ", clean_text(text)).split())[: MAX_VALUE_LENGTH * 2]


def text_match(model, text, language):
    """The portal search's `TextMatch` for `text` among the entries of `model`'s content type that
    visitors in `language` see (their translations, German originals standing in): the search page's
    analysers, typo tolerance and fallback to the database (`search.matching`)."""
    return match(adapter_for_model(model).kind, text, language)


def matching_pages(queryset, model, text, language):
    """The pages of `queryset` matching `text` (see `text_match`), as a queryset again, so facets count
    and the list pages in the database. Empty text (or no word in it) filters nothing. The web lists
    (`FacetListing(text_model=...)`) and the API's `q` both come here."""
    words = text_words(text or "")
    if not words:
        return queryset
    return text_match(model, words, language).filter(queryset)
