"""Background tasks of the home app (django-tasks): sending the outbox's e-mails."""

from django_tasks import task

from home import outbox


@task()
def send_email(email_id):
    """One attempt to send a stored e-mail; failures are recorded and rescheduled by the outbox."""
    return outbox.deliver(email_id)
