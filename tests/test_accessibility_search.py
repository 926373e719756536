"""The search page and the suggestion box in a real browser: axe-core in German and Arabic, keyboard, no JS."""

import re

import pytest
from accessibility import scan

# Not page types but views of their own: the search page in its states, and the open suggestion box.
PAGES = {
    "search-start": ("/de/suche/", "/ar/search/"),
    "search-results": ("/de/suche/?q=Datenschutz", "/ar/search/?q=حماية"),
    "search-no-results": ("/de/suche/?q=Quantencomputer", "/ar/search/?q=Quantencomputer"),
    "search-did-you-mean": ("/de/suche/?q=Beamr", "/ar/search/?q=Beamr"),
    "search-facets": ("/de/suche/?q=Dortmund&type=page", "/ar/search/?language=ar&type=engagement-field"),
    "search-untranslated": ("/uk/poshuk/?q=Impressum", "/pl/szukaj/?q=Datenschutz"),
    "search-picks": ("/de/suche/?q=Beratung", "/ar/search/?q=Beratung"),
}
SUGGESTIONS = {"de": ("/de/", "Barri"), "ar": ("/ar/", "حماية")}

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violations(portal_server, browser_page, kind):
    for url in PAGES[kind]:
        browser_page.set_viewport_size({"width": 1280, "height": 900})
        browser_page.goto(portal_server + url)
        assert scan(browser_page) == [], url
        browser_page.set_viewport_size({"width": 390, "height": 844})  # a phone: filters folded
        assert scan(browser_page) == [], url


def open_suggestions(page, base_url, language):
    start, typed = SUGGESTIONS[language]
    page.goto(base_url + start)
    box = page.locator("#site-search-input")
    box.click()
    box.press_sequentially(typed, delay=30)
    page.wait_for_selector("#site-search-input-suggestions:not([hidden]) [role=option]")
    return box


@pytest.mark.parametrize("language", SUGGESTIONS)
def test_open_suggestion_box_has_no_axe_violations(portal_server, browser_page, language):
    box = open_suggestions(browser_page, portal_server, language)
    assert box.get_attribute("aria-expanded") == "true"
    assert scan(browser_page) == []


def test_suggestions_work_with_the_keyboard_and_are_announced(portal_server, browser_page):
    box = open_suggestions(browser_page, portal_server, "de")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-controls") == "site-search-input-suggestions"
    status = browser_page.locator(".site-search [role=status]")
    browser_page.wait_for_function("document.querySelector('.site-search [role=status]').textContent !== ''")
    assert re.match(r"Vorschläge: \d\. Mit den Pfeiltasten", status.text_content())

    box.press("ArrowDown")
    first = browser_page.locator("#site-search-input-suggestions-0")
    assert box.get_attribute("aria-activedescendant") == "site-search-input-suggestions-0"
    assert first.get_attribute("aria-selected") == "true"
    assert browser_page.evaluate("document.activeElement.id") == "site-search-input", "focus stays in the box"

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert browser_page.locator("#site-search-input-suggestions").is_hidden()
    assert box.input_value() == "Barri"
    box.press("Escape")
    assert box.input_value() == "", "a second Escape clears the box"

    box.press_sequentially("Barri", delay=30)
    browser_page.wait_for_selector("#site-search-input-suggestions:not([hidden]) [role=option]")
    suggestions = browser_page.request.get(portal_server + "/de/suche/vorschlaege/?q=Barri").json()
    box.press("ArrowDown")
    with browser_page.expect_navigation():
        box.press("Enter")
    first = suggestions["suggestions"][0]["url"]
    assert browser_page.url == portal_server + first, "Enter opens the chosen (first) suggestion"


def test_enter_without_a_chosen_suggestion_searches(portal_server, browser_page):
    box = open_suggestions(browser_page, portal_server, "de")
    with browser_page.expect_navigation():
        box.press("Enter")
    assert browser_page.url == portal_server + "/de/suche/?q=Barri"
    assert re.match(r"\d+ Ergebnis", browser_page.locator(".search-summary").inner_text())
    assert browser_page.locator(".search-hits a").count() >= 1


def test_suggestions_open_on_the_reading_side_in_arabic(portal_server, browser_page):
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    open_suggestions(browser_page, portal_server, "ar")
    form = browser_page.locator(".site-search").bounding_box()
    listbox = browser_page.locator("#site-search-input-suggestions").bounding_box()
    assert abs((form["x"] + form["width"]) - (listbox["x"] + listbox["width"])) < 2
    assert listbox["y"] > form["y"] + form["height"] - 1


def test_search_works_without_javascript(portal_server, browser):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(portal_server + "/de/impressum/")
        page.fill("#site-search-input", "Datenschutz")
        with page.expect_navigation():
            page.press("#site-search-input", "Enter")
        assert page.url == portal_server + "/de/suche/?q=Datenschutz"
        assert page.locator(".search-hits a").first.get_attribute("href") == "/de/datenschutz/"
        assert page.get_attribute("#site-search-input", "role") is None, "no combobox without the script"
        # Filters: open the folded panel, tick a box, apply.
        page.click(".search-filters__summary")
        page.check("input[name=type][value=page]")
        with page.expect_navigation():
            page.click(".search-filters__form button[type=submit]")
        assert "type=page" in page.url
    finally:
        context.close()


def test_filters_start_open_on_wide_screens_and_folded_on_phones(portal_server, browser_page):
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    browser_page.goto(portal_server + "/de/suche/?q=Dortmund")
    assert browser_page.locator("[data-search-filters]").get_attribute("open") is not None
    browser_page.set_viewport_size({"width": 390, "height": 844})
    browser_page.goto(portal_server + "/de/suche/?q=Dortmund")
    assert browser_page.locator("[data-search-filters]").get_attribute("open") is None
