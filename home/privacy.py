"""Personal data the home app keeps, and when it goes: sent and failed outbox mails.

Every app that stores personal data has a `privacy.py` with `purge(now)`, returning {what: how many}
deleted; `manage.py purge_personal_data` runs them all (daily, from cron).
"""

from datetime import timedelta

from django.conf import settings

from home.models import OutgoingEmail


def purge(now):
    done = OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED
    old = OutgoingEmail.objects.filter(
        status__in=done, created_at__lt=now - timedelta(days=settings.OUTBOX_KEEP_DAYS)
    )
    deleted, _per_model = old.delete()
    return {"outgoing e-mails": deleted}
