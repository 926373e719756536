"""The availability rules (catalogue/availability.py): units free per day, budget left, status.

The rules exist in Python and in SQL; every case in CASES runs through both and they must agree.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from catalogue import availability
from catalogue.availability import Status
from catalogue.factories import GrantFactory, ReservationFactory, ResourceFactory
from catalogue.models import Grant, Reservation, Resource, StockStatus

pytestmark = pytest.mark.django_db

TODAY = availability.today()


def day(offset):
    return TODAY + datetime.timedelta(days=offset)


def sql_status(resource, start=None, end=None):
    annotated = availability.with_availability(Resource.objects.filter(pk=resource.pk), start, end).get()
    return availability.STATUS_BY_RANK[annotated.availability_rank]


def python_status(resource, start=None, end=None):
    return availability.availability_of(Resource.objects.get(pk=resource.pk), start, end).status


# (resource facts, reservations as (first, last, units, status), grants as (amount, status),
#  period as (first, last) offsets, expected status)
CASES = {
    "units-all-free": ({"units": 4}, [], [], (0, 0), Status.AVAILABLE),
    "units-half-taken": ({"units": 4}, [(0, 0, 2, "approved")], [], (0, 0), Status.AVAILABLE),
    "units-one-of-four-left": ({"units": 4}, [(0, 1, 3, "approved")], [], (0, 0), Status.FEW_LEFT),
    "units-none-left": ({"units": 2}, [(-2, 0, 2, "approved")], [], (0, 0), Status.EXHAUSTED),
    "units-overbooked": (
        {"units": 2},
        [(0, 0, 2, "approved"), (0, 0, 1, "approved")],
        [],
        (0, 0),
        Status.EXHAUSTED,
    ),
    "requested-does-not-count": ({"units": 2}, [(0, 0, 2, "requested")], [], (0, 0), Status.AVAILABLE),
    "cancelled-does-not-count": ({"units": 2}, [(0, 0, 2, "cancelled")], [], (0, 0), Status.AVAILABLE),
    "reservation-yesterday": ({"units": 1}, [(-3, -1, 1, "approved")], [], (0, 0), Status.AVAILABLE),
    "busiest-day-inside-period": (
        {"units": 4},
        [(3, 4, 2, "approved"), (4, 6, 2, "approved"), (1, 1, 1, "approved")],
        [],
        (0, 10),
        Status.EXHAUSTED,
    ),
    "period-before-busy-days": ({"units": 4}, [(5, 6, 4, "approved")], [], (0, 4), Status.AVAILABLE),
    "busy-before-period-starts": ({"units": 4}, [(-5, 2, 3, "approved")], [], (1, 3), Status.FEW_LEFT),
    "room": ({"room": True}, [(2, 2, 1, "approved")], [], (0, 1), Status.AVAILABLE),
    "room-booked": ({"room": True}, [(2, 2, 1, "approved")], [], (0, 3), Status.EXHAUSTED),
    "not-yet": ({"units": 3, "available_from": 5}, [], [], (0, 0), Status.NOT_YET),
    "not-yet-but-later": ({"units": 3, "available_from": 5}, [], [], (6, 8), Status.AVAILABLE),
    "no-longer": ({"units": 3, "available_until": -1}, [], [], (0, 0), Status.NO_LONGER),
    "ends-inside-period": ({"units": 3, "available_until": 3}, [], [], (0, 5), Status.NO_LONGER),
    "money-plenty": ({"money": True}, [], [(Decimal(1000), "approved")], (0, 0), Status.AVAILABLE),
    "money-few-by-share": (
        {"money": True, "max_amount_per_request": Decimal(500)},
        [],
        [(Decimal(3800), "approved")],
        (0, 0),
        Status.FEW_LEFT,
    ),
    "money-less-than-one-request": (
        {"money": True, "budget": Decimal(5000), "max_amount_per_request": Decimal(2000)},
        [],
        [(Decimal(3500), "approved")],
        (0, 0),
        Status.FEW_LEFT,
    ),
    "money-used-up": ({"money": True}, [], [(Decimal(5000), "approved")], (0, 0), Status.EXHAUSTED),
    "money-pending-grant": ({"money": True}, [], [(Decimal(5000), "requested")], (0, 0), Status.AVAILABLE),
    "coaching-always": ({"coaching": True}, [], [], (0, 0), Status.AVAILABLE),
    "coaching-expired": ({"coaching": True, "available_until": -10}, [], [], (0, 0), Status.NO_LONGER),
}


def build(facts, reservations, grants):
    facts = dict(facts)
    for name in ("available_from", "available_until"):
        if name in facts:
            facts[name] = day(facts[name])
    resource = ResourceFactory(**facts)
    for first, last, units, status in reservations:
        ReservationFactory(resource=resource, start=day(first), end=day(last), quantity=units, status=status)
    for amount, status in grants:
        GrantFactory(resource=resource, amount=amount, status=status)
    return resource


@pytest.mark.parametrize("case", CASES)
def test_python_and_sql_agree_with_the_rules(case):
    facts, reservations, grants, (first, last), expected = CASES[case]
    resource = build(facts, reservations, grants)
    assert python_status(resource, day(first), day(last)) == expected
    assert sql_status(resource, day(first), day(last)) == expected


def test_units_free_on_each_day():
    resource = ResourceFactory(units=5)
    ReservationFactory(resource=resource, start=day(1), end=day(3), quantity=2)
    ReservationFactory(resource=resource, start=day(2), end=day(2), quantity=3)
    ReservationFactory(resource=resource, start=day(2), end=day(2), quantity=3, status=StockStatus.CANCELLED)
    free = availability.free_units_by_day(resource, day(0), day(4))
    assert list(free.values()) == [5, 3, 0, 3, 5]
    annotated = availability.with_availability(Resource.objects.filter(pk=resource.pk), day(0), day(4)).get()
    assert annotated.units_free == 0 and annotated.reserved_peak == 5
    assert availability.availability_of(annotated, day(0), day(4)).left == 0


def test_reservations_count_for_every_language_of_a_resource():
    german = ResourceFactory(units=2)
    arabic = german.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.slug = "projector-test"
    arabic.save()
    ReservationFactory(resource=arabic, quantity=1)
    ReservationFactory(resource=german, quantity=1)
    for resource in (german, arabic):
        assert sql_status(resource) == Status.EXHAUSTED
        assert python_status(resource) == Status.EXHAUSTED


def test_budget_left_is_budget_minus_approved_grants():
    resource = ResourceFactory(money=True, budget=Decimal(6000))
    GrantFactory(resource=resource, amount=Decimal("1250.50"))
    GrantFactory(resource=resource, amount=Decimal(2000), status=StockStatus.CANCELLED)
    assert availability.budget_left(resource) == Decimal("4749.50")
    annotated = availability.with_availability(Resource.objects.filter(pk=resource.pk)).get()
    assert annotated.budget_left == Decimal("4749.50")
    current = availability.availability_of(annotated)
    assert (current.measure, current.total, current.left, current.percent_left) == (
        "money",
        Decimal(6000),
        Decimal("4749.50"),
        79,
    )


def test_a_whole_listing_is_annotated_in_one_query(django_assert_num_queries):
    for units in (1, 2, 3):
        resource = ResourceFactory(units=units)
        ReservationFactory(resource=resource, quantity=1)
    with django_assert_num_queries(1):
        rows = list(availability.with_availability(Resource.objects.filter(locale__language_code="de")))
    assert len(rows) > 3
    assert {row.availability_rank for row in rows} <= set(availability.STATUS_BY_RANK)


def test_obtainable_keeps_only_what_is_left_for_the_whole_period():
    free = ResourceFactory(units=1)
    booked = ResourceFactory(units=1)
    ReservationFactory(resource=booked, start=day(2), end=day(2))
    keys = set(
        availability.obtainable(
            Resource.objects.filter(pk__in=[free.pk, booked.pk]), day(1), day(3)
        ).values_list("pk", flat=True)
    )
    assert keys == {free.pk}


def test_month_calendar_lists_free_units_per_day():
    resource = ResourceFactory(units=3, available_until=day(40))
    ReservationFactory(resource=resource, start=day(1), end=day(1), quantity=3)
    ReservationFactory(resource=resource, start=day(2), end=day(2), quantity=1)
    month = day(1)
    weeks = availability.month_of_free_units(resource, month.year, month.month)
    days = {cell.date: cell for week in weeks for cell in week if cell}
    assert all(len(week) == 7 for week in weeks)
    assert weeks[0].index(days[month.replace(day=1)]) == month.replace(day=1).weekday()  # Monday first
    assert (days[day(1)].free, days[day(1)].state) == (0, "none")
    if day(2).month == month.month:
        assert (days[day(2)].free, days[day(2)].state) == (2, "free")
    if month.replace(day=1) < TODAY:
        assert days[month.replace(day=1)].state == "past"


def test_reservation_cannot_overbook():
    resource = ResourceFactory(units=2)
    ReservationFactory(resource=resource, start=day(1), end=day(3), quantity=1)
    extra = Reservation(resource=resource, start=day(2), end=day(2), quantity=2, status=StockStatus.APPROVED)
    with pytest.raises(ValidationError) as error:
        extra.full_clean()
    assert "quantity" in error.value.message_dict
    extra.quantity = 1
    extra.full_clean()  # one unit is still free
    extra.status = StockStatus.REQUESTED
    extra.quantity = 2
    extra.full_clean()  # a request does not take units yet


def test_reservation_needs_a_countable_resource_and_sensible_dates():
    coaching = ResourceFactory(coaching=True)
    with pytest.raises(ValidationError) as error:
        Reservation(resource=coaching, start=day(1), end=day(1)).full_clean()
    assert "resource" in error.value.message_dict
    item = ResourceFactory(units=2, available_until=day(5))
    with pytest.raises(ValidationError) as error:
        Reservation(resource=item, start=day(3), end=day(1)).full_clean()
    assert "end" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        Reservation(resource=item, start=day(3), end=day(8)).full_clean()
    assert "end" in error.value.message_dict


def test_grant_cannot_exceed_the_budget_left():
    resource = ResourceFactory(money=True, budget=Decimal(1000), max_amount_per_request=Decimal(800))
    GrantFactory(resource=resource, amount=Decimal(700))
    with pytest.raises(ValidationError) as error:
        Grant(resource=resource, amount=Decimal(400)).full_clean()
    assert "amount" in error.value.message_dict
    Grant(resource=resource, amount=Decimal(300)).full_clean()
    with pytest.raises(ValidationError):
        Grant(resource=ResourceFactory(units=1), amount=Decimal(10)).full_clean()
