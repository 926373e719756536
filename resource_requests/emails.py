"""The e-mails about a request, in the association's language, stored in the outbox (`home.outbox`).

Every mail is plain text. Mails to the association carry the private status link; the note to the team
carries only the reference number and the admin link – the personal data stays in the portal.

The confirmation goes to whatever address was typed, by anyone, so it carries nothing a visitor wrote
(no name, plan, phone or call-back times): only the reference, the status link, the consultation time,
the catalogue's own titles and what the editors wrote. And an address gets at most
`REQUESTS_CONFIRMATIONS_PER_DAY` of them a day, however many requests name it (each is still stored and
announced to the team), so the form is no way to flood someone's mailbox.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from home.models import OutgoingEmail, PortalSettings
from home.outbox import queue_email

from .models import ResourceRequest
from .pages import status_url


def _context(resource_request, **extra):
    from .service import rules_for_request, slot_text

    items = list(resource_request.items.all())
    return {
        "resource_request": resource_request,
        "items": items,
        "status_url": status_url(resource_request),
        "slot_text": slot_text(resource_request.slot) if resource_request.slot_id else "",
        "rules": rules_for_request(resource_request),
        **extra,
    }


def _send_to_association(resource_request, template, daily_cap=None, attachments=(), **extra):
    with translation.override(resource_request.language):
        context = _context(resource_request, **extra)
        subject = render_to_string(f"resource_requests/email/{template}_subject.txt", context)
        body = render_to_string(f"resource_requests/email/{template}.txt", context)
    return queue_email(
        [resource_request.email],
        subject,
        body,
        language=resource_request.language,
        about=resource_request,
        reply_to=[address for address in [_team_address()] if address],
        daily_cap=daily_cap,
        attachments=attachments,
    )


def _team_address():
    return settings.REQUESTS_NOTIFY_EMAIL or PortalSettings.load().email


def queue_confirmation(resource_request):
    from .pages import request_page

    page = request_page(resource_request.language)
    return _send_to_association(
        resource_request,
        "confirmation",
        daily_cap=settings.REQUESTS_CONFIRMATIONS_PER_DAY,
        next_steps=page.next_steps if page is not None else "",
    )


def confirmation_queued(resource_request):
    """Whether the confirmation went into the outbox (not when its address had reached the daily cap)."""
    return OutgoingEmail.objects.filter(
        about_type=ContentType.objects.get_for_model(ResourceRequest),
        about_id=resource_request.pk,
        recipients__0__iexact=resource_request.email,
    ).exists()


def queue_status_change(resource_request, event):
    return _send_to_association(resource_request, "status", event=event)


def queue_message(resource_request, event):
    return _send_to_association(resource_request, "message", event=event)


def queue_team_notice(resource_request):
    """A short note to the team (in German): reference and admin link, no personal data."""
    address = _team_address()
    if not address:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "resource_request": resource_request,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("resource_request:inspect", args=[resource_request.pk]),
            "language_name": translation.get_language_info(resource_request.language)["name_translated"],
            "item_count": resource_request.items.count(),
        }
        subject = render_to_string("resource_requests/email/team_notice_subject.txt", context)
        body = render_to_string("resource_requests/email/team_notice.txt", context)
    return queue_email([address], subject, body, language=settings.LANGUAGE_CODE, about=resource_request)


def queue_proof_review(resource_request, proof, event):
    return _send_to_association(resource_request, "proof_review", event=event, proof=proof)


def queue_appointment(resource_request, item, event, *, moved=False):
    """The coaching appointment the team set (or moved), with it as a calendar file."""
    from . import calendar

    with translation.override(resource_request.language):
        ics = calendar.appointment_calendar(item, status_url(resource_request))
    return _send_to_association(
        resource_request,
        "appointment",
        attachments=[
            (f"{resource_request.reference}-{item.pk}.ics", ics.decode(), "text/calendar; method=PUBLISH")
        ],
        event=event,
        item=item,
        moved=moved,
    )


def queue_reminder(resource_request, entry, kind):
    """A reminder about one approved line: its deadline or return day, and the status link."""
    return _send_to_association(resource_request, "reminder", entry=entry, kind=str(kind))


def queue_consultation_change(resource_request, event, *, old, new, attachments=()):
    """The consultation moved (`new`) or cancelled (`new` None), with the updated .ics file attached."""
    from .service import slot_text

    with translation.override(resource_request.language):
        old_text = slot_text(old) if old else ""
        new_text = slot_text(new) if new else ""
    return _send_to_association(
        resource_request,
        "consultation_change",
        attachments=attachments,
        event=event,
        new=new,
        old_text=old_text,
        new_text=new_text,
    )
