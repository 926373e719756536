"""Events: upcoming and past lists (also filtered with left-out values), an event's page, a cancelled and a
fully booked one – axe-core finds no WCAG 2.1 A/AA violation, in German and Arabic; the lists work by
keyboard and right to left, and nothing loads from another host."""

import pytest
from accessibility import scan, tab_to_submit_and_send

PAGES = {
    "events.EventIndexPage": ("/de/veranstaltungen/", "/ar/events/"),
    "events.EventPage": ("/de/veranstaltungen/antragsworkshop/", "/ar/events/application-workshop/"),
    "events-past": ("/de/veranstaltungen/past/", "/ar/events/past/"),
    "events-filtered-with-notices": (
        "/de/veranstaltungen/?month=2026-13&language=zz&kind=workshop",
        "/ar/events/?district=innenstadt-nord&field=gibt-es-nicht&page=abc",
    ),
    "event-cancelled": (
        "/de/veranstaltungen/fahrradtour-entlang-der-emscher/",
        "/ar/events/bike-tour-along-the-emscher/",
    ),
    "event-fully-booked-hybrid": (
        "/de/veranstaltungen/pressearbeit-fuer-vereine/",
        "/ar/events/press-work-for-associations/",
    ),
    "event-untranslated": ("/pl/wydarzenia/festival-der-kulturen-im-garten/",),
}


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violations(portal_server, browser_page, kind):
    for url in PAGES[kind]:
        browser_page.goto(portal_server + url)
        assert scan(browser_page) == [], url


@pytest.mark.browser
def test_filters_and_calendar_links_work_by_keyboard(portal_server, browser_page):
    browser_page.goto(portal_server + "/de/veranstaltungen/")
    browser_page.focus("#filter-kind")
    browser_page.select_option("#filter-kind", "workshop")
    tab_to_submit_and_send(browser_page)
    assert "kind=workshop" in browser_page.url
    # The engagement field calendars open from the keyboard (a <details> element, no script).
    browser_page.focus(".event-feeds summary")
    browser_page.keyboard.press("Enter")
    assert browser_page.locator(".event-feeds__fields a").first.is_visible()
    outline = browser_page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


@pytest.mark.browser
def test_event_cards_run_right_to_left(portal_server, browser_page):
    browser_page.set_viewport_size({"width": 1200, "height": 900})
    browser_page.goto(portal_server + "/ar/events/")
    card = browser_page.locator(".event-card").first
    date = card.locator(".event-card__date").bounding_box()
    body = card.locator(".event-card__body").bounding_box()
    assert date["x"] > body["x"], "the date stands at the start of the line: on the right in Arabic"


@pytest.mark.browser
def test_event_pages_load_nothing_from_other_hosts(portal_server, browser_page):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    for url in ("/de/veranstaltungen/", "/ar/events/application-workshop/", "/de/engagement/"):
        browser_page.goto(portal_server + url)
    assert requested and all(url.startswith(portal_server) for url in requested), requested
