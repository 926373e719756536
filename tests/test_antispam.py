"""Anti-bot pieces (home/antispam.py): the rate limit and the honeypot form mixin."""

import json
import time

import pytest
from django import forms
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation

from home.antispam import HoneypotFormMixin, RateLimit, client_address, form_token, rate_limited


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/form/", **extra)


def test_limit_counts_per_client_and_per_scope(settings):
    settings.RATE_LIMITS = {"default": (10, 3600), "contact": (2, 3600)}
    limit = RateLimit("contact")
    first = request_from("192.0.2.1")
    assert not limit.hit(first).exceeded
    assert not limit.hit(first).exceeded
    third = limit.hit(first)
    assert third.exceeded and third.count == 3
    assert 0 < third.retry_after <= 2 * 3600, "a sliding window may take up to two to clear"
    assert not limit.hit(request_from("192.0.2.2")).exceeded, "another client has its own count"
    assert not RateLimit("other-form").hit(first).exceeded, "another scope uses the default limit"


def test_window_ends(settings, monkeypatch):
    settings.RATE_LIMITS = {"default": (1, 60)}
    clock = [1_000_020.0]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    limit = RateLimit("x")
    request = request_from("192.0.2.3")
    limit.hit(request)
    assert limit.hit(request).exceeded
    clock[0] += 60
    assert limit.hit(request).exceeded, "the last minute still holds the earlier submissions"
    clock[0] += 120
    assert not limit.hit(request).exceeded, "after a quiet window the count starts afresh"


def test_peek_does_not_count(settings):
    settings.RATE_LIMITS = {"default": (1, 60)}
    request = request_from("192.0.2.4")
    for _ in range(5):
        assert RateLimit("x").peek(request).count == 0


def test_addresses_are_not_kept_in_plain_text(settings):
    settings.RATE_LIMITS = {"default": (5, 60)}
    request = request_from("198.51.100.77")
    limit = RateLimit("x")
    limit.hit(request)
    key = limit._key(request, time.time())
    assert "198.51.100.77" not in key and cache.get(key) == 1


def test_client_address_behind_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    spoofed = request_from("10.0.0.1", forwarded="203.0.113.9")
    assert client_address(spoofed) == "10.0.0.1", "without trusted proxies the header is ignored"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from("10.0.0.1", forwarded="1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    settings.TRUSTED_PROXY_COUNT = 2
    assert (
        client_address(request_from("10.0.0.1", forwarded="1.2.3.4, 203.0.113.9, 10.0.0.2")) == "203.0.113.9"
    )


def test_json_answer_is_429_with_a_translated_message(settings):
    settings.RATE_LIMITS = {"default": (0, 600)}
    state = RateLimit("api").hit(request_from("192.0.2.5"))
    with translation.override("de"):
        response = state.json_response()
    assert response.status_code == 429
    assert int(response["Retry-After"]) == state.retry_after
    body = json.loads(response.content)
    assert body["error"] == "rate_limited" and body["retry_after"] == state.retry_after
    assert "zu oft" in body["message"]


@pytest.mark.django_db
def test_decorator_answers_429_in_the_visitors_language(settings):
    settings.RATE_LIMITS = {"default": (1, 600)}
    calls = []

    @rate_limited("decorated")
    def view(request):
        calls.append(request)
        from django.http import HttpResponse

        return HttpResponse("ok")

    @rate_limited("decorated-json", json=True)
    def api(request):
        from django.http import JsonResponse

        return JsonResponse({"ok": True})

    factory = RequestFactory()
    assert view(factory.post("/", REMOTE_ADDR="192.0.2.6")).status_code == 200
    assert view(factory.get("/", REMOTE_ADDR="192.0.2.6")).status_code == 200, "GET is not counted"
    with translation.override("ar"):
        blocked = view(factory.post("/", REMOTE_ADDR="192.0.2.6"))
        blocked.render()
    assert blocked.status_code == 429 and len(calls) == 2
    assert "أرسلتم" in blocked.content.decode()
    assert api(factory.post("/", REMOTE_ADDR="192.0.2.7")).status_code == 200
    assert api(factory.post("/", REMOTE_ADDR="192.0.2.7")).status_code == 429


class ContactForm(HoneypotFormMixin, forms.Form):
    name = forms.CharField()


def test_honeypot_filled_marks_the_form_without_an_error():
    form = ContactForm({"name": "Bot", "honeypot": "https://spam.example", "form_started": form_token()})
    assert form.is_valid()
    assert form.caught_by_honeypot


def test_person_passes(settings):
    settings.FORM_MIN_SECONDS = 3
    form = ContactForm({"name": "Ayşe", "honeypot": "", "form_started": form_token(time.time() - 30)})
    assert form.is_valid() and not form.caught_by_honeypot


def test_too_fast_is_asked_to_send_again(settings):
    settings.FORM_MIN_SECONDS = 3
    with translation.override("de"):
        form = ContactForm({"name": "Ayşe", "honeypot": "", "form_started": form_token()})
        assert not form.is_valid()
        assert "noch einmal" in form.non_field_errors()[0]


def test_missing_or_forged_time_gets_a_fresh_one(settings):
    settings.FORM_MIN_SECONDS = 3
    form = ContactForm({"name": "Ayşe", "honeypot": "", "form_started": "1700000000:forged"})
    assert not form.is_valid()
    fresh = form.data["form_started"]
    assert fresh != "1700000000:forged"
    later = ContactForm({"name": "Ayşe", "honeypot": "", "form_started": form_token(time.time() - 10)})
    assert later.is_valid()


def test_unbound_form_renders_a_signed_time():
    form = ContactForm()
    assert 'name="form_started"' in str(form["form_started"])
    assert form.fields["form_started"].initial


def test_mistakes_come_first_the_speed_check_after(settings):
    settings.FORM_MIN_SECONDS = 3
    form = ContactForm({"name": "", "honeypot": "", "form_started": form_token()})
    assert not form.is_valid()
    assert "name" in form.errors and form.non_field_errors() == []


def test_the_window_slides_over_the_clock_hour(settings, monkeypatch):
    """Ten submissions just before the hour and ten just after were twenty in twenty seconds: the limit
    counts the last hour, not the clock's."""
    settings.RATE_LIMITS = {"default": (10, 3600)}
    clock = [3600.0 * 500_000 - 10]  # ten seconds before a full hour
    monkeypatch.setattr(time, "time", lambda: clock[0])
    limit = RateLimit("x")
    request = request_from("192.0.2.8")
    assert not any(limit.hit(request).exceeded for _ in range(10))
    clock[0] += 20
    after_the_hour = limit.hit(request)
    assert after_the_hour.exceeded, after_the_hour
    assert after_the_hour.retry_after > 60, "the visitor is told to wait for the window, not the clock"
    clock[0] += 2 * 3600
    assert not limit.hit(request).exceeded, "a whole quiet window later the count starts afresh"


def test_a_form_token_is_good_once(settings):
    """A signed time is a ticket for one submission: replaying it (the same bot, another session) is asked
    to send the form again, with a fresh time."""
    settings.FORM_MIN_SECONDS = 3
    token = form_token(time.time() - 30)
    first = ContactForm({"name": "Ayşe", "honeypot": "", "form_started": token})
    assert first.is_valid()
    with translation.override("de"):
        replay = ContactForm({"name": "Ayşe", "honeypot": "", "form_started": token})
        assert not replay.is_valid()
        assert "noch einmal" in replay.non_field_errors()[0]
    assert replay.data["form_started"] != token
    assert first.data["form_started"] != token, "a form shown again after sending carries a fresh time"


def test_a_form_token_expires(settings):
    settings.FORM_MIN_SECONDS = 3
    settings.FORM_MAX_AGE = 3600
    old = form_token(time.time() - 3601)
    stale = ContactForm({"name": "Ayşe", "honeypot": "", "form_started": old})
    assert not stale.is_valid()
    assert stale.data["form_started"] != old, "a fresh time to send the form again with"
    fresh = ContactForm({"name": "Ayşe", "honeypot": "", "form_started": form_token(time.time() - 3599)})
    assert fresh.is_valid()
