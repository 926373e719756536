"""Right-to-left done thoroughly, read from Arabic pages: every run that reads left to right inside the
Arabic text – a date or time in digits, an e-mail address, a phone number, a reference number, a count
with its digits, a Latin name – sits in an element that isolates it (`<bdi>` or an element with `dir`,
see `home/bidi.py`); dates and times are in Arabic order; lists use the Arabic comma.

`<main>` is read on every page listed here; the footer (contact data, the programme's note) once, on the
home page; the rest of the header is the page frame's (tests/test_pages.py)."""

import datetime
import re
import time

import pytest
from bs4 import NavigableString
from django.core.cache import cache
from django.utils import formats, timezone, translation
from markup import parse, select_one

from home import bidi
from home.antispam import form_token
from resource_requests import service
from resource_requests.factories import ConsultationSlotFactory, in_days, make_request

pytestmark = pytest.mark.django_db

ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# Runs that read left to right. In a text node without any Arabic letter (a value the template put into
# the page: a name, a place, an address, a date) every one of them must be isolated; inside Arabic prose
# (a translated sentence) only dates in digits must, because there the translator chose the words around
# a Latin name, and a date's hyphens or slashes are what the bidirectional algorithm reorders.
LEFT_TO_RIGHT_RUNS = {
    "a date in digits": re.compile(r"\d{1,4}[-./\u200f]+\d{1,2}[-./\u200f]+\d{1,4}"),
    "a time": re.compile(r"\d{1,2}:\d{2}"),
    "an e-mail address": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "a phone number": re.compile(r"\+?\d[\d ()/-]{6,}\d"),
    "a reference number": re.compile(r"HOR-\d{4}-\d+"),
    "Latin words": re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ0-9.'’-]*(?:[ ,]+[A-Za-zÀ-ɏ0-9][A-Za-zÀ-ɏ0-9.'’-]*)*"),
}
IN_ARABIC_PROSE = ("a date in digits",)
# SVG text (the district map's labels) has no <bdi>; its labels are single names drawn one per line.
SKIP = {"script", "style", "template", "noscript", "text", "tspan", "title"}


def unisolated_runs(source, region="main"):
    """(kind, text) of every left-to-right run in `region` (<main>) not inside a <bdi> or an element with
    `dir`."""
    main = select_one(parse(source), region)
    found = []
    for node in main.find_all(string=True):
        if not isinstance(node, NavigableString) or node.parent.name in SKIP:
            continue
        if _isolated(node):
            continue
        text = str(node)
        kinds = IN_ARABIC_PROSE if ARABIC_LETTER.search(text) else LEFT_TO_RIGHT_RUNS
        for kind in kinds:
            for match in LEFT_TO_RIGHT_RUNS[kind].finditer(text):
                found.append((kind, match.group(0).strip()))
    return found


def _isolated(node):
    for parent in node.parents:
        if parent.name == "html":
            return False
        if parent.name == "bdi" or parent.has_attr("dir"):
            return True
        if parent.has_attr("lang") and not parent["lang"].startswith("ar"):
            # Text marked as another language (content not yet translated) is shown left to right by
            # the template (lang with dir); a lang without dir is caught by the check below.
            return parent.has_attr("dir") or parent.name == "bdi"
    return False


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def booked():
    slot = ConsultationSlotFactory(start=in_days(6, 10), capacity=2, place="VMDO e.V., Beuthstraße 21")
    stored = make_request(slot=slot, language="ar", email="leyla.demir@example.org", phone="+49 231 1234567")
    service.send_message(stored, None, "Bitte bringen Sie zwei Angebote mit.")
    return stored


def test_arabic_dates_and_times_read_in_arabic_order():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 1, 23, 2))
    with translation.override("ar"):
        text = formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
        assert text.startswith("1 ديسمبر، 2026، 11:02"), text
        assert "," not in text, "the Arabic comma, not the Latin one"
        assert formats.date_format(moment.date(), "DATE_FORMAT") == "1 ديسمبر، 2026"
    with translation.override("de"):
        assert formats.date_format(moment.date(), "DATE_FORMAT") == "1. Dezember 2026"


def test_arabic_amounts_use_cldrs_separators_for_western_digits():
    from decimal import Decimal

    from catalogue.money import format_euro

    with translation.override("ar"):
        assert format_euro(Decimal("1500")) == "1,500 يورو"
        assert format_euro(Decimal("12.5")) == "12.50 يورو"
    with translation.override("de"):
        assert format_euro(Decimal("1500")) == "1.500 €"
        assert format_euro(Decimal("12.5")) == "12,50 €"


def test_amounts_typed_on_arabic_pages_read_as_they_are_shown():
    from decimal import Decimal

    from resource_requests.proofs import parse_amount

    with translation.override("ar"):
        assert parse_amount("1,500", True) == Decimal("1500")
        assert parse_amount("12.50", True) == Decimal("12.50")
    with translation.override("de"):
        assert parse_amount("1.500,00", True) == Decimal("1500")
        assert parse_amount("12,50", True) == Decimal("12.50")


def test_a_range_of_times_reads_right_in_both_directions():
    assert str(bidi.time_range("10:00", "10:45")) == '<bdi dir="ltr">10:00–10:45</bdi>'
    assert str(bidi.time_range("10:00 ص", "10:45 ص")) == "<bdi>10:00 ص</bdi>–<bdi>10:45 ص</bdi>"
    with translation.override("ar"):
        slot = ConsultationSlotFactory.build(
            start=timezone.make_aware(datetime.datetime(2026, 12, 8, 10, 0)), duration=45
        )
        html = str(service.slot_text(slot, markup=True))
        assert "<bdi>10:00 ص</bdi>–<bdi>10:45 ص</bdi>" in html, html


def test_lists_are_joined_with_the_languages_comma():
    with translation.override("ar"):
        assert bidi.join_list(["Deutsch", "Türkçe"]) == "Deutsch، Türkçe"
        assert str(bidi.join_isolated(["Hörde", "<b>"])) == "<bdi>Hörde</bdi>، <bdi>&lt;b&gt;</bdi>"
    with translation.override("de"):
        assert bidi.join_list(["Deutsch", "Türkçe"]) == "Deutsch, Türkçe"


def test_the_checker_finds_a_run_that_is_not_isolated():
    page = (
        '<html dir="rtl"><body><main><p>في 2026-12-01 مع VMDO e.V. <bdi>ok@example.org</bdi></p>'
        "<dl><dd>Selin Yıldız<br>0231 1234567</dd><dd dir='ltr'>+49 231 1</dd></dl></main></body></html>"
    )
    assert sorted(unisolated_runs(page)) == [
        ("Latin words", "Selin Yıldız"),
        ("a date in digits", "2026-12-01"),
        ("a phone number", "0231 1234567"),
    ]


def test_the_status_page_isolates_every_left_to_right_run(client, booked):
    response = client.get(f"/ar/request/status/{booked.token}/")
    assert response.status_code == 200
    assert unisolated_runs(response) == []
    html = response.content.decode()
    assert "leyla.demir@example.org" in html and "+49 231 1234567" in html


def test_the_confirmation_isolates_every_left_to_right_run(client):
    slot = ConsultationSlotFactory(start=in_days(6, 10), capacity=2)
    data = {
        "action": "send",
        "association_name": "Kulturverein Brücke e.V.",
        "contact_name": "Ahmet Kaya",
        "email": "ahmet@example.org",
        "consultation_language": "ar",
        "plan_title": "Lesung",
        "plan_description": "Eine Lesung.",
        "slot": str(slot.pk),
        "consent": "on",
        "honeypot": "",
        "form_started": form_token(time.time() - 60),
    }
    assert client.post("/ar/request/", data).status_code == 302
    response = client.get("/ar/request/sent/")
    assert response.status_code == 200
    assert unisolated_runs(response) == []


def test_the_request_form_with_errors_isolates_every_left_to_right_run(client):
    response = client.post(
        "/ar/request/", {"action": "send", "email": "nicht-gueltig", "partner_search": "Nord"}
    )
    assert response.status_code == 400
    assert unisolated_runs(response) == []


# The site's other Arabic pages with data: what their <main> shows may not slip either. A page listed here
# was read once by hand too; the checker then holds it.
SITE_PAGES = [
    "/ar/resources/",
    "/ar/resources/projector/",
    "/ar/resources/seminar-room-nordstadt/",
    "/ar/partners/",
    "/ar/partners/huckarde-community-garden/",
    "/ar/events/",
    "/ar/events/application-workshop/",
    "/ar/engagement/",
    "/ar/engagement/festival-for-the-nordmarkt/",
    "/ar/search/?q=Beamer",
    "/ar/accessibility/",
    "/ar/leichte-sprache/",
]


@pytest.mark.parametrize("url", SITE_PAGES)
def test_arabic_site_pages_isolate_every_left_to_right_run(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert unisolated_runs(response) == [], url


def test_the_footer_isolates_the_organisation_and_its_note(client):
    response = client.get("/ar/")
    assert response.status_code == 200
    assert unisolated_runs(response, "footer") == []
    footer = select_one(parse(response), "footer")
    assert select_one(footer, "address strong bdi") is not None
    note = select_one(footer, ".site-footer__note").get_text()
    # The note is an editor's rich text: the Latin names in it are isolated with Unicode's own marks
    # (LRI … PDI), which survive the editor, so "VMDO e.V." keeps its full stop at its end.
    assert "\u2066VMDO e.V.\u2069" in note
