"""The outbox (home/outbox.py): stored first, then sent by a task; a mail-server outage delays, never loses."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from home import outbox
from home.models import OutgoingEmail

pytestmark = pytest.mark.django_db

MAIL_DOWN = mock.patch(
    "django.core.mail.backends.locmem.EmailBackend.send_messages",
    side_effect=ConnectionRefusedError("mail server down"),
)


def queue(**kwargs):
    return outbox.queue_email(
        kwargs.pop("recipients", ["partner@example.org"]),
        kwargs.pop("subject", "Betreff"),
        kwargs.pop("body", "Hallo"),
        **kwargs,
    )


def make_due(email):
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_mail_is_stored_then_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = queue(reply_to=["verein@example.org"])
    # Stored before anything is sent: the row exists, nothing has gone out yet.
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.QUEUED
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1 and email.sent_at is not None
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["partner@example.org"] and sent.reply_to == ["verein@example.org"]
    assert sent.extra_headers["Message-ID"] == email.message_id


def test_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                queue()
                raise RuntimeError("the caller failed after queueing")
        except RuntimeError:
            pass
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


def test_subject_is_one_line(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(subject="Zeile eins\r\nBcc: spam@example.org")
    assert email.subject == "Zeile eins Bcc: spam@example.org"
    assert mail.outbox[0].subject == "Zeile eins Bcc: spam@example.org"


def test_a_mail_needs_a_recipient():
    with pytest.raises(ValueError, match="recipient"):
        queue(recipients=["", None])


def test_mail_server_down_keeps_the_mail_and_the_retry_sends_it(django_capture_on_commit_callbacks, settings):
    settings.OUTBOX_RETRY_DELAY = 60
    with MAIL_DOWN, django_capture_on_commit_callbacks(execute=True):
        email = queue()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.QUEUED
    assert email.attempts == 1
    assert "mail server down" in email.last_error
    assert email.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert mail.outbox == []

    # Not due yet: the cron command leaves it alone.
    call_command("send_queued_email", verbosity=0)
    assert mail.outbox == []

    make_due(email)
    call_command("send_queued_email", verbosity=0)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.attempts == 2
    assert len(mail.outbox) == 1


def test_back_off_grows_and_is_capped(settings):
    settings.OUTBOX_RETRY_DELAY = 60
    settings.OUTBOX_RETRY_MAX_DELAY = 3600
    assert [outbox.retry_delay(n) for n in (1, 2, 3, 4, 5)] == [60, 240, 960, 3600, 3600]


def test_gives_up_after_the_last_attempt(django_capture_on_commit_callbacks, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    with MAIL_DOWN:
        with django_capture_on_commit_callbacks(execute=True):
            email = queue()
        for _ in range(2):
            make_due(email)
            outbox.send_due()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 3 and email.next_attempt_at is None
    make_due(email)
    assert outbox.send_due() == {}, "a failed mail is not tried again"


def test_a_mail_is_never_sent_twice():
    email = OutgoingEmail.objects.create(
        recipients=["a@example.org"],
        subject="s",
        body_text="t",
        message_id="<x@test>",
        next_attempt_at=timezone.now(),
    )
    assert outbox.deliver(email.pk) == OutgoingEmail.Status.SENT
    assert outbox.deliver(email.pk) is None, "already sent: nothing to do"
    assert len(mail.outbox) == 1


def test_an_attempt_that_died_is_taken_up_again():
    email = OutgoingEmail.objects.create(
        recipients=["a@example.org"],
        subject="s",
        body_text="t",
        message_id="<y@test>",
        status=OutgoingEmail.Status.SENDING,
        attempts=1,
        last_attempt_at=timezone.now() - timedelta(hours=1),
    )
    assert outbox.send_due() == {OutgoingEmail.Status.SENT: 1}
    email.refresh_from_db()
    assert email.attempts == 2


def test_html_alternative_is_attached(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue(body_html="<p>Hallo</p>")
    assert mail.outbox[0].alternatives[0][1] == "text/html"


def send_tasks():
    return DBTaskResult.objects.filter(task_path="home.tasks.send_email")


def run_database_worker():
    """What `manage.py db_worker --batch` does for each ready task (without its connection recycling)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    ran = 0
    for result in send_tasks().ready():
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran


def test_database_backend_defers_the_retry_to_the_worker(django_capture_on_commit_callbacks, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        email = queue()
    assert mail.outbox == [] and send_tasks().ready().count() == 1, "queued for the worker"

    with MAIL_DOWN:
        assert run_database_worker() == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.QUEUED and email.attempts == 1
    retry = send_tasks().get(status="READY")
    assert retry.run_after == email.next_attempt_at, "the retry waits for its time"
    assert run_database_worker() == 0, "not due yet"

    # Time passes: the retry becomes due and the worker sends the mail.
    make_due(email)
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now() - timedelta(seconds=1))
    assert run_database_worker() == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_enqueue_failure_loses_nothing(django_capture_on_commit_callbacks):
    with (
        mock.patch(
            "home.tasks.send_email", new=mock.Mock(enqueue=mock.Mock(side_effect=RuntimeError("queue down")))
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        email = queue()
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.QUEUED
    call_command("send_queued_email", verbosity=0)
    assert len(mail.outbox) == 1


def test_purge_deletes_old_sent_mail_only(settings):
    settings.OUTBOX_KEEP_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    kept_queued = OutgoingEmail.objects.create(recipients=["a@example.org"], subject="q", body_text="t")
    purged = OutgoingEmail.objects.create(
        recipients=["a@example.org"], subject="s", body_text="t", status=OutgoingEmail.Status.SENT
    )
    recent = OutgoingEmail.objects.create(
        recipients=["a@example.org"], subject="r", body_text="t", status=OutgoingEmail.Status.SENT
    )
    OutgoingEmail.objects.filter(pk__in=[kept_queued.pk, purged.pk]).update(created_at=old)
    call_command("purge_personal_data", verbosity=0)
    assert set(OutgoingEmail.objects.values_list("pk", flat=True)) == {kept_queued.pk, recent.pk}


def test_outbox_is_in_the_admin(admin_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(subject="Sichtbar im Postausgang")
    listing = admin_client.get("/admin/outbox/")
    assert listing.status_code == 200
    assert "Sichtbar im Postausgang" in listing.content.decode()
    assert admin_client.get(f"/admin/outbox/inspect/{email.pk}/").status_code == 200
    # Mails are written by the portal, not in the admin.
    assert admin_client.get("/admin/outbox/new/").status_code in (302, 403)
