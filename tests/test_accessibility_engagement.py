"""Engagement examples: the list (also filtered, with a left-out value, with nothing found) and an example's
page – axe-core finds no WCAG 2.1 A/AA violation, in German and Arabic."""

import pytest
from accessibility import scan, tab_to_submit_and_send

PAGES = {
    "engagement.EngagementIndexPage": ("/de/engagement/", "/ar/engagement/"),
    "engagement.EngagementExamplePage": (
        "/de/engagement/fest-fuer-den-nordmarkt/",
        "/ar/engagement/festival-for-the-nordmarkt/",
    ),
    "engagement-filtered": (
        "/de/engagement/?field=umwelt&district=huckarde",
        "/ar/engagement/?field=bildung",
    ),
    "engagement-nothing-found-and-nonsense": (
        "/de/engagement/?field=umwelt&district=mengede",
        "/ar/engagement/?field=gibt-es-nicht&district=mengede&page=99",
    ),
    "engagement-example-untranslated": ("/uk/engagement/gemeinschaftsbeete-an-der-emscher/",),
}


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violations(portal_server, browser_page, kind):
    for url in PAGES[kind]:
        browser_page.goto(portal_server + url)
        assert scan(browser_page) == [], url


@pytest.mark.browser
def test_filters_work_by_keyboard(portal_server, browser_page):
    browser_page.goto(portal_server + "/de/engagement/")
    browser_page.focus("#filter-field")
    browser_page.select_option("#filter-field", "umwelt")
    tab_to_submit_and_send(browser_page)
    assert "field=umwelt" in browser_page.url
    assert browser_page.locator(".active-filters").inner_text().count("Umwelt") == 1
