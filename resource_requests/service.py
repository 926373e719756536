"""What changes a request, each step in one transaction, e-mails through the outbox.

Nothing is lost: `submit` stores the request, its basket and the booked consultation place in one
transaction; its e-mails are rows of that same transaction (`home.outbox.queue_email`) and go out only
after it commits, so a mail server outage delays mail and loses nothing.

No overbooking: whatever takes a place or stock locks the row it counts against first
(`select_for_update`, a row lock on PostgreSQL; SQLite writes one at a time anyway) and counts again
under the lock:

- booking a consultation place locks the slot, then counts its bookings;
- approving an item locks the request, the item, and every language version of the resource
  (`catalogue.availability.lock_stock`, the lock the admin's own reservations and grants take too),
  then reads free units or the budget left afresh and creates the approved `Reservation` or `Grant`;
- the admin's consultation-time views lock the slot while they check its bookings (lowering the places,
  deleting it), so a booking waits for them and counts again;
- reference numbers come from a per-year counter row, locked while it counts up.

So two requests for the last place, or two editors approving the last projector at the same moment,
end with one success and one clear message – never with units, money or places below zero.
"""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalogue import availability
from catalogue.models import Grant, ProgrammeRules, Reservation, StockStatus
from catalogue.money import format_euro
from home import bidi
from home.models import OutgoingEmail
from resource_requests.models import (
    ConsultationSlot,
    Proof,
    RequestCounter,
    RequestEvent,
    RequestItem,
    RequestReport,
    ResourceRequest,
    new_token,
)

from . import emails
from .forms import SLOT_NOTICE

Status = ResourceRequest.Status


class SlotTaken(Exception):
    """The consultation time filled up (or was withdrawn) while the form was being filled in."""

    message = gettext_lazy(
        "This consultation time has just been booked by someone else. Please choose another one or ask us "
        "to call you back. Everything else you entered is still here."
    )


class DecisionError(Exception):
    """An editor's decision cannot be carried out (e.g. the units are gone meanwhile)."""


# --- Submitting -------------------------------------------------------------------------------------------


def next_reference(year):
    """The next reference number of the year, e.g. HOR-2026-00042. Call inside a transaction."""
    RequestCounter.objects.bulk_create([RequestCounter(year=year, last=0)], ignore_conflicts=True)
    # The UPDATE takes the row lock; a second submission waits here until this one commits.
    RequestCounter.objects.filter(year=year).update(last=F("last") + 1)
    number = RequestCounter.objects.values_list("last", flat=True).get(year=year)
    return f"HOR-{year}-{number:05d}"


def submit(values, items, *, partners=(), language, source=ResourceRequest.Source.WEB, notify=True, **extra):
    """Store a request with its basket and consultation place; queue its e-mails. Returns the request.

    `values` and `items` come from `RequestForm.request_values()` and `ItemForm.values()` (validated);
    `items` is a list of (resource, values). Raises `SlotTaken` when the chosen time is full by now.
    """
    now = timezone.now()
    with transaction.atomic():
        slot = values.get("slot")
        if slot is not None:
            slot = ConsultationSlot.objects.select_for_update().filter(pk=slot.pk).first()
            if (
                slot is None
                or not slot.published
                or slot.start < now + SLOT_NOTICE
                or ResourceRequest.objects.filter(slot=slot).count() >= slot.capacity
            ):
                raise SlotTaken
        resource_request = ResourceRequest.objects.create(
            **{**values, "slot": slot},
            reference=next_reference(timezone.localdate().year),
            language=language,
            source=source,
            consent_at=now,
            **extra,
        )
        resource_request.partners.set(partners)
        RequestItem.objects.bulk_create(
            [
                RequestItem(
                    request=resource_request,
                    position=position,
                    resource=resource,
                    resource_title=resource.title,
                    kind=resource.kind,
                    quantity=item["quantity"] if resource.counts_units else None,
                    start=item["start"] if resource.counts_units else None,
                    end=item["end"] if resource.counts_units else None,
                    amount=item["amount"] if resource.counts_money else None,
                )
                for position, (resource, item) in enumerate(items)
            ]
        )
        RequestEvent.objects.create(
            request=resource_request, kind=RequestEvent.Kind.RECEIVED, status=Status.RECEIVED
        )
        if notify:
            emails.queue_confirmation(resource_request)
            emails.queue_team_notice(resource_request)
    return resource_request


# --- Deciding ------------------------------------------------------------------------------------------


def _locked(request_id, item_id=None):
    resource_request = ResourceRequest.objects.select_for_update().get(pk=request_id)
    item = None
    if item_id is not None:
        item = RequestItem.objects.select_for_update().get(pk=item_id, request_id=request_id)
    return resource_request, item


def approve_item(item, user, *, quantity=None, amount=None, note="", notify=True):
    """Approve a basket line (all of it, or less): creates the approved reservation or grant.

    Raises `DecisionError` with a message for the editor when it cannot be done.
    """
    with transaction.atomic():
        resource_request, item = _locked(item.request_id, item.pk)
        if item.status == RequestItem.Status.APPROVED:
            raise DecisionError(_("This resource has already been approved."))
        resource = item.resource
        if resource is None:
            raise DecisionError(_("This resource is no longer in the catalogue."))
        availability.lock_stock([resource.pk])
        if item.counts_units:
            quantity = item.quantity if quantity is None else quantity
            if not 1 <= quantity <= (item.quantity or 0):
                raise DecisionError(_("Approve between 1 and %(units)s units.") % {"units": item.quantity})
            free = availability.free_units_by_day(resource, item.start, item.end)
            short = [day for day, left in free.items() if left < quantity]
            if short:
                raise DecisionError(
                    _("On %(date)s only %(free)s of %(units)s units are free.")
                    % {
                        "date": formats.date_format(short[0]),
                        "free": max(free[short[0]], 0),
                        "units": resource.units,
                    }
                )
            item.reservation = Reservation.objects.create(
                resource=resource,
                quantity=quantity,
                start=item.start,
                end=item.end,
                status=StockStatus.APPROVED,
                reference=resource_request.reference,
                note="",
            )
            item.approved_quantity = quantity
        elif item.counts_money:
            amount = item.amount if amount is None else Decimal(amount)
            if not Decimal("0.01") <= amount <= (item.amount or 0):
                raise DecisionError(
                    _("Approve an amount between 0.01 and %(amount)s.") % {"amount": format_euro(item.amount)}
                )
            left = availability.budget_left(resource)
            if amount > left:
                raise DecisionError(
                    _("Only %(left)s of the budget are left.") % {"left": format_euro(max(left, 0))}
                )
            item.grant = Grant.objects.create(
                resource=resource,
                amount=amount,
                granted_on=timezone.localdate(),
                status=StockStatus.APPROVED,
                reference=resource_request.reference,
            )
            item.approved_amount = amount
        _decide(item, RequestItem.Status.APPROVED, user, note)
        RequestEvent.objects.create(
            request=resource_request,
            kind=RequestEvent.Kind.APPROVED,
            item=item,
            text=note,
            public=bool(note),
            user=user,
        )
        _derive_status(resource_request, user, notify=notify)
    return item


def decline_item(item, user, reason, *, notify=True):
    """Decline a basket line with a reason the association sees; an approval given before is withdrawn."""
    if not reason.strip():
        raise DecisionError(_("Please give a reason; the association will read it."))
    with transaction.atomic():
        resource_request, item = _locked(item.request_id, item.pk)
        if item.status == RequestItem.Status.DECLINED:
            raise DecisionError(_("This resource has already been declined."))
        _withdraw_stock(item)
        _decide(item, RequestItem.Status.DECLINED, user, reason.strip())
        RequestEvent.objects.create(
            request=resource_request,
            kind=RequestEvent.Kind.DECLINED,
            item=item,
            text=reason.strip(),
            public=True,
            user=user,
        )
        _derive_status(resource_request, user, notify=notify)
    return item


def _withdraw_stock(item):
    for record in (item.reservation, item.grant):
        if record is not None and record.status != StockStatus.CANCELLED:
            record.status = StockStatus.CANCELLED
            record.save(update_fields=["status"])
    item.approved_quantity = None
    item.approved_amount = None


def _decide(item, status, user, note):
    item.status = status
    item.decision_note = note
    item.decided_at = timezone.now()
    item.decided_by = user
    item.save()


def _derive_status(resource_request, user, *, notify=True):
    """Once every line is decided, the request says so: approved, partly approved or declined."""
    items = list(resource_request.items.all())
    if not items or any(item.status == RequestItem.Status.OPEN for item in items):
        return
    if resource_request.status == Status.DONE:
        return
    approved = [item for item in items if item.status == RequestItem.Status.APPROVED]
    if not approved:
        status = Status.DECLINED
    elif len(approved) == len(items) and not any(item.is_partial for item in approved):
        status = Status.APPROVED
    else:
        status = Status.PARTLY_APPROVED
    if status != resource_request.status:
        _change_status(resource_request, status, user, "", notify=notify)


def change_status(resource_request, status, user, note="", *, notify=True):
    """Set the status by hand (e.g. "in consultation", "done"), with a note the association sees."""
    with transaction.atomic():
        locked, _item = _locked(resource_request.pk)
        if status == locked.status and not note.strip():
            raise DecisionError(_("The request already has this status."))
        if status == ResourceRequest.Status.DONE and _consultation_ahead(locked):
            raise DecisionError(
                _("The consultation has not taken place yet: the request can be marked done after it.")
            )
        _change_status(locked, status, user, note.strip(), notify=notify)
    return locked


def _consultation_ahead(resource_request):
    """Is the request's consultation still to come? Then it cannot be done yet."""
    slot = resource_request.slot
    return slot is not None and slot.start > timezone.now()


def _tell(resource_request, kind, user, *, mail=None, notify=True, **fields):
    """A history entry the association sees on its status page and, with `mail` (one of `emails`' queue
    functions, called with the request and the entry), a mail about it – unless `notify` is off or the
    request's contact details are gone."""
    event = RequestEvent.objects.create(request=resource_request, kind=kind, public=True, user=user, **fields)
    if mail is not None and notify and resource_request.anonymised_at is None:
        mail(resource_request, event)
    return event


def _change_status(resource_request, status, user, note, *, notify):
    resource_request.status = status
    resource_request.closed_at = timezone.now() if status in ResourceRequest.CLOSED else None
    resource_request.save(update_fields=["status", "closed_at", "updated_at"])
    return _tell(
        resource_request,
        RequestEvent.Kind.STATUS,
        user,
        mail=emails.queue_status_change,
        notify=notify,
        status=status,
        text=note,
    )


def decline_request(resource_request, user, reason, *, notify=True):
    """Decline everything still open with one reason; the request is then declined (or partly approved)."""
    if not reason.strip():
        raise DecisionError(_("Please give a reason; the association will read it."))
    with transaction.atomic():
        locked, _item = _locked(resource_request.pk)
        open_items = list(locked.items.filter(status=RequestItem.Status.OPEN))
        for item in open_items:
            _decide(item, RequestItem.Status.DECLINED, user, reason.strip())
        if open_items and all(item.status != RequestItem.Status.APPROVED for item in locked.items.all()):
            status = Status.DECLINED
        elif open_items:
            status = Status.PARTLY_APPROVED
        else:
            status = Status.DECLINED
        _change_status(locked, status, user, reason.strip(), notify=notify)
    return locked


def send_message(resource_request, user, text):
    """A message to the association: shown on its status page and sent by e-mail."""
    text = text.strip()
    if not text:
        raise DecisionError(_("Please write a message."))
    if resource_request.anonymised_at is not None:
        raise DecisionError(_("The contact details of this request have been removed."))
    with transaction.atomic():
        event = RequestEvent.objects.create(
            request=resource_request, kind=RequestEvent.Kind.MESSAGE, text=text, public=True, user=user
        )
        emails.queue_message(resource_request, event)
    return event


# --- After the decision: proofs of use and returns ----------------------------------------------------------


def review_proof(proof, user, status, note="", *, notify=True):
    """The team accepts a proof or asks for more (with a note); the association reads it and gets a mail."""
    note = note.strip()
    if status not in (Proof.Status.ACCEPTED, Proof.Status.MORE_NEEDED):
        raise DecisionError(_("Please choose: accepted or more needed."))
    if status == Proof.Status.MORE_NEEDED and not note:
        raise DecisionError(_("Please say what is missing; the association will read it."))
    with transaction.atomic():
        resource_request, _item = _locked(proof.request_id)
        proof = Proof.objects.select_for_update().get(pk=proof.pk)
        proof.status = status
        proof.review_note = note
        proof.reviewed_at = timezone.now()
        proof.reviewed_by = user
        proof.save(update_fields=["status", "review_note", "reviewed_at", "reviewed_by"])
        _tell(
            resource_request,
            RequestEvent.Kind.PROOF_REVIEWED,
            user,
            mail=lambda resource_request, event: emails.queue_proof_review(resource_request, proof, event),
            notify=notify,
            item_id=proof.item_id,
            text=note,
        )
    return proof


def mark_returned(item, user):
    """The team took a borrowed item (or a room's key) back. Until then the approved reservation keeps
    its units; an early return ends the reservation today, so the units are free again from now on."""
    with transaction.atomic():
        resource_request, item = _locked(item.request_id, item.pk)
        if item.status != RequestItem.Status.APPROVED or not item.counts_units:
            raise DecisionError(_("Only approved items and rooms can be returned."))
        if item.returned_at is not None:
            raise DecisionError(_("This resource has already been returned."))
        today = timezone.localdate()
        reservation = item.reservation
        if reservation is not None and reservation.status == StockStatus.APPROVED and reservation.end > today:
            reservation.end = max(reservation.start, today)
            reservation.save(update_fields=["end"])
        item.returned_at = timezone.now()
        item.save(update_fields=["returned_at"])
        RequestEvent.objects.create(
            request=resource_request, kind=RequestEvent.Kind.RETURNED, item=item, public=True, user=user
        )
    return item


def set_appointment(item, user, when, place, *, notify=True):
    """The Beratungsteam sets (or moves) the appointment of an approved coaching line; the status page's
    checklist shows it from then on, the history says so, and the association gets a mail in its language
    with the appointment as a calendar file (`calendar.appointment_calendar`). `when` is an aware datetime.
    Saving the same time and place again changes nothing and sends nothing."""
    if when is None:
        raise DecisionError(_("Please enter the date and time of the appointment."))
    place = " ".join(str(place or "").split())[:200]
    with transaction.atomic():
        resource_request, item = _locked(item.request_id, item.pk)
        if item.status != RequestItem.Status.APPROVED or item.kind != "coaching":
            raise DecisionError(_("Only approved coaching has an appointment."))
        if (item.appointment_at, item.appointment_place) == (when, place):
            return item
        moved = item.appointment_at is not None
        item.appointment_at = when
        item.appointment_place = place
        item.save(update_fields=["appointment_at", "appointment_place"])
        with translation.override("de"):
            text = " · ".join(
                part
                for part in (formats.date_format(timezone.localtime(when), "DATETIME_FORMAT"), place)
                if part
            )
        _tell(
            resource_request,
            RequestEvent.Kind.APPOINTMENT,
            user,
            mail=lambda resource_request, event: emails.queue_appointment(
                resource_request, item, event, moved=moved
            ),
            notify=notify,
            item=item,
            text=text,
        )
    return item


# --- Programme rules --------------------------------------------------------------------------------------


def programme_rules(resources_and_amounts, threshold=None):
    """The programme's rules that apply to a basket, as sentences in the active language.

    `resources_and_amounts`: (resource, amount or None) per line. Above the threshold (Settings →
    Programme rules, 500 € by default) for the money asked in total, a jury decides, the application
    workshop is required and two comparable quotes are needed; printed matter paid for with some
    resources must carry the programme's logos.
    """
    if threshold is None:
        threshold = ProgrammeRules.load().decision_threshold
    total = sum(
        (amount or Decimal(0) for resource, amount in resources_and_amounts if resource.counts_money),
        Decimal(0),
    )
    rules = []
    limit = format_euro(threshold)
    if total > threshold:
        rules.append(
            _("Above %(threshold)s a jury decides, and taking part in the application workshop is required.")
            % {"threshold": limit}
        )
        rules.append(_("Above %(threshold)s please provide two comparable quotes.") % {"threshold": limit})
    elif total > 0:
        rules.append(_("Up to %(threshold)s the House of Resources team decides.") % {"threshold": limit})
    if any(resource.requires_logos for resource, _amount in resources_and_amounts):
        rules.append(
            _("Printed matter paid for with this resource shows the logos of the programme and its funders.")
        )
    return rules


def rules_for_request(resource_request):
    items = list(resource_request.items.select_related("resource"))
    return programme_rules([(item.resource, item.amount) for item in items if item.resource is not None])


def slot_text(slot, markup=False):
    """ "Tuesday, 12 May 2026, 10:00–10:45" in the active language (Dortmund's time).

    With `markup`, safe HTML for the pages: the date in a `<bdi>` and the hours isolated
    (`bidi.time_range`), so in Arabic "10:00–10:45" keeps its order instead of turning into "10:45–10:00",
    and "10:00 ص–10:45 ص" reads from the right with each "ص" after its time.
    """
    start = timezone.localtime(slot.start)
    end = timezone.localtime(slot.end)
    parts = {
        "weekday": formats.date_format(start, "l"),
        "date": formats.date_format(start, "DATE_FORMAT"),
        "start": formats.time_format(start, "TIME_FORMAT"),
        "end": formats.time_format(end, "TIME_FORMAT"),
    }
    text = _("%(weekday)s, %(date)s, %(start)s–%(end)s")
    if not markup:
        return text % parts
    # The hours as one run: the translation's own "start–end" is kept, only isolated as a whole.
    hours = "%(start)s–%(end)s"
    if hours in text:
        text = text.replace(hours, "%(hours)s")
        parts["hours"] = bidi.time_range(parts["start"], parts["end"])
        parts["start"] = parts["end"] = ""
    else:
        parts["start"], parts["end"] = bidi.ltr(parts["start"]), bidi.ltr(parts["end"])
    parts["date"] = bidi.isolate(parts["date"])
    escaped = {name: conditional_escape(value) for name, value in parts.items()}
    return mark_safe(conditional_escape(text) % escaped)  # noqa: S308 - the text and every part escaped


def today_range():
    start = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    return start, start + datetime.timedelta(days=1)


# --- Privacy ----------------------------------------------------------------------------------------------


def anonymise(resource_request, now=None):
    """Remove a request's personal data for good; keep the reference, the basket and the decisions.

    Contact person, e-mail, phone, call-back times and free texts (plan description, other partners,
    notes and messages) are emptied, uploaded proofs of use, the report and their files deleted, the status link stops working (new random token), and the e-mails
    about the request are deleted from the outbox.
    """
    now = now or timezone.now()
    with transaction.atomic():
        cleared = dict.fromkeys((*ResourceRequest.PERSONAL_FIELDS, *ResourceRequest.FREE_TEXT_FIELDS), "")
        ResourceRequest.objects.filter(pk=resource_request.pk).update(
            **cleared, token=new_token(), anonymised_at=now, updated_at=now
        )
        RequestEvent.objects.filter(request_id=resource_request.pk).update(text="")
        RequestItem.objects.filter(request_id=resource_request.pk).update(decision_note="")
        # Uploaded proofs go with the personal data; their files follow once this commits (proofs.py).
        for proof in Proof.objects.filter(request_id=resource_request.pk):
            proof.delete()
        # So does the report after the request (text, photo; reports.py). An example made of it with the
        # association's consent is editorial content by then and stays.
        for report in RequestReport.objects.filter(request_id=resource_request.pk):
            report.delete()
        OutgoingEmail.objects.filter(
            about_type=ContentType.objects.get_for_model(ResourceRequest), about_id=resource_request.pk
        ).delete()
