"""Background tasks of the requests app (django-tasks)."""

from django_tasks import task

from resource_requests import reminders


@task()
def send_reminders():
    """The daily reminders about proofs of use and returns (`reminders.send_reminders`)."""
    return reminders.send_reminders()
