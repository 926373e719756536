"""The page frame in a real headless Chromium: reflow at 320 px (WCAG 1.4.10), the header on phones and on wide
screens, the menu toggle without JavaScript, the error pages (axe-core in German and Arabic).

The page types are the same as in the other `test_accessibility*.py` modules; here each is opened at 320 px
and must not scroll sideways, in German and in Arabic (right to left, where overflow goes the other way).
"""

import concurrent.futures

import pytest
from accessibility import scan
from django.test import RequestFactory
from django.utils import translation

from home.views import server_error

pytestmark = pytest.mark.browser

# page type -> (German, Arabic)
REFLOW_PAGES = {
    "home": ("/de/", "/ar/"),
    "content page": ("/de/so-funktionierts/", "/ar/how-it-works/"),
    "leichte sprache": ("/de/leichte-sprache/", "/ar/leichte-sprache/barriere-freiheit/"),
    "accessibility statement": ("/de/barrierefreiheit/", "/ar/accessibility/"),
    "resource listing": ("/de/ressourcen/", "/ar/resources/"),
    "resource detail": ("/de/ressourcen/beamer/", "/ar/resources/projector/"),
    "partner finder": ("/de/partner/", "/ar/partners/"),
    "partner detail": (
        "/de/partner/nachbarschaftsgarten-huckarde-ev/",
        "/ar/partners/huckarde-community-garden/",
    ),
    "events": ("/de/veranstaltungen/", "/ar/events/"),
    "event detail": ("/de/veranstaltungen/antragsworkshop/", "/ar/events/application-workshop/"),
    "examples": ("/de/engagement/", "/ar/engagement/"),
    "example detail": (
        "/de/engagement/fest-fuer-den-nordmarkt/",
        "/ar/engagement/festival-for-the-nordmarkt/",
    ),
    "search": ("/de/suche/?q=Raum", "/ar/search/?q=Raum"),
    "request form": ("/de/anfrage/", "/ar/request/"),
    "not found": ("/de/gibt-es-nicht/", "/ar/gibt-es-nicht/"),
}

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The elements that stick out of the window, for the failure message.
WIDER_THAN_WINDOW = """() => [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width && (box.right > innerWidth + 1 || box.left < -1);
}).slice(0, 5).map(el => el.tagName + '.' + el.className)"""


@pytest.mark.parametrize("language", [0, 1], ids=["de", "ar"])
@pytest.mark.parametrize("kind", REFLOW_PAGES)
def test_no_horizontal_scrolling_at_320_px(portal_server, browser_page, kind, language):
    browser_page.set_viewport_size({"width": 320, "height": 640})
    url = REFLOW_PAGES[kind][language]
    browser_page.goto(portal_server + url)
    assert browser_page.evaluate(OVERFLOW) <= 0, (url, browser_page.evaluate(WIDER_THAN_WINDOW))
    # Also with the menu open.
    browser_page.click(".site-menu__toggle")
    assert browser_page.locator(".main-nav").is_visible()
    assert browser_page.evaluate(OVERFLOW) <= 0, (url, browser_page.evaluate(WIDER_THAN_WINDOW))


@pytest.mark.parametrize("url", ["/de/ressourcen/", "/ar/resources/"])
def test_phone_header_is_short_and_the_menu_is_closed(portal_server, browser_page, url):
    browser_page.set_viewport_size({"width": 390, "height": 844})
    browser_page.goto(portal_server + url)
    header = browser_page.locator(".site-header").bounding_box()
    assert header["height"] <= 150, "brand, menu toggle and search box: two rows"
    assert browser_page.locator(".site-search__input").is_visible()
    assert browser_page.locator(".site-menu__toggle").is_visible()
    assert not browser_page.locator(".main-nav").is_visible()
    assert not browser_page.locator(".language-switcher").is_visible()


def test_menu_toggle_works_with_the_keyboard_and_without_javascript(portal_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(portal_server + "/ar/")
        toggle = page.locator(".site-menu__toggle")
        assert toggle.get_attribute("aria-label") == "القائمة واللغات"
        toggle.focus()
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        page.keyboard.press("Enter")
        assert page.locator(".site-menu").get_attribute("open") is not None
        assert page.locator(".main-nav").is_visible() and page.locator(".language-switcher").is_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('nav.main-nav') !== null"), (
            "next stop: the first link"
        )
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Space")
        assert page.locator(".site-menu").get_attribute("open") is None
        assert not page.locator(".main-nav").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("url", ["/de/", "/ar/"])
def test_open_menu_on_a_phone_has_no_axe_violations(portal_server, browser_page, url):
    browser_page.set_viewport_size({"width": 390, "height": 844})
    browser_page.goto(portal_server + url)
    browser_page.click(".site-menu__toggle")
    assert browser_page.locator(".language-switcher").is_visible()
    # Chromium's own accessibility tree (what screen readers get): the toggle, by its name, is expanded.
    cdp = browser_page.context.new_cdp_session(browser_page)
    name = browser_page.locator(".site-menu__toggle").get_attribute("aria-label")
    nodes = [
        node
        for node in cdp.send("Accessibility.getFullAXTree")["nodes"]
        if node.get("name", {}).get("value") == name
    ]
    assert nodes, "the toggle is in the accessibility tree by its name"
    properties = {item["name"]: item["value"]["value"] for item in nodes[0].get("properties", [])}
    assert properties.get("expanded") is True
    assert scan(browser_page) == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_wide_navigation_is_one_row_lined_up_with_the_content(portal_server, browser_page, language):
    browser_page.set_viewport_size({"width": 1280, "height": 800})
    browser_page.goto(
        portal_server + f"/{language}/so-funktionierts/"
        if language == "de"
        else portal_server + "/ar/how-it-works/"
    )
    assert not browser_page.locator(".site-menu__toggle").is_visible()
    assert browser_page.locator(".language-switcher").is_visible()
    links = browser_page.locator(".main-nav a")
    tops = {round(links.nth(index).bounding_box()["y"]) for index in range(links.count())}
    assert len(tops) == 1, "the navigation is one row"
    # The first link's text starts where the content starts (left in German, right in Arabic).
    first_text = browser_page.evaluate(
        """() => { const range = document.createRange();
        range.selectNodeContents(document.querySelector('.main-nav a'));
        const box = range.getBoundingClientRect(); return [box.left, box.right]; }"""
    )
    heading = browser_page.locator("main h1").bounding_box()
    if language == "de":
        assert abs(first_text[0] - heading["x"]) <= 2
    else:
        assert abs(first_text[1] - (heading["x"] + heading["width"])) <= 2


@pytest.mark.parametrize("url", ["/de/gibt-es-nicht/", "/ar/gibt-es-nicht/"])
def test_not_found_page_offers_a_search_and_ways_on(portal_server, browser_page, url):
    response = browser_page.goto(portal_server + url)
    assert response.status == 404
    assert browser_page.locator("main form[role=search] input[type=search]").is_visible()
    ways = browser_page.locator("nav.ways-on a")
    assert ways.count() >= 5, "home and the main pages"
    assert browser_page.locator("main a[href^='mailto:']").count() == 1


def _server_error_html(language):
    request = RequestFactory().get(f"/{language}/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    with translation.override(language):
        return server_error(request).content.decode()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_server_error_page_has_no_axe_violations(portal_server, browser_page, language):
    # Rendered here in another thread: Django refuses database access beside Playwright's event loop.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        html = pool.submit(_server_error_html, language).result()
    browser_page.goto(portal_server + f"/{language}/")  # so the page's own addresses resolve
    browser_page.set_content(html)
    assert browser_page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    assert browser_page.locator("main form[role=search]").count() == 1
    assert scan(browser_page) == []
