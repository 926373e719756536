"""Reminders after the decision: before and after a proof deadline or a return day, each mail once, with the
status link, in the association's language; an item not returned keeps its units; the API shows the
checklist."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from catalogue import availability
from catalogue.factories import ResourceFactory
from home.models import OutgoingEmail
from resource_requests import reminders, service
from resource_requests.factories import item, make_request
from resource_requests.models import Reminder, ResourceRequest
from resource_requests.tasks import send_reminders as send_reminders_task

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def budget():
    return ResourceFactory(money=True, title="Testbudget", budget=Decimal(5000))


@pytest.fixture
def projector():
    return ResourceFactory(title="Testbeamer", units=1)


def approved(*lines, **changes):
    stored = make_request(list(lines), email="leyla@example.org", **changes)
    for line in stored.items.all():
        service.approve_item(line, None, notify=False)
    stored.refresh_from_db()
    return stored


def reminder_mails(resource_request):
    return OutgoingEmail.objects.filter(subject__contains=resource_request.reference).exclude(
        subject__icontains="status"
    )


def test_a_proof_deadline_is_reminded_once_before_and_once_after(budget, django_capture_on_commit_callbacks):
    # Deadline: plan end + 30 days (no checklist in German for money? the demo has one: 30 days).
    stored = approved(item(budget, amount=Decimal(200)), plan_end=TODAY - datetime.timedelta(days=25))
    due = TODAY + datetime.timedelta(days=5)
    assert reminders.send_reminders(TODAY - datetime.timedelta(days=10)) == 0, "nothing yet 15 days ahead"
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_reminders(TODAY) == 1
    assert reminders.send_reminders(TODAY) == 0, "each mail once"
    mail = OutgoingEmail.objects.filter(recipients=["leyla@example.org"]).latest("pk")
    assert stored.token in mail.body_text and "Testbudget" in mail.body_text
    assert mail.language == "de" and due.strftime("%Y") in mail.body_text
    assert reminders.send_reminders(due + datetime.timedelta(days=1)) == 1, "then once more when overdue"
    assert reminders.send_reminders(due + datetime.timedelta(days=2)) == 0
    assert set(Reminder.objects.values_list("kind", flat=True)) == {"proof_soon", "proof_overdue"}


def test_a_return_is_reminded_and_an_unreturned_item_keeps_its_units(projector, budget):
    day = TODAY + datetime.timedelta(days=1)
    stored = approved(item(projector, 1, day), language="tr")
    assert reminders.send_reminders(TODAY) == 1, "the day before the return"
    mail = OutgoingEmail.objects.filter(recipients=["leyla@example.org"]).latest("pk")
    assert mail.language == "tr" and stored.token in mail.body_text
    later = day + datetime.timedelta(days=3)
    assert reminders.send_reminders(later) == 1, "overdue"
    line = stored.items.get()
    line.reservation.refresh_from_db()
    assert line.reservation.end == later, "the reservation runs on while the item is away"
    assert availability.free_units_by_day(projector, later, later)[later] == 0
    service.mark_returned(line, None)
    assert reminders.send_reminders(later + datetime.timedelta(days=1)) == 0


def test_closed_and_complete_lines_get_no_reminders(budget, projector):
    stored = approved(item(projector, 1, TODAY))
    service.mark_returned(stored.items.get(), None)
    assert reminders.send_reminders(TODAY + datetime.timedelta(days=5)) == 0
    other = approved(item(budget, amount=Decimal(100)), plan_end=TODAY)
    service.change_status(other, ResourceRequest.Status.DONE, None, notify=False)
    assert reminders.send_reminders(TODAY + datetime.timedelta(days=60)) == 0


def test_the_command_and_the_task_send_the_reminders(budget):
    approved(item(budget, amount=Decimal(100)), plan_end=TODAY - datetime.timedelta(days=28))
    call_command("send_reminders", verbosity=0)
    assert Reminder.objects.count() == 1
    send_reminders_task.enqueue()
    assert Reminder.objects.count() == 1


def test_the_api_shows_the_checklist(client, budget, projector):
    stored = approved(item(budget, amount=Decimal(800)), item(projector, 1, TODAY), plan_end=TODAY)
    data = client.get(f"/api/v3/requests/{stored.token}/").json()
    money, lent = sorted(data["checklist"], key=lambda entry: entry["kind"] != "money")
    assert money["granted"] == "800.00" and money["quotes_needed"] == 2 and money["proofs"] == []
    assert money["due"] == (TODAY + datetime.timedelta(days=30)).isoformat()
    assert lent["pick_up"] == TODAY.isoformat() and lent["returned_at"] is None
    assert "<li>" in money["steps"]
