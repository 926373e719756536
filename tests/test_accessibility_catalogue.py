"""The catalogue in a real headless Chromium: axe-core in German and Arabic, keyboard use, right to left."""

import datetime

import pytest
from accessibility import scan
from django.utils import timezone

DAY = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
FILTERED = f"?category=raeume&start={DAY}&step_free=1"
NOTHING = "?category=raeume&capacity=5000"
NONSENSE = "?category=gibt-es-nicht&start=2001-01-01&page=999"

# page type or view -> URLs in German and Arabic (and the German stand-in in Ukrainian and Polish)
PAGES = {
    "catalogue.ResourceIndexPage": ("/de/ressourcen/" + FILTERED, "/ar/resources/" + FILTERED),
    "catalogue.listing-nothing-found": ("/de/ressourcen/" + NOTHING, "/ar/resources/" + NOTHING),
    "catalogue.listing-with-messages": ("/de/ressourcen/" + NONSENSE, "/ar/resources/" + NONSENSE),
    "catalogue.resource-detail": ("/de/ressourcen/beamer/", "/ar/resources/projector/"),
    "catalogue.resource-detail-money": (
        "/de/ressourcen/flyer-und-plakate/",
        "/ar/resources/flyers-and-posters/",
    ),
    "catalogue.resource-detail-coaching": (
        "/de/ressourcen/vereinsgruendung/",
        "/ar/resources/founding-an-association/",
    ),
    "catalogue.resource-in-german": ("/uk/resources/seminarraum-nordstadt/", "/pl/zasoby/tonanlage/"),
}


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violations(portal_server, browser_page, kind):
    for url in PAGES[kind]:
        response = browser_page.goto(portal_server + url)
        assert response.status == 200, url
        assert scan(browser_page) == [], url


def tab_to(page, predicate, limit=60):
    """Press Tab until `predicate` (JS on document.activeElement) holds; the keyboard way, no clicks."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"never reached by keyboard: {predicate}")


@pytest.mark.browser
def test_filters_work_with_the_keyboard_alone(portal_server, browser_page):
    browser_page.goto(portal_server + "/de/ressourcen/")
    tab_to(browser_page, "el.id === 'id_category'")
    browser_page.keyboard.press("ArrowDown")  # a closed select changes its value with the arrow keys
    chosen = browser_page.evaluate("document.activeElement.value")
    assert chosen
    tab_to(browser_page, "el.id === 'id_step_free'")
    browser_page.keyboard.press("Space")
    assert browser_page.evaluate("document.activeElement.checked")
    tab_to(browser_page, "el.type === 'submit'")
    assert browser_page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert f"category={chosen}" in browser_page.url and "step_free=1" in browser_page.url
    assert browser_page.locator("#results-heading").is_visible()


@pytest.mark.browser
def test_search_words_submit_with_enter_and_skip_link_reaches_the_results(portal_server, browser_page):
    browser_page.goto(portal_server + "/de/ressourcen/")
    tab_to(browser_page, "el.classList.contains('skip-to-results')")
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("location.hash") == "#results"
    assert browser_page.evaluate("document.activeElement.id") == "results"
    browser_page.goto(portal_server + "/de/ressourcen/")
    tab_to(browser_page, "el.id === 'id_q'")
    browser_page.keyboard.type("Zelt")
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert "q=Zelt" in browser_page.url


@pytest.mark.browser
def test_calendar_months_are_reached_and_followed_with_the_keyboard(portal_server, browser_page):
    browser_page.goto(portal_server + "/de/ressourcen/tonanlage/")
    caption = browser_page.locator(".calendar__table caption").inner_text()
    tab_to(browser_page, "el.getAttribute('rel') === 'next' && el.closest('.calendar')")
    assert browser_page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert "?month=" in browser_page.url and browser_page.url.endswith("#calendar")
    assert browser_page.locator(".calendar__table caption").inner_text() != caption
    assert browser_page.locator('.calendar a[rel="prev"]').count() == 1
    headers = browser_page.locator(".calendar__table thead th[scope=col]").count()
    assert headers == 7


@pytest.mark.browser
def test_catalogue_runs_right_to_left_in_arabic(portal_server, browser_page):
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    browser_page.goto(portal_server + "/ar/resources/")
    filters = browser_page.locator(".catalogue__filters").bounding_box()
    results = browser_page.locator(".catalogue__results").bounding_box()
    assert filters["x"] > results["x"], "the filters stand at the right, where Arabic starts"
    browser_page.goto(portal_server + "/ar/resources/projector/")
    monday = browser_page.locator(".calendar__table thead th").first.bounding_box()
    sunday = browser_page.locator(".calendar__table thead th").last.bounding_box()
    assert monday["x"] > sunday["x"]


@pytest.mark.browser
def test_catalogue_pages_load_nothing_from_other_hosts(portal_server, browser_page):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    for url in ("/de/ressourcen/", "/ar/resources/projector/", "/de/"):
        browser_page.goto(portal_server + url)
    assert requested and all(url.startswith(portal_server) for url in requested), requested


@pytest.mark.browser
def test_pictures_arrive(portal_server, browser_page):
    """Every picture on a resource page loads (not its alt text in an empty frame)."""
    for url in ("/de/ressourcen/beamer/", "/ar/resources/projector/"):
        browser_page.goto(portal_server + url)
        browser_page.wait_for_load_state("load")
        pictures = browser_page.eval_on_selector_all(
            "main img",
            "images => images.map(image => [image.currentSrc, image.complete, image.naturalWidth])",
        )
        assert pictures, url
        assert [picture for picture in pictures if not picture[1] or picture[2] == 0] == [], url
