"""The portal's outbox: every e-mail is stored first, then sent by a background task.

    with transaction.atomic():
        message = ContactMessage.objects.create(...)
        queue_email(["partner@example.org"], subject, text, reply_to=[sender], about=message)

`queue_email` writes an `OutgoingEmail` row inside the caller's transaction and, once that transaction
commits, enqueues `home.tasks.send_email` for it. The task makes one attempt (`deliver`). A failure is
recorded on the row (attempts, last error) and the next attempt is scheduled with back-off
(`OUTBOX_RETRY_DELAY`, four times longer each time, at most `OUTBOX_RETRY_MAX_DELAY`) until
`OUTBOX_MAX_ATTEMPTS`; then the mail is marked failed and shows in the admin.

Task backends: the database backend (`TASKS_BACKEND=database`, production) supports `run_after`, so a
retry is enqueued for later and `manage.py db_worker` picks it up when it is due. The immediate backend
(tests, `make run`) cannot defer: the first attempt runs right after the commit, retries wait for
`manage.py send_queued_email`, which sends every mail that is due (run it from cron every few minutes;
it is also the safety net when a worker was down or an enqueue got lost). Two senders never send the
same mail: an attempt first claims the row with a conditional UPDATE.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from home.models import OutgoingEmail

logger = logging.getLogger(__name__)

# An attempt that has not finished after this long died with its process; the row may be claimed again.
STALE_SENDING = timedelta(minutes=15)


def queue_email(
    recipients,
    subject,
    body_text,
    *,
    body_html="",
    reply_to=(),
    language=None,
    about=None,
    daily_cap=None,
    attachments=(),
):
    """Store an e-mail and send it after the current transaction commits. Returns the `OutgoingEmail`.

    `daily_cap`: for mails to an address a visitor typed (anyone can type anyone's): nothing is stored or
    sent, and None returned, when that address got this many mails in the last 24 hours already.
    `attachments`: text files, each a (filename, content, content_type) triple, stored with the mail.
    """
    recipients = [address for address in recipients if address]
    if not recipients:
        raise ValueError("an e-mail needs at least one recipient")
    if daily_cap is not None and any(mails_today(address) >= daily_cap for address in recipients):
        logger.warning("outbox: daily cap of %s mails to one address reached; not sending", daily_cap)
        return None
    email = OutgoingEmail.objects.create(
        recipients=recipients,
        reply_to=[address for address in reply_to if address],
        subject=" ".join(str(subject).split())[:255],  # one line: headers cannot hold line breaks
        body_text=body_text,
        body_html=body_html,
        attachments=[
            {"filename": filename, "content": str(content), "content_type": content_type}
            for filename, content, content_type in attachments
        ],
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        message_id=make_msgid(domain=_message_id_domain()),
        next_attempt_at=timezone.now(),
        about_type=ContentType.objects.get_for_model(about) if about is not None else None,
        about_id=about.pk if about is not None else None,
    )
    transaction.on_commit(lambda: schedule(email.pk))
    return email


def mails_today(address):
    """Mails stored for `address` (first recipient, in any case) in the last 24 hours, whatever their state."""
    since = timezone.now() - timedelta(days=1)
    return OutgoingEmail.objects.filter(created_at__gte=since, recipients__0__iexact=address).count()


def schedule(email_id, run_after=None):
    """Enqueue the send task for `email_id`, now or (where the task backend can defer) at `run_after`.

    Never raises: a mail that could not be enqueued is still stored and `send_queued_email` sends it.
    """
    # home.tasks imports this module: the task sends what the outbox stores.
    from home.tasks import send_email

    try:
        if run_after is None:
            send_email.enqueue(email_id)
        elif send_email.get_backend().supports_defer:
            send_email.using(run_after=run_after).enqueue(email_id)
        # else: the backend runs tasks at once; `send_queued_email` sends the mail when it is due.
    except Exception:
        logger.exception("outbox: could not enqueue e-mail %s; send_queued_email will send it", email_id)


def retry_delay(attempts):
    """Seconds to wait after the `attempts`-th failed attempt."""
    delay = settings.OUTBOX_RETRY_DELAY * 4 ** max(attempts - 1, 0)
    return min(delay, settings.OUTBOX_RETRY_MAX_DELAY)


def due():
    """Mails that should be attempted now."""
    now = timezone.now()
    return OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.Status.QUEUED, next_attempt_at__lte=now)
        | Q(status=OutgoingEmail.Status.SENDING, last_attempt_at__lt=now - STALE_SENDING)
    )


def deliver(email_id):
    """Make one attempt to send the mail, if it is due and nobody else is sending it.

    Returns the mail's status afterwards (None when there was nothing to do). Failures are recorded on
    the row and rescheduled, never raised.
    """
    now = timezone.now()
    claimed = (
        due()
        .filter(pk=email_id)
        .update(status=OutgoingEmail.Status.SENDING, attempts=F("attempts") + 1, last_attempt_at=now)
    )
    if not claimed:
        return None
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        _build_message(email).send()
    except Exception as error:  # noqa: BLE001 - any failure of the mail backend is recorded and retried
        return _record_failure(email, error)
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.next_attempt_at = None
    email.save(update_fields=["status", "sent_at", "next_attempt_at"])
    return email.status


def send_due(limit=None):
    """Attempt every mail that is due (what `send_queued_email` runs). Returns {status: count}."""
    ids = list(due().order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit])
    outcome = {}
    for email_id in ids:
        status = deliver(email_id)
        if status is not None:
            outcome[status] = outcome.get(status, 0) + 1
    return outcome


def _record_failure(email, error):
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        email.status = OutgoingEmail.Status.FAILED
        email.next_attempt_at = None
        logger.error("outbox: giving up on e-mail %s after %s attempts: %s", email.pk, email.attempts, error)
    else:
        email.status = OutgoingEmail.Status.QUEUED
        email.next_attempt_at = timezone.now() + timedelta(seconds=retry_delay(email.attempts))
        logger.warning("outbox: e-mail %s failed (attempt %s), retrying: %s", email.pk, email.attempts, error)
    email.save(update_fields=["status", "last_error", "next_attempt_at"])
    if email.status == OutgoingEmail.Status.QUEUED:
        schedule(email.pk, run_after=email.next_attempt_at)
    return email.status


def _build_message(email):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.recipients,
        reply_to=email.reply_to or None,
        # The same Message-ID on every attempt: a mail that did go out before a failure was recorded
        # is recognised as a duplicate by the receiving side.
        headers={"Message-ID": email.message_id},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments or []:
        message.attach(attachment["filename"], attachment["content"], attachment["content_type"])
    return message


def _message_id_domain():
    address = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >")
    return address or "localhost"
