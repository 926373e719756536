"""Moving or cancelling a booked consultation from the private status page (no account: the token is the key).

- `…/status/<t>/consultation/`  POST `action=move` with `slot=<id>` (another free time, the same radio group
                                as the request form) or `action=cancel`.

The rules, each refusal with its own message in the visitor's language (`refusal`):

- only while the request is open (received or in consultation), never after the consultation took place;
- not within `CUTOFF` (24 hours) before the booked time: the page says so and gives the team's phone number;
- at most `MAX_CHANGES` changes per request (each one mails the association), then by phone;
- the new time must be one the request form would offer (published, far enough ahead, a place free).

A move locks the request's row, then the new time's row, and counts its bookings again under the lock
(as `service.submit` does), so two visitors moving to the last place end with one move and one clear
message; the old time's place is free again in the same transaction (places are counted from the requests
that hold them). Each change is a `RequestEvent` the team sees in the request's history (text in German,
the team's language) and a mail through the outbox in the request's language with the updated .ics file
(same UID, a higher SEQUENCE; METHOD:CANCEL for a cancellation; `calendar.py`). After a cancellation the
status page offers the free times again, so a new one can be booked.
"""

import datetime

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.antispam import RateLimit
from home.models import PortalSettings

from . import calendar, emails
from .forms import SLOT_NOTICE, upcoming_slots
from .models import ConsultationSlot, RequestEvent, ResourceRequest

CUTOFF = datetime.timedelta(hours=24)
MAX_CHANGES = 5
OPEN = (ResourceRequest.Status.RECEIVED, ResourceRequest.Status.IN_CONSULTATION)
CHANGE_KINDS = (RequestEvent.Kind.CONSULTATION_MOVED, RequestEvent.Kind.CONSULTATION_CANCELLED)


class Refused(Exception):
    """The change cannot be made; `message` says why, in the visitor's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def changes_made(resource_request):
    return resource_request.events.filter(kind__in=CHANGE_KINDS).count()


def refusal(resource_request, now=None):
    """Why the consultation cannot be changed now ("" when it can)."""
    now = now or timezone.now()
    slot = resource_request.slot
    if resource_request.status not in OPEN:
        return _("Your request has been decided, so the consultation can no longer be changed here.")
    if slot is not None and slot.start <= now:
        return _("Your consultation has already taken place.")
    if slot is not None and slot.start < now + CUTOFF:
        return _(
            "Your consultation is less than 24 hours away, so it can no longer be changed here. "
            "Please call us."
        )
    if changes_made(resource_request) >= MAX_CHANGES:
        return _("You have already changed this consultation %(count)s times. Please call us.") % {
            "count": MAX_CHANGES
        }
    return ""


class MoveForm(forms.Form):
    """Another free consultation time, as a radio group; full times are shown but disabled."""

    slot = forms.ChoiceField(
        label=gettext_lazy("Another consultation time"),
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Please choose another consultation time."),
            "invalid_choice": gettext_lazy(
                "This consultation time cannot be booked. Please choose another one."
            ),
        },
    )

    def __init__(self, *args, resource_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = [slot for slot in upcoming_slots() if slot.pk != resource_request.slot_id]
        self.slot_objects = {str(slot.pk): slot for slot in self.slots}
        self.fields["slot"].choices = [(pk, str(slot)) for pk, slot in self.slot_objects.items()]

    def slot_options(self):
        chosen = self["slot"].value()
        return [
            {"slot": slot, "value": str(slot.pk), "checked": chosen == str(slot.pk), "full": slot.is_full}
            for slot in self.slots
        ]

    def clean_slot(self):
        value = self.cleaned_data["slot"]
        if self.slot_objects[value].is_full:
            raise forms.ValidationError(
                _("This consultation time is fully booked. Please choose another one."), code="full"
            )
        return self.slot_objects[value]


# --- The changes ------------------------------------------------------------------------------------------


def _record(resource_request, kind, old, new):
    """The history entry (in German, for the team) and the mail with the .ics (in the request's language)."""
    from .service import slot_text

    with translation.override("de"):
        if new is None:
            text = slot_text(old)
        else:
            before = slot_text(old) if old else _("no time booked")
            text = f"{before} → {slot_text(new)}"
    event = RequestEvent.objects.create(request=resource_request, kind=kind, public=True, text=text)
    cancel = kind == RequestEvent.Kind.CONSULTATION_CANCELLED
    with translation.override(resource_request.language):
        from .pages import status_url

        ics = calendar.consultation_calendar(
            resource_request, status_url(resource_request), slot=old if cancel else new, cancel=cancel
        )
    emails.queue_consultation_change(
        resource_request,
        event,
        old=old,
        new=new,
        attachments=[
            (
                f"{resource_request.reference}.ics",
                ics.decode(),
                f"text/calendar; method={'CANCEL' if cancel else 'PUBLISH'}",
            )
        ],
    )
    return event


def _locked_request(resource_request, now):
    locked = (
        ResourceRequest.objects.select_for_update(of=("self",))
        .select_related("slot")
        .get(pk=resource_request.pk)
    )
    reason = refusal(locked, now)
    if reason:
        raise Refused(reason)
    return locked


def move(resource_request, slot, *, now=None):
    """Book `slot` instead of the request's time (or as its time after a cancellation). Raises `Refused`."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_request(resource_request, now)
        new = ConsultationSlot.objects.select_for_update().filter(pk=slot.pk).first()
        if new is None or not new.published or new.start < now + SLOT_NOTICE:
            raise Refused(_("This consultation time cannot be booked. Please choose another one."))
        if new.pk == locked.slot_id:
            raise Refused(_("This is already your consultation time."))
        if ResourceRequest.objects.filter(slot=new).count() >= new.capacity:
            raise Refused(
                _("This consultation time has just been booked by someone else. Please choose another one.")
            )
        old = locked.slot
        locked.slot, locked.callback = new, False
        locked.save(update_fields=["slot", "callback", "updated_at"])
        _record(locked, RequestEvent.Kind.CONSULTATION_MOVED, old, new)
    return locked


def cancel(resource_request, *, now=None):
    """Give the request's place back. Raises `Refused`."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_request(resource_request, now)
        old = locked.slot
        if old is None:
            raise Refused(_("No consultation time is booked for this request."))
        ConsultationSlot.objects.select_for_update().filter(pk=old.pk).first()
        locked.slot, locked.callback = None, False
        locked.save(update_fields=["slot", "callback", "updated_at"])
        _record(locked, RequestEvent.Kind.CONSULTATION_CANCELLED, old, None)
    return locked


# --- The status page's part -------------------------------------------------------------------------------


def status_context(page, request, token, resource_request, form=None, error=""):
    """What the status page's consultation block shows (`includes/status_consultation.html`)."""
    reason = refusal(resource_request)
    portal = PortalSettings.load(request_or_site=request)
    cancelled = resource_request.slot_id is None and not resource_request.callback
    slot = resource_request.slot
    return {
        # Said on the page only while there is a time still to come (e.g. within the 24 hours); a decided
        # request without one needs no "cannot be changed".
        "consultation_refusal": reason if slot is not None and slot.start > timezone.now() else "",
        "consultation_form": None if reason else (form or MoveForm(resource_request=resource_request)),
        "consultation_error": error,
        "consultation_cancelled": cancelled,
        "consultation_url": page.get_url(request)
        + page.reverse_subpage("consultation_change", kwargs={"token": token}),
        "consultation_cutoff_hours": int(CUTOFF.total_seconds() // 3600),
        "team_phone": portal.phone,
        "team_phone_href": portal.phone_href if portal.phone else "",
    }


def change_consultation(page, request, token):
    """POST: move (`action=move`, `slot`) or cancel (`action=cancel`); errors come back on the status page."""
    from .views import _status_request, request_status

    status_url = page.status_url(token, request)
    if request.method != "POST":
        return redirect(status_url)
    resource_request = _status_request(token)
    action = request.POST.get("action")
    form = MoveForm(request.POST, resource_request=resource_request) if action == "move" else None

    def again(error, status):
        return request_status(
            page, request, token, consultation_form=form, consultation_error=error, status=status
        )

    if action not in ("move", "cancel"):
        return again(_("Please choose another time or cancel the consultation."), 400)
    reason = refusal(resource_request)
    if reason:
        return again(reason, 409)
    limit = RateLimit("consultation-change").hit(request)
    if limit.exceeded:
        response = again(limit.message, 429)
        for name, value in limit.headers().items():
            response[name] = value
        return response
    if form is not None and not form.is_valid():
        return again("", 400)
    try:
        if form is not None:
            move(resource_request, form.cleaned_data["slot"])
            messages.success(
                request,
                _(
                    "Your consultation has been moved. We have sent you an e-mail with the new calendar entry."
                ),
            )
        else:
            cancel(resource_request)
            messages.success(
                request,
                _(
                    "Your consultation has been cancelled. We have sent you an e-mail; you can book a new "
                    "time below."
                ),
            )
    except Refused as refused:
        if form is not None:
            form = MoveForm(resource_request=resource_request)
        return again(str(refused.message), 409)
    return redirect(status_url + "#status-consultation")
