"""Shared fixtures: the demo site in the test database, a server process and a headless Chromium for it."""

import contextlib
import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
import search_support
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, connections

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


# --- The test database: the demo site built once per run, cloned for each worker ---------------------
#
# Loading the demo site takes minutes; copying a database takes a second. So the first process of a run
# builds a *template* database (migrated, demo content loaded, search entries and the database search
# index built) under a lock, and every pytest-xdist worker (or the single process without xdist) works on
# its own clone: PostgreSQL `CREATE DATABASE … TEMPLATE`, a file copy on SQLite (Django's own
# `clone_test_db` naming: `test_portal_gw0`). Elasticsearch gets its own index prefix per worker
# (portal/settings/test.py), filled from the clone. A test module that commits for real puts its worker's
# clone back with `reset_database()`.

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
TEMPLATE_LOCK = Path(settings.VAR_DIR) / "test-template.lock"


def _template_marker(name):
    return Path(settings.VAR_DIR) / f"test-template-{Path(name).name}.json"


@contextlib.contextmanager
def _exclusive(path):
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _template_exists(name):
    if connection.vendor == "sqlite":
        return Path(name).exists()
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def _use_database(name):
    connection.close()
    connection.settings_dict["NAME"] = name
    settings.DATABASES["default"]["NAME"] = name


def _build_template(verbosity):
    """Migrate a new test database, keep its migrated state serialized (for `serialized_rollback`), load
    the demo site and build the search entries and indexes."""
    started = time.monotonic()
    try:
        name = connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
        serialized = connection.creation.serialize_db_to_string()
        migrated = time.monotonic()
        call_command("load_demo_content", verbosity=0)  # ends with update_index, as after a deploy
    finally:
        # Also after a failure: an open connection to the half-built template would stop the next
        # worker from dropping it and building it again ("being accessed by other users").
        connection.close()
    sys.stderr.write(
        f"\ntest template database: migrated in {migrated - started:.0f} s, "
        f"demo site loaded and indexed in {time.monotonic() - migrated:.0f} s\n"
    )
    return name, serialized


def clone_template(template_name, serialized=None):
    """This worker's database as a fresh copy of the template (dropped first if it exists)."""
    _use_database(template_name)
    # Named from the template's name (Django's clone naming), so a reset finds this worker's clone again –
    # the browser tests' server process keeps using that name.
    clone = connection.creation.get_test_db_clone_settings(WORKER)["NAME"]
    if connection.vendor == "sqlite":
        Path(clone).unlink(missing_ok=True)
        shutil.copy(template_name, clone)
    else:
        quote = connection.ops.quote_name
        with connection.creation._nodb_cursor() as cursor:
            # FORCE: the browser tests' server process may still hold a connection to the old clone.
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(clone)} WITH (FORCE)")
            cursor.execute(f"CREATE DATABASE {quote(clone)} TEMPLATE {quote(template_name)}")
    _use_database(clone)
    if serialized is not None:
        connection._test_serialized_contents = serialized
    if settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends.elasticsearch8":
        # This worker's Elasticsearch indexes, from the entries the clone holds.
        call_command("update_index", skip_entries=True, backend_name="default", verbosity=0)
    return clone


_TEMPLATE = {}


def reset_database():
    """Put this worker's database back to the demo site as the run started (after tests that committed)."""
    clone_template(_TEMPLATE["name"])


@pytest.fixture(scope="session")
def django_db_modify_db_settings():
    """No per-worker database names from pytest-django: the workers share one template and clone it."""


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_keepdb, django_db_createdb
):
    """The test database with the demo site; each database test runs in a transaction on top.

    Unlike pytest-django's own fixture it always sets up the default database: browser tests use it through
    a server process (`portal_server`) without being database tests themselves. `--create-db` (what
    `make test` passes) builds the template once per run; `--reuse-db` alone reuses the last one.
    """
    verbosity = request.config.option.verbose
    run = getattr(request.config, "workerinput", {}).get("testrunuid") or request.config._hor_testrun
    template_name = connection.creation._get_test_db_name()
    marker = _template_marker(template_name)
    with django_db_blocker.unblock():
        with _exclusive(TEMPLATE_LOCK):
            known = json.loads(marker.read_text()) if marker.exists() else {}
            fresh_enough = known.get("run") == run or (django_db_keepdb and not django_db_createdb)
            if not (known and fresh_enough and _template_exists(template_name)):
                _name, serialized = _build_template(verbosity)
                marker.write_text(json.dumps({"run": run, "serialized": serialized}))
                known = {"run": run, "serialized": serialized}
            clone_template(template_name, known["serialized"])
        _TEMPLATE["name"] = template_name
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0, keepdb=False)


def pytest_configure(config):
    # One id per run for the template's marker (pytest-xdist passes the controller's to every worker).
    config._hor_testrun = uuid.uuid4().hex


# --- The order of the run: no worker waits idle while the template is built -----------------------------
#
# The first database test of a run builds the template (two to three minutes); every other worker's first
# database test waits for it. So the run starts with one large database module (its worker builds the
# template) and then the work that needs no database (the `make run` path on SQLite, the message
# catalogues, lint and deploy checks), which the other workers do meanwhile; then the remaining modules,
# largest first, as pytest-xdist would order them (`scripts/test.sh` passes `--no-loadscope-reorder` so it
# keeps this order). Inside a module, tests without the database go first.

# (Not `django_db_blocker`: pytest-django's autouse fixtures put it in every test's closure.)
DATABASE_FIXTURES = {"django_db_setup", "db", "transactional_db", "live_server"}


def _needs_database(item):
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(item.fixturenames)
    )


def pytest_collection_modifyitems(config, items):
    modules = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    for module_items in modules.values():
        module_items.sort(key=_needs_database)  # stable: the tests' own order otherwise
    free = [name for name, module_items in modules.items() if not _needs_database(module_items[0])]
    # Wholly database-free modules first, then those with the most database-free tests.
    free.sort(key=lambda name: (any(map(_needs_database, modules[name])), -len(modules[name])))
    database = sorted((name for name in modules if name not in free), key=lambda name: -len(modules[name]))
    order = database[:1] + free + database[1:]
    items[:] = [item for name in order for item in modules[name]]


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


@contextlib.contextmanager
def served(database_url, name=WORKER, **extra_env):
    """`manage.py runserver` in a process of its own over `database_url`; yields its base URL."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url,
        "PYTHONUNBUFFERED": "1",
        **extra_env,
    }
    log_path = Path(settings.VAR_DIR) / f"test-server-{name}.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed below
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
                raise RuntimeError("portal server did not start:\n" + log_path.read_text()) from None
            time.sleep(0.3)
    try:
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def portal_server(django_db_setup, django_db_blocker):
    """The portal served by a separate process over this worker's test database, as a browser sees it."""
    with django_db_blocker.unblock():
        database_url = _database_url()
    with served(database_url) as base_url:
        yield base_url


# What a browser test's server process may commit to this worker's database: a request (with its lines,
# proofs and reports), the mails of the outbox, a message to a partner. Tests later on the same worker count
# these (outbox rows, a daily cap of confirmations per address), so what a module's server wrote goes again.
SERVER_WRITES = ("resource_requests.ResourceRequest", "home.OutgoingEmail", "partners.PartnerContactMessage")


@pytest.fixture(scope="module", autouse=True)
def _server_writes_removed(request):
    if not any(
        "portal_server" in item.fixturenames
        for item in request.session.items
        if item.module is request.module
    ):
        yield
        return
    from django.apps import apps
    from django.db.models import Max

    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    models = [apps.get_model(label) for label in SERVER_WRITES]
    with blocker.unblock():
        before = {model: model.objects.aggregate(top=Max("pk"))["top"] or 0 for model in models}
    yield
    with blocker.unblock():
        for model, top in before.items():
            model.objects.filter(pk__gt=top).delete()


@pytest.fixture(autouse=True)
def _fresh_query_log():
    """Every test counts its queries from an empty log. CaptureQueriesContext (and pytest-django's
    `django_assert_num_queries`, built on it) reads a slice of the connection's query log, a deque of at
    most 9,000 entries that only a request outside a capture empties: on a long-lived test connection
    that had logged 9,000 queries, every later capture was empty and every query bound passed unchecked."""
    for db in connections.all(initialized_only=True):
        db.queries_log.clear()
    yield


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Nothing a test kept in the page cache (home/page_cache.py) reaches the next test."""
    yield
    caches["pages"].clear()


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
