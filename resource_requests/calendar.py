"""The booked consultation as an iCalendar (RFC 5545) file, written with the `icalendar` package as the
events' files are (`events/calendar.py`; that module knows event pages, this one a consultation time).

The file is reached only through the private status link (`…/status/<token>/ics/`), so it may name the
reference; it carries nothing the association typed (no names, plan or phone), only the time, how the
consultation takes place, where, and the status link. Times carry `TZID=Europe/Berlin` with the zone's
`VTIMEZONE`, so the hour is right on either side of a daylight-saving change. The UID is the reference: a
calendar that imports the file again after the time was moved updates the entry instead of adding one;
SEQUENCE (minutes from 2020 to the request's last change, plus the number of times the consultation was
moved or cancelled) grows with every change, as RFC 5545 asks – by at least one even when two changes
fall into the same minute. A cancellation (`cancel=True`, mailed when the association cancels on its
status page, `resource_requests/consultation.py`) is the same UID with METHOD:CANCEL and STATUS:CANCELLED.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

PRODUCT_ID = "-//VMDO e.V.//House of Resources Dortmund//DE"
SEQUENCE_START = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def where(slot):
    """Where the consultation takes place, as the status page says it."""
    if slot.place:
        return slot.place
    if slot.mode == slot.Mode.VIDEO:
        return _("we send you the link by e-mail")
    if slot.mode == slot.Mode.PHONE:
        return _("we call you")
    return ""


def sequence(resource_request):
    """The SEQUENCE of the request's consultation entry: never smaller after a later change."""
    from .models import RequestEvent

    changed = resource_request.updated_at or timezone.now()
    minutes = max(0, int((changed - SEQUENCE_START).total_seconds() // 60))
    changes = resource_request.events.filter(
        kind__in=[RequestEvent.Kind.CONSULTATION_MOVED, RequestEvent.Kind.CONSULTATION_CANCELLED]
    ).count()
    return minutes + changes


def _calendar(*, uid, seq, start, end, summary, details, place, url, cancel=False):
    zone = ZoneInfo(settings.TIME_ZONE)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if cancel else "PUBLISH")
    item = icalendar.Event()
    host = urlsplit(url).hostname or "localhost"
    item.add("uid", f"{uid}@{host}")
    item.add("dtstamp", timezone.now())
    item.add("sequence", seq)
    item.add("dtstart", start.astimezone(zone))
    item.add("dtend", end.astimezone(zone))
    item.add("summary", summary)
    item.add(
        "description",
        "\n\n".join(
            part for part in (details, _("Your private status page: %(url)s") % {"url": url}) if part
        ),
    )
    if place:
        item.add("location", place)
    item.add("url", url)
    item.add("status", "CANCELLED" if cancel else "CONFIRMED")
    cal.add_component(item)
    cal.add_missing_timezones()
    return cal.to_ical()


def consultation_calendar(resource_request, status_url, *, slot=None, cancel=False):
    """The request's booked consultation as a VCALENDAR (bytes); `status_url` is absolute.

    `slot`: the time to describe when it is not (or no longer) the request's, e.g. the cancelled one.
    """
    slot = slot or resource_request.slot
    place = where(slot)
    return _calendar(
        uid=f"consultation-{resource_request.reference}",
        seq=sequence(resource_request),
        start=slot.start,
        end=slot.end,
        summary=_("Consultation at the House of Resources Dortmund (%(reference)s)")
        % {"reference": resource_request.reference},
        details=f"{slot.get_mode_display()} · {place}" if place else str(slot.get_mode_display()),
        place=place,
        url=status_url,
        cancel=cancel,
    )


# A coaching appointment has a start the team sets, no end: calendars get this length.
APPOINTMENT_LENGTH = datetime.timedelta(hours=1)


def appointment_calendar(item, status_url):
    """An approved coaching line's appointment (`RequestItem.appointment_at`) as a VCALENDAR (bytes). One
    entry per line (its UID names the line); moving the appointment sends the same UID with a higher
    SEQUENCE (minutes since 2020 at the time of the change), so a calendar updates the entry."""
    minutes = max(0, int((timezone.now() - SEQUENCE_START).total_seconds() // 60))
    reference = item.request.reference
    return _calendar(
        uid=f"appointment-{reference}-{item.pk}",
        seq=minutes,
        start=item.appointment_at,
        end=item.appointment_at + APPOINTMENT_LENGTH,
        summary=_("%(title)s – House of Resources Dortmund (%(reference)s)")
        % {"title": item.resource_title, "reference": reference},
        details="",
        place=item.appointment_place,
        url=status_url,
    )
