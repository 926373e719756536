"""WSGI entry point: `gunicorn portal.wsgi` (see README, "Production")."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

from portal.serving import tune_garbage_collection  # noqa: E402 - needs Django set up

tune_garbage_collection()
