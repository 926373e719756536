"""Every page type in a real headless Chromium: axe-core finds no WCAG 2.1 A/AA violation, in German and Arabic.

axe-core comes with the axe-playwright-python package (no download at run time). Every page type of the
portal must be in the PAGES of some `tests/test_accessibility*.py`; `test_every_page_type_is_scanned`
fails when a new one is missing.
"""

import pytest
from accessibility import all_scanned_page_types, scan
from django.apps import apps
from wagtail.models import Page

# page type -> URL in German and in Arabic
PAGES = {
    "home.HomePage": ("/de/", "/ar/"),
    "home.StandardPage": ("/de/so-funktionierts/", "/ar/how-it-works/"),
    "home.LegalPage": ("/de/impressum/", "/ar/legal-notice/"),
    "accessibility statement": ("/de/barrierefreiheit/", "/ar/accessibility/"),
    "leichte sprache": ("/de/leichte-sprache/", "/ar/leichte-sprache/beratungs-termin/"),
    "not-found": ("/de/gibt-es-nicht/", "/ar/gibt-es-nicht/"),
    "untranslated": ("/uk/impressum/", "/pl/so-funktionierts/"),
}
PROJECT_APPS = {
    "home",
    "taxonomy",
    "catalogue",
    "resource_requests",
    "partners",
    "engagement",
    "events",
    "search",
}


def test_every_page_type_is_scanned():
    page_types = {
        model._meta.label
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label in PROJECT_APPS
    }
    assert page_types - all_scanned_page_types() == set(), "add the new page type to a PAGES dict"


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violations(portal_server, browser_page, kind):
    for url in PAGES[kind]:
        browser_page.goto(portal_server + url)
        assert scan(browser_page) == [], url


@pytest.mark.browser
def test_keyboard_reaches_skip_link_then_content(portal_server, browser_page):
    browser_page.goto(portal_server + "/de/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert browser_page.evaluate("getComputedStyle(document.activeElement).insetBlockStart") != "-160px"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("location.hash") == "#main"
    assert browser_page.evaluate("document.activeElement.id") == "main"


@pytest.mark.browser
def test_focus_is_visible(portal_server, browser_page):
    browser_page.goto(portal_server + "/de/")
    for _ in range(3):
        browser_page.keyboard.press("Tab")
    outline = browser_page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


@pytest.mark.browser
def test_arabic_layout_runs_right_to_left(portal_server, browser_page):
    browser_page.set_viewport_size({"width": 1200, "height": 800})
    browser_page.goto(portal_server + "/ar/")
    assert browser_page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = browser_page.locator(".site-brand").bounding_box()
    switcher = browser_page.locator(".language-switcher").bounding_box()
    assert brand["x"] > switcher["x"], "the brand sits at the right, where Arabic starts"


@pytest.mark.browser
def test_pages_load_nothing_from_other_hosts(portal_server, browser_page):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    for url in ("/de/ueber-das-programm/", "/ar/about/"):
        browser_page.goto(portal_server + url)
    assert requested and all(url.startswith(portal_server) for url in requested), requested
