"""The API's pages for people, in a real headless Chromium: the reference page (/<lang>/api/) passes
axe-core in German and Arabic; the reference and Swagger UI (/api/v3/docs/) load nothing from other hosts."""

import pytest
from accessibility import scan

# Non-page public views of the api app -> URLs to scan (German, Arabic).
PAGES = {
    "api-reference": ("/de/api/", "/ar/api/"),
}


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violations(portal_server, browser_page, kind):
    for url in PAGES[kind]:
        browser_page.goto(portal_server + url)
        assert scan(browser_page) == [], url


@pytest.mark.browser
def test_reference_runs_right_to_left_with_code_left_to_right(portal_server, browser_page):
    browser_page.goto(portal_server + "/ar/api/")
    assert browser_page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    example = browser_page.locator(".api-operation__example").first
    assert example.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert browser_page.locator("h1").inner_text() == "واجهة برمجة التطبيقات للمطوّرين"


@pytest.mark.browser
def test_api_docs_load_nothing_from_other_hosts(portal_server, browser_page):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    browser_page.goto(portal_server + "/de/api/")
    browser_page.goto(portal_server + "/api/v3/docs/")
    # Swagger UI (served from the portal's static files) has read the OpenAPI document and shows it.
    browser_page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = browser_page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v3/resource-categories/{slug}/" in [path.replace("\u200b", "") for path in paths]
    assert any(url.endswith("/api/v3/openapi.json") for url in requested)
    assert requested and all(url.startswith(portal_server) for url in requested), requested
