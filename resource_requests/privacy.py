"""Personal data of requests (contact person, e-mail, phone, free texts, messages) and when it goes.

`purge(now)` (run daily by `manage.py purge_personal_data`) anonymises every request that was closed
(declined or done) more than `REQUESTS_KEEP_DAYS` ago: the personal data goes, the reference number, the
basket and the decisions stay for the programme's statistics (see `resource_requests.service.anonymise`).
"""

from datetime import timedelta

from django.conf import settings

from resource_requests.models import ResourceRequest
from resource_requests.service import anonymise


def purge(now):
    due = ResourceRequest.objects.filter(
        status__in=ResourceRequest.CLOSED,
        closed_at__lt=now - timedelta(days=settings.REQUESTS_KEEP_DAYS),
        anonymised_at__isnull=True,
    )
    count = 0
    for resource_request in due.only("pk"):
        anonymise(resource_request, now)
        count += 1
    return {
        "closed requests' personal data": count
    }  # "resource_requests: 2 closed requests' personal data deleted"
