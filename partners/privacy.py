"""Personal data of the partners app: messages sent through partners' contact forms.

`purge(now)` (run by `manage.py purge_personal_data`) deletes them, with their e-mails, once they are
older than PARTNERS_CONTACT_KEEP_DAYS.
"""

from datetime import timedelta

from django.conf import settings

from partners.models import PartnerContactMessage


def purge(now):
    old = PartnerContactMessage.objects.filter(
        created_at__lt=now - timedelta(days=settings.PARTNERS_CONTACT_KEEP_DAYS)
    )
    deleted = old.count()
    for message in old:  # deleting one by one also deletes its e-mails (generic relation)
        message.delete()
    return {"contact messages": deleted}
