"""schema.org `Event` for an event page's head (JSON-LD), so search engines and assistants read the facts."""

import json

from django.utils.safestring import mark_safe

from partners.views import SCRIPT_SAFE

from . import dates

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "rescheduled": "EventRescheduled",
    "postponed": "EventPostponed",
    "cancelled": "EventCancelled",
}
IMAGE_FILTER = "max-1200x800"


def _start(event):
    if event.all_day:
        return event.start_date.isoformat()
    return dates.local(event.start_date, event.start_time).isoformat()


def _end(event):
    if event.all_day:
        return (event.end_date or event.start_date).isoformat()
    if event.end_time is not None:
        return dates.local(event.end_date or event.start_date, event.end_time).isoformat()
    if event.multi_day:
        return event.end_date.isoformat()
    return None


def _attendance_mode(event):
    if event.is_online and event.is_in_person:
        return SCHEMA + "MixedEventAttendanceMode"
    if event.is_online:
        return SCHEMA + "OnlineEventAttendanceMode"
    return SCHEMA + "OfflineEventAttendanceMode"


def _locations(event):
    locations = []
    if event.is_in_person or not event.is_online:
        place = {"@type": "Place", "name": event.venue_name or event.city or "Dortmund"}
        address = {
            "@type": "PostalAddress",
            "addressLocality": event.city or "Dortmund",
            "addressCountry": "DE",
        }
        if event.street:
            address["streetAddress"] = event.street
        if event.postcode:
            address["postalCode"] = event.postcode
        if event.district_id:
            address["addressRegion"] = f"Dortmund-{event.district.name}"
        place["address"] = address
        locations.append(place)
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    return locations[0] if len(locations) == 1 else locations


def _availability(event):
    if event.is_cancelled or event.is_postponed:
        return SCHEMA + "Discontinued"
    if event.fully_booked:
        return SCHEMA + "SoldOut"
    if event.capacity and event.places_left is not None and event.places_left * 4 <= event.capacity:
        return SCHEMA + "LimitedAvailability"
    return SCHEMA + "InStock"


def event_json_ld(event, request, *, organiser_name, organiser_url):
    """The event as a script-safe JSON string (nothing in it can close the <script> element)."""
    url = event.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url + "#event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "inLanguage": event.language_codes or [event.content_language],
        "startDate": _start(event),
        "eventStatus": SCHEMA + EVENT_STATUS[event.status],
        "eventAttendanceMode": _attendance_mode(event),
        "location": _locations(event),
        "organizer": {"@type": "Organization", "name": organiser_name, "url": organiser_url},
        "isAccessibleForFree": not event.price,
        "offers": {
            "@type": "Offer",
            "price": f"{event.price:.2f}",
            "priceCurrency": "EUR",
            "availability": _availability(event),
            "url": event.registration_url or url,
        },
    }
    end = _end(event)
    if end:
        data["endDate"] = end
    if event.status == event.Status.RESCHEDULED and event.previous_start_date:
        data["previousStartDate"] = event.previous_start_date.isoformat()
    if event.registration_deadline:
        data["offers"]["validThrough"] = event.registration_deadline.isoformat()
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
        if event.places_left is not None:
            data["remainingAttendeeCapacity"] = event.places_left
    if event.image_id:
        data["image"] = request.build_absolute_uri(event.image.get_rendition(IMAGE_FILTER).url)
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE))  # noqa: S308 - escaped above
