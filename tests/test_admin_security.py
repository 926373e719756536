"""The admin's door: sign-in locked after a few failures (by user name and by address), password resets
throttled, both logged. The counts live in the cache, shared by every worker process in production."""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.utils import translation

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"
PASSWORD = "richtig-und-lang-genug"  # noqa: S105 - a test account


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("redakteurin", "redakteurin@example.org", PASSWORD)


def sign_in(client, password, username="redakteurin", address="192.0.2.10"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="de"
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_the_right_password_after_many_wrong_ones_is_refused(client, editor, settings, caplog):
    settings.AXES_FAILURE_LIMIT = 5
    with caplog.at_level(logging.WARNING):
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            assert sign_in(client, "falsch").status_code == 200, "the form, with its error"
        assert sign_in(client, "falsch").status_code == 429, "the fifth failure shuts the door"
        locked = sign_in(client, PASSWORD)
    assert locked.status_code == 429
    assert not signed_in(client)
    assert "gesperrt" in locked.content.decode(), "the lockout page speaks the editor's language"
    assert any("lock" in record.getMessage().lower() for record in caplog.records), "the lockout is logged"


def test_lockout_holds_for_the_user_name_and_for_the_address(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        sign_in(client, "falsch")
    # The same account from another address: locked (an attacker has many addresses).
    assert sign_in(client, PASSWORD, address="198.51.100.1").status_code == 429
    # Another account from the same address: locked (one address trying many names).
    get_user_model().objects.create_superuser("kollege", "kollege@example.org", PASSWORD)
    assert sign_in(client, PASSWORD, username="kollege").status_code == 429
    # Someone else, from elsewhere, signs in as usual.
    assert sign_in(client, PASSWORD, username="kollege", address="203.0.113.5").status_code == 302
    assert signed_in(client)


def test_a_successful_sign_in_is_unaffected(client, editor):
    assert sign_in(client, "falsch").status_code == 200
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_password_resets_are_throttled_and_logged(client, editor, settings, caplog):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "admin-password-reset": (3, 3600)}
    with caplog.at_level(logging.WARNING), translation.override("de"):
        answers = [
            client.post(RESET, {"email": "redakteurin@example.org"}, REMOTE_ADDR="192.0.2.11").status_code
            for _attempt in range(5)
        ]
    assert answers == [302, 302, 302, 429, 429], answers
    assert len(mail.outbox) == 3
    assert any("admin-password-reset" in record.getMessage() for record in caplog.records)
