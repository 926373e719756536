"""Server time of the editors' slow actions (issue 13): publish a resource, publish an event, submit a
translation. Prints a table (median and slowest of `--repeat` runs, and the database queries of a run – for
the admin views including the GET that renders the form); asserts nothing.

    .venv/bin/python bench/admin_saves.py                 # on a copy of var/portal.sqlite3 (make run's)
    DATABASE_URL=postgres://… .venv/bin/python bench/admin_saves.py --in-place   # on that database itself

Each action is measured twice: through the admin's own view (a superuser's POST of the edit form as a
browser sends it – every field read back from the rendered form – or of the "Translate" form; the time of
the POST alone), and at its core (`save_revision().publish()`, wagtail-localize's `translate_object`), with
the same signals and background tasks (the immediate task backend runs them in the request, as under
`make run`). On SQLite the database is copied first, so the demo of `make run` stays as it was;
`--in-place` is for a throwaway database.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def configure(in_place):
    """Settings for `make run`'s database (or DATABASE_URL), copied to a temporary file unless in place."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    if "DATABASE_URL" not in os.environ:
        source = REPO / "var" / "portal.sqlite3"
        if not source.exists():
            sys.exit("no var/portal.sqlite3: run `make run` once (or set DATABASE_URL)")
        target = source if in_place else Path(tempfile.mkdtemp(prefix="bench-saves-")) / "portal.sqlite3"
        if not in_place:
            shutil.copy(source, target)
        os.environ["DATABASE_URL"] = f"sqlite:///{target}"
    import django  # noqa: PLC0415 - settings must be chosen before Django starts

    django.setup()


def timed(action, repeat):
    """[(seconds, queries)] of `repeat` runs of `action()`."""
    from django.db import connection, reset_queries  # noqa: PLC0415 - after django.setup()
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    runs = []
    for _ in range(repeat):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            measured = action()  # an admin view returns the time of its POST alone
            elapsed = measured if measured is not None else time.perf_counter() - started
            runs.append((elapsed, len(queries.captured_queries)))
    return runs


def form_data(html, url, button):
    """What a browser sends for the form posting to `url` when `button` (name, value) is pressed."""
    from bs4 import BeautifulSoup  # noqa: PLC0415 - a test dependency, only for the bench

    form = BeautifulSoup(html, "html.parser").select_one("form[data-edit-form]")  # pages and snippets
    if form is None:
        raise RuntimeError(f"no editor form at {url}")
    data = {}

    def add(name, value):
        data.setdefault(name, []).append(value)

    for field in form.select("input[name], select[name], textarea[name]"):
        name, kind = field["name"], field.get("type", "").lower()
        if field.name == "textarea":
            add(name, field.text)
        elif field.name == "select":
            chosen = field.select("option[selected]") or (
                [] if field.has_attr("multiple") else field.select("option")[:1]
            )
            for option in chosen:
                add(name, option.get("value", option.text))
        elif kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                add(name, field.get("value", "on"))
        elif kind not in ("submit", "button", "file", "image"):
            add(name, field.get("value", ""))
    add(*button)
    return data


def admin_post(client, url, button):
    """The time of the POST of the form at `url` (the GET that renders it is not counted)."""
    data = form_data(client.get(url, HTTP_HOST=HOST).content.decode(), url, button)
    started = time.perf_counter()
    response = client.post(url, data, HTTP_HOST=HOST)
    elapsed = time.perf_counter() - started
    if response.status_code != 302:
        raise RuntimeError(f"{url} answered {response.status_code}: the form did not save")
    return elapsed


HOST = "127.0.0.1"


def actions():
    """name -> a function doing the action once (each run is a new revision or a new translation)."""
    from django.contrib.auth import get_user_model  # noqa: PLC0415 - after django.setup()
    from django.test import Client  # noqa: PLC0415
    from django.urls import reverse  # noqa: PLC0415
    from wagtail.models import Locale  # noqa: PLC0415
    from wagtail_localize.operations import translate_object  # noqa: PLC0415

    from catalogue.models import Resource  # noqa: PLC0415
    from events.models import EventPage  # noqa: PLC0415

    user = get_user_model().objects.filter(is_superuser=True).first()
    german = Locale.objects.get(language_code="de")
    resource = Resource.objects.filter(locale=german, live=True).order_by("pk").first()
    event = EventPage.objects.filter(locale=german, live=True).order_by("pk").first()
    targets = list(Locale.objects.exclude(pk=german.pk).order_by("pk"))

    def publish_resource():
        Resource.objects.get(pk=resource.pk).save_revision(user=user).publish(user=user)

    def publish_event():
        EventPage.objects.get(pk=event.pk).save_revision(user=user).publish(user=user)

    def untranslated_resource():
        """A resource and a language it is not translated into yet (each run the next one)."""
        for locale in targets:
            found = (
                Resource.objects.filter(locale=german, live=True)
                .exclude(translation_key__in=Resource.objects.filter(locale=locale).values("translation_key"))
                .first()
            )
            if found is not None:
                return found, locale
        raise RuntimeError("every resource is translated into every language")

    def submit_translation():
        resource, locale = untranslated_resource()
        translate_object(resource, [locale], user=user)

    client = Client()
    client.force_login(user)
    publish = ("action-publish", "action-publish")

    def view_publish_resource():
        return admin_post(
            client, reverse("wagtailsnippets_catalogue_resource:edit", args=[resource.pk]), publish
        )

    def view_publish_event():
        return admin_post(client, reverse("wagtailadmin_pages:edit", args=[event.pk]), publish)

    def view_submit_translation():
        resource, locale = untranslated_resource()
        url = reverse(
            "wagtail_localize:submit_snippet_translation", args=["catalogue", "resource", resource.pk]
        )
        started = time.perf_counter()
        response = client.post(url, {"locales": [locale.pk]}, HTTP_HOST=HOST)
        elapsed = time.perf_counter() - started
        if response.status_code != 302:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return elapsed

    return {
        "admin view: publish a resource": view_publish_resource,
        "admin view: publish an event": view_publish_event,
        "admin view: submit a translation (resource, 1 language)": view_submit_translation,
        "core: publish a resource": publish_resource,
        "core: publish an event": publish_event,
        "core: submit a translation (resource, 1 language)": submit_translation,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--in-place", action="store_true", help="work on the database itself, not a copy")
    options = parser.parse_args()
    configure(options.in_place)
    print(f"{'action':58} {'median':>9} {'slowest':>9} {'queries':>8}")
    for name, action in actions().items():
        runs = timed(action, options.repeat)
        seconds = [run[0] for run in runs]
        print(
            f"{name:58} {statistics.median(seconds) * 1000:7.0f}ms {max(seconds) * 1000:7.0f}ms"
            f" {statistics.median(run[1] for run in runs):8.0f}"
        )


if __name__ == "__main__":
    main()
