"""Contact through the portal: consent, stored first then sent, honeypot, rate limit, errors by the field."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from markup import select_one

from home.antispam import form_token
from home.models import OutgoingEmail
from partners.factories import PartnerOrganisationFactory
from partners.models import PartnerContactMessage, PartnerOrganisation

pytestmark = pytest.mark.django_db

GARDEN = "/de/partner/nachbarschaftsgarten-huckarde-ev/"
MAIL_DOWN = mock.patch(
    "django.core.mail.backends.locmem.EmailBackend.send_messages",
    side_effect=ConnectionRefusedError("mail server down"),
)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def garden():
    return PartnerOrganisation.objects.get(
        slug="nachbarschaftsgarten-huckarde-ev", locale__language_code="de"
    )


def form_data(**changes):
    data = {
        "name": "Leyla Demir",
        "association": "Elternverein Regenbogen e.V.",
        "email": "leyla@example.org",
        "message": "Wir planen ein Gartenfest im Juni und suchen Beete für unsere Kindergruppe.",
        "consent": "on",
        "honeypot": "",
        "form_started": form_token(time.time() - 60),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_form_is_on_the_page_with_consent_and_privacy_notice(client):
    html = client.get(GARDEN).content.decode()
    assert (
        '<form class="form" method="post" action="/de/partner/nachbarschaftsgarten-huckarde-ev/#contact" novalidate>'
        in html
    )
    for field in ("name", "association", "email", "message", "consent"):
        assert f'<label for="id_{field}"' in html, field
    assert "Art. 6" in html and "Einwilligung" in html
    assert 'href="/de/datenschutz/"' in html
    assert 'class="form-trap"' in html and 'name="honeypot"' in html
    arabic = client.get("/ar/partners/huckarde-community-garden/").content.decode()
    assert 'href="/ar/privacy/"' in arabic


def test_message_is_stored_sent_and_confirmed(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(GARDEN, form_data())
    assert response.status_code == 302
    assert response["Location"] == "/de/partner/nachbarschaftsgarten-huckarde-ev/sent/"

    message = PartnerContactMessage.objects.get()
    assert (message.sender_name, message.association, message.email, message.language) == (
        "Leyla Demir",
        "Elternverein Regenbogen e.V.",
        "leyla@example.org",
        "de",
    )
    assert message.consent_at is not None
    email = OutgoingEmail.objects.get()
    assert email.about == message and email.status == OutgoingEmail.Status.SENT

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [garden().email]
    assert sent.reply_to == ["leyla@example.org"]
    assert "Elternverein Regenbogen e.V." in sent.subject
    assert "Wir planen ein Gartenfest im Juni" in sent.body
    assert "Antworten" in sent.body, "the mail around the message is in German"

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "Nachbarschaftsgarten Huckarde e.V." in confirmation.content.decode()
    assert 'name="robots" content="noindex"' in confirmation.content.decode()


def test_arabic_visitor_reaches_the_partner_in_german(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/ar/partners/huckarde-community-garden/",
            form_data(message="نريد التعاون معكم في مهرجان الحديقة."),
        )
    assert (
        response.status_code == 302 and response["Location"] == "/ar/partners/huckarde-community-garden/sent/"
    )
    assert PartnerContactMessage.objects.get().language == "ar"
    body = mail.outbox[0].body
    assert "نريد التعاون معكم في مهرجان الحديقة." in body
    assert "Arabisch" in body
    assert mail.outbox[0].to == [garden().email]
    thanks = client.get(response["Location"]).content.decode()
    assert '<html lang="ar" dir="rtl">' in thanks


def test_mail_server_down_delays_and_loses_nothing(client, django_capture_on_commit_callbacks):
    with MAIL_DOWN, django_capture_on_commit_callbacks(execute=True):
        response = client.post(GARDEN, form_data())
    assert response.status_code == 302, "the visitor is not bothered with the outage"
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.QUEUED and email.attempts == 1
    assert PartnerContactMessage.objects.count() == 1
    assert mail.outbox == []

    OutgoingEmail.objects.update(next_attempt_at=email.created_at)  # the retry is due
    call_command("send_queued_email", verbosity=0)
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1 and "Gartenfest" in mail.outbox[0].body


def test_honeypot_stores_and_sends_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(GARDEN, form_data(honeypot="https://cheap-pills.example"))
    assert response.status_code == 302, "a bot sees the same success"
    assert PartnerContactMessage.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_answers_429_and_keeps_what_was_accepted(
    client, settings, django_capture_on_commit_callbacks
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "partner-contact": (2, 3600)}
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(2):
            assert (
                client.post(
                    GARDEN, form_data(message=f"Nachricht Nummer {number} an den Garten.")
                ).status_code
                == 302
            )
        blocked = client.post(GARDEN, form_data(message="Die dritte Nachricht kommt zu schnell."))
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0
    html = blocked.content.decode()
    assert "zu oft" in html
    assert "Die dritte Nachricht kommt zu schnell." in html, "what was typed is kept"
    assert PartnerContactMessage.objects.count() == 2
    assert len(mail.outbox) == 2, "the accepted messages went out"

    arabic = client.post("/ar/partners/huckarde-community-garden/", form_data())
    assert arabic.status_code == 429 and "أرسلتم" in arabic.content.decode()

    # Another visitor is not affected.
    other = client.post(GARDEN, form_data(), REMOTE_ADDR="198.51.100.20")
    assert other.status_code == 302


def test_errors_are_shown_by_their_fields_and_keep_the_input(client):
    response = client.post(GARDEN, form_data(name="", email="keine-adresse", consent=None, message="Kurz"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_name_error"' in html and "Bitte geben Sie Ihren Namen ein." in html
    name_input = select_one(html, 'input[name="name"]')
    email_input = select_one(html, 'input[name="email"]')
    assert name_input["aria-invalid"] == "true" and "id_name_error" in name_input["aria-describedby"].split()
    assert email_input["aria-invalid"] == "true"
    assert email_input["aria-describedby"] == "id_email_helptext id_email_error"
    assert email_input["value"] == "keine-adresse"
    assert "Bitte geben Sie eine vollständige E-Mail-Adresse ein" in html
    assert 'id="id_consent_error"' in html and "Bitte stimmen Sie zu" in html
    assert 'id="id_message_error"' in html
    assert select_one(html, 'textarea[name="message"]').string.strip() == "Kurz"
    assert 'class="error-summary" role="alert"' in html and 'href="#id_name"' in html
    assert PartnerContactMessage.objects.count() == 0


def test_errors_in_arabic(client):
    html = client.post("/ar/partners/huckarde-community-garden/", form_data(name="")).content.decode()
    assert "يرجى كتابة اسمكم." in html


def test_markup_is_stored_as_text_and_never_rendered(client, django_capture_on_commit_callbacks):
    script = "<script>alert('x')</script><b>fett</b>"
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client.post(
                GARDEN, form_data(association=script, message=script + " und mehr Text dazu.")
            ).status_code
            == 302
        )
    message = PartnerContactMessage.objects.get()
    assert message.association == script, "stored as typed"
    assert script in mail.outbox[0].body, "plain text mail: shown as typed, never interpreted"
    assert not mail.outbox[0].alternatives, "no HTML version to render it"
    # Re-shown in a form after an error, it is escaped.
    html = client.post(GARDEN, form_data(association=script, email="")).content.decode()
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_line_breaks_in_names_are_refused(client):
    html = client.post(GARDEN, form_data(name="Leyla\r\nBcc: spam@example.org")).content.decode()
    assert "Bitte schreiben Sie dies in eine Zeile." in html
    assert PartnerContactMessage.objects.count() == 0


def test_very_long_message_is_refused_and_kept(client):
    long_text = "Sehr lange Nachricht. " * 400
    response = client.post(GARDEN, form_data(message=long_text))
    assert response.status_code == 400
    html = response.content.decode()
    assert "höchstens 5000 Zeichen" in html
    assert long_text.strip()[:200] in html
    assert PartnerContactMessage.objects.count() == 0


def test_form_sent_too_quickly_is_asked_again(client):
    response = client.post(GARDEN, form_data(form_started=form_token()))
    assert response.status_code == 400
    assert "noch einmal" in response.content.decode()
    assert PartnerContactMessage.objects.count() == 0


def test_partner_without_email_has_no_form(client):
    partner = PartnerOrganisationFactory(name="Ohne Adresse", email="")
    url = f"/de/partner/{partner.slug}/"
    assert 'id="contact"' not in client.get(url).content.decode()
    assert client.post(url, form_data()).status_code == 405


def test_contact_messages_are_deleted_after_their_time(client, settings, django_capture_on_commit_callbacks):
    settings.PARTNERS_CONTACT_KEEP_DAYS = 90
    with django_capture_on_commit_callbacks(execute=True):
        client.post(GARDEN, form_data())
    PartnerContactMessage.objects.update(created_at=timezone.now() - timedelta(days=91))
    OutgoingEmail.objects.update(created_at=timezone.now() - timedelta(days=91))
    call_command("purge_personal_data", verbosity=0)
    assert PartnerContactMessage.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0
