"""No overbooking, even at the same moment: threads on the real PostgreSQL race for the last unit, the
last euros and the last consultation place; row locks let exactly one win.

Each race is made wide on purpose (the code under test is slowed down between reading what is left and
writing), so without the locks both threads would read "one left" and both would succeed.

These tests commit for real (`transaction=True`), so afterwards every table is emptied. They keep a
serialized copy of the migrated database (`serialized_rollback`) between tests and, when the module is
done, put the worker's database back as a fresh clone of the demo template (`reset_database`), so tests
that run later find the site as before.
"""

import datetime
import threading
import time
from decimal import Decimal
from unittest import mock

import pytest
from conftest import reset_database
from django.contrib.auth import get_user_model
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalogue import availability
from catalogue.factories import ResourceFactory
from catalogue.models import Grant, Reservation, StockStatus
from resource_requests import service
from resource_requests.factories import ConsultationSlotFactory, in_days, item, make_request, request_values
from resource_requests.models import ConsultationSlot, RequestItem, ResourceRequest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DAY = timezone.localdate() + datetime.timedelta(days=20)
RACE_DELAY = 0.3  # seconds between reading what is left and writing, inside the transaction


@pytest.fixture(scope="module", autouse=True)
def site_back_afterwards(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        # The clone holds the demo's own primary keys again; Elasticsearch is rebuilt from it.
        reset_database()


@pytest.fixture(autouse=True)
def real_postgresql():
    assert connection.vendor == "postgresql", "row locks are proven on PostgreSQL (make test starts one)"


def race(*jobs):
    """Run the jobs at the same moment, each in its own thread and database connection."""
    start = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def run(number, job):
        try:
            start.wait()
            outcomes[number] = job()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test looks at
            outcomes[number] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(number, job)) for number, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def slowly(function):
    def wrapper(*args, **kwargs):
        result = function(*args, **kwargs)
        time.sleep(RACE_DELAY)
        return result

    return wrapper


def test_two_editors_approving_the_last_unit_at_once():
    projector = ResourceFactory(units=1)
    first = make_request([item(projector, 1, DAY)]).items.get()
    second = make_request([item(projector, 1, DAY)]).items.get()

    with mock.patch.object(availability, "free_units_by_day", slowly(availability.free_units_by_day)):
        outcomes = race(
            lambda: service.approve_item(RequestItem.objects.get(pk=first.pk), None, notify=False),
            lambda: service.approve_item(RequestItem.objects.get(pk=second.pk), None, notify=False),
        )

    approved = [outcome for outcome in outcomes if isinstance(outcome, RequestItem)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, service.DecisionError)]
    assert len(approved) == 1 and len(refused) == 1, outcomes
    assert Reservation.objects.filter(resource=projector, status=StockStatus.APPROVED).count() == 1
    assert availability.free_units_by_day(projector, DAY, DAY)[DAY] == 0, "never below zero"


def test_two_editors_granting_the_last_euros_at_once():
    budget = ResourceFactory(money=True, budget=Decimal(500), max_amount_per_request=Decimal(400))
    first = make_request([item(budget, amount=Decimal(300))]).items.get()
    second = make_request([item(budget, amount=Decimal(300))]).items.get()

    with mock.patch.object(availability, "budget_left", slowly(availability.budget_left)):
        outcomes = race(
            lambda: service.approve_item(RequestItem.objects.get(pk=first.pk), None, notify=False),
            lambda: service.approve_item(RequestItem.objects.get(pk=second.pk), None, notify=False),
        )

    assert sum(isinstance(outcome, RequestItem) for outcome in outcomes) == 1, outcomes
    assert sum(isinstance(outcome, service.DecisionError) for outcome in outcomes) == 1, outcomes
    assert Grant.objects.filter(resource=budget, status=StockStatus.APPROVED).count() == 1
    assert availability.budget_left(budget) == Decimal(200)


def test_two_associations_booking_the_last_place_at_once():
    slot = ConsultationSlotFactory(start=in_days(8, 10), capacity=1)

    with mock.patch.object(service, "next_reference", slowly(service.next_reference)):
        outcomes = race(
            lambda: service.submit(
                request_values(slot=slot, plan_title="A"), [], language="de", notify=False
            ),
            lambda: service.submit(
                request_values(slot=slot, plan_title="B"), [], language="de", notify=False
            ),
        )

    assert sum(isinstance(outcome, ResourceRequest) for outcome in outcomes) == 1, outcomes
    assert sum(isinstance(outcome, service.SlotTaken) for outcome in outcomes) == 1, outcomes
    assert ResourceRequest.objects.filter(slot=slot).count() == 1


def test_reference_numbers_stay_unique_when_requests_arrive_together():
    outcomes = race(
        *(
            (
                lambda number=number: service.submit(
                    request_values(plan_title=f"Nr. {number}"), [], language="de", notify=False
                )
            )
            for number in range(6)
        )
    )
    assert all(isinstance(outcome, ResourceRequest) for outcome in outcomes), outcomes
    references = {outcome.reference for outcome in outcomes}
    assert len(references) == 6


# --- The admin: editors' own entries take the same locks as the request service --------------------------


def editor_client():
    """A signed-in editor's browser (the session is committed, so every thread's connection sees it)."""
    user = get_user_model().objects.filter(
        username="race-editor"
    ).first() or get_user_model().objects.create_superuser("race-editor", "race-editor@example.org", "x" * 16)
    client = Client()
    client.force_login(user)
    return client


def test_an_editors_reservation_and_an_approval_never_take_the_same_last_unit():
    projector = ResourceFactory(units=1)
    line = make_request([item(projector, 1, DAY)]).items.get()
    editor = editor_client()
    entry = {
        "resource": projector.pk,
        "start": DAY.isoformat(),
        "end": DAY.isoformat(),
        "quantity": "1",
        "status": "approved",
        "reference": "HAND-1",
        "note": "",
    }

    with mock.patch.object(availability, "free_units_by_day", slowly(availability.free_units_by_day)):
        outcomes = race(
            lambda: editor.post(reverse("catalogue_reservation:add"), entry).status_code,
            lambda: service.approve_item(RequestItem.objects.get(pk=line.pk), None, notify=False),
        )

    approved = Reservation.objects.filter(resource=projector, status=StockStatus.APPROVED)
    assert approved.count() == 1, outcomes
    assert (outcomes[0] == 302) != isinstance(outcomes[1], RequestItem), outcomes
    assert availability.free_units_by_day(projector, DAY, DAY)[DAY] == 0, "never below zero"


def test_two_editors_entering_grants_for_the_last_euros_at_once():
    budget = ResourceFactory(money=True, budget=Decimal(500), max_amount_per_request=Decimal(400))
    editors = [editor_client(), editor_client()]
    entries = [
        {
            "resource": budget.pk,
            "amount": "300",
            "granted_on": DAY.isoformat(),
            "status": "approved",
            "reference": f"HAND-{number}",
            "note": "",
        }
        for number in range(2)
    ]

    with mock.patch.object(availability, "budget_left", slowly(availability.budget_left)):
        outcomes = race(
            *(
                (
                    lambda editor=editor, entry=entry: (
                        editor.post(reverse("catalogue_grant:add"), entry).status_code
                    )
                )
                for editor, entry in zip(editors, entries, strict=True)
            )
        )

    assert sorted(outcomes) == [200, 302], outcomes  # one saved, one shown again with the message
    assert Grant.objects.filter(resource=budget, status=StockStatus.APPROVED).count() == 1
    assert availability.budget_left(budget) == Decimal(200)


def test_lowering_a_times_places_while_someone_books_it():
    slot = ConsultationSlotFactory(start=in_days(8, 10), capacity=2, mode="video", place="")
    service.submit(request_values(slot=slot, plan_title="Schon da"), [], language="de", notify=False)
    editor = editor_client()
    start = timezone.localtime(slot.start)
    fewer = {
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "duration": str(slot.duration),
        "mode": "video",
        "capacity": "1",
        "place": "",
        "languages": list(slot.languages),
        "published": "on",
        "note": "",
    }
    with mock.patch.object(ConsultationSlot, "booked", property(slowly(ConsultationSlot.booked.fget))):
        outcomes = race(
            lambda: editor.post(reverse("resource_requests_consultation_slot:edit", args=[slot.pk]), fewer),
            lambda: service.submit(
                request_values(slot=slot, plan_title="Neu"), [], language="de", notify=False
            ),
        )

    slot.refresh_from_db()
    booked = ResourceRequest.objects.filter(slot=slot).count()
    assert booked <= slot.capacity, (booked, slot.capacity, outcomes)
    assert outcomes[0].status_code in (200, 302), outcomes  # lowered, or told that 2 are booked now


def slow_before(function):
    def wrapper(*args, **kwargs):
        time.sleep(RACE_DELAY)
        return function(*args, **kwargs)

    return wrapper


def test_two_associations_moving_to_the_last_place_at_once():
    """Two status pages move their consultation to the same last place: one moves, one is told; the
    place is never overbooked and the loser keeps its old time."""
    from resource_requests import consultation

    first = ConsultationSlotFactory(start=in_days(8, 10), capacity=2)
    last = ConsultationSlotFactory(start=in_days(9, 10), capacity=1)
    one = make_request(slot=first, plan_title="A")
    two = make_request(slot=first, plan_title="B")
    # Slowed between counting the new time's bookings and storing the move.
    with mock.patch.object(ResourceRequest, "save", slow_before(ResourceRequest.save)):
        outcomes = race(lambda: consultation.move(one, last), lambda: consultation.move(two, last))
    assert sum(isinstance(outcome, ResourceRequest) for outcome in outcomes) == 1, outcomes
    (refused,) = [outcome for outcome in outcomes if isinstance(outcome, consultation.Refused)]
    assert "someone else" in str(refused.message) or "jemand" in str(refused.message)
    assert ResourceRequest.objects.filter(slot=last).count() == 1
    assert ResourceRequest.objects.filter(slot=first).count() == 1, "the loser keeps its time"


def test_a_new_request_and_a_move_racing_for_the_last_place():
    from resource_requests import consultation

    first = ConsultationSlotFactory(start=in_days(8, 10), capacity=1)
    last = ConsultationSlotFactory(start=in_days(9, 10), capacity=1)
    moving = make_request(slot=first, plan_title="A")
    with (
        mock.patch.object(service, "next_reference", slowly(service.next_reference)),
        mock.patch.object(ResourceRequest, "save", slow_before(ResourceRequest.save)),
    ):
        outcomes = race(
            lambda: consultation.move(moving, last),
            lambda: service.submit(
                request_values(slot=last, plan_title="B"), [], language="de", notify=False
            ),
        )
    assert ResourceRequest.objects.filter(slot=last).count() == 1, outcomes
    assert sum(isinstance(outcome, ResourceRequest) for outcome in outcomes) == 1, outcomes
