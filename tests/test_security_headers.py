"""Content-Security-Policy and Permissions-Policy under the production settings (home/security.py).

The production settings are read in a child process (they refuse to load without the deployment's
variables); their middleware and policies are then applied to this process's settings, so the pages of the
demo site answer here exactly as in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from markup import parse

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parent.parent
READ_PRODUCTION = (
    "import json; from django.conf import settings as s; print(json.dumps({name: getattr(s, name, None) for name "
    "in ['MIDDLEWARE', 'CONTENT_SECURITY_POLICY', 'CSP_RELAXED_PREFIXES', 'CSP_RELAXED_DIRECTIVES', "
    "'PERMISSIONS_POLICY']}, default=str))"
)
PUBLIC_PAGES = ["/de/", "/ar/", "/de/ressourcen/", "/de/partner/", "/de/anfrage/", "/de/suche/?q=Raum"]


def read_production():
    """The production settings' middleware and policies, read in a child process with deployment values."""
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "a-long-random-value-for-this-check-only-" + "x" * 40,
        "ALLOWED_HOSTS": "portal.example.org",
        "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3",
    }
    result = subprocess.run(  # noqa: S603 - fixed command
        [sys.executable, "manage.py", "shell", "-c", READ_PRODUCTION],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production():
    return read_production()


@pytest.fixture
def as_in_production(settings, production):
    assert production["CONTENT_SECURITY_POLICY"], "production sets a Content-Security-Policy"
    for name, value in production.items():
        setattr(settings, name, value)
    return production


def directives(header):
    return {
        part.split()[0]: part.split()[1:] for part in (item.strip() for item in header.split(";")) if part
    }


def test_public_pages_allow_only_their_own_origin(client, as_in_production):
    for url in PUBLIC_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"] and policy["script-src"] == ["'self'"], policy
        assert policy["style-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"] and policy["form-action"] == ["'self'"]
        assert "unsafe" not in response["Content-Security-Policy"]


def test_public_pages_need_nothing_the_policy_forbids(client, as_in_production):
    """No inline script that would run, no inline style, no event handler attribute: under this policy the
    browser would refuse them, so the pages must not have any."""
    for url in PUBLIC_PAGES:
        page = parse(client.get(url).content.decode())
        for script in page.find_all("script"):
            assert script.get("src", "").startswith("/static/") or script.get("type") in (
                "application/ld+json",
                "application/json",
            ), (url, str(script)[:200])
        assert not page.find_all("style"), url
        styled = [tag.name for tag in page.find_all(style=True)]
        assert styled == [], (url, styled)
        handlers = [
            (tag.name, name) for tag in page.find_all(True) for name in tag.attrs if name.startswith("on")
        ]
        assert handlers == [], (url, handlers)


def test_the_admin_keeps_working_with_its_own_origin_only(client, as_in_production, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "x" * 16)
    client.force_login(user)
    for url in ["/admin/login/", "/admin/", "/admin/pages/", "/api/v3/docs/"]:
        response = client.get(url)
        assert response.status_code in (200, 302), url
        header = response["Content-Security-Policy"]
        policy = directives(header)
        assert "'unsafe-inline'" in policy["script-src"] and "'self'" in policy["script-src"], url
        assert not any(source.startswith(("http", "*")) for values in policy.values() for source in values)


def test_powerful_browser_features_are_switched_off(client, as_in_production):
    for url in ["/de/", "/api/v3/", "/admin/login/"]:
        header = client.get(url)["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            assert feature in header, (url, header)


def test_the_api_answers_with_the_strict_policy(client, as_in_production):
    response = client.get("/api/v3/pages/?limit=1")
    assert response.status_code == 200
    assert "unsafe" not in response["Content-Security-Policy"]
