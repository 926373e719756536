"""One visit to a filtered, counted and paged listing: all state in the URL.

A listing is a base queryset (what the visitor may see in their language, already ordered) and a list
of facets (`home.listing.facets`). Each facet reads one URL parameter and checks its value against what
exists; anything else is left out with a notice tied to its field, in the visitor's language, and the
list is always shown. Each option's count is what choosing it would show (the items matching all *other*
filters), one grouped query per facet. Facets combine (AND); one value per facet on a web page (the API
may put several alternatives in `selected`). Links only carry what was understood, never the nonsense.
Pages come from `Paginator.get_page`, the page size from `PORTAL_PAGE_SIZE`.

Free text (`q`) is optional: a listing with a `text_model` matches it with the portal search
(`search.matching`); a search engine outage leaves the text out with a notice, the filters still work.
A listing with more to say (the partner finder: its own search, order and map) subclasses
`FacetListing` and overrides the hooks `parse_text`, `match_text` and `ordered`.
"""

import hashlib
import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from home import page_cache
from search.matching import IdArray, match
from search.registry import adapter_for_model

from . import together
from .language import localized_terms
from .text import MAX_VALUE_LENGTH, as_int, clean_text, shorten, text_words

logger = logging.getLogger(__name__)


@dataclass
class Notice:
    """What a listing left out and why. The notice box links it to its field (`listing_notices.html`)."""

    text: str
    param: str | None = None  # the filter it is about: the form ties the text to that field
    label: str = ""  # the field's label, where the box names the field before the text ("Label: text")

    def __str__(self):
        return str(self.text)


@dataclass
class ActiveFilter:
    param: str
    label: str
    value_label: str
    remove_url: str
    lang: str = ""
    count_without: int | None = None  # with nothing found: what leaving this filter out would show


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

    text_label = _("Search words")
    page_notice = _("There is no page “%(page)s”; page %(shown)s is shown.")
    text_failed = _("The search by text is not available at the moment; the other filters still work.")
    ways_out = True  # with nothing found, count what leaving out each active filter would show

    def __init__(self, params, base, facets, *, base_url, language, page_size=None, text_model=None):
        self.params = params
        self.base = base
        self.facets = facets
        self.base_url = base_url
        self.language = language
        self.page_size = page_size or settings.PORTAL_PAGE_SIZE
        self.notices = []
        self.page_number = 1
        self.search_failed = False
        self._terms = {}
        self._objects = {}
        self.options = {facet.param: facet.options(self) for facet in facets}
        self.text_model = text_model
        self.searchable = text_model is not None
        self.text = self.parse_text(params.get("q", "")) if self.searchable else ""
        self._matches = None
        self._matched = None
        self._counted = {}
        self._kept = None  # the name the counts and pages are kept under (`run`)
        self.extra = {}  # other parameters a subclass understood (dates, sort ...), kept by every link
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
        """slug -> term of a translatable vocabulary in the visitor's language (German standing in)."""
        if model not in self._terms:
            self._terms[model] = localized_terms(model, self.language)
        return self._terms[model]

    def objects(self, model):
        """Every object of a vocabulary that is the same in every language (districts), read once."""
        if model not in self._objects:
            self._objects[model] = page_cache.kept(
                f"objects:{model._meta.label_lower}", lambda: list(model._default_manager.all())
            )
        return self._objects[model]

    # --- Free text: hooks ----------------------------------------------------------------------------------

    def parse_text(self, raw):
        return text_words(raw)

    def match_text(self):
        """The portal search's `TextMatch` for the text (see `text_match`)."""
        return text_match(self.text_model, self.text, self.language)

    def matches(self):
        """The text's matches, asked once per visit however many counts; None without text (or when the
        search engine failed: then the text is left out and the visitor told)."""
        if self.text and self._matches is None:
            try:
                self._matches = self.match_text()
            except Exception:  # noqa: BLE001 - a search engine outage must not take the listing down
                logger.exception("listing: free-text search failed")
                self.search_failed = True
                self.notices.append(Notice(self.text_failed, "q"))
                self.text = ""
        return self._matches if self.text else None

    def ordered(self, queryset):
        """The results' order; the base queryset's by default."""
        return queryset

    def narrow(self, queryset, skip=None):
        """Filters that are not facets (a subclass's: dates, capacity ...); `skip` as in `filtered`."""
        return queryset

    # --- URLs ------------------------------------------------------------------------------------------

    def state(self):
        state = {"q": self.text, **self.selected} if self.text else dict(self.selected)
        return {**state, **self.extra}

    def querystring(self, page=None, **changes):
        state = {**self.state(), **changes}
        pairs = [("q", state["q"])] if state.get("q") else []
        pairs += [(facet.param, state[facet.param]) for facet in self.facets if state.get(facet.param)]
        pairs += [(param, state[param]) for param in self.extra if state.get(param)]
        if page:
            pairs.append(("page", page))
        return urlencode(pairs)

    def url(self, base_url=None, page=None, **changes):
        """This listing with the state changed: a value sets a filter, None removes it."""
        query = self.querystring(page=page, **changes)
        return (self.base_url if base_url is None else base_url) + (f"?{query}" if query else "")

    # --- Querysets -------------------------------------------------------------------------------------

    def selected_values(self, param):
        """The chosen values of a facet as a tuple (one on a web page, alternatives from the API)."""
        value = self.selected.get(param)
        if not value:
            return ()
        return (value,) if isinstance(value, str) else tuple(value)

    def matched(self):
        """The base narrowed to the text's matches (None without text), worked out once per visit.

        A listing narrows its base to the matches for every count and for the page (six to eight
        statements). Where the base is conditions alone, the ids of its matching rows are read once and
        the statements start from them (`IdArray`: one parameter): the base's own conditions – for a
        language other than German, "its own translation, or the German original where there is
        none" – are then worked out once instead of in every statement (at the search mix's scale
        each one read every resource: 17 ms a statement). A base with more than conditions (joins
        selected, annotations, an order) keeps the matches as a condition."""
        matches = self.matches()
        if matches is None:
            return None
        if self._matched is None:
            base = self.base
            query = base.query
            if query.annotations or query.select_related or base._prefetch_related_lookups or query.order_by:
                self._matched = matches.filter(base)  # SQL: the matches are never loaded
            else:
                ids = list(matches.filter(base).order_by().values_list("pk", flat=True))
                self._matched = base.model._default_manager.filter(pk__in=IdArray(ids))
        return self._matched

    def filtered(self, skip=None):
        """What matches every filter but `skip` (a facet's parameter, or "q")."""
        matched = self.matched() if skip != "q" else None
        queryset = self.base if matched is None else matched
        for facet in self.facets:
            values = self.selected_values(facet.param)
            if values and facet.param != skip:
                queryset = facet.apply(queryset, values)
        return self.narrow(queryset, skip)

    def extra_counts(self):
        """{name: queryset} counted together with the facets (`counted`): what else a listing's page
        shows a number of (the resource listing: step-free rooms)."""
        return {}

    def counted(self, name):
        """A count of `extra_counts` (or "total": what matches every filter), asked for by `count_facets`
        in the same query; None before."""
        return self._counted.get(name)

    def count_facets(self, total=False):
        """Each facet with its options as offered, their counts (what choosing each would give) and
        the notice about a value left out. Shared by the web lists and the API (`api/facets.py`).

        One query for every facet's counts, the `extra_counts` and, with `total`, the number of results
        (`home.listing.together`); a web page's (`run` with `keep`) kept per generation."""
        self.matches()
        if self._kept is not None and total:
            answers, self._counted = page_cache.kept(f"{self._kept}:counts", lambda: self._count(total))
        else:
            answers, self._counted = self._count(total)
        facets = []
        for facet, counted in zip(self.facets, answers, strict=True):
            counts = facet.read_counts(counted)
            chosen = self.selected_values(facet.param)
            options = self.options[facet.param]
            for option in options:
                option.count = counts.get(option.value, 0)
                option.selected = option.value in chosen
            shown = [o for o in options if o.count or o.selected] if facet.hide_empty else options
            notice = next((n for n in self.notices if n.param == facet.param), None)
            facets.append(
                {
                    "facet": facet,
                    "options": shown,
                    "selected": self.selected.get(facet.param),
                    "notice": notice,
                }
            )
        return facets

    def _count(self, total):
        """([each facet's counts], {name of an extra count: its count}), in one query."""
        extra = {**({"total": self.filtered()} if total else {}), **self.extra_counts()}
        parts = [facet.count_part(self.filtered(skip=facet.param)) for facet in self.facets]
        parts += [together.total(queryset) for queryset in extra.values()]
        answers = together.count(parts)
        counted = {
            name: answer.get("n", 0) for name, answer in zip(extra, answers[len(self.facets) :], strict=True)
        }
        return answers[: len(self.facets)], counted

    def results(self):
        """What matches every filter, in order."""
        return self.ordered(self.filtered())

    def run(self, page_number=None, prepare=None, keep=None):
        """Counts, the requested page of results (`prepare` adds what the cards read) and notices.

        `keep` names the listing's base (its page and whatever else the base depends on besides the
        language, the day and the parameters: "events:<index>:past"): its counts and pages are then kept
        per generation of the page cache (`kept_as`), so a page the cache misses or must not keep (a
        visitor with a basket or a session, another page of the same filters) does not count and read
        them again. Nothing is kept for free text: the search engine's answers are not the page cache's.
        """
        self._kept = self.kept_as(keep)
        facets = self.count_facets(total=True)
        # The page is cut from the count alone; only its rows are read (and kept).
        page = Paginator(range(self.counted("total")), self.page_size).get_page(page_number)
        rows = page.object_list  # a range: the page's positions among the results

        def read():
            if not rows:
                return []
            results = self.results()
            return list((prepare(results) if prepare else results)[rows.start : rows.stop])

        page.object_list = (
            read() if self._kept is None else page_cache.kept(f"{self._kept}:page:{page.number}", read)
        )
        self.page_number = page.number
        if page_number not in (None, "") and as_int(page_number) != page.number:
            self.notices.append(
                Notice(
                    self.page_notice % {"page": shorten(clean_text(page_number), 20), "shown": page.number}
                )
            )
        active = self.active_filters()
        if page.paginator.count == 0 and self.ways_out:
            for item in active:
                item.count_without = self.filtered(skip=item.param).count()
        return ListingResult(
            facets=facets,
            page=page,
            total=page.paginator.count,
            active=active,
            notices=self.notices,
            pagination=self.pagination(page),
            text=self.text,
            searchable=self.searchable,
        )

    def kept_as(self, keep):
        """The name the counts and pages of this visit are kept under (`run`), or None: without `keep`,
        with free text, with the page cache off. The day is in it ("from today", "still available")."""
        if keep is None or self.text or not page_cache.enabled():
            return None
        state = hashlib.sha256(self.querystring().encode()).hexdigest()[:32]
        return f"listing:{keep}:{self.language}:{page_cache.today().isoformat()}:{self.page_size}:{state}"

    def active_filters(self):
        active = []
        if self.text:
            active.append(ActiveFilter("q", self.text_label, self.text, self.url(q=None), ""))
        for facet in self.facets:
            value = self.selected.get(facet.param)
            if value:
                option = next(option for option in self.options[facet.param] if option.value == value)
                active.append(
                    ActiveFilter(
                        facet.param,
                        facet.active_label,
                        option.label,
                        self.url(**{facet.param: None}),
                        option.lang,
                    )
                )
        return active

    def pagination(self, page):
        """Links to the other pages, keeping the filters; None with one page."""
        return page_links(page, lambda number: self.url(page=number))


def page_links(page, url_for, on_each_side=1):
    """Links to the pages around `page` (a `Paginator` page) and to the first and last, in the shape
    `listing_pagination.html` reads: {"previous", "next", "pages": [{"number", "url"}]}; None with one page.

    `url_for(number)` gives a page's address, so every list with pages shares one way to link them: the
    facet listings keep their filters, the search page its multi-valued ones.
    """
    if page.paginator.num_pages < 2:
        return None
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=on_each_side, on_ends=1)
    return {
        "previous": url_for(page.previous_page_number()) if page.has_previous() else None,
        "next": url_for(page.next_page_number()) if page.has_next() else None,
        "pages": [
            {"number": number, "url": url_for(number) if isinstance(number, int) else None}
            for number in numbers
        ],
    }


def public_pages(queryset):
    """Live pages outside any view-restricted section, in the query itself.

    Wagtail's `.public()` first reads every restriction (one more query each time it is called); this is
    the same condition as a subquery, so a list (or a small list on another page) costs no extra query.
    """
    return queryset.live().exclude(restricted())


def restricted():
    """True for a page inside a view-restricted section (itself or an ancestor restricted), as an SQL
    expression on a page queryset."""
    return Exists(
        PageViewRestriction.objects.annotate(prefix=Length("page__path")).filter(
            page__path=Substr(OuterRef("path"), 1, F("prefix"))
        )
    )


# --- Free text ---------------------------------------------------------------------------------------------


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
