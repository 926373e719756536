"""Garbage collection tuned for a long-running app server process (each gunicorn worker).

A worker holds a few hundred thousand long-lived objects (Django, Wagtail, every view and model, the
compiled templates) and a page creates tens of thousands of short-lived ones (querysets, compiled SQL,
template contexts; a listing's thousands of search keys). With Python's defaults a full collection ran
every 15–20 requests of a listing and walked every long-lived object each time: measured on the
search mix's catalogue page `/de/ressourcen/?q=Raum&district=eving` in one process, 25 requests, median
373 ms and p95 567 ms with the defaults; 266 ms and 283 ms with the long-lived objects frozen and fewer
young collections (docs/benchmarks.md, "Garbage collection").

So, once the application is loaded and again after its first request (which compiles the templates and
Wagtail's routes), everything alive is collected once and then frozen (`gc.freeze`: left out of every
later collection), and a young collection waits for 10,000 new objects instead of 700. Objects created
by requests are still collected as before; only what lives as long as the process is no longer walked.
"""

import gc

from django.core.signals import request_finished
from django.urls import get_resolver

YOUNG_COLLECTION_THRESHOLD = 10_000  # Python's default: 700
OLDER_COLLECTION_FACTORS = (20, 20)  # Python's default: (10, 10)
_FIRST_REQUEST = "portal.serving.first-request"


def tune_garbage_collection():
    """Call once the WSGI application exists (`portal.wsgi`)."""
    get_resolver().url_patterns  # noqa: B018 - imports every URLconf and view now, before freezing
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *OLDER_COLLECTION_FACTORS)
    _collect_and_freeze()
    request_finished.connect(_after_first_request, dispatch_uid=_FIRST_REQUEST)


def _collect_and_freeze():
    gc.collect()  # what is garbage now is not frozen with the rest
    gc.freeze()


def _after_first_request(sender, **kwargs):
    """After the response has gone out: freeze what the first request loaded for good."""
    request_finished.disconnect(dispatch_uid=_FIRST_REQUEST)
    _collect_and_freeze()
