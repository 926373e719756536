"""The search page (/de/suche/, /en/search/, ...) and the suggestions the header's search box shows."""

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from home import page_cache
from home.listing import ActiveFilter, ListingResult, Notice, Option, page_links
from taxonomy.collation import sort_key

from . import stats
from .engine import (
    MAX_QUERY_LENGTH,
    SORTS,
    SearchRequest,
    SearchUnavailable,
    active_engine,
    clean_query,
    run,
)
from .models import SearchEntry
from .registry import adapter_for_kind, facets, label_lang

MAX_VALUES_PER_FACET = 20
SUGGESTION_LIMIT = 6
MIN_SUGGESTION_LENGTH = 2


@dataclass
class Pick:
    """An editors' pick: a page of the portal (as a search entry) or an external link."""

    title: str
    url: str
    summary: str
    content_language: str = ""
    external: bool = False


def _page_number(raw):
    try:
        return min(max(int(raw), 1), 1_000_000)
    except (TypeError, ValueError):
        return 1


def parse(request, language):
    """The search the visitor asked for, and notes about what in the address could not be used."""
    notes = []
    query, shortened = clean_query(request.GET.get("q", ""))
    if shortened:
        notes.append(
            _("Your search was shortened to its first %(count)s characters.") % {"count": MAX_QUERY_LENGTH}
        )
    filters = []
    for facet in facets():
        requested = []
        for value in request.GET.getlist(facet.name):
            value = " ".join(value.split())[:120]
            if value and value not in requested:
                requested.append(value)
        requested = requested[:MAX_VALUES_PER_FACET]
        if not requested:
            continue
        known = facet.labels(requested, language)
        for value in requested:
            if value not in known:
                notes.append(
                    _("The filter “%(value)s” (%(facet)s) does not exist and was left out.")
                    % {"value": value, "facet": facet.label}
                )
        values = tuple(value for value in requested if value in known)
        if values:
            filters.append((facet.name, values))
    sort = request.GET.get("sort") or "relevance"
    if sort not in SORTS:
        notes.append(_("The results cannot be sorted that way; they are sorted by relevance."))
        sort = "relevance"
    search_request = SearchRequest(
        query=query,
        language=language,
        filters=tuple(filters),
        sort=sort,
        page=_page_number(request.GET.get("page")),
        per_page=settings.PORTAL_PAGE_SIZE,
    )
    return search_request, notes


def editors_picks(query, language):
    """What editors pinned for this query (Wagtail's search promotions), in the visitor's language."""
    normalised = normalise_query_string(query)
    if not normalised:
        return [], []
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    keys = [promotion.page.translation_key for promotion in promotions if promotion.page_id]
    entries = {
        entry.translation_key: entry
        for entry in SearchEntry.objects.filter(language=language, translation_key__in=keys)
    }
    picks = []
    for promotion in promotions:
        if promotion.page_id:
            entry = entries.get(promotion.page.translation_key)
            if entry is not None:  # unpublished or private pages are not picked
                # Editors write the note once, in German; other languages show the page's own summary.
                own_note = promotion.description and language == settings.LANGUAGE_CODE
                summary = promotion.description if own_note else entry.summary
                picks.append(Pick(entry.title, entry.url, summary, entry.content_language))
        elif promotion.external_link_url:
            title = promotion.external_link_text or promotion.external_link_url
            picks.append(Pick(title, promotion.external_link_url, promotion.description, external=True))
    return picks, keys


def _link(params, **changes):
    pairs = [(name, value) for name, value in params if name not in changes]
    pairs += [(name, value) for name, value in changes.items() if value not in (None, "")]
    return "?" + urlencode(pairs)


def _facet_panels(search_request, outcome, language):
    """Each facet with its options (`home.listing.Option`): the values found (counted by the search engine,
    each count ignoring the facet's own choice) and the chosen ones, chosen first, then the most found (or,
    for a facet ordered by name, alphabetically in the visitor's language), ties alphabetically."""
    chosen = dict(search_request.filters)
    panels = []
    for facet in facets():
        counts = outcome.facet_counts.get(facet.name, {})
        selected = chosen.get(facet.name, ())
        # What was found, and every chosen value even where nothing is found with it (a count of 0).
        values = [value for value, count in counts.items() if count or value in selected] + [
            v for v in selected if v not in counts
        ]
        labels = facet.labels(values, language) if values else {}
        options = [
            Option(
                value,
                labels[value],
                count=counts.get(value, 0),
                selected=value in selected,
                lang=label_lang(labels[value]),
            )
            for value in values
            if value in labels
        ]
        if facet.order == "name":
            options.sort(key=lambda option: (not option.selected, sort_key(option.label, language)))
        else:
            options.sort(
                key=lambda option: (not option.selected, -option.count, sort_key(option.label, language))
            )
        if options:
            panels.append({"facet": facet, "options": options})
    return panels


def _active_filters(search_request, params, panels):
    """Each chosen filter value (`home.listing.ActiveFilter`) with an address that removes just that value."""
    options = {
        (panel["facet"].name, option.value): (panel["facet"], option)
        for panel in panels
        for option in panel["options"]
    }
    active = []
    for name, values in search_request.filters:
        for value in values:
            facet, option = options[(name, value)]
            remaining = [(n, v) for n, v in params if not (n == name and v == value)]
            active.append(ActiveFilter(name, facet.label, option.label, _link(remaining), option.lang))
    return active


@require_GET
def search(request):
    language = translation.get_language()
    search_request, notes = parse(request, language)
    searched = bool(search_request.query or search_request.filters)
    notices = [Notice(note) for note in notes]
    context = {
        "query": search_request.query,
        "listing": ListingResult(facets=[], page=None, total=0, active=[], notices=notices, pagination=None),
        "sort": search_request.sort,
        "searched": searched,
        "engine": active_engine(),
    }
    if not searched:
        return render(request, "search/search.html", context)

    # A search as typed (first page, no filters) shows the editors' picks and is counted.
    fresh = bool(search_request.query) and not search_request.filters and "page" not in request.GET
    picks, pick_keys = editors_picks(search_request.query, language) if fresh else ([], [])
    if pick_keys:
        search_request = replace(search_request, exclude_keys=tuple(pick_keys))
    try:
        outcome, degraded = run("search", search_request)
    except SearchUnavailable:
        return render(request, "search/search.html", {**context, "unavailable": True}, status=503)
    found = bool(outcome.total or picks)
    if fresh:
        stats.record(search_request.query, language, found=found)

    for entry in outcome.entries:
        adapter = adapter_for_kind(entry.kind)
        entry.type_label = adapter.label if adapter else ""
        entry.date_label = adapter.date_label if adapter else ""
    params = [("q", search_request.query)] if search_request.query else []
    params += [(name, value) for name, values in search_request.filters for value in values]
    if search_request.sort != "relevance":
        params.append(("sort", search_request.sort))
    context.update(
        listing=_listing(search_request, outcome, params, notices),
        outcome=outcome,
        degraded=degraded,
        engine=outcome.engine,
        picks=picks,
        result_count=outcome.total + len(picks),
        clear_filters_url=_link([("q", search_request.query)] if search_request.query else []),
        # "Did you mean …?": the query as the vocabulary spells it, with the same filters and sort.
        suggestion_url=_link(params, q=outcome.suggestion, page=None) if outcome.suggestion else "",
        sort_links=[
            {
                "value": value,
                "label": label,
                "url": _link(params, sort=None if value == "relevance" else value),
            }
            for value, label in (("relevance", _("Relevance")), ("date", _("Date")))
        ],
    )
    response = render(request, "search/search.html", context)
    if degraded:
        add_never_cache_headers(response)  # not kept by the page cache: the next search may do better
    elif fresh:
        page_cache.replay_on_hit(response, "search.stats.record", search_request.query, language, found=found)
    return response


def _listing(search_request, outcome, params, notices):
    """The search's answer in the shape the listings share (`home.listing.ListingResult`), so the page
    shows its active filters, notices and pages with the same templates as every other list."""
    language = search_request.language
    panels = _facet_panels(search_request, outcome, language)
    page = Paginator(_Window(outcome), search_request.per_page).get_page(outcome.page)
    return ListingResult(
        facets=panels,
        page=page,
        total=outcome.total,
        active=_active_filters(search_request, params, panels),
        notices=notices,
        pagination=page_links(page, lambda number: _link(params, page=number), on_each_side=2),
        text=search_request.query,
        searchable=True,
    )


class _Window:
    """The page of results the engine fetched, shaped for Django's Paginator (which only slices)."""

    def __init__(self, outcome):
        self.outcome = outcome

    def count(self):
        return self.outcome.window

    def __len__(self):
        return self.outcome.window

    def __getitem__(self, key):
        return self.outcome.entries


@require_GET
def suggestions(request):
    """Up to six results as you type, as JSON: {"query": ..., "suggestions": [{title, url, type, lang}]}."""
    language = translation.get_language()
    query, _shortened = clean_query(request.GET.get("q", ""))
    items = []
    degraded = ""
    if len(query) >= MIN_SUGGESTION_LENGTH:
        try:
            entries, degraded = run("suggest", query, language, SUGGESTION_LIMIT)
        except SearchUnavailable:
            entries, degraded = [], "unavailable"
        for entry in entries:
            adapter = adapter_for_kind(entry.kind)
            items.append(
                {
                    "title": entry.title,
                    "url": entry.url,
                    "type": str(adapter.label) if adapter else "",
                    "lang": entry.content_language,
                }
            )
    response = JsonResponse({"query": query, "suggestions": items}, json_dumps_params={"ensure_ascii": False})
    # The same for every visitor: shared caches may keep it briefly (not while degraded).
    patch_cache_control(response, public=True, max_age=5 if degraded else 60)
    return response
