"""Shared fixtures: the demo site in the test database, a server process and a headless Chromium for it."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import search_support
from django.conf import settings
from django.core.management import call_command
from django.db import connection

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network: no background connections, no component updates, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """The test database with the demo site, loaded once; each database test runs in a transaction on top.

    Like pytest-django's own fixture, except that it always sets up the default database: pytest-django
    sets up only databases that collected *database tests* ask for, and browser tests use the database
    through a server process (`portal_server`) without being database tests themselves.
    """
    from django.test.utils import setup_databases, teardown_databases

    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=verbosity,
            interactive=False,
            keepdb=django_db_keepdb and not django_db_createdb,
            aliases={"default"},
        )
        call_command("load_demo_content", verbosity=0)
        # The search indexes are rebuilt from it, so they match this database even when an earlier run
        # (or `--reuse-db`) left other documents in them.
        call_command("update_index", verbosity=0)
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(config, verbosity=verbosity)


def restore_migrated_state():
    """Put back what the migrations created (root page, locales, districts, groups ...) after a
    transactional test with `serialized_rollback` emptied every table. Does nothing when it is there."""
    from wagtail.models import Page

    if Page.objects.exists():
        return False
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:
        raise RuntimeError("the test database was emptied and no serialized copy of it was kept")
    connection.creation.deserialize_db_from_string(contents)
    return True


@pytest.fixture
def demo(django_db_blocker):
    """Make sure the demo content is there (a transactional test before may have emptied the tables)."""
    with django_db_blocker.unblock():
        emptied = restore_migrated_state()
        call_command("load_demo_content", verbosity=0)
        if emptied:
            # The reloaded content has new primary keys: rebuild the search indexes so Elasticsearch does
            # not keep documents of rows the flush removed (they would count in totals and facets).
            call_command("update_index", verbosity=0)


def _database_url():
    """The test database as a URL, for processes other than this one."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{db['NAME']}"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def portal_server(django_db_setup, django_db_blocker):
    """The portal served by a separate process over the test database, as a browser sees it."""
    with django_db_blocker.unblock():
        emptied = restore_migrated_state()
        call_command("load_demo_content", verbosity=0)
        if emptied:
            # The reloaded content has new primary keys: rebuild the search indexes so Elasticsearch does
            # not keep documents of rows the flush removed (they would count in totals and facets).
            call_command("update_index", verbosity=0)
        database_url = _database_url()
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url,
        "PYTHONUNBUFFERED": "1",
    }
    log = open(Path(settings.VAR_DIR) / "test-server.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2):  # noqa: S310 - loopback
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                log.close()
                raise RuntimeError(
                    "portal server did not start:\n"
                    + (Path(settings.VAR_DIR) / "test-server.log").read_text()
                ) from None
            time.sleep(0.3)
    yield base_url
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def browser():
    """A real headless Chromium (Debian's package), driven by Playwright. Fails if it is missing.

    Module-scoped: Playwright's sync API keeps an event loop alive, and Django refuses database access
    while one runs, so the browser lives only as long as a browser test module.
    """
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: install Debian's chromium package"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    yield page
    context.close()


# --- Search: each engine, and Elasticsearch kept in step with rolled-back tests ---------------------


@pytest.fixture(params=search_support.ENGINES)
def engine(request, settings):
    """The test runs twice: on the database backend alone (what `make run` uses; PostgreSQL here) and on
    Elasticsearch with the database beside it (as in production)."""
    if request.param == "database":
        settings.WAGTAILSEARCH_BACKENDS = search_support.database_backends()
    else:
        assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends.elasticsearch8", (
            "the suite needs ELASTICSEARCH_URL: run it with `make test`"
        )
        search_support.remove_strays()
        search_support.refresh_elasticsearch()
    return request.param


@pytest.fixture
def restore_search_index(django_db_blocker):
    """Tests run in a transaction that is rolled back, Elasticsearch is not part of it: afterwards the
    search entries' index is put back the way it was before the test."""
    with django_db_blocker.unblock():
        before = search_support.snapshot_entries()
    yield
    search_support.restore_entries(before)
