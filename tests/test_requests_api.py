"""POST /api/v3/requests/ and GET /api/v3/requests/{token}/: the form's rules over JSON."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.models import Grant, Reservation, Resource, StockStatus
from resource_requests import idempotency, service
from resource_requests.factories import ConsultationSlotFactory, in_days, item, make_request
from resource_requests.models import ResourceRequest

pytestmark = pytest.mark.django_db

URL = "/api/v3/requests/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def day(offset):
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


def german(slug):
    return Resource.objects.get(locale__language_code="de", slug=slug)


def payload(**changes):
    body = {
        "association_name": "Elternverein Regenbogen e.V.",
        "contact_name": "Leyla Demir",
        "email": "leyla@example.org",
        "phone": "0231 123456",
        "consultation_language": "tr",
        "plan_title": "Sommerfest",
        "plan_description": "Ein Fest für die Nachbarschaft.",
        "district": "hoerde",
        "engagement_field": "umwelt",
        "slot": "callback",
        "consent": True,
        "items": [],
    }
    body.update(changes)
    return body


def post(client, body, **headers):
    return client.post(URL, json.dumps(body), content_type="application/json", **headers)


def test_a_request_is_submitted_as_json(client, django_capture_on_commit_callbacks):
    slot = ConsultationSlotFactory(start=in_days(7, 11))
    arabic_projector = Resource.objects.get(locale__language_code="ar", slug="projector")
    body = payload(
        slot=slot.pk,
        items=[
            {"resource": arabic_projector.pk, "quantity": 1, "start": day(40), "end": day(41)},
            {"resource": german("flyer-und-plakate").pk, "amount": "300.50"},
            {"resource": german("vereinsgruendung").pk},
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, body, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 201, response.content
    data = response.json()
    stored = ResourceRequest.objects.get(reference=data["reference"])
    assert stored.source == "api" and stored.language == "ar" and stored.slot == slot
    assert data["status"] == "received" and data["status_label"] == "تم الاستلام"
    assert (
        data["status_url"].endswith(f"/api/v3/requests/{stored.token}/")
        and response["Location"] == data["status_url"]
    )
    assert data["status_page"].endswith(f"/ar/request/status/{stored.token}/")
    assert response["Cache-Control"] == "private, no-store"
    amounts = sorted(str(line.amount) for line in stored.items.all() if line.amount)
    assert amounts == ["300.50"] and stored.items.count() == 3
    assert any("طلبكم" in message.subject for message in mail.outbox), "confirmation in the client's language"


def test_the_status_is_read_with_the_token_and_never_cached(client):
    stored = make_request([item(german("beamer"), 1, datetime.date.fromisoformat(day(40)))])
    service.send_message(stored, None, "Bitte Angebote mitbringen.")
    response = client.get(f"{URL}{stored.token}/?lang=en")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response and "Last-Modified" not in response
    data = response.json()
    assert data["reference"] == stored.reference and data["email"] == "leyla@example.org"
    assert data["items"][0]["resource_title"] == "Beamer (Full HD)" and data["items"][0]["decision"] == "open"
    assert [message["text"] for message in data["messages"]] == ["Bitte Angebote mitbringen."]
    assert client.get(f"{URL}{'a' * 43}/").status_code == 404
    bad = client.get(f"{URL}kurz/")
    assert bad.status_code == 422 and bad["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    "changes, loc, message",
    [
        ({"consent": False}, ["body", "consent"], "Bitte stimmen Sie zu"),
        ({"email": "keine-adresse"}, ["body", "email"], "vollständige E-Mail-Adresse"),
        ({"plan_start": "2001-01-01"}, ["body", "plan_start"], "Dieser Tag ist vorbei"),
        ({"plan_start": day(30), "plan_end": day(20)}, ["body", "plan_end"], "vor dem ersten Tag"),
        ({"plan_start": "2030-02-31"}, ["body", "plan_start"], "Datum"),
        ({"slot": 99999999}, ["body", "slot"], "kann nicht gebucht werden"),
        ({"district": "atlantis"}, ["body", "district"], "Stadtbezirk"),
        ({"phone": ""}, ["body", "phone"], "Telefonnummer"),
        ({"plan_description": "x" * 4001}, ["body", "plan_description"], "4000"),
        ({"participants": "80"}, ["body", "participants"], "ganze Zahl"),
        ({"association_name": 5}, ["body", "association_name"], "Text"),
        ({"extra": "?"}, ["body", "extra"], "unbekannt"),
        ({"items": [{"resource": 99999999}]}, ["body", "items", 0, "resource"], "keine Ressource"),
        ({"items": [{"resource": "beamer"}]}, ["body", "items", 0, "resource"], "ganze Zahl"),
    ],
)
def test_bad_input_names_the_field_in_the_clients_language(client, changes, loc, message):
    response = post(client, payload(**changes))
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert any(error["loc"] == loc and message in error["msg"] for error in errors), errors
    assert not ResourceRequest.objects.filter(source="api").exists()


def test_basket_lines_follow_the_forms_rules(client):
    beamer, flyers = german("beamer"), german("flyer-und-plakate")
    response = post(
        client,
        payload(
            items=[
                {"resource": beamer.pk, "quantity": 9, "start": day(40)},
                {"resource": flyers.pk, "amount": 5000},
                {"resource": flyers.pk, "amount": 100},
            ]
        ),
    )
    assert response.status_code == 422
    errors = {tuple(error["loc"]): error["msg"] for error in response.json()["errors"]}
    assert "Es gibt nur 4 davon" in errors[("body", "items", 0, "quantity")]
    assert "Höchstens 800 €" in errors[("body", "items", 1, "amount")]
    assert "zweimal" in errors[("body", "items", 2, "resource")]


def test_fields_that_do_not_apply_to_a_resources_kind_are_refused(client):
    beamer, flyers, coaching = german("beamer"), german("flyer-und-plakate"), german("vereinsgruendung")
    response = post(
        client,
        payload(
            items=[
                {"resource": beamer.pk, "quantity": 1, "start": day(40), "amount": "300"},
                {"resource": flyers.pk, "amount": "100", "quantity": 2},
                {"resource": coaching.pk, "start": day(40)},
            ]
        ),
    )
    assert response.status_code == 422
    errors = {tuple(error["loc"]): error for error in response.json()["errors"]}
    assert errors[("body", "items", 0, "amount")]["type"] == "not_applicable"
    assert errors[("body", "items", 0, "amount")]["msg"].startswith(
        "Das gilt nicht für diese Art von Ressource"
    )
    assert errors[("body", "items", 1, "quantity")]["type"] == "not_applicable"
    assert errors[("body", "items", 2, "start")]["type"] == "not_applicable"
    assert not ResourceRequest.objects.filter(source="api").exists()


def test_only_json_is_accepted(client):
    response = client.post(URL, {"association_name": "x"})
    assert response.status_code == 415 and response["Content-Type"] == "application/problem+json"
    broken = client.post(URL, "{nicht json", content_type="application/json")
    assert broken.status_code == 400


def test_browsers_on_other_sites_are_refused(client, settings):
    refused = post(client, payload(), HTTP_ORIGIN="https://evil.example")
    assert refused.status_code == 403
    assert post(client, payload(), HTTP_ORIGIN="http://testserver").status_code == 201
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example.org"]
    assert (
        post(client, payload(plan_title="Zwei"), HTTP_ORIGIN="https://partner.example.org").status_code == 201
    )
    assert ResourceRequest.objects.filter(source="api").count() == 2


def test_submissions_are_rate_limited(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "request-api": (2, 3600)}
    for number in range(2):
        assert post(client, payload(plan_title=f"Nummer {number}")).status_code == 201
    blocked = post(client, payload(plan_title="Zu viel"))
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0
    assert blocked.json()["status"] == 429
    assert post(client, payload(), REMOTE_ADDR="198.51.100.9").status_code == 201


def test_submitting_needs_a_bounded_number_of_queries(client):
    small = payload(items=[{"resource": german("beamer").pk, "quantity": 1, "start": day(40)}])
    large = payload(
        items=[
            {"resource": german(slug).pk, "quantity": 1, "start": day(40)}
            for slug in ("beamer", "leinwand", "tonanlage", "laptop", "moderationskoffer", "digitalkamera")
        ]
    )
    assert post(client, small).status_code == 201  # caches that outlive a request (content types, site)
    with CaptureQueriesContext(connection) as one:
        assert post(client, small).status_code == 201
    with CaptureQueriesContext(connection) as six:
        assert post(client, large).status_code == 201
    # Storing writes one row per line in one statement; checking reads the stock in one query.
    assert len(six.captured_queries) == len(one.captured_queries)


def test_the_index_and_the_reference_list_the_endpoints(client):
    assert client.get("/api/v3/").json()["endpoints"]["requests"].endswith("/api/v3/requests/")
    document = client.get("/api/v3/openapi.json").json()
    operation = document["paths"]["/api/v3/requests/"]["post"]
    assert "requestBody" in operation and {"201", "415", "422", "429"} <= set(operation["responses"])
    reference = client.get("/de/api/").content.decode()
    assert "/api/v3/requests/" in reference


def test_money_amounts_in_json_keep_their_cents(client):
    flyers = german("flyer-und-plakate").pk
    response = post(client, payload(items=[{"resource": flyers, "amount": "99.99"}]))
    assert response.status_code == 201
    stored = ResourceRequest.objects.get(reference=response.json()["reference"])
    assert stored.items.get().amount == Decimal("99.99")
    whole = post(client, payload(plan_title="Ganz", items=[{"resource": flyers, "amount": 120}]))
    assert whole.status_code == 201
    # A JSON number with a fraction is not sent as cents: refused, naming the field (`120.0` is a whole
    # number, as JSON Schema's `integer` has it).
    assert (
        post(client, payload(plan_title="Auch", items=[{"resource": flyers, "amount": 120.0}])).status_code
        == 201
    )
    for amount in (99.99, 120.5, "99.999", "1e3", "0120", True):
        refused = post(client, payload(items=[{"resource": flyers, "amount": amount}]))
        assert refused.status_code == 422, amount
        assert ["body", "items", 0, "amount"] in [error["loc"][:4] for error in refused.json()["errors"]]


def test_what_changed_since_the_client_looked_is_a_conflict_with_a_type(client):
    beamer, flyers = german("beamer"), german("flyer-und-plakate")
    full = ConsultationSlotFactory(capacity=1, start=timezone.now() + datetime.timedelta(days=3))
    assert post(client, payload(slot=full.pk)).status_code == 201
    taken = post(client, payload(slot=full.pk, plan_title="Zu spät"))
    assert taken.status_code == 409 and taken["Content-Type"] == "application/problem+json"
    assert taken.json()["type"] == "full" and taken.json()["errors"][0]["loc"] == ["body", "slot"]
    # All units of a day taken.
    fifty = timezone.localdate() + datetime.timedelta(days=50)
    Reservation.objects.create(
        resource=beamer, quantity=beamer.units, start=fifty, end=fifty, status=StockStatus.APPROVED
    )
    none_left = post(client, payload(items=[{"resource": beamer.pk, "quantity": 1, "start": day(50)}]))
    assert none_left.status_code == 409 and none_left.json()["type"] == "not_free"
    # The offer's own period (not part of the schema's bookable days).
    Resource.objects.filter(translation_key=beamer.translation_key).update(available_until=in_days(60))
    later = post(client, payload(items=[{"resource": beamer.pk, "quantity": 1, "start": day(70)}]))
    assert later.status_code == 409 and later.json()["type"] == "not_bookable"
    # The budget: less left than asked for, then nothing.
    granted = Grant.objects.filter(
        resource__translation_key=flyers.translation_key, status=StockStatus.APPROVED
    )
    budget = sum(grant.amount for grant in granted) + Decimal(150)
    Resource.objects.filter(pk=flyers.pk).update(budget=budget)
    short = post(client, payload(items=[{"resource": flyers.pk, "amount": 200}]))
    assert short.status_code == 409 and short.json()["type"] == "budget_short"
    Grant.objects.create(resource=flyers, amount=Decimal(150), status=StockStatus.APPROVED)
    used = post(client, payload(plan_title="C", items=[{"resource": flyers.pk, "amount": 1}]))
    assert used.status_code == 409 and used.json()["type"] == "budget_used_up"
    # A conflict together with invalid input is a 422 naming both.
    mixed = post(client, payload(consent=False, items=[{"resource": flyers.pk, "amount": 1}]))
    assert mixed.status_code == 422
    assert {error["type"] for error in mixed.json()["errors"]} >= {"budget_used_up"}


def test_the_served_example_body_is_accepted(client):
    document = client.get("/api/v3/openapi.json").json()
    body = document["components"]["schemas"]["RequestIn"]["examples"][0]
    assert body["items"], "the example books something that is free"
    response = post(client, body)
    assert response.status_code == 201, response.content


def test_confirmations_to_one_address_are_capped_per_day(
    client, settings, django_capture_on_commit_callbacks
):
    """The API shares the form's daily cap per recipient: stored and answered 201 every time, mailed twice."""
    settings.REQUESTS_CONFIRMATIONS_PER_DAY = 2
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(4):
            body = payload(email="opfer@example.org", plan_title=f"Nr. {number}")
            assert post(client, body, REMOTE_ADDR=f"192.0.2.{number}").status_code == 201
    assert ResourceRequest.objects.filter(email="opfer@example.org", source="api").count() == 4
    assert len([message for message in mail.outbox if message.to == ["opfer@example.org"]]) == 2


def test_an_over_large_body_is_413_problem_json(client):
    """Django refuses to read more than DATA_UPLOAD_MAX_MEMORY_SIZE; that is the client's mistake."""
    body = payload(plan_description="x" * (2_621_440 + 10))
    response = post(client, body, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 413, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 413 and "zu groß" in response.json()["title"]
    assert not ResourceRequest.objects.filter(source="api").exists()


def test_an_idempotency_key_makes_a_retry_return_the_first_answer(client):
    body = payload(items=[{"resource": german("flyer-und-plakate").pk, "amount": "100"}])
    first = post(client, body, HTTP_IDEMPOTENCY_KEY="3f2b6c1e-retry")
    again = post(client, body, HTTP_IDEMPOTENCY_KEY="3f2b6c1e-retry")
    assert first.status_code == again.status_code == 201, again.content
    assert again.json() == first.json() and again["Location"] == first["Location"]
    assert again["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert again["Cache-Control"] == "private, no-store"
    assert ResourceRequest.objects.filter(source="api").count() == 1

    other = post(client, payload(plan_title="Herbstfest"), HTTP_IDEMPOTENCY_KEY="3f2b6c1e-retry")
    assert other.status_code == 422
    assert other.json()["errors"][0]["loc"] == ["header", "Idempotency-Key"]
    assert (
        other.json()["errors"][0]["msg"] == "Dieser Schlüssel wurde schon für eine andere Anfrage verwendet."
    )
    assert post(client, body, HTTP_IDEMPOTENCY_KEY="another-key").status_code == 201
    assert post(client, body).status_code == 201, "without a key every POST is a request of its own"
    assert ResourceRequest.objects.filter(source="api").count() == 3


def test_a_refused_request_can_be_corrected_under_the_same_key(client):
    refused = post(client, payload(email="kaputt"), HTTP_IDEMPOTENCY_KEY="fix-me")
    assert refused.status_code == 422
    assert post(client, payload(), HTTP_IDEMPOTENCY_KEY="fix-me").status_code == 201


def test_a_key_still_being_processed_is_a_conflict(client):
    idempotency.begin("busy-key")
    response = post(client, payload(), HTTP_IDEMPOTENCY_KEY="busy-key")
    assert response.status_code == 409 and response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Konflikt"
    assert not ResourceRequest.objects.filter(source="api").exists()
    assert post(client, payload(), HTTP_IDEMPOTENCY_KEY="bad key with spaces").status_code == 422
