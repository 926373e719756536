"""What `portal.wsgi` does to a gunicorn worker besides building the application: garbage collection
tuned for a long-running process (`portal.serving`). Checked in a process of its own, as a worker starts."""

import json
import os
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

WORKER = """
import gc, json
before = gc.get_freeze_count()
import portal.wsgi
from django.test import Client
loaded = gc.get_freeze_count()
threshold = gc.get_threshold()
status = Client().get("/de/impressum/").status_code
print(json.dumps({"before": before, "loaded": loaded, "after_first": gc.get_freeze_count(),
                  "threshold": threshold, "status": status,
                  "after_second": (Client().get("/de/impressum/").status_code, gc.get_freeze_count())[1]}))
"""


@pytest.mark.django_db
def test_a_worker_freezes_what_lives_as_long_as_it_and_collects_the_young_less_often():
    from portal.serving import OLDER_COLLECTION_FACTORS, YOUNG_COLLECTION_THRESHOLD

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    # The worker reads this test's database (the demo content it was made from).
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{name}"
    else:
        parts = urlsplit(os.environ["DATABASE_URL"])
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    run = subprocess.run(  # noqa: S603 - this repository's own entry point
        [sys.executable, "-c", WORKER],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["before"] == 0
    # Django, Wagtail, every URLconf and view: frozen once the application is loaded.
    assert seen["loaded"] > 50_000
    assert seen["threshold"] == [YOUNG_COLLECTION_THRESHOLD, *OLDER_COLLECTION_FACTORS]
    # After the first request (templates, routes) once more; later requests freeze nothing (a frozen
    # object that is freed leaves the count).
    assert seen["status"] == 200
    assert seen["after_first"] > seen["loaded"]
    assert seen["after_second"] <= seen["after_first"]
