"""Production's Content-Security-Policy enforced by a real Chromium: public pages, the admin's sign-in and page
editor, and Swagger UI run without the browser refusing anything (home/security.py).

The test server runs the test settings; the policy production sends (read from the production settings in
a child process, as in tests/test_security_headers.py) is added to each of its answers on the way into
the browser, so Chromium enforces exactly production's header.
"""

from urllib.parse import urlparse

import pytest
from csp.utils import build_policy
from django.contrib.auth import get_user_model
from test_security_headers import read_production

from home.models import HomePage

PASSWORD = "x" * 16  # noqa: S105 - a test account


@pytest.fixture(scope="module")
def editor_and_home(django_db_setup, django_db_blocker):
    """An editor the server process can sign in (committed to this worker's clone, removed afterwards) and
    the home page to edit. Before the browser starts: no database access while Playwright's loop runs."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser("csp-redaktion", "csp@example.org", PASSWORD)
        home = HomePage.objects.filter(depth=2).first()
    yield user, home
    with django_db_blocker.unblock():
        user.delete()


def policies(production):
    """The header production sends on public pages and under the relaxed prefixes."""
    config = production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    return build_policy(config=config), build_policy(
        config=config, update=production["CSP_RELAXED_DIRECTIVES"]
    )


@pytest.mark.browser
def test_pages_and_the_admin_run_under_the_policy(editor_and_home, portal_server, browser):
    production = read_production()
    public, relaxed = policies(production)
    prefixes = tuple(production["CSP_RELAXED_PREFIXES"])
    refused = []

    def with_policy(route):
        response = route.fetch(max_redirects=0)  # the browser follows redirects itself
        policy = relaxed if urlparse(route.request.url).path.startswith(prefixes) else public
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})

    def note_refusals(message):
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    user, home = editor_and_home
    context = browser.new_context(locale="de-DE")
    try:
        page = context.new_page()
        page.route(f"{portal_server}/**", with_policy)
        page.on("console", note_refusals)
        for url in ["/de/", "/de/ressourcen/", "/de/partner/", "/de/anfrage/", "/de/suche/?q=Raum", "/ar/"]:
            page.goto(portal_server + url)
        page.goto(portal_server + "/admin/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        assert page.url == f"{portal_server}/admin/", page.url
        page.goto(f"{portal_server}/admin/pages/{home.pk}/edit/")
        page.wait_for_selector("form#page-edit-form")
        assert page.locator("[data-controller]").count() > 5, "the editor's scripts ran"
        page.goto(portal_server + "/api/v3/docs/")
        page.wait_for_selector("#swagger-ui .opblock")
    finally:
        context.close()
    assert refused == [], refused
