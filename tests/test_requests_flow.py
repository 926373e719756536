"""The request flow for keyboards and screen readers, read from the server's HTML: the partner picker (a
search box and a few matches, never the whole directory), the error summaries that take the focus, the
focus on the confirmation's heading, and the booked consultation as an .ics file."""

import datetime
import time

import icalendar
import pytest
from django.core.cache import cache
from django.utils import timezone
from markup import parse, select, select_one

from catalogue.models import Resource
from home.antispam import form_token
from partners.models import PartnerOrganisation
from resource_requests.factories import ConsultationSlotFactory, in_days, make_request
from resource_requests.forms import PARTNER_MATCHES
from resource_requests.models import ResourceRequest

pytestmark = pytest.mark.django_db

FORM = "/de/anfrage/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def slot():
    return ConsultationSlotFactory(
        start=in_days(6, 10), capacity=2, languages=["de", "tr"], place="Beuthstraße 21"
    )


def day(offset):
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


def sending(chosen, **changes):
    data = {
        "action": "send",
        "association_name": "Elternverein Regenbogen e.V.",
        "contact_name": "Leyla Demir",
        "email": "leyla@example.org",
        "consultation_language": "de",
        "plan_title": "Sommerfest im Quartier",
        "plan_description": "Ein Fest für die Nachbarschaft.",
        "slot": str(chosen.pk),
        "consent": "on",
        "honeypot": "",
        "form_started": form_token(time.time() - 60),
    }
    data.update(changes)
    return data


def german_partners():
    return PartnerOrganisation.objects.live().filter(locale__language_code="de")


def autofocused(source):
    return select(source, "[autofocus]")


# --- The partner picker ----------------------------------------------------------------------------------


def test_the_form_lists_no_partner_until_one_is_searched(client, slot):
    assert german_partners().count() > PARTNER_MATCHES
    page = parse(client.get(FORM))
    assert select(page, "input[name=partners]") == []
    box = select_one(page, "input[name=partner_search]")
    assert box["type"] == "search"
    assert select_one(page, f"label[for={box['id']}]").get_text(strip=True)
    assert select_one(page, "button[name=action][value=find_partners]")
    assert autofocused(page) == [], "a fresh form keeps the focus where the visitor puts it"


def test_searching_offers_a_few_matches_keeps_what_was_typed_and_focuses_the_first(client, slot):
    response = client.post(
        FORM, sending(slot, action="find_partners", partner_search="  nordstadt ", plan_title="Lesung")
    )
    assert response.status_code == 200
    page = parse(response)
    boxes = select(page, "#partner-matches input[name=partners]")
    names = [select_one(page, f"label[for={box['id']}]").get_text(strip=True) for box in boxes]
    assert names and all("nordstadt" in name.lower() for name in names), names
    assert len(boxes) <= PARTNER_MATCHES
    assert not any(box.has_attr("checked") for box in boxes)
    assert [element.get("id") for element in autofocused(page)] == [boxes[0]["id"]]
    assert select_one(page, "#id_plan_title")["value"] == "Lesung", "nothing typed is lost"
    assert select_one(page, "input[name=partner_search_shown]")["value"] == "nordstadt"
    assert select(page, ".error-summary") == [], "a search is not a failed sending"


def test_many_matches_are_cut_and_the_visitor_is_told(client, slot):
    page = parse(client.post(FORM, sending(slot, action="find_partners", partner_search="e")))
    assert len(select(page, "#partner-matches input[name=partners]")) == PARTNER_MATCHES
    assert "Weitere Organisationen passen" in page.get_text()


def test_a_chosen_partner_stays_when_searching_again_and_is_stored(client, slot):
    garden = german_partners().get(slug="nachbarschaftsgarten-huckarde-ev")
    page = parse(
        client.post(
            FORM, sending(slot, action="find_partners", partner_search="Frauen", partners=[garden.pk])
        )
    )
    chosen = select_one(page, f"input[name=partners][value='{garden.pk}']")
    assert chosen.has_attr("checked") and not chosen.find_parent(id="partner-matches")
    women = german_partners().get(name="Frauenzentrum Ruhrallee")
    assert select_one(page, f"#partner-matches input[value='{women.pk}']")
    # Searching the same words again (e.g. Enter in another field) does not steal the focus.
    again = parse(
        client.post(
            FORM,
            sending(
                slot,
                action="update",
                partner_search="Frauen",
                partner_search_shown="Frauen",
                partners=[garden.pk],
            ),
        )
    )
    assert autofocused(again) == []
    sent = client.post(FORM, sending(slot, partners=[garden.pk, women.pk], partner_search="Frauen"))
    assert sent.status_code == 302
    stored = ResourceRequest.objects.get(plan_title="Sommerfest im Quartier")
    assert set(stored.partners.all()) == {garden, women}


def test_nothing_found_says_so_and_focuses_the_box(client, slot):
    page = parse(client.post(FORM, sending(slot, action="find_partners", partner_search="zzz\x00qqq")))
    assert select(page, "#partner-matches input[name=partners]") == []
    assert "Keine Organisation" in select_one(page, "#partner-matches [role=status]").get_text()
    assert [element.get("name") for element in autofocused(page)] == ["partner_search"]


def test_an_unknown_partner_is_refused_by_its_field(client, slot):
    response = client.post(FORM, sending(slot, partners=["999999999"]))
    assert response.status_code == 400
    summary = select_one(response, ".error-summary")
    assert select_one(summary, "a[href='#partners-choice']")


def test_a_partner_in_arabic_is_offered_in_arabic(client, slot):
    page = parse(
        client.post("/ar/request/", sending(slot, action="find_partners", partner_search="نوردشتات"))
    )
    labels = [label.get_text(strip=True) for label in select(page, "#partner-matches label")]
    assert labels and all("نوردشتات" in label for label in labels)


# --- Focus after a failed form, on the confirmation ------------------------------------------------------


def test_a_failed_sending_focuses_the_error_summary(client, slot):
    response = client.post(FORM, sending(slot, email="", consent=""))
    assert response.status_code == 400
    focus = autofocused(response)
    assert [element.get("id") for element in focus] == ["error-summary"]
    assert focus[0]["tabindex"] == "-1"
    hrefs = [link["href"] for link in select(focus[0], "a")]
    assert "#id_email" in hrefs and "#id_consent" in hrefs


def test_a_failed_add_to_request_focuses_its_own_summary(client):
    beamer = Resource.objects.get(locale__language_code="de", slug="beamer")
    response = client.post(
        "/de/anfrage/basket/", {"resource": beamer.pk, "add-quantity": "1", "add-start": day(-3)}
    )
    assert response.status_code == 400
    focus = autofocused(response)
    assert [element.get("id") for element in focus] == ["add-error-summary"]
    assert select_one(focus[0], "a[href='#id_add-start']")
    unknown = client.post("/de/anfrage/basket/", {"resource": "999999999"})
    assert unknown.status_code == 400
    assert "nicht finden" in select_one(unknown, "#add-error-summary").get_text()


def test_the_confirmation_focuses_its_heading_and_links_the_calendar_file(client, slot):
    assert client.post(FORM, sending(slot)).status_code == 302
    page = parse(client.get(FORM + "sent/"))
    heading = select_one(page, "h1")
    assert heading.has_attr("autofocus") and heading["tabindex"] == "-1"
    assert len(autofocused(page)) == 1
    link = select_one(page, "a.calendar-link")
    assert link["href"].startswith("/de/anfrage/status/") and link["href"].endswith("/ics/")


# --- The .ics file -----------------------------------------------------------------------------------------


def test_the_consultation_as_an_ics_file(client, slot):
    stored = make_request(slot=slot)
    status = f"/de/anfrage/status/{stored.token}/"
    link = select_one(client.get(status), "a.calendar-link")
    assert link["href"] == status + "ics/"
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    assert f'filename="{stored.reference}.ics"' in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == slot.start
    assert event.decoded("dtend") == slot.start + datetime.timedelta(minutes=slot.duration)
    assert str(event["dtstart"].params["TZID"]) == "Europe/Berlin" and calendar.walk("VTIMEZONE")
    assert str(event["location"]) == "Beuthstraße 21"
    assert stored.reference in str(event["summary"]) and stored.reference in str(event["uid"])
    assert str(event["url"]) == f"http://testserver{status}"
    text = response.content.decode()
    assert stored.email not in text and stored.contact_name not in text, "nothing the association typed"


def test_no_ics_without_a_booked_time_or_with_a_wrong_token(client):
    callback = make_request(slot=None, callback=True, phone="0231 12345")
    page = client.get(f"/de/anfrage/status/{callback.token}/")
    assert select(page, "a.calendar-link") == []
    assert client.get(f"/de/anfrage/status/{callback.token}/ics/").status_code == 404
    assert client.get("/de/anfrage/status/" + "x" * 43 + "/ics/").status_code == 404


def test_a_resource_page_says_the_basket_reserves_nothing_while_supplies_last(client):
    page = parse(client.get("/de/ressourcen/beamer/"))
    assert "Solange der Vorrat reicht" in select_one(page, ".add-to-request__supply").get_text()
    coaching = parse(client.get("/de/ressourcen/vereinsgruendung/"))
    assert select(coaching, ".add-to-request__supply") == [], "coaching has no supply to run out"
