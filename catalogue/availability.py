"""Availability: every rule about "what is still there" lives in this module.

Nothing here is typed in by an editor. It is computed from the resource's own numbers and from the
records in `catalogue.models.stock`:

- **Units free on a day** (items to borrow, rooms): units minus the quantities of *approved*
  reservations that include that day. For a period, the free units are those free on *every* day of
  it, i.e. units minus the busiest day.
- **Budget left** (money): budget minus the amounts of approved grants.
- **Status** for a day or a period (today by default), in this order:
  1. *not yet offered* – the offer starts after the period starts;
  2. *no longer offered* – the offer ends before the period ends;
  3. *exhausted* – nothing left (no unit free, no money left);
  4. *few left* – at most FEW_LEFT_PERCENT % of the units or the budget is left, or (money) less
     than one request's maximum;
  5. *available* – otherwise, and always for coaching and other offers that are not counted.

The rules exist twice on purpose, and the tests hold both to the same table of cases
(tests/test_catalogue_availability.py): as SQL (`with_availability`), so a listing computes the status
of every resource on a page, filters and sorts by it in one query; and in Python (`classify`,
`availability_of`), for a single object that is not annotated, such as an editor's preview.

Reservations and grants are matched by the resource's `translation_key`: the same offer in every
language shares one stock.

Whoever takes stock – the request service approving a line, an editor entering a reservation or grant in
the admin – first locks every language version of the resource (`lock_stock`, a row lock on PostgreSQL;
SQLite writes one at a time anyway), then counts what is left under the lock, so two of them never take
the same last unit or euro.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from django.db import models
from django.db.models import Case, F, Func, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.db.models.lookups import LessThan, LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models.resources import Resource
from catalogue.models.stock import Grant, Reservation, StockStatus
from search.matching import KeyArray

FEW_LEFT_PERCENT = 25

UNIT_KINDS = [str(kind) for kind in Resource.UNIT_KINDS]
MONEY_KINDS = [str(kind) for kind in Resource.MONEY_KINDS]
MONEY_FIELD = models.DecimalField(max_digits=12, decimal_places=2)


class Status(models.TextChoices):
    AVAILABLE = "available", _("Available")
    FEW_LEFT = "few_left", _("Only a few left")
    EXHAUSTED = "exhausted", _("Exhausted")
    NOT_YET = "not_yet", _("Not offered yet")
    NO_LONGER = "no_longer", _("No longer offered")


# The order "sort by availability" uses; also the integer the SQL computes.
RANK = {
    Status.AVAILABLE: 1,
    Status.FEW_LEFT: 2,
    Status.EXHAUSTED: 3,
    Status.NOT_YET: 4,
    Status.NO_LONGER: 5,
}
STATUS_BY_RANK = {rank: status for status, rank in RANK.items()}
OBTAINABLE = (Status.AVAILABLE, Status.FEW_LEFT)


def today():
    return timezone.localdate()


def window(start=None, end=None):
    """The period asked about: a day (`start` only), a period, or today."""
    start = start or today()
    end = end or start
    return start, max(start, end)


# --- The rules in Python ----------------------------------------------------------------------------


def classify(*, kind, start, end, available_from, available_until, total, left, max_request=None):
    """The status for a period; `total`/`left` are units (items, rooms) or euros (money)."""
    if available_from and available_from > start:
        return Status.NOT_YET
    if available_until and available_until < end:
        return Status.NO_LONGER
    if kind in UNIT_KINDS or kind in MONEY_KINDS:
        total = total or 0
        if left <= 0:
            return Status.EXHAUSTED
        if left * 100 <= total * FEW_LEFT_PERCENT:
            return Status.FEW_LEFT
        if kind in MONEY_KINDS and max_request is not None and left < max_request:
            return Status.FEW_LEFT
    return Status.AVAILABLE


@dataclass(frozen=True)
class Availability:
    """What a visitor sees: status, and for counted offers how much of how much is left."""

    status: Status
    start: datetime.date
    end: datetime.date
    measure: str | None  # "units", "money" or None (not counted)
    total: int | Decimal | None = None
    left: int | Decimal | None = None

    @property
    def rank(self):
        return RANK[self.status]

    @property
    def obtainable(self):
        return self.status in OBTAINABLE

    @property
    def is_counted(self):
        return self.measure is not None and self.total is not None

    @property
    def shown_left(self):
        """Never below zero: an overbooked day still reads "0 free"."""
        return max(self.left or 0, 0)

    @property
    def percent_left(self):
        if not self.total:
            return 0
        return round(100 * self.shown_left / self.total)

    @property
    def meter_low(self):
        """Below this the bar shows the "few left" colour (the bar's words say it too)."""
        return (self.total or 0) * FEW_LEFT_PERCENT / 100

    @property
    def meter_high(self):
        return (self.total or 0) / 2

    @property
    def is_period(self):
        return self.start != self.end

    def as_dict(self):
        return {
            "status": str(self.status),
            "label": str(self.status.label),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "measure": self.measure,
            "total": None if self.total is None else str(self.total),
            "left": None if self.left is None else str(self.shown_left),
        }


def _measure(kind):
    if kind in UNIT_KINDS:
        return "units"
    if kind in MONEY_KINDS:
        return "money"
    return None


def _build(resource, start, end, left):
    measure = _measure(resource.kind)
    total = resource.units if measure == "units" else resource.budget if measure == "money" else None
    status = classify(
        kind=resource.kind,
        start=start,
        end=end,
        available_from=resource.available_from,
        available_until=resource.available_until,
        total=total,
        left=left if left is not None else 0,
        max_request=resource.max_amount_per_request,
    )
    return Availability(status, start, end, measure, total, left if measure else None)


def lock_stock(resource_ids):
    """Lock every language version of these resources, in primary-key order (so two writers never wait
    for each other in a circle). Call inside a transaction, before counting what is left."""
    ids = [pk for pk in resource_ids if pk is not None]
    keys = Resource.objects.filter(pk__in=ids).values_list("translation_key", flat=True)
    list(
        Resource.objects.select_for_update()
        .filter(translation_key__in=list(keys))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def reservations_of(resource, start, end, exclude=None):
    """Approved reservations of this resource (in any language) that touch the period."""
    queryset = Reservation.objects.filter(
        resource__translation_key=resource.translation_key,
        status=StockStatus.APPROVED,
        start__lte=end,
        end__gte=start,
    )
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude)
    return queryset


def free_units_by_day(resource, start, end, exclude=None, reservations=None):
    """{day: free units} for every day of the period (may go below zero when overbooked)."""
    if reservations is None:
        reservations = list(reservations_of(resource, start, end, exclude).values("start", "end", "quantity"))
    units = resource.units or 0
    free = {}
    day = start
    while day <= end:
        free[day] = units
        day += datetime.timedelta(days=1)
    for reservation in reservations:
        first = max(reservation["start"], start)
        last = min(reservation["end"], end)
        day = first
        while day <= last:
            free[day] -= reservation["quantity"]
            day += datetime.timedelta(days=1)
    return free


def budget_left(resource, exclude=None):
    grants = Grant.objects.filter(
        resource__translation_key=resource.translation_key, status=StockStatus.APPROVED
    )
    if exclude is not None:
        grants = grants.exclude(pk=exclude)
    granted = grants.aggregate(total=models.Sum("amount"))["total"] or Decimal(0)
    return (resource.budget or Decimal(0)) - granted


def availability_of(resource, start=None, end=None):
    """A resource's availability; from the listing's annotations when they are there, else computed."""
    start, end = window(start, end)
    if (
        getattr(resource, "availability_start", None) == start
        and getattr(resource, "availability_end", None) == end
    ):
        measure = _measure(resource.kind)
        left = (
            resource.units_free
            if measure == "units"
            else resource.budget_left
            if measure == "money"
            else None
        )
        availability = _build(resource, start, end, left)
        # The SQL computed the same status (the tests make sure); trust the number the list sorted by.
        return Availability(
            STATUS_BY_RANK[resource.availability_rank],
            start,
            end,
            availability.measure,
            availability.total,
            left,
        )
    measure = _measure(resource.kind)
    if measure == "units" and resource.pk:
        free = free_units_by_day(resource, start, end)
        left = min(free.values())
    elif measure == "units":
        left = resource.units or 0
    elif measure == "money":
        left = budget_left(resource) if resource.pk else (resource.budget or Decimal(0))
    else:
        left = None
    return _build(resource, start, end, left)


# --- The same rules in SQL -----------------------------------------------------------------------------


def _sum(field):
    return Func(F(field), function="SUM")


def _peak_reserved(start, end):
    """The most units reserved on any one day of the period.

    The busiest day is the period's first day or a day on which a reservation starts, so it is enough
    to probe those days: for every approved reservation touching the period, add up the reservations
    covering max(its start, the period's start), and take the largest sum.
    """
    touching = Reservation.objects.filter(status=StockStatus.APPROVED, start__lte=end, end__gte=start)
    covering_probe = (
        Reservation.objects.filter(
            status=StockStatus.APPROVED,
            resource__translation_key=OuterRef("resource__translation_key"),
            start__lte=OuterRef("probe"),
            end__gte=OuterRef("probe"),
        )
        .order_by()
        .annotate(load=_sum("quantity"))
        .values("load")
    )
    busiest = (
        touching.filter(resource__translation_key=OuterRef("translation_key"))
        .annotate(probe=Greatest(F("start"), Value(start, output_field=models.DateField())))
        .annotate(load=Subquery(covering_probe))
        .order_by("-load")
        .values("load")[:1]
    )
    return Coalesce(Subquery(busiest, output_field=models.IntegerField()), Value(0))


def _granted():
    granted = (
        Grant.objects.filter(
            status=StockStatus.APPROVED, resource__translation_key=OuterRef("translation_key")
        )
        .order_by()
        .annotate(total=_sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(granted, output_field=MONEY_FIELD), Value(Decimal(0)), output_field=MONEY_FIELD)


def _rank(start, end):
    few = FEW_LEFT_PERCENT
    counted_units = Case(
        When(LessThanOrEqual(F("units_free"), 0), then=Value(RANK[Status.EXHAUSTED])),
        When(
            LessThanOrEqual(F("units_free") * 100, Coalesce(F("units"), Value(0)) * few),
            then=Value(RANK[Status.FEW_LEFT]),
        ),
        default=Value(RANK[Status.AVAILABLE]),
    )
    counted_money = Case(
        When(LessThanOrEqual(F("budget_left"), 0), then=Value(RANK[Status.EXHAUSTED])),
        When(
            LessThanOrEqual(
                F("budget_left") * 100,
                Coalesce(F("budget"), Value(Decimal(0)), output_field=MONEY_FIELD) * few,
            ),
            then=Value(RANK[Status.FEW_LEFT]),
        ),
        When(LessThan(F("budget_left"), F("max_amount_per_request")), then=Value(RANK[Status.FEW_LEFT])),
        default=Value(RANK[Status.AVAILABLE]),
    )
    return Case(
        When(available_from__gt=start, then=Value(RANK[Status.NOT_YET])),
        When(available_until__lt=end, then=Value(RANK[Status.NO_LONGER])),
        When(kind__in=UNIT_KINDS, then=counted_units),
        When(kind__in=MONEY_KINDS, then=counted_money),
        default=Value(RANK[Status.AVAILABLE]),
        output_field=models.IntegerField(),
    )


def with_availability(queryset, start=None, end=None, *, select=True):
    """Annotate `units_free`, `budget_left` and `availability_rank` for the period (today by default).

    `select=False` only makes them available to filters (`availability_rank__lte=2`), as counting
    queries need, without selecting them.
    """
    start, end = window(start, end)
    if not select and "availability_rank" in queryset.query.annotations:
        return queryset  # already annotated (for the same period): filters can use it as it is
    add = queryset.annotate if select else queryset.alias
    queryset = add(reserved_peak=_peak_reserved(start, end), granted_total=_granted())
    queryset = (queryset.annotate if select else queryset.alias)(
        units_free=Coalesce(F("units"), Value(0)) - F("reserved_peak"),
        budget_left=models.ExpressionWrapper(
            Coalesce(F("budget"), Value(Decimal(0)), output_field=MONEY_FIELD) - F("granted_total"),
            output_field=MONEY_FIELD,
        ),
    )
    queryset = (queryset.annotate if select else queryset.alias)(availability_rank=_rank(start, end))
    if select:
        queryset = queryset.annotate(
            availability_start=Value(start, output_field=models.DateField()),
            availability_end=Value(end, output_field=models.DateField()),
        )
    return queryset


def obtainable(queryset, start=None, end=None):
    """Only resources one can still get for the whole period."""
    return with_availability(queryset, start, end, select=False).filter(
        availability_rank__lte=RANK[Status.FEW_LEFT]
    )


def free_some_day(queryset, start, end, keep=None):
    """A filter (Q) for the resources of `queryset` one can get on at least one day of the period (the
    listing's "free this month": the rest of the current Dortmund month).

    Items and rooms: a day inside the offer dates with a unit free – worked out in Python from the
    approved reservations touching the period (two queries, whatever the number of resources; a month has
    at most 31 days). Money: offered during the period and budget left. Coaching and other offers: offered
    during the period. The same rules as `classify`, but for one good day instead of every day.

    `keep(name, build)` may keep the items' and rooms' free keys (the listing passes the page cache's
    `kept`: kept per generation, which every reservation and resource change moves, and per day).
    """
    start, end = window(start, end)
    offered = (Q(available_from__isnull=True) | Q(available_from__lte=end)) & (
        Q(available_until__isnull=True) | Q(available_until__gte=start)
    )
    build = partial(_free_unit_keys, queryset, offered, start, end)
    free_keys = keep(f"free-unit-keys:{start}:{end}", build) if keep else build()
    money_left = Q(
        translation_key__in=queryset.filter(offered, kind__in=MONEY_KINDS)
        .order_by()
        .alias(granted_total=_granted())
        .filter(budget__gt=F("granted_total"))
        .values("translation_key")
    )
    return (
        # One array parameter, not a parameter per key (10,000 at the search mix's scale).
        Q(kind__in=UNIT_KINDS, translation_key__in=KeyArray(free_keys))
        | Q(kind__in=MONEY_KINDS) & money_left
        | offered & ~Q(kind__in=UNIT_KINDS + MONEY_KINDS)
    )


def _free_unit_keys(queryset, offered, start, end):
    """The translation keys of the items and rooms of `queryset` with a unit free on a day of the period."""
    units_offered = queryset.filter(offered, kind__in=UNIT_KINDS).order_by()
    rows = {
        key: (units or 0, available_from, available_until)
        for key, units, available_from, available_until in units_offered.values_list(
            "translation_key", "units", "available_from", "available_until"
        )
    }
    days = (end - start).days + 1
    loads = {key: [0] * days for key in rows}
    # The keys just read as one array parameter (10,000 at the search mix's scale), not the resources'
    # query again.
    reservations = (
        Reservation.objects.filter(
            status=StockStatus.APPROVED,
            start__lte=end,
            end__gte=start,
            resource__translation_key__in=KeyArray(rows),
        )
        .order_by()
        .values_list("resource__translation_key", "start", "end", "quantity")
    )
    for key, first, last, quantity in reservations:
        if key not in loads:
            continue
        for index in range((max(first, start) - start).days, (min(last, end) - start).days + 1):
            loads[key][index] += quantity
    free_keys = set()
    for key, (units, available_from, available_until) in rows.items():
        for index, load in enumerate(loads[key]):
            day = start + datetime.timedelta(days=index)
            inside = (available_from is None or available_from <= day) and (
                available_until is None or day <= available_until
            )
            if inside and units - load > 0:
                free_keys.add(key)
                break
    return sorted(free_keys)


def month_rest(day=None):
    """From `day` (today) to the last day of its month."""
    day = day or today()
    return day, day.replace(day=calendar.monthrange(day.year, day.month)[1])


def attach(resources, start=None, end=None):
    """Give each annotated resource its `current` availability, for templates."""
    for resource in resources:
        resource.current = availability_of(resource, start, end)
    return resources


# --- A month of free units ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarDay:
    date: datetime.date
    free: int | None  # None: not offered that day, or in the past
    total: int
    state: str  # "past", "closed", "free", "few", "none"


def month_of_free_units(resource, year, month, first_weekday=0):
    """Weeks (lists of 7 CalendarDay or None) of a month, with the free units of every day."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    free = free_units_by_day(resource, first, last)
    units = resource.units or 0
    now = today()
    days = []
    for date, count in free.items():
        if date < now:
            state, count = "past", None
        elif (resource.available_from and date < resource.available_from) or (
            resource.available_until and date > resource.available_until
        ):
            state, count = "closed", None
        elif count <= 0:
            state, count = "none", 0
        elif count * 100 <= units * FEW_LEFT_PERCENT:
            state = "few"
        else:
            state = "free"
        days.append(CalendarDay(date, count, units, state))
    weeks = []
    week = [None] * ((first.weekday() - first_weekday) % 7)
    for day in days:
        week.append(day)
        if len(week) == 7:
            weeks.append(week)
            week = []
    if week:
        weeks.append(week + [None] * (7 - len(week)))
    return weeks
