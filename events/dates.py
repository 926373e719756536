"""Dortmund time: events happen in Europe/Berlin, whatever time zone the server runs in.

Editors enter local dates and wall-clock times (a start time left empty means all day); the page keeps
them as entered and shows them as entered, so what a visitor reads is always Dortmund time. Only where an
instant is needed (ordering, "upcoming", iCalendar, JSON-LD) is a wall-clock time turned into one, with
the Europe/Berlin rules of that very day (summer or winter time).
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.translation import gettext as _

DORTMUND = ZoneInfo("Europe/Berlin")


def now():
    return timezone.now().astimezone(DORTMUND)


def today():
    """Today's date in Dortmund (not the server's, not UTC's)."""
    return now().date()


def local(day, time=None):
    """An aware datetime for a Dortmund wall-clock time (midnight when `time` is None)."""
    return datetime.datetime.combine(day, time or datetime.time(0), tzinfo=DORTMUND)


def month_start(day):
    return day.replace(day=1)


def add_months(day, count):
    month = day.month - 1 + count
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


def month_end(day):
    return add_months(day, 1) - datetime.timedelta(days=1)


def long_date(day):
    """ "Samstag, 24. Oktober 2026" in the active language."""
    return _("%(weekday)s, %(date)s") % {
        "weekday": formats.date_format(day, "l"),
        "date": formats.date_format(day, "DATE_FORMAT"),
    }


def clock(time):
    return formats.time_format(time, "TIME_FORMAT")


def describe(start_date, start_time=None, end_date=None, end_time=None):
    """When an event takes place, in words, in the active language."""
    end_date = end_date or start_date
    if start_time is None:
        if end_date == start_date:
            return _("%(date)s, all day") % {"date": long_date(start_date)}
        return _("%(start)s to %(end)s") % {"start": long_date(start_date), "end": long_date(end_date)}
    if end_date == start_date:
        if end_time is None:
            return _("%(date)s, from %(time)s") % {"date": long_date(start_date), "time": clock(start_time)}
        return _("%(date)s, %(start)s to %(end)s") % {
            "date": long_date(start_date),
            "start": clock(start_time),
            "end": clock(end_time),
        }
    start = _("%(date)s, %(time)s") % {"date": long_date(start_date), "time": clock(start_time)}
    if end_time is None:
        return _("%(start)s to %(end)s") % {"start": start, "end": long_date(end_date)}
    end = _("%(date)s, %(time)s") % {"date": long_date(end_date), "time": clock(end_time)}
    return _("%(start)s to %(end)s") % {"start": start, "end": end}
