"""What the event pages serve: the upcoming and past lists, one event, its .ics file and the calendar feed.

Routed by `EventIndexPage` (/de/veranstaltungen/, /de/veranstaltungen/past/, the feed at
/de/veranstaltungen/ics/) and `EventPage` (/de/veranstaltungen/<slug>/, its .ics file at .../<slug>/ics/).
"""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home.listing import FacetListing, localized_terms
from home.models import PortalSettings
from partners.models import PartnerFinderPage, PartnerOrganisation
from taxonomy.models import EngagementField, TargetGroup

from . import calendar, dates
from .listing import (
    events_in,
    facets,
    feed_facets,
    label_cards,
    month_window,
    past,
    upcoming,
    with_card_details,
)
from .models import EventIndexPage, EventPage
from .structured_data import event_json_ld

FEED_MAX_EVENTS = 500
FEED_CACHE_SECONDS = 15 * 60


# --- Lists ---------------------------------------------------------------------------------------------------


def event_listing(request, index, past_events):
    language = index.locale.language_code
    now = dates.now()
    base_url = index.past_url(request) if past_events else index.get_url(request)
    events = events_in(index)
    events = past(events, now) if past_events else upcoming(events, now)
    listing = FacetListing(
        request.GET,
        events,
        facets(month_window(past_events)),
        base_url=base_url,
        language=language,
        text_model=EventPage,
    )
    result = listing.run(
        request.GET.get("page"),
        prepare=lambda events: with_card_details(events, language),
        keep=f"events:{index.pk}:{'past' if past_events else 'upcoming'}",
    )
    terms = listing.terms(EngagementField)
    cards = label_cards(list(result.page.object_list), terms)

    context = index.get_context(request)
    context.update(
        {
            "listing": result,
            "events": cards,
            "past": past_events,
            "index_url": index.get_url(request),
            "past_url": index.past_url(request),
            "list_url": base_url,
            "feeds": _feeds(request, index, terms, listing.selected.get("field")),
            "source_language": settings.LANGUAGE_CODE,
        }
    )
    if past_events or request.GET:
        # Filters are the same in every language: switching language keeps them (and the page and list).
        number = listing.page_number if listing.page_number > 1 else None
        context["language_urls"] = {
            page.locale.language_code: listing.url(
                base_url=page.past_url(request) if past_events else page.get_url(request), page=number
            )
            for page in EventIndexPage.objects.live()
            .filter(translation_key=index.translation_key)
            .select_related("locale")
        }
    return TemplateResponse(request, "events/event_index_page.html", context)


def _feeds(request, index, terms, selected_field):
    """Subscribable calendars: all events, and one per engagement field (the chosen one first)."""
    url = request.build_absolute_uri(index.feed_url(request))
    webcal = "webcal://" + url.split("://", 1)[1]
    fields = sorted(terms.values(), key=lambda term: term.slug != selected_field)
    return {
        "all": {"https": url, "webcal": webcal},
        "fields": [
            {"term": term, "https": f"{url}?field={term.slug}", "webcal": f"{webcal}?field={term.slug}"}
            for term in fields
        ],
    }


# --- One event -------------------------------------------------------------------------------------------------


def organiser_of(request, event, language):
    """(name, URL, partner shown) of who organises the event, in the visitor's language: the partner
    organisation (German where not translated), or VMDO e.V. when no partner is named."""
    if event.organiser_id:
        partner = (
            PartnerOrganisation.objects.in_language(language)
            .filter(translation_key=event.organiser.translation_key)
            .select_related("locale")
            .first()
        )
        if partner is not None:
            finder = PartnerFinderPage.objects.live().filter(locale__language_code=language).first()
            url = finder.partner_url(partner, request) if finder else partner.website
            return partner.name, request.build_absolute_uri(url) if url else "", partner
        return event.organiser.name, "", None  # not (or no longer) in the directory: the name only
    portal = PortalSettings.load(request_or_site=request)
    return portal.organisation or "VMDO e.V.", request.build_absolute_uri(f"/{language}/"), None


def event_context(request, event):
    """What an event's page shows besides its own fields (also in the editor's preview)."""
    language = event.locale.language_code
    parent = event.get_parent() if event.path else None
    index_url = parent.get_url(request) if parent is not None else ""
    fields = localized_terms(EngagementField, language)
    groups = localized_terms(TargetGroup, language)
    organiser_name, organiser_url, organiser = organiser_of(request, event, language)
    context = {
        "index_url": index_url,
        "field_terms": [fields[t.slug] for t in event.engagement_fields.all() if t.slug in fields],
        "target_group_terms": [groups[t.slug] for t in event.target_groups.all() if t.slug in groups],
        "organiser_name": organiser_name,
        "organiser_url": organiser_url,
        "organiser": organiser,
        "source_language": settings.LANGUAGE_CODE,
        "json_ld": event_json_ld(event, request, organiser_name=organiser_name, organiser_url=organiser_url)
        if event.pk
        else "",
    }
    if event.pk:
        context["ics_url"] = event.ics_url(request)
    return context


def _ics_response(content, filename, attachment):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={FEED_CACHE_SECONDS}"
    return response


def event_ics(request, event):
    """The event as an .ics file to add to a calendar."""
    name, _url, _partner = organiser_of(request, event, event.locale.language_code)
    content = calendar.calendar([event], request, event.title, organisers={event.pk: name})
    return _ics_response(content, f"{event.slug}.ics", attachment=True)


# --- The feed ---------------------------------------------------------------------------------------------------


def calendar_feed(request, index):
    """All upcoming events as a calendar to subscribe to (and those of the last days, so a subscribed
    calendar keeps them); filtered like the list (`field`, `district`, `language`, `kind`)."""
    language = index.locale.language_code
    since = dates.now() - datetime.timedelta(days=settings.EVENTS_FEED_PAST_DAYS)
    events = events_in(index).filter(ends_at__gt=since).order_by("starts_at", "pk")
    listing = FacetListing(request.GET, events, feed_facets(), base_url="", language=language)
    if listing.notices:
        # A calendar program cannot show a notice: answer plainly what is wrong instead of a calendar.
        return HttpResponse(
            "\n".join(str(notice) for notice in listing.notices) + "\n",
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    chosen = label_cards(list(with_card_details(listing.filtered(), language)[:FEED_MAX_EVENTS]))
    name = _("House of Resources Dortmund: events")
    field = listing.selected.get("field")
    if field:
        term = listing.terms(EngagementField)[field]
        name = _("House of Resources Dortmund: events – %(field)s") % {"field": term.name}
    programme = PortalSettings.load(request_or_site=request).organisation or "VMDO e.V."
    organisers = {event.pk: event.organiser_local_name or programme for event in chosen}
    content = calendar.calendar(chosen, request, name, organisers=organisers)
    return _ics_response(content, "calendar.ics", attachment=False)
