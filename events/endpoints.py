"""Events in the headless API (see README, "API").

- `GET /api/v3/events/` – the event list as JSON: `when=upcoming` (default: not over yet, running events
  included, soonest first) or `when=past` (newest first), and the web list's own filters with their
  counts (`events.listing.facets`: `month` YYYY-MM within the list's window, `field`, `district`,
  `language`, `kind`; one value each), `q` free text (`home.listing.matching_pages`), `limit`/`offset`.
- `GET /api/v3/events/{page_id}/` and `/api/v3/events/by-slug/{slug}/` – one event with every field.

Times are the pages API's: `local_start`/`local_end` in Dortmund time with its offset for that day
(`2026-10-24T17:00:00+02:00`; dates only for all-day events in `start_date`/`end_date`), `starts_at`/
`ends_at` as UTC instants, `time_zone: "Europe/Berlin"`. The list depends on the clock (an event that
ends moves to the past list; the month window moves on the first of a month), so its Last-Modified is
never earlier than the last such moment (`api.caching.also_modified`).
"""

from typing import Literal

from django.db.models import Max, Prefetch
from ninja import Field, Schema
from pydantic import create_model

from api import caching
from api.collections import LANG_DESCRIPTION
from api.facets import choose
from api.language import LanguageCode
from api.listed_pages import FilterValue, ListedPages, images_with_renditions
from home.listing import FacetListing, matching_pages
from taxonomy.models import EngagementField

from . import dates
from .listing import events_in, facets, month_window, past, upcoming, with_card_details
from .models import EventIndexPage, EventPage

FILTERS = {
    "month": "Events on any day of this month, YYYY-MM (the upcoming list covers this month and the next "
    "months, the past list the last months; see the `month` facet).",
    "field": "Engagement field (slug, see /api/v3/engagement-fields/).",
    "district": "District (slug, see /api/v3/districts/).",
    "language": "Language the event is held in (code, see the `language` facet).",
    "kind": "Kind of event (see the `kind` facet).",
}
MAX_QUERY_LENGTH = 200

EventFilters = create_model(
    "EventFilters",
    __base__=Schema,
    lang=(LanguageCode | None, Field(None, description=LANG_DESCRIPTION)),
    when=(
        Literal["upcoming", "past"],
        Field("upcoming", description="`upcoming` (not over yet, soonest first) or `past` (newest first)."),
    ),
    q=(
        str | None,
        Field(None, max_length=MAX_QUERY_LENGTH, description="Words in the title, summary or description."),
    ),
    **{name: (FilterValue | None, Field(None, description=text)) for name, text in FILTERS.items()},
)


class EventCollection(ListedPages):
    page_model = EventPage
    index_model = EventIndexPage
    filters = EventFilters
    list_extra = {"when": (str, Field(..., description="The list shown: `upcoming` or `past`."))}
    long_fields = ("description",)

    def __init__(self):
        super().__init__(
            path="events",
            label="Events",
            description="Workshops, consultation days, network meetings and association events, as the "
            "event calendar lists them: upcoming or past, with its filters and their counts.",
        )

    def listing(self, request, index, filters):
        now = dates.now()
        past_events = filters.when == "past"
        language = index.locale.language_code
        events = matching_pages(events_in(index), EventPage, filters.q, language)
        events = past(events, now) if past_events else upcoming(events, now)
        listing = FacetListing({}, events, facets(month_window(past_events)), base_url="", language=language)
        choose(listing, filters)
        caching.also_modified(request, clock_changed(now))
        return listing, {"when": filters.when}

    def prepare(self, queryset, language):
        return with_card_details(queryset, language, fields=False).prefetch_related(
            Prefetch("engagement_fields", queryset=EngagementField.objects.order_by("sort_order", "name")),
            "target_groups",
            images_with_renditions(),
        )

    def examples(self, request, language):
        return {
            **super().examples(request, language),
            "events_list": f"lang={language}&field=bildung&language=tr",
        }


def clock_changed(now):
    """Unix time of the last moment the lists changed by the clock alone: an event ended, or a month began
    (Dortmund time)."""
    began = dates.local(dates.month_start(now.date()))
    ended = EventPage.objects.filter(live=True, ends_at__lte=now).aggregate(last=Max("ends_at"))["last"]
    return max(began, ended or began).timestamp()


endpoints = [EventCollection()]
