"""The search page with resource and partner results (key facts, the availability and language facets)
and the listings' free text: axe-core finds no WCAG 2.1 A/AA violation, in German and Arabic, on a wide
screen and on a phone."""

import pytest
from accessibility import scan

PAGES = {
    "search-resources": (
        "/de/suche/?q=Beamer&type=resource",
        "/ar/search/?q=%D8%AC%D9%87%D8%A7%D8%B2&type=resource",
    ),
    "search-resources-availability": (
        "/de/suche/?type=resource&availability=available&district=eving",
        "/ar/search/?type=resource&availability=few_left",
    ),
    "search-partners": ("/de/suche/?q=Verein&type=partner", "/ar/search/?type=partner&language=ku"),
    "search-resources-and-partners-typo": ("/de/suche/?q=Nachbarschaftsgartn", "/ar/search/?q=Beamr"),
    "catalogue-free-text": ("/de/ressourcen/?q=Beamr", "/ar/resources/?q=Beamer"),
    "partner-finder-free-text": ("/de/partner/?q=Garten", "/ar/partners/?q=Nachbarschaftsgarten"),
}

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violations(portal_server, browser_page, kind):
    for url in PAGES[kind]:
        for width, height in ((1280, 900), (390, 844)):
            browser_page.set_viewport_size({"width": width, "height": height})
            browser_page.goto(portal_server + url)
            assert browser_page.locator("main").count() == 1, url
            assert scan(browser_page) == [], (url, width)


def test_results_show_type_and_key_fact_in_the_visitors_language(portal_server, browser_page):
    browser_page.goto(portal_server + "/ar/search/?q=Beamer&type=resource")
    first = browser_page.locator(".search-result").first
    text = first.inner_text()
    assert "جهاز عرض" in text  # the Arabic entry, found by its German title
    assert browser_page.locator("html").get_attribute("dir") == "rtl"
    browser_page.goto(portal_server + "/de/suche/?q=Kurdisch&type=partner")
    assert "Kurdisches Gemeinschaftszentrum" in browser_page.locator(".search-result").first.inner_text()
