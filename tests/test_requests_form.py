"""The request form: stored in one transaction with its basket and consultation place, confirmed in the
visitor's language with a reference number and a private status link; bad input shown by its field."""

import datetime
import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from markup import select_one, texts

from catalogue.models import Resource
from home.antispam import form_token
from home.models import OutgoingEmail, StandardPage
from partners.models import PartnerOrganisation
from resource_requests import service
from resource_requests.basket import SESSION_KEY
from resource_requests.factories import ConsultationSlotFactory, in_days, item, make_request
from resource_requests.forms import ItemForm, RequestWebForm
from resource_requests.models import ConsultationSlot, RequestItem, RequestPage, ResourceRequest

pytestmark = pytest.mark.django_db

FORM = "/de/anfrage/"
# The page frame (menus, languages, site) takes about 20; the form adds its basket, stock, choices and rules.
MAX_FORM_QUERIES = 36
MAIL_DOWN = mock.patch(
    "django.core.mail.backends.locmem.EmailBackend.send_messages",
    side_effect=ConnectionRefusedError("mail server down"),
)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def slot():
    return ConsultationSlotFactory(start=in_days(6, 10), capacity=2, languages=["de", "tr"])


def day(offset):
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


def german(slug):
    return Resource.objects.get(locale__language_code="de", slug=slug)


def form_data(chosen=None, **changes):
    data = {
        "action": "send",
        "association_name": "Elternverein Regenbogen e.V.",
        "register_number": "VR 4711",
        "district": "hoerde",
        "contact_name": "Leyla Demir",
        "email": "leyla@example.org",
        "phone": "",
        "consultation_language": "tr",
        "plan_title": "Sommerfest im Quartier",
        "plan_description": "Ein Fest für die Nachbarschaft mit Musik und Essen.",
        "plan_start": day(40),
        "plan_end": day(40),
        "participants": "80",
        "engagement_field": "kulturelle-vielfalt",
        "other_partners": "",
        "slot": str(chosen.pk) if chosen else "callback",
        "callback_times": "",
        "consent": "on",
        "honeypot": "",
        "form_started": form_token(time.time() - 60),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def fill_basket(client):
    client.post(
        "/de/anfrage/basket/",
        {"resource": german("beamer").pk, "add-quantity": "2", "add-start": day(40), "add-end": day(41)},
    )
    client.post("/de/anfrage/basket/", {"resource": german("flyer-und-plakate").pk, "add-amount": "700"})
    client.post("/de/anfrage/basket/", {"resource": german("vereinsgruendung").pk})
    lines = client.session[SESSION_KEY]
    assert len(lines) == 3
    return lines


def with_lines(data, lines):
    """The basket's lines as the form sends them back (prefix item-<id>)."""
    for line in lines:
        for name, value in line["values"].items():
            data[f"item-{line['id']}-{name}"] = value
    return data


def test_the_page_offers_everything_the_form_needs(client, slot):
    html = client.get(FORM).content.decode()
    for name in (
        "association_name",
        "register_number",
        "district",
        "contact_name",
        "email",
        "phone",
        "consultation_language",
        "plan_title",
        "plan_description",
        "plan_start",
        "participants",
        "engagement_field",
        "other_partners",
        "callback_times",
        "consent",
    ):
        assert f'name="{name}"' in html, name
    assert f'value="{slot.pk}"' in html and 'value="callback"' in html
    assert 'class="form-trap"' in html
    assert "Art. 6 Abs. 1 lit. a DSGVO" in html, "the editors' Art. 13 notice stands next to the form"
    assert 'href="/de/datenschutz/"' in html
    assert "(freiwillig)" in html and "Registernummer (freiwillig)" in html
    # The demo's consultation times: some fully booked, shown but not selectable.
    full = [
        s
        for s in ConsultationSlot.objects.all()
        if s.is_full and s.start > slot.start - datetime.timedelta(days=30)
    ]
    assert full
    assert select_one(html, f"#id_slot_{full[0].pk}").has_attr("disabled")
    assert "ausgebucht" in html


def test_request_is_stored_with_its_basket_and_slot_and_confirmed(
    client, slot, django_capture_on_commit_callbacks
):
    lines = fill_basket(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, with_lines(form_data(slot), lines))
    assert response.status_code == 302, texts(response, ".errorlist")
    assert response["Location"] == "/de/anfrage/sent/"

    stored = ResourceRequest.objects.get(association_name="Elternverein Regenbogen e.V.")
    assert re.fullmatch(rf"HOR-{timezone.localdate().year}-\d{{5}}", stored.reference)
    assert len(stored.token) >= 43
    assert (stored.status, stored.language, stored.consultation_language, stored.slot) == (
        "received",
        "de",
        "tr",
        slot,
    )
    assert stored.district.slug == "hoerde" and stored.engagement_field.slug == "kulturelle-vielfalt"
    assert stored.engagement_field.locale.language_code == "de"
    assert stored.consent_at is not None and stored.source == "web"
    items = {line.resource_title: line for line in stored.items.all()}
    assert items["Beamer (Full HD)"].quantity == 2 and items[
        "Beamer (Full HD)"
    ].end == datetime.date.fromisoformat(day(41))
    assert items["Mitfinanzierung von Flyern und Plakaten"].amount == 700
    assert items[german("vereinsgruendung").title].quantity is None
    assert slot.requests.count() == 1
    assert client.session.get(SESSION_KEY) is None, "the basket is empty after sending"

    # Confirmation page: reference, status link, consultation, rules (700 € > 500 €).
    page = client.get(response["Location"])
    html = page.content.decode()
    assert stored.reference in html
    assert f"/de/anfrage/status/{stored.token}/" in html
    assert page["Cache-Control"] == "private, no-store"
    assert "entscheidet eine Jury" in html and "zwei Vergleichsangebote" in html

    # E-mails: the confirmation to the association, a note (without personal data) to the team.
    confirmation = next(message for message in mail.outbox if message.to == ["leyla@example.org"])
    assert stored.reference in confirmation.subject and "Ihre Anfrage" in confirmation.subject
    assert f"/de/anfrage/status/{stored.token}/" in confirmation.body
    assert "Beamer (Full HD): 2 Stück" in confirmation.body
    assert "Jury" in confirmation.body
    assert not confirmation.alternatives, "plain text only"
    team = next(message for message in mail.outbox if message.to != ["leyla@example.org"])
    assert stored.reference in team.subject and f"/admin/requests/inspect/{stored.pk}/" in team.body
    assert "leyla@example.org" not in team.body and "Leyla" not in team.body
    assert OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT).count() == 2


def test_confirmation_comes_in_the_visitors_language(client, slot, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ar/request/", form_data(slot, association_name="جمعية الأمل"))
    assert response.status_code == 302 and response["Location"] == "/ar/request/sent/"
    stored = ResourceRequest.objects.get(association_name="جمعية الأمل")
    assert stored.language == "ar"
    confirmation = next(message for message in mail.outbox if message.to == ["leyla@example.org"])
    assert "طلبكم" in confirmation.subject
    assert f"/ar/request/status/{stored.token}/" in confirmation.body
    html = client.get(response["Location"]).content.decode()
    assert '<html lang="ar" dir="rtl">' in html and stored.reference in html


def test_nothing_is_lost_when_the_mail_server_is_down(client, slot, django_capture_on_commit_callbacks):
    with MAIL_DOWN, django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, form_data(slot))
    assert response.status_code == 302
    stored = ResourceRequest.objects.get(association_name="Elternverein Regenbogen e.V.")
    queued = OutgoingEmail.objects.filter(about_id=stored.pk)
    assert queued.count() == 2 and all(email.status == OutgoingEmail.Status.QUEUED for email in queued)
    assert mail.outbox == []
    queued.update(next_attempt_at=stored.created_at)
    call_command("send_queued_email", verbosity=0)
    assert len(mail.outbox) == 2


def test_the_request_and_its_emails_are_one_transaction(client, slot):
    """If storing the items fails, there is no request, no booked place and no e-mail."""
    with (
        mock.patch.object(RequestItem.objects, "bulk_create", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        client.post(FORM, form_data(slot))
    assert ResourceRequest.objects.filter(association_name="Elternverein Regenbogen e.V.").count() == 0
    assert OutgoingEmail.objects.count() == 0
    assert slot.requests.count() == 0


def test_a_full_slot_cannot_be_picked(client):
    full = ConsultationSlotFactory(start=in_days(5, 15), capacity=1)
    make_request(slot=full)
    html = client.get(FORM).content.decode()
    assert select_one(html, f"#id_slot_{full.pk}").has_attr("disabled")
    response = client.post(FORM, form_data(full))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_slot_error"' in html and "ausgebucht" in html
    assert 'value="Elternverein Regenbogen e.V."' in html, "everything else is kept"
    assert full.requests.count() == 1


def test_a_slot_taken_while_filling_in_keeps_everything(client, slot):
    slot.capacity = 1
    slot.save()
    html = client.get(FORM).content.decode()
    assert (
        f'value="{slot.pk}" id="id_slot_{slot.pk}"' in html and f'id="id_slot_{slot.pk}" disabled' not in html
    )
    # Someone else books the last place between the form's check and storing it.
    with mock.patch("resource_requests.forms.RequestForm.clean_slot", lambda form: form.cleaned_data["slot"]):
        make_request(slot=slot)
        response = client.post(FORM, form_data(slot))
    assert response.status_code == 409
    assert "gerade von jemand anderem gebucht" in response.content.decode()
    assert slot.requests.count() == 1


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"consent": None}, "consent", "Bitte stimmen Sie zu"),
        ({"email": "keine-adresse"}, "email", "vollständige E-Mail-Adresse"),
        ({"association_name": ""}, "association_name", "Bitte geben Sie den Namen Ihres Vereins ein."),
        ({"plan_start": "2001-05-01"}, "plan_start", "Dieser Tag ist vorbei"),
        ({"plan_start": day(40), "plan_end": day(30)}, "plan_end", "vor dem ersten Tag"),
        ({"plan_start": "", "plan_end": day(30)}, "plan_start", "auch den ersten Tag"),
        ({"plan_start": "morgen"}, "plan_start", "Bitte geben Sie ein Datum ein"),
        ({"participants": "-5"}, "participants", "mindestens 1"),
        ({"district": "gibt-es-nicht"}, "district", "Stadtbezirk aus der Liste"),
        ({"engagement_field": "<script>"}, "engagement_field", "Engagementfeld aus der Liste"),
        ({"consultation_language": "xx"}, "consultation_language", "Sprache aus der Liste"),
        ({"slot": "999999999"}, "slot", "kann nicht gebucht werden"),
        ({"slot": "callback", "phone": ""}, "phone", "Telefonnummer an, damit wir Sie zurückrufen"),
        ({"phone": "0231 <b>"}, "phone", "nur Ziffern"),
        ({"plan_description": "x" * 4001}, "plan_description", "höchstens 4000 Zeichen"),
        ({"contact_name": "Leyla\r\nBcc: spam@example.org"}, "contact_name", "in eine Zeile"),
        ({"partners": "12345678"}, "partners", "Partnerorganisationen aus der Liste"),
    ],
)
def test_bad_input_is_shown_by_its_field_and_the_rest_is_kept(client, slot, changes, field, message):
    response = client.post(FORM, form_data(slot, **changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert 'class="error-summary" role="alert"' in html
    assert 'value="Sommerfest im Quartier"' in html or field == "plan_title"
    assert ResourceRequest.objects.filter(association_name="Elternverein Regenbogen e.V.").count() == 0


def test_errors_are_tied_to_their_fields_for_screen_readers(client, slot):
    html = client.post(FORM, form_data(slot, email="nein", association_name="")).content.decode()
    email_input = select_one(html, 'input[name="email"]')
    assert (
        email_input["aria-invalid"] == "true" and "id_email_error" in email_input["aria-describedby"].split()
    )
    assert 'href="#id_email"' in html and 'href="#id_association_name"' in html


def test_errors_in_arabic(client, slot):
    html = client.post("/ar/request/", form_data(slot, email="", consent=None)).content.decode()
    assert "يرجى إدخال عنوان بريدكم الإلكتروني" in html and "يرجى الموافقة" in html


def test_basket_lines_are_checked_again_on_sending(client, slot):
    lines = fill_basket(client)
    data = with_lines(form_data(slot), lines)
    beamer = next(line for line in lines if line["key"] == str(german("beamer").translation_key))
    data[f"item-{beamer['id']}-quantity"] = "7"
    response = client.post(FORM, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_item-{beamer["id"]}-quantity_error"' in html and "Es gibt nur 4 davon" in html
    assert ResourceRequest.objects.filter(association_name="Elternverein Regenbogen e.V.").count() == 0


def test_markup_is_stored_as_text_and_never_rendered(client, slot, django_capture_on_commit_callbacks):
    script = "<script>alert('x')</script><b>fett</b>"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            FORM,
            form_data(slot, association_name="Verein " + script, plan_description=script, plan_title=script),
        )
    assert response.status_code == 302
    stored = ResourceRequest.objects.get(plan_description=script)
    assert stored.association_name == "Verein " + script
    html = client.get(f"/de/anfrage/status/{stored.token}/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    confirmation = next(message for message in mail.outbox if message.to == ["leyla@example.org"])
    assert script not in confirmation.body and not confirmation.alternatives


def test_honeypot_stores_and_sends_nothing(client, slot, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, form_data(slot, honeypot="https://spam.example"))
    assert response.status_code == 302
    assert ResourceRequest.objects.filter(association_name="Elternverein Regenbogen e.V.").count() == 0
    assert mail.outbox == []


def test_form_sent_too_quickly_is_asked_again(client, slot):
    response = client.post(FORM, form_data(slot, form_started=form_token()))
    assert response.status_code == 400 and "noch einmal" in response.content.decode()


def test_sending_is_rate_limited_per_address(client, slot, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "request": (1, 3600)}
    assert client.post(FORM, form_data(slot, plan_title="Erste Anfrage")).status_code == 302
    blocked = client.post(FORM, form_data(slot, plan_title="Zweite Anfrage"))
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0
    assert 'value="Zweite Anfrage"' in blocked.content.decode(), "what was typed is kept"
    other = client.post(FORM, form_data(slot, plan_title="Dritte Anfrage"), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_partner_page_links_to_the_form_with_the_partner_ticked(client):
    garden = PartnerOrganisation.objects.get(
        slug="nachbarschaftsgarten-huckarde-ev", locale__language_code="de"
    )
    detail = client.get("/de/partner/nachbarschaftsgarten-huckarde-ev/").content.decode()
    assert f'href="/de/anfrage/?partner={garden.pk}#plan"' in detail
    html = client.get(f"/de/anfrage/?partner={garden.pk}").content.decode()
    assert select_one(html, f'input[name="partners"][value="{garden.pk}"]').has_attr("checked")
    assert (
        "Wir konnten diese Partnerorganisation nicht finden"
        in client.get(f"{FORM}?partner=999999").content.decode()
    )


def test_status_page_is_private_and_shows_decisions_and_messages(client):
    stored = make_request(items=[item(german("beamer"), 1, datetime.date.fromisoformat(day(40)))])
    service.send_message(stored, None, "Bitte bringen Sie zwei Angebote mit.")
    service.decline_item(stored.items.get(), None, "Am Wunschtag sind alle Beamer verliehen.")
    url = f"/de/anfrage/status/{stored.token}/"
    response = client.get(url)
    html = response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow" and response["Referrer-Policy"] == "same-origin"
    assert stored.reference in html and "Abgelehnt" in html
    assert "Bitte bringen Sie zwei Angebote mit." in html and "alle Beamer verliehen" in html
    assert 'aria-current="step"' in html
    assert client.get(f"/de/anfrage/status/{'x' * 43}/").status_code == 404
    assert client.get("/de/anfrage/status/kurz/").status_code == 404
    # The language switcher keeps the token.
    assert f"/ar/request/status/{stored.token}/" in html


def test_request_form_block_can_stand_on_any_page(client):
    page = StandardPage.objects.get(slug="so-funktionierts", locale__language_code="de")
    page.body = [("request_form", {"heading": "Gleich anfragen", "text": "Alles in einem Formular."})]
    page.save_revision().publish()
    html = client.get("/de/so-funktionierts/").content.decode()
    assert "Gleich anfragen" in html
    assert '<form class="form request-form" id="request-form" method="post" action="/de/anfrage/"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_form_page_needs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    """Queries do not grow with the basket: one line or six lines cost the same."""
    client.get(FORM)
    client.post(
        "/de/anfrage/basket/", {"resource": german("beamer").pk, "add-quantity": "1", "add-start": day(40)}
    )
    client.post("/de/anfrage/basket/", {"resource": german("honorare").pk, "add-amount": "100"})
    client.get(FORM)
    with CaptureQueriesContext(connection) as small:
        assert client.get(FORM).status_code == 200
    for slug in ("leinwand", "tonanlage", "flyer-und-plakate", "kassenfuehrung"):
        data = {"resource": german(slug).pk, "add-quantity": "1", "add-start": day(40), "add-amount": "100"}
        assert client.post("/de/anfrage/basket/", data).status_code == 302, slug
    with CaptureQueriesContext(connection) as large:
        assert client.get(FORM).status_code == 200
    assert len(client.session[SESSION_KEY]) == 6
    assert len(large.captured_queries) == len(small.captured_queries), (
        len(small.captured_queries),
        len(large.captured_queries),
    )
    with django_assert_max_num_queries(MAX_FORM_QUERIES):
        client.get(FORM)


def test_the_request_page_is_translated_and_reachable_in_every_language(client):
    for language in ("de", "en", "tr", "ar", "uk", "pl"):
        page = RequestPage.objects.get(locale__language_code=language)
        response = client.get(page.url)
        assert response.status_code == 200, language
        assert not page.is_untranslated, language


def test_the_confirmation_carries_nothing_a_stranger_wrote(client, django_capture_on_commit_callbacks):
    """Anyone can type anyone's address: the confirmation must not be a way to mail them one's own text.
    It says what the portal itself knows – reference, status link, the catalogue's titles, the rules."""
    written = {
        "contact_name": "hor<svg/onload=alert(1)>",
        "plan_title": "Cheap pills at https://spam.example",
        "phone": "+49 (0800) 555-0199",
        "callback_times": "visit https://spam.example/now",
        "association_name": "Win a prize at https://spam.example",
        "plan_description": "Click https://spam.example",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, form_data(None, **written))
    assert response.status_code == 302, texts(response, ".errorlist")
    stored = ResourceRequest.objects.get(contact_name=written["contact_name"])
    confirmation = next(message for message in mail.outbox if message.to == ["leyla@example.org"])
    assert stored.reference in confirmation.subject
    assert f"/de/anfrage/status/{stored.token}/" in confirmation.body
    assert "Rückruf" in confirmation.body, "the call back is confirmed, without the number typed"
    for field, text in written.items():
        assert text not in confirmation.body + confirmation.subject, field
    assert "spam.example" not in confirmation.body and "<svg" not in confirmation.body


def test_confirmations_to_one_address_are_capped_per_day(
    client, settings, django_capture_on_commit_callbacks
):
    """Whoever asks and from wherever: an address gets at most REQUESTS_CONFIRMATIONS_PER_DAY confirmations
    a day. Every request is still stored, and the team still hears of each."""
    settings.REQUESTS_CONFIRMATIONS_PER_DAY = 2
    with django_capture_on_commit_callbacks(execute=True):
        for number, address in enumerate(["opfer@example.org", "Opfer@Example.org", "opfer@example.org"]):
            response = client.post(
                FORM,
                form_data(None, email=address, phone="0231 1", plan_title=f"Nr. {number}"),
                REMOTE_ADDR=f"192.0.2.{number}",
            )
            assert response.status_code == 302, texts(response, ".errorlist")
    assert ResourceRequest.objects.filter(email__iexact="opfer@example.org").count() == 3
    to_victim = [message for message in mail.outbox if message.to[0].lower() == "opfer@example.org"]
    assert len(to_victim) == 2
    assert len(mail.outbox) == 2 + 3, "the team's notes are not capped"
    sent_page = client.get("/de/anfrage/sent/").content.decode()
    assert "keine Bestätigung" in sent_page and "Referenznummer" in sent_page, "the visitor is told"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM, form_data(None, email="other@example.org", phone="0231 1"), REMOTE_ADDR="192.0.2.9")
    assert any(message.to == ["other@example.org"] for message in mail.outbox), "other addresses are not"


def test_the_fullest_request_form_fits_the_field_limit(client, settings):
    """The form with a full basket and every partner ticked sends far fewer fields than Django accepts."""
    basket_line = len(ItemForm.base_fields) + 1  # its fields and "remove"
    partners = PartnerOrganisation.objects.live().filter(locale__language_code="de").count()
    fullest = (
        len(RequestWebForm.base_fields) + 1 + partners + settings.REQUESTS_BASKET_MAX_ITEMS * basket_line
    )
    assert fullest > 100, fullest
    assert fullest * 2 <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS, fullest
