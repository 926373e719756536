"""Events in the headless API (see README, "API").

- `GET /api/v3/events/` – the event list as JSON: `when=upcoming` (default: not over yet, running events
  included, soonest first) or `when=past` (newest first), and the web list's own filters with their
  counts (`events.listing.facets`: `month` YYYY-MM within the list's window, `field`, `district`,
  `language`, `kind`; one value each), `q` free text (`home.listing.matching_pages`), `limit`/`offset`.
- `GET /api/v3/events/{page_id}/` and `/api/v3/events/by-slug/{slug}/` – one event with every field.
- Calendars: every event has `ics_url` (its own .ics file, the web page's, in the response's language);
  the list has `feeds` (the subscribable calendar feed of the events page in that language, for every
  upcoming event and with the list's filters that the feed takes, each also as `webcal://`).

Times are the pages API's: `local_start`/`local_end` in Dortmund time with its offset for that day
(`2026-10-24T17:00:00+02:00`; dates only for all-day events in `start_date`/`end_date`), `starts_at`/
`ends_at` as UTC instants, `time_zone: "Europe/Berlin"`. The list depends on the clock (an event that
ends moves to the past list; the month window moves on the first of a month), so its Last-Modified is
never earlier than the last such moment (`api.caching.also_modified`).
"""

from typing import Literal
from urllib.parse import urlencode

from django.db.models import Max, Prefetch
from ninja import Field, Schema
from pydantic import create_model

from api import accepted, caching
from api.collections import LANG_DESCRIPTION
from api.facets import choose, in_every_language
from api.language import LanguageCode
from api.listed_pages import FilterValue, ListedPage, ListedPages, images_with_renditions
from api.translated import page_url
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


# --- Calendars: an event's .ics file and the subscribable feed ---------------------------------------------


class CalendarFeeds(Schema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "all": "https://portal.example.org/ar/events/ics/",
                    "all_webcal": "webcal://portal.example.org/ar/events/ics/",
                    "filtered": "https://portal.example.org/ar/events/ics/?field=bildung",
                    "filtered_webcal": "webcal://portal.example.org/ar/events/ics/?field=bildung",
                }
            ]
        }
    }

    all: str = Field(..., description="Every upcoming event, as an iCalendar feed to subscribe to.")
    all_webcal: str = Field(..., description="The same feed as a `webcal://` address (calendar apps).")
    filtered: str | None = Field(
        None,
        description="The feed with this list's filters (`field`, `district`, `language`, `kind`; the feed "
        "has no `month` or `q`), or null without such a filter.",
    )
    filtered_webcal: str | None = Field(None, description="`filtered` as a `webcal://` address.")


class EventItem(ListedPage):
    ics_url: str | None = Field(
        None,
        description="The event as an iCalendar file (.ics) to add to a calendar, in the response's language.",
    )

    feeds: CalendarFeeds | None = Field(
        None,
        description="The calendar feed of the events page this event is listed on (every upcoming event, "
        "in the response's language), to subscribe to; `filtered` is null here.",
    )

    @staticmethod
    def resolve_ics_url(obj, context):
        url = page_url(obj, context["request"])
        return url + obj.reverse_subpage("ics") if url else None

    @staticmethod
    def resolve_feeds(obj, context):
        return getattr(obj, "_api_feeds", None)


FEED_FILTERS = ("field", "district", "language", "kind")


def calendar_feeds(request, index, filters=None):
    """The index page's calendar feed (in the index page's language) for all events and with the filters."""
    url = request.build_absolute_uri(index.feed_url(request))
    query = urlencode(
        [(name, getattr(filters, name)) for name in FEED_FILTERS if filters and getattr(filters, name)]
    )
    filtered = f"{url}?{query}" if query else None
    return {
        "all": url,
        "all_webcal": _webcal(url),
        "filtered": filtered,
        "filtered_webcal": _webcal(filtered) if filtered else None,
    }


def _webcal(url):
    return "webcal://" + url.split("://", 1)[1]


class EventCollection(ListedPages):
    page_model = EventPage
    index_model = EventIndexPage
    item_base = EventItem
    filters = EventFilters
    list_extra = {
        "when": (str, Field(..., description="The list shown: `upcoming` or `past`.")),
        "feeds": (CalendarFeeds, Field(..., description="Calendar feeds of these events to subscribe to.")),
    }
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
        choose(listing, filters, operation="events_list")
        caching.also_modified(request, clock_changed(now))
        return listing, {"when": filters.when, "feeds": calendar_feeds(request, index, filters)}

    def annotate(self, request, language, items):
        """Also the feeds of the events page every item is listed on (one page for all of them)."""
        super().annotate(request, language, items)
        if items:
            feeds = calendar_feeds(request, self.index(language))
            for item in items:
                item._api_feeds = feeds

    def accepted_values(self):
        # Both lists' filters in any language (`api.accepted`): `month` takes the months of the upcoming
        # and of the past list whatever `when` says (filters combine: a past month's upcoming events are
        # the ones still running).
        listings = [
            *in_every_language(facets(month_window(False))),
            *in_every_language(facets(month_window(True))),
        ]
        return {"events_list": accepted.enums(accepted.facet_values(listings))}

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
