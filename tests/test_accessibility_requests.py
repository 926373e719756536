"""The request form in a real headless Chromium: from a resource's page into the basket, the form (with its
errors shown), the confirmation and the private status page – with the mouse, and with the keyboard
alone; axe-core finds no WCAG 2.1 A/AA violation on any of them, in German and Arabic."""

import datetime
import re
import time

import pytest
from accessibility import scan
from django.utils import timezone

# page type or view -> where it starts (German, Arabic). The basket, the form with errors, the confirmation
# and the status page are reached by the flows below from a resource's page; each is scanned there.
PAGES = {
    "resource_requests.RequestPage": ("/de/anfrage/", "/ar/request/"),
    "request-basket": ("/de/ressourcen/beamer/", "/ar/resources/projector/"),
    "request-form-errors": ("/de/anfrage/", "/ar/request/"),
    "request-sent": ("/de/anfrage/sent/", "/ar/request/sent/"),
    "request-status": ("/de/anfrage/status/<token>/", "/ar/request/status/<token>/"),
    "request-status-checklist": ("/de/anfrage/status/<token>/", "/ar/request/status/<token>/"),
}

DAY = timezone.localdate() + datetime.timedelta(days=45)
# Django refuses a form sent sooner than FORM_MIN_SECONDS (3) after it was shown; people are slower.
HUMAN_PAUSE = 3.2


@pytest.mark.browser
def test_empty_request_page_has_no_axe_violations(portal_server, browser_page):
    for url in PAGES["resource_requests.RequestPage"]:
        response = browser_page.goto(portal_server + url)
        assert response.status == 200, url
        assert scan(browser_page) == [], url


def first_free_slot(page):
    return page.locator("input[name=slot]:not([disabled])").first


@pytest.mark.browser
@pytest.mark.parametrize("language", ["de", "ar"])
def test_request_with_the_mouse_from_resource_to_status_page(portal_server, browser_page, language):
    page = browser_page
    page.goto(portal_server + dict(zip(("de", "ar"), PAGES["request-basket"], strict=True))[language])
    page.fill("#id_add-quantity", "1")
    page.fill("#id_add-start", DAY.isoformat())
    with page.expect_navigation():
        page.click("form.add-form button[type=submit]")
    # The request form's start time is signed when the basket page is built, so people's pause counts from here.
    shown = time.monotonic()
    assert "#basket" in page.url
    assert page.locator(".basket__line").count() == 1
    assert page.locator(".notice--success").count() == 1
    assert scan(page) == [], "the basket"

    # Sending with nothing filled in: errors by their fields, summarised at the top, basket kept.
    with page.expect_navigation():
        page.click("button[name=action][value=send]")
    assert page.locator(".error-summary").count() == 1
    assert page.locator("#id_association_name[aria-invalid=true]").count() == 1
    assert "id_email_error" in page.get_attribute("#id_email", "aria-describedby")
    assert page.locator(".basket__line").count() == 1
    assert scan(page) == [], "the form with its errors"

    page.fill("#id_association_name", "Elternverein Regenbogen e.V.")
    page.fill("#id_contact_name", "Leyla Demir")
    page.fill("#id_email", "leyla@example.org")
    page.fill("#id_plan_title", "Sommerfest")
    page.fill("#id_plan_description", "Ein Fest für die ganze Nachbarschaft.")
    first_free_slot(page).check()
    page.check("#id_consent")
    time.sleep(max(0, HUMAN_PAUSE - (time.monotonic() - shown)))
    with page.expect_navigation():
        page.click("button[name=action][value=send]")
    assert page.url.endswith("/sent/"), (
        page.url,
        page.locator(".error-summary, .errorlist").all_inner_texts(),
    )
    reference = page.locator(".request-reference__number").inner_text()
    assert re.fullmatch(r"HOR-\d{4}-\d{5}", reference.strip())
    assert scan(page) == [], "the confirmation"

    with page.expect_navigation():
        page.click(".request-sent a.button")
    assert "/status/" in page.url
    assert reference.strip() in page.locator("h1").inner_text()
    assert page.locator("[aria-current=step]").count() == 1
    assert scan(page) == [], "the status page"
    if language == "ar":
        assert page.evaluate("getComputedStyle(document.querySelector('.request-steps')).direction") == "rtl"


def tab_to(page, predicate, limit=200):
    """Press Tab until `predicate` (JS on document.activeElement) holds: the keyboard way, no clicks."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"never reached by keyboard: {predicate}")


def type_date(page, day):
    """Type a date into the focused date field, part by part, in the order the browser shows them.

    Chromium orders the parts by its own interface language (month first in the headless default):
    try that order, and if the field did not take it, go back to the first part and type day first.
    """
    page.keyboard.type(day.strftime("%m%d%Y"))
    if page.evaluate("document.activeElement.value") != day.isoformat():
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        page.keyboard.type(day.strftime("%d%m%Y"))


@pytest.mark.browser
def test_request_with_the_keyboard_alone(portal_server, browser_page):
    page = browser_page
    page.goto(portal_server + "/de/ressourcen/tonanlage/")
    tab_to(page, "el.id === 'id_add-quantity'")
    page.keyboard.type("1")
    tab_to(page, "el.id === 'id_add-start'")
    type_date(page, DAY)
    assert page.input_value("#id_add-start") == DAY.isoformat()
    tab_to(page, "el.type === 'submit' && el.closest('form.add-form')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    shown = time.monotonic()  # the form's signed start time is from the page this navigation built
    assert page.locator(".basket__line").count() == 1

    for field, text in (
        ("id_association_name", "Kulturverein Brücke"),
        ("id_contact_name", "Ahmet Kaya"),
        ("id_email", "ahmet@example.org"),
        ("id_plan_title", "Lesung mit Musik"),
        ("id_plan_description", "Eine zweisprachige Lesung im Stadtteil."),
    ):
        tab_to(page, f"el.id === '{field}'")
        page.keyboard.type(text)
    tab_to(page, "el.name === 'slot'")
    if page.evaluate("document.activeElement.disabled"):
        raise AssertionError("a fully booked time must not take the focus")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    tab_to(page, "el.id === 'id_consent'")
    page.keyboard.press("Space")
    assert page.is_checked("#id_consent")
    tab_to(page, "el.name === 'action' && el.value === 'send'")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    time.sleep(max(0, HUMAN_PAUSE - (time.monotonic() - shown)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/anfrage/sent/"), page.url

    tab_to(page, "el.classList.contains('button') && el.href && el.href.includes('/status/')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/anfrage/status/" in page.url
    assert "Tonanlage" in page.locator(".status-items").inner_text()


@pytest.mark.browser
def test_request_pages_load_nothing_from_other_hosts(portal_server, browser_page):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    for url in ("/de/anfrage/", "/ar/request/"):
        browser_page.goto(portal_server + url)
    assert requested and all(url.startswith(portal_server) for url in requested), requested


@pytest.fixture
def approved_sample_token(django_db_blocker):
    """The demo's approved sample request (a projector and 300 € for the event): its status link's token."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    from resource_requests.models import ResourceRequest

    def read():
        try:
            return ResourceRequest.objects.get(is_sample=True, status="approved").token
        finally:
            connection.close()

    # In a thread of its own: Django's database calls refuse to run beside Playwright's event loop, which
    # the module's browser (started by the tests above) keeps in this thread.
    with django_db_blocker.unblock(), ThreadPoolExecutor(1) as pool:
        return pool.submit(read).result()


# --- The whole flow, counted ------------------------------------------------------------------------------

# The review's flow (two resources of different kinds, the form, a consultation, send, open the status)
# took 242 key presses; the goal is at most this many. Counted: every key pressed (Tab, Shift+Tab, Enter,
# Space, arrows); not counted: the characters of the texts and dates typed into the fields, which are the
# same however the form is built, and going to the second resource's address (the review typed addresses).
MAX_FLOW_PRESSES = 120


class CountingKeyboard:
    def __init__(self, page):
        self.page = page
        self.presses = 0
        self.typed = 0

    def press(self, key):
        self.page.keyboard.press(key)
        self.presses += 1

    def type(self, text):
        self.page.keyboard.type(text)
        self.typed += len(text)

    def focused(self, predicate):
        return self.page.evaluate(f"(el => {predicate})(document.activeElement)")

    def tab_to(self, predicate, limit=80):
        for _ in range(limit):
            self.press("Tab")
            if self.focused(predicate):
                return
        raise AssertionError(f"never reached by keyboard: {predicate}")

    def date(self, day):
        """A date into the focused date field, in the part order the browser shows (see `type_date`)."""
        self.type(day.strftime("%m%d%Y"))
        if self.page.evaluate("document.activeElement.value") != day.isoformat():
            self.press("Shift+Tab")
            self.press("Shift+Tab")
            self.type(day.strftime("%d%m%Y"))

    def skip_to_content(self):
        self.press("Tab")
        assert self.focused("el.classList.contains('skip-link')")
        self.press("Enter")


@pytest.mark.browser
def test_the_whole_flow_by_keyboard_takes_at_most_120_key_presses(portal_server, browser_page):
    page = browser_page
    keys = CountingKeyboard(page)
    steps = {}

    # A lendable item: how many, from when.
    page.goto(portal_server + "/de/ressourcen/beamer/")
    keys.skip_to_content()
    keys.tab_to("el.id === 'id_add-quantity'")
    keys.type("1")
    keys.tab_to("el.id === 'id_add-start'")
    keys.date(DAY)
    keys.tab_to("el.type === 'submit' && el.closest('form.add-form')")
    with page.expect_navigation():
        keys.press("Enter")
    assert page.locator(".basket__line").count() == 1
    steps["first resource"] = keys.presses

    # A room, on another day.
    page.goto(portal_server + "/de/ressourcen/seminarraum-nordstadt/")
    keys.skip_to_content()
    keys.tab_to("el.id === 'id_add-start'")
    keys.date(DAY + datetime.timedelta(days=1))
    keys.tab_to("el.type === 'submit' && el.closest('form.add-form')")
    with page.expect_navigation():
        keys.press("Enter")
    assert page.locator(".basket__line").count() == 2
    steps["second resource"] = keys.presses

    for field, text in (
        ("id_association_name", "Kulturverein Brücke"),
        ("id_contact_name", "Ahmet Kaya"),
        ("id_email", "ahmet@example.org"),
        ("id_plan_title", "Lesung mit Musik"),
        ("id_plan_description", "Eine zweisprachige Lesung im Stadtteil."),
    ):
        keys.tab_to(f"el.id === '{field}'")
        keys.type(text)
    steps["association and plan"] = keys.presses

    # The partner picker: type a part of the name, Enter; the page opens on the first match.
    keys.tab_to("el.id === 'id_partner_search'")
    keys.type("Nordstadt")
    with page.expect_navigation():
        keys.press("Enter")
    assert keys.focused("el.name === 'partners' && !!el.closest('#partner-matches')"), "focus on the matches"
    keys.press("Space")
    assert page.locator("input[name=partners]:checked").count() == 1
    assert page.input_value("#id_plan_title") == "Lesung mit Musik", "nothing typed is lost"
    shown = time.monotonic()  # the form's signed start time is from this page
    steps["partner"] = keys.presses

    # The consultation: Tab into the radio group, an arrow key to the next free time.
    keys.tab_to("el.name === 'slot'")
    first = page.evaluate("document.activeElement.value")
    keys.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.value")
    assert chosen != first and page.is_checked(f"#id_slot_{chosen}")
    steps["consultation"] = keys.presses

    keys.tab_to("el.id === 'id_consent'")
    keys.press("Space")
    keys.tab_to("el.name === 'action' && el.value === 'send'")
    time.sleep(max(0, HUMAN_PAUSE - (time.monotonic() - shown)))
    with page.expect_navigation():
        keys.press("Enter")
    assert page.url.endswith("/anfrage/sent/"), page.locator(".error-summary").all_inner_texts()
    assert keys.focused("el.tagName === 'H1'"), "the confirmation's heading has the focus"
    steps["sent"] = keys.presses

    keys.tab_to("el.classList.contains('button') && el.href && el.href.includes('/status/')")
    with page.expect_navigation():
        keys.press("Enter")
    assert "/anfrage/status/" in page.url
    status = page.locator(".status-items").inner_text()
    assert "Beamer" in status and "Seminarraum" in status
    assert page.locator(".calendar-link").count() == 1
    steps["status"] = keys.presses
    print(f"key presses: {keys.presses} (+ {keys.typed} characters typed); after each step: {steps}")
    assert keys.presses <= MAX_FLOW_PRESSES, steps


@pytest.mark.browser
def test_arrow_keys_reach_every_free_consultation_time(portal_server, browser_page):
    page = browser_page
    page.goto(portal_server + "/de/anfrage/")
    free = page.eval_on_selector_all("input[name=slot]:not([disabled])", "els => els.map(el => el.value)")
    assert len(free) > 3 and "callback" in free
    page.focus(f"#id_slot_{free[0]}")
    page.keyboard.press("Space")
    reached = [page.evaluate("document.activeElement.value")]
    for _ in range(len(free) - 1):
        page.keyboard.press("ArrowDown")
        reached.append(page.evaluate("document.activeElement.value"))
        assert page.evaluate("document.activeElement.checked")
    assert reached == free
    legend = page.locator("#slot-choice legend").inner_text()
    assert legend and page.get_attribute("#slot-choice", "aria-describedby").startswith("slot-choice-note")


@pytest.mark.browser
@pytest.mark.parametrize("language", ["de", "ar"])
def test_status_page_with_checklist_and_a_refused_upload(
    portal_server, browser_page, approved_sample_token, language, tmp_path
):
    page = browser_page
    url = dict(zip(("de", "ar"), PAGES["request-status-checklist"], strict=True))[language]
    response = page.goto(portal_server + url.replace("<token>", approved_sample_token))
    assert response.status == 200
    assert page.locator(".due-list").count() == 2, "one box per approved line"
    assert page.locator(".proof-form input[type=file]").count() == 1, "uploads for the money line only"
    assert scan(page) == [], "the status page with its checklist"

    # A program renamed .pdf: refused by its content, the message next to the form, nothing stored.
    disguised = tmp_path / "rechnung.pdf"
    disguised.write_bytes(b"MZ\x90\x00" + b"\x00" * 256 + b"This program cannot be run in DOS mode")
    page.set_input_files(".proof-form input[type=file]", str(disguised))
    page.fill(".proof-form input[name$=amount]", "12,50")
    with page.expect_navigation() as navigation:
        page.click(".proof-form button[type=submit]")
    assert navigation.value.status == 400, (navigation.value.status, page.content()[:3000])
    assert page.locator(".proof-form .error-summary").count() == 1
    assert page.locator(".proof-form input[type=file][aria-invalid=true]").count() == 1
    assert scan(page) == [], "the upload form with its error"


@pytest.mark.browser
@pytest.mark.parametrize("language", ["de", "ar"])
def test_failed_forms_put_the_focus_on_their_error_summary(portal_server, browser_page, language):
    page = browser_page
    form_url, resource_url = {
        "de": ("/de/anfrage/", "/de/ressourcen/beamer/"),
        "ar": ("/ar/request/", "/ar/resources/projector/"),
    }[language]
    page.goto(portal_server + resource_url)
    page.fill("#id_add-quantity", "1")
    page.fill("#id_add-start", (timezone.localdate() - datetime.timedelta(days=2)).isoformat())
    with page.expect_navigation():
        page.click("form.add-form button[type=submit]")
    assert page.evaluate("document.activeElement.id") == "add-error-summary"
    assert scan(page) == [], "the failed add"

    page.goto(portal_server + form_url)
    with page.expect_navigation():
        page.click("button[name=action][value=send]")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.error-summary')"), "its links come next"

    page.fill("#id_partner_search", "zzzz")
    with page.expect_navigation():
        page.click("button[name=action][value=find_partners]")
    assert page.evaluate("document.activeElement.id") == "id_partner_search"
    assert scan(page) == [], "the partner picker with nothing found"


# --- Moving the consultation; the request form and the status page in two columns ----------------------


def in_a_thread(django_db_blocker, job):
    """Run a database job beside Playwright's event loop (see `approved_sample_token`)."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    def run():
        try:
            return job()
        finally:
            connection.close()

    with django_db_blocker.unblock(), ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


@pytest.fixture
def booked_request(django_db_blocker):
    """A request with a consultation in a week and two other free times; removed again afterwards (the
    portal's own process sees only what is committed)."""
    from home.models import OutgoingEmail
    from resource_requests.factories import ConsultationSlotFactory, in_days, make_request
    from resource_requests.models import ConsultationSlot, ResourceRequest

    def create():
        slots = [ConsultationSlotFactory(start=in_days(days, 9), capacity=2) for days in (7, 9, 10)]
        return make_request(slot=slots[0]).token, [slot.pk for slot in slots]

    token, slot_ids = in_a_thread(django_db_blocker, create)
    yield token, slot_ids

    def remove():
        found = ResourceRequest.objects.filter(token=token)
        OutgoingEmail.objects.filter(about_id__in=found.values("pk")).delete()
        found.delete()
        ConsultationSlot.objects.filter(pk__in=slot_ids).delete()

    in_a_thread(django_db_blocker, remove)


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["de", "ar"])
def test_moving_the_consultation_on_the_status_page(portal_server, browser_page, booked_request, language):
    token, (first, second, _third) = booked_request
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    url = portal_server + {"de": "/de/anfrage/", "ar": "/ar/request/"}[language] + f"status/{token}/"
    page.goto(url)
    assert scan(page) == [], "the status page with the move form"
    # Two columns: the consultation beside the request's way, at the inline end (left in Arabic).
    main, side = box(page, ".request-status .detail__main"), box(page, ".request-status .detail__side")
    if language == "de":
        assert side["x"] >= main["x"] + main["width"] - 1
    else:
        assert side["x"] + side["width"] <= main["x"] + 1
    assert side["y"] < main["y"] + main["height"], "beside, not below"

    page.check(f"#move-slot-{second}")
    with page.expect_navigation():
        page.click("button[name=action][value=move]")
    assert page.url.endswith("#status-consultation")
    assert page.locator("[role=status]").count() >= 1
    assert page.locator(f"#move-slot-{first}").count() == 1, "the old time is offered again"
    assert scan(page) == [], "after the move"

    # A refusal: the focus on its summary.
    page.evaluate(f"document.querySelector('#move-slot-{first}').value = '999999'")
    page.check(f"#move-slot-{first}")
    with page.expect_navigation():
        page.click("button[name=action][value=move]")
    assert page.evaluate("document.activeElement.id") == "consultation-errors"
    assert scan(page) == [], "the refusal"

    # A phone: one column, nothing wider than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url)
    main, side = box(page, ".request-status .detail__main"), box(page, ".request-status .detail__side")
    assert side["y"] >= main["y"] + main["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.browser
@pytest.mark.parametrize("url", ["/de/anfrage/", "/ar/request/"])
def test_the_request_form_stands_in_two_columns_on_wide_screens(portal_server, browser_page, url):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(portal_server + url)
    side, main = box(page, ".request-form__side"), box(page, ".request-form__main")
    assert abs(side["y"] - main["y"]) < 2, "side by side"
    if url.startswith("/de/"):
        assert side["x"] + side["width"] <= main["x"] + 1, "the basket first, at the start"
    else:
        assert main["x"] + main["width"] <= side["x"] + 1
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(portal_server + url)
    side, main = box(page, ".request-form__side"), box(page, ".request-form__main")
    assert main["y"] >= side["y"] + side["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
