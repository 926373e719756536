"""The ceiling for `make bench`: a bare Django view answering 20 KB of HTML, nothing else.

No database, no middleware, no templates: what one gunicorn worker of this machine can serve at best
through Django. `scripts/bench.sh` serves it under the same gunicorn settings as the portal, in the same
run, and `bench/report.py` prints each URL's requests/s as a share of it.

    gunicorn bench.ceiling:application
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = ("<!doctype html><html lang=en><title>ceiling</title><p>" + "x" * 20_400 + "</p></html>").encode()


def ceiling(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("ceiling/", ceiling)]

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-ceiling-not-secret",  # noqa: S106 - serves a constant page on loopback
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )
    django.setup()

application = get_wsgi_application()
