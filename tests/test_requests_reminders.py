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


def sent_for(resource_request):
    """The reminders of this request (the demo's own sample requests may be due on other days)."""
    return sorted(Reminder.objects.filter(item__request=resource_request).values_list("kind", flat=True))


def test_a_proof_deadline_is_reminded_once_before_and_once_after(budget, django_capture_on_commit_callbacks):
    # Due: the end of the plan + the money checklist's 30 days (the demo's) = in 5 days.
    stored = approved(item(budget, amount=Decimal(200)), plan_end=TODAY - datetime.timedelta(days=25))
    due = TODAY + datetime.timedelta(days=5)
    reminders.send_reminders(TODAY - datetime.timedelta(days=10))
    assert sent_for(stored) == [], "nothing yet 15 days ahead"
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_reminders(TODAY)
    assert sent_for(stored) == ["proof_soon"]
    reminders.send_reminders(TODAY)
    mails = OutgoingEmail.objects.filter(recipients=["leyla@example.org"], subject__contains=stored.reference)
    assert mails.count() == 1, "each mail once"
    mail = mails.get()
    assert stored.token in mail.body_text and "Testbudget" in mail.body_text and "Erinnerung" in mail.subject
    assert mail.language == "de"
    reminders.send_reminders(due + datetime.timedelta(days=1))
    reminders.send_reminders(due + datetime.timedelta(days=2))
    assert sent_for(stored) == ["proof_overdue", "proof_soon"], "then once more when overdue"
    assert mails.count() == 2 and "Überfällig" in mails.latest("pk").subject


def test_a_return_is_reminded_and_an_unreturned_item_keeps_its_units(projector):
    day = TODAY + datetime.timedelta(days=1)
    stored = approved(item(projector, 1, day), language="tr")
    reminders.send_reminders(TODAY)
    assert sent_for(stored) == ["return_soon"], "the day before the return"
    mail = OutgoingEmail.objects.filter(subject__contains=stored.reference).latest("pk")
    assert mail.language == "tr" and stored.token in mail.body_text and "Testbeamer" in mail.body_text
    later = day + datetime.timedelta(days=3)
    reminders.send_reminders(later)
    assert sent_for(stored) == ["return_overdue", "return_soon"]
    line = stored.items.get()
    line.reservation.refresh_from_db()
    assert line.reservation.end == later, "the reservation runs on while the item is away"
    assert availability.free_units_by_day(projector, later, later)[later] == 0
    service.mark_returned(line, None)
    reminders.send_reminders(later + datetime.timedelta(days=1))
    assert len(sent_for(stored)) == 2


def test_closed_and_complete_lines_get_no_reminders(budget, projector):
    stored = approved(item(projector, 1, TODAY))
    service.mark_returned(stored.items.get(), None)
    other = approved(item(budget, amount=Decimal(100)), plan_end=TODAY)
    service.change_status(other, ResourceRequest.Status.DONE, None, notify=False)
    reminders.send_reminders(TODAY + datetime.timedelta(days=60))
    assert sent_for(stored) == [] and sent_for(other) == []


def test_the_command_and_the_task_send_the_reminders(budget):
    stored = approved(item(budget, amount=Decimal(100)), plan_end=TODAY - datetime.timedelta(days=28))
    call_command("send_reminders", verbosity=0)
    assert sent_for(stored) == ["proof_soon"]
    send_reminders_task.enqueue()
    assert sent_for(stored) == ["proof_soon"]


def test_the_api_shows_the_checklist(client, budget, projector):
    stored = approved(item(budget, amount=Decimal(800)), item(projector, 1, TODAY), plan_end=TODAY)
    data = client.get(f"/api/v3/requests/{stored.token}/").json()
    money, lent = sorted(data["checklist"], key=lambda entry: entry["kind"] != "money")
    assert money["granted"] == "800.00" and money["quotes_needed"] == 2 and money["proofs"] == []
    assert money["due"] == (TODAY + datetime.timedelta(days=30)).isoformat()
    assert lent["pick_up"] == TODAY.isoformat() and lent["returned_at"] is None
    assert "<li>" in money["steps"]
