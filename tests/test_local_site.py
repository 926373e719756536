"""`make run` under any port, and an admin that loads nothing from elsewhere (issue 13)."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from home.management.commands.prepare_local_site import point_default_site_at

pytestmark = pytest.mark.django_db

MAKEFILE = Path(__file__).resolve().parent.parent / "Makefile"


def test_the_default_site_follows_the_served_port(client):
    point_default_site_at("http://127.0.0.1:8765")
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8765"
    imprint = Page.objects.get(locale=Locale.get_default(), slug="impressum")
    assert imprint.get_full_url().startswith("http://127.0.0.1:8765/de/")
    # The API links at the origin it is asked at (docs/api.md "Addresses"): the browser's under `make run`.
    api = client.get(
        "/api/v3/pages/", {"type": "home.LegalPage", "lang": "de"}, HTTP_HOST="127.0.0.1:8765"
    ).json()
    assert api["items"], api
    assert all(item["meta"]["html_url"].startswith("http://127.0.0.1:8765/de/") for item in api["items"])


def test_prepare_local_site_points_the_site_at_wagtailadmin_base_url(settings, tmp_path):
    settings.DEBUG = True  # create_local_admin is for local development only
    settings.VAR_DIR = tmp_path
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    call_command("prepare_local_site", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8123"


def test_make_run_tells_the_portal_its_port():
    recipe = MAKEFILE.read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert recipe.count("WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT)") == 2, recipe


def test_the_admin_loads_no_avatar_from_gravatar(client):
    user = get_user_model().objects.create_superuser("avatar", "avatar@example.org", "x" * 16)
    client.force_login(user)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        html = client.get(url).content.decode()
        assert "gravatar" not in html, url
