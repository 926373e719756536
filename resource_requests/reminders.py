"""Reminders after the decision, sent once a day (`manage.py send_reminders`, or the django-tasks task
`resource_requests.tasks.send_reminders`), each through the outbox in the association's language with
its status link:

- money: the proof deadline is `REMINDER_DAYS_BEFORE` days away or less ("due soon"), or has passed while
  the receipts do not yet cover the grant ("overdue");
- items to borrow: the return day is tomorrow or today ("return soon"), or has passed and the team has
  not confirmed the return ("overdue").

Each mail at most once per line and kind: a `Reminder` row is written in the same transaction as the
outbox row, unique per line and kind, under the line's row lock – a second run (or two at once) finds it
and sends nothing. Requests that are closed (declined, done) or anonymised get none.

An item not returned on its return day keeps its units: the same daily run extends the approved
reservation to today (`hold_unreturned`), so availability counts the units as away until the team marks
the return.
"""

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from catalogue.models import ProgrammeRules, Reservation, Resource, StockStatus

from . import emails
from .checklist import checklists, templates_for
from .models import Reminder, RequestItem, ResourceRequest

REMINDER_DAYS_BEFORE = 7
RETURN_DAYS_BEFORE = 1


def _kind(entry, today):
    """Which reminder a checklist entry needs today, or None."""
    if entry.complete:
        return None
    if entry.item.counts_money and entry.due is not None:
        if entry.due < today:
            return Reminder.Kind.PROOF_OVERDUE
        if (entry.due - today).days <= REMINDER_DAYS_BEFORE:
            return Reminder.Kind.PROOF_SOON
    if (
        entry.item.kind == Resource.Kind.LENDABLE
        and entry.give_back is not None
        and entry.returned_at is None
    ):
        if entry.give_back < today:
            return Reminder.Kind.RETURN_OVERDUE
        if (entry.give_back - today).days <= RETURN_DAYS_BEFORE:
            return Reminder.Kind.RETURN_SOON
    return None


def open_requests():
    return ResourceRequest.objects.filter(
        status__in=(ResourceRequest.Status.APPROVED, ResourceRequest.Status.PARTLY_APPROVED),
        anonymised_at__isnull=True,
    )


def overdue_lines():
    """(request, checklist) of every approved line that is overdue now, oldest request first (dashboard)."""
    templates = templates_for(None)
    threshold = ProgrammeRules.load().decision_threshold
    requests = open_requests().prefetch_related(
        Prefetch("items", queryset=RequestItem.objects.select_related("resource")), "proofs"
    )
    return [
        (resource_request, entry)
        for resource_request in requests.order_by("created_at", "pk")
        for entry in checklists(
            resource_request, list(resource_request.items.all()), None, threshold, templates
        )
        if entry.overdue
    ]


def send_reminders(today=None):
    """Queue every reminder that is due today and was not sent before. Returns how many were queued."""
    today = today or timezone.localdate()
    hold_unreturned(today)
    sent = 0
    for resource_request in open_requests().prefetch_related("proofs"):
        items = list(resource_request.items.select_related("resource", "reservation"))
        for entry in checklists(resource_request, items, None):
            kind = _kind(entry, today)
            if kind is not None and _send_once(resource_request, entry, kind):
                sent += 1
    return sent


def _send_once(resource_request, entry, kind):
    with transaction.atomic():
        RequestItem.objects.select_for_update().filter(pk=entry.item.pk).first()
        if Reminder.objects.filter(item=entry.item, kind=kind).exists():
            return False
        Reminder.objects.create(item=entry.item, kind=kind)
        emails.queue_reminder(resource_request, entry, kind)
    return True


def hold_unreturned(today):
    """Approved reservations of items not returned by their last day run on until today."""
    overdue = Reservation.objects.filter(
        status=StockStatus.APPROVED,
        end__lt=today,
        request_item__returned_at__isnull=True,
        request_item__status=RequestItem.Status.APPROVED,
        request_item__request__status__in=(
            ResourceRequest.Status.APPROVED,
            ResourceRequest.Status.PARTLY_APPROVED,
        ),
        resource__kind=Resource.Kind.LENDABLE,
    )
    return overdue.update(end=today)
