"""The partner finder (with the map), "nothing found", a partner's page with its contact form, the form
with errors and the confirmation: axe-core finds no WCAG 2.1 A/AA violation, in German and Arabic; the
map works by keyboard with a visible focus."""

import pytest
from accessibility import scan

PAGES = {
    "partners.PartnerFinderPage": ("/de/partner/", "/ar/partners/"),
    "partner-finder-filtered": (
        "/de/partner/?field=bildung&district=hoerde",
        "/ar/partners/?field=bildung&district=hoerde",
    ),
    "partner-finder-nothing-found": (
        "/de/partner/?district=mengede&kind=foundation&language=ti",
        "/ar/partners/?district=mengede&kind=foundation&language=ti&q=zzzz",
    ),
    "partner-detail": (
        "/de/partner/nachbarschaftsgarten-huckarde-ev/",
        "/ar/partners/huckarde-community-garden/",
    ),
    "partner-detail-untranslated": ("/uk/partner/antidiskriminierungsnetz-ruhr-mitte/",),
    "partner-contact-errors": (
        "/de/partner/nachbarschaftsgarten-huckarde-ev/",
        "/ar/partners/huckarde-community-garden/",
    ),
    "partner-contact-sent": (
        "/de/partner/nachbarschaftsgarten-huckarde-ev/sent/",
        "/ar/partners/huckarde-community-garden/sent/",
    ),
}


@pytest.mark.browser
@pytest.mark.parametrize("kind", [kind for kind in PAGES if kind != "partner-contact-errors"])
def test_no_axe_violations(portal_server, browser_page, kind):
    for url in PAGES[kind]:
        browser_page.goto(portal_server + url)
        assert scan(browser_page) == [], url


@pytest.mark.browser
def test_contact_form_with_errors_has_no_axe_violations(portal_server, browser_page):
    for url in PAGES["partner-contact-errors"]:
        browser_page.goto(portal_server + url)
        browser_page.fill("#id_email", "keine-adresse")
        browser_page.click("#contact button[type=submit]")
        browser_page.wait_for_load_state()
        assert browser_page.locator(".error-summary").count() == 1, url
        assert browser_page.locator("#id_name[aria-invalid=true]").count() == 1
        assert "id_email_error" in browser_page.get_attribute("#id_email", "aria-describedby")
        assert browser_page.input_value("#id_email") == "keine-adresse", "what was typed is kept"
        assert scan(browser_page) == [], url


@pytest.mark.browser
def test_map_works_by_keyboard_with_a_visible_focus(portal_server, browser_page):
    browser_page.goto(portal_server + "/de/partner/?field=bildung")
    for _ in range(80):
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("document.activeElement.classList.contains('district-map__area')"):
            break
    else:
        pytest.fail("no district of the map is reachable with the Tab key")
    label = browser_page.evaluate("document.activeElement.getAttribute('aria-label')")
    fill = browser_page.evaluate(
        "getComputedStyle(document.activeElement.querySelector('.district-map__shape')).fill"
    )
    assert fill == "rgb(255, 191, 71)", "the focused district is highlighted"
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert "district=" in browser_page.url and "field=bildung" in browser_page.url
    district = label.split(":")[0]
    assert browser_page.locator(".active-filters").inner_text().count(district) == 1


@pytest.mark.browser
def test_finder_works_right_to_left(portal_server, browser_page):
    browser_page.set_viewport_size({"width": 1200, "height": 900})
    browser_page.goto(portal_server + "/ar/partners/")
    assert (
        browser_page.evaluate("getComputedStyle(document.querySelector('.finder-form')).direction") == "rtl"
    )
    # The map keeps Dortmund's geography: Mengede stays in the west (left).
    mengede = browser_page.locator("a.district-map__area[href*='district=mengede']").bounding_box()
    brackel = browser_page.locator("a.district-map__area[href*='district=brackel']").bounding_box()
    assert mengede["x"] < brackel["x"]


@pytest.mark.browser
def test_partner_pages_load_nothing_from_other_hosts(portal_server, browser_page):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    for url in ("/de/partner/", "/ar/partners/huckarde-community-garden/"):
        browser_page.goto(portal_server + url)
    assert requested and all(url.startswith(portal_server) for url in requested), requested


@pytest.mark.browser
def test_the_partner_maps_labels_are_legible_on_a_phone(portal_server, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(portal_server + "/de/partner/")
    assert page.locator(".district-map__name").first.is_hidden(), "names are in the list instead"
    heights = page.evaluate(
        "[...document.querySelectorAll('.district-map__count')].map(el => el.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 12, heights
    assert page.locator(".district-map__list a").count() == 12
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(portal_server + "/de/partner/")
    assert page.locator(".district-map__name").first.is_visible()
