"""Validators on read responses, so clients and proxies can revalidate instead of downloading again.

- `ETag`: a hash of the response body. Exact: any change of what the client would get changes it.
  `If-None-Match` with it gives `304 Not Modified` (no body).
- `Last-Modified`: when editors last changed anything – the newest entry of Wagtail's audit log, which
  records every publish, unpublish, edit, move, delete and privacy change of pages, snippets, images and
  documents – but never earlier than the start of this server process, because a deploy can change any
  response. `If-Modified-Since` (without `If-None-Match`) gives 304 when nothing changed since.
  Resolution is one second, so clients should prefer `If-None-Match`.
  An answer that also depends on things the audit log does not record (the date, records outside
  Wagtail such as reservations) says so with `also_modified(request, timestamp)`; its Last-Modified is
  then never earlier than that.
- `Cache-Control: public, max-age=PORTAL_API_MAX_AGE` (60 s by default): a proxy may answer from its
  cache for that long, then revalidates.

The response is still built before it is compared (a 304 saves the transfer, not the rendering); two
indexed queries fetch the newest log entries.
"""

import datetime
import hashlib
import time

from django.conf import settings
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from wagtail.models import ModelLogEntry, PageLogEntry

STARTED = int(time.time())


def last_modified():
    """Unix time of the newest editorial change, not before this process started."""
    newest = STARTED
    for model in (PageLogEntry, ModelLogEntry):
        timestamp = model.objects.order_by("-timestamp").values_list("timestamp", flat=True).first()
        if timestamp is not None:
            newest = max(newest, int(timestamp.timestamp()))
    return newest


def start_of_today():
    """Unix time of today's midnight in Dortmund (answers that change with the date are not older)."""
    return int(
        timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time())).timestamp()
    )


def also_modified(request, timestamp):
    """This answer also depends on something changed at `timestamp` (Unix time) that the audit log does not
    record: its Last-Modified is never earlier."""
    request._api_also_modified = max(getattr(request, "_api_also_modified", 0), int(timestamp))


def conditional(request, response, *, static=False):
    """Add ETag, Last-Modified and Cache-Control to a 200 response; 304 if the client's copy is current.

    `static`: the response does not depend on content (the OpenAPI document, the docs page): it changes
    only with a deploy, so it is as old as this process.
    """
    if response.streaming:
        return response
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:40]}"'
    modified = STARTED if static else max(last_modified(), getattr(request, "_api_also_modified", 0))
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    patch_cache_control(response, public=True, max_age=settings.PORTAL_API_MAX_AGE)
    return get_conditional_response(request, etag=etag, last_modified=modified, response=response)
