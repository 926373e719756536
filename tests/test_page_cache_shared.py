"""Two app servers, one database, one Redis: an edit saved through one server invalidates the page the other
keeps (home/page_cache.py, docs/caching.md).

The servers are `manage.py runserver` processes over this worker's test database with the page cache on
and Django's Redis backend on the Redis that scripts/services.sh starts (CACHE_URL). The test commits for
real (`transaction=True`); afterwards the worker's database is put back as a fresh clone of the demo.
"""

import http.cookiejar
import os
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import _database_url, reset_database, served
from wagtail.models import Page

pytestmark = pytest.mark.django_db(transaction=True)

PAGE = "/de/so-funktionierts/"
PASSWORD = "a-long-editor-password-1"  # noqa: S105 - test only


@pytest.fixture(scope="module")
def redis_url():
    url = os.environ.get("CACHE_URL", "")
    assert url.startswith("redis://"), "needs the Redis of scripts/services.sh (CACHE_URL): run `make test`"
    import redis

    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture(scope="module")
def two_servers(django_db_setup, django_db_blocker, redis_url):
    with django_db_blocker.unblock():
        database_url = _database_url()
    shared = {"TEST_CACHE_URL": redis_url, "TEST_PAGE_CACHE_SECONDS": "300"}
    try:
        with served(database_url, "cache-a", **shared) as a, served(database_url, "cache-b", **shared) as b:
            yield a, b
    finally:
        with django_db_blocker.unblock():
            reset_database()


class Browser:
    """A visitor or editor over HTTP, with cookies. Every server is asked for the same host name, as behind
    a load balancer (the host is part of a page's cache key: its `hreflang` links are absolute)."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        try:
            request = urllib.request.Request(self.base_url + path, headers={"Host": "localhost"})  # noqa: S310
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def post(self, path, data):
        token = next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(  # noqa: S310
            self.base_url + path, data=body, method="POST", headers={"Host": "localhost"}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def test_an_unpublish_through_one_server_reaches_the_page_the_other_keeps(two_servers, django_user_model):
    a, b = two_servers
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    page = Page.objects.get(url_path__endswith="/so-funktionierts/", locale__language_code="de")

    visitor = Browser(b)
    status, headers, first = visitor.get(PAGE)
    assert status == 200 and headers["X-Page-Cache"] == "miss"
    status, headers, _body = visitor.get(PAGE)
    assert status == 200 and headers["X-Page-Cache"] == "hit"
    # Server A has never rendered it, yet serves it from the shared cache.
    status, headers, _body = Browser(a).get(PAGE)
    assert headers["X-Page-Cache"] == "hit"

    editor = Browser(a)
    editor.get("/admin/login/")
    status, _body = editor.post(
        "/admin/login/", {"username": "editor", "password": PASSWORD, "next": "/admin/"}
    )
    assert status == 200, "signed in and on the dashboard"
    status, _headers, confirm = editor.get(f"/admin/pages/{page.pk}/unpublish/")
    assert status == 200 and re.search(r"unpublish", confirm, re.IGNORECASE)
    status, _body = editor.post(f"/admin/pages/{page.pk}/unpublish/", {})
    assert status == 200

    status, _headers, _body = visitor.get(PAGE)
    assert status == 404, "server B no longer serves the unpublished page from its cache"
