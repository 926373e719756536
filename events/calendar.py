"""iCalendar (RFC 5545) for one event and for subscribable feeds, written with the `icalendar` package.

Times carry `TZID=Europe/Berlin` with the zone's `VTIMEZONE` in the file (generated from the tz database
by `icalendar`), so a calendar shows the right hour on either side of a daylight-saving change wherever it
runs. All-day events are `VALUE=DATE` with the exclusive end day RFC 5545 asks for. Every event keeps its
UID (its translation key), so a subscribed calendar updates an event that moved or was cancelled instead of
adding a second one; cancelled events stay in the feed with `STATUS:CANCELLED`. SEQUENCE counts the minutes
from 2020 to the event's last publication: it grows with every change, which is what calendars compare
before they accept an update of a UID they know (RFC 5545 3.8.7.4), and needs no counter of its own. A
translation's last publication moves when the German page's facts change (home/synchronize.py).
"""

import datetime
from urllib.parse import urlsplit

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from . import dates

PRODUCT_ID = "-//VMDO e.V.//House of Resources Dortmund//DE"
REFRESH = datetime.timedelta(hours=6)
SEQUENCE_START = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def summary(event):
    if event.is_cancelled:
        return _("Cancelled: %(title)s") % {"title": event.title}
    if event.is_postponed:
        return _("Postponed: %(title)s") % {"title": event.title}
    return event.title


def location(event):
    parts = [event.venue_name, event.street, " ".join(p for p in (event.postcode, event.city) if p)]
    place = ", ".join(part for part in parts if part)
    if event.online_url:
        return f"{place} / {event.online_url}" if place else event.online_url
    return place


def sequence(event):
    """The event's SEQUENCE: minutes from 2020 to its last publication (0 before it was published)."""
    if event.last_published_at is None:
        return 0
    return max(0, int((event.last_published_at - SEQUENCE_START).total_seconds() // 60))


def component(event, request, organiser_name=""):
    """One VEVENT."""
    url = event.get_full_url(request)
    item = icalendar.Event()
    # The same in every language's feed and whatever host name the feed was fetched by.
    item.add("uid", f"{event.translation_key}@{urlsplit(url).hostname or 'localhost'}")
    item.add("dtstamp", event.last_published_at or timezone.now())
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    item.add("sequence", sequence(event))
    if event.all_day:
        item.add("dtstart", event.start_date)
        item.add("dtend", (event.end_date or event.start_date) + datetime.timedelta(days=1))
    else:
        item.add("dtstart", dates.local(event.start_date, event.start_time))
        if event.end_time is not None or event.multi_day:
            item.add("dtend", event.ends_at.astimezone(dates.DORTMUND))
    item.add("summary", summary(event))
    text = [event.summary]
    if event.status_note:
        text.append(event.status_note)
    if organiser_name:
        text.append(_("Organiser: %(name)s") % {"name": organiser_name})
    text.append(url)
    item.add("description", "\n\n".join(text))
    place = location(event)
    if place:
        item.add("location", place)
    item.add("url", url)
    item.add("status", STATUS[event.status])
    item.add("categories", [str(event.get_kind_display())])
    if event.contact_email:
        organiser = icalendar.vCalAddress(f"mailto:{event.contact_email}")
        if organiser_name:
            organiser.params["cn"] = icalendar.vText(organiser_name)
        item.add("organizer", organiser)
    return item


def calendar(events, request, name, organisers=None):
    """A whole VCALENDAR as bytes; `organisers` maps an event's pk to the organiser's name."""
    organisers = organisers or {}
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", dates.DORTMUND.key)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for event in events:
        cal.add_component(component(event, request, organisers.get(event.pk, "")))
    cal.add_missing_timezones()
    return cal.to_ical()
