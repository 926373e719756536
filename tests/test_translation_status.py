"""The dashboard's translation panel: per language what is not translated and what is outdated, with links
(issue 13, home/translation_status.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from markup import parse
from wagtail.models import Locale

from catalogue.models import Resource
from home import roles

pytestmark = pytest.mark.django_db


def log_in_as(client, group_name):
    user = get_user_model().objects.create_user(f"panel-{group_name.lower()}", "p@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)


def panel_rows(client):
    page = parse(client.get(reverse("wagtailadmin_home")))
    panel = page.select_one("#portal-translations-section") or page.select_one("#portal-translations")
    assert panel is not None, "the translation panel"
    return {row.select_one("td.title").get_text(strip=True): row for row in panel.select("tbody tr")}


def test_the_panel_lists_what_is_not_translated_with_a_link_to_translate_it(client):
    log_in_as(client, roles.REDAKTION)
    rows = panel_rows(client)
    ukrainian = rows["Ukrainisch"]
    missing = ukrainian.select("td")[1]
    assert int(missing.select_one("strong").get_text()) > 0
    links = [a["href"] for a in missing.select("a")]
    assert links and all("select_locale=uk" in href for href in links), links
    assert any("/admin/localize/submit/page/" in href for href in links)
    assert rows["Englisch"].select("td")[1].select_one("strong").get_text() == "0", "English is complete"


def test_a_translation_made_before_the_german_text_changed_is_outdated(client):
    german = Resource.objects.get(locale=Locale.get_default(), slug="beamer")
    english = Resource.objects.get(translation_key=german.translation_key, locale__language_code="en")
    german.summary = german.summary + " Neu: mit HDMI-Kabel."
    german.save_revision().publish()
    log_in_as(client, roles.MODERATION)
    outdated = panel_rows(client)["Englisch"].select("td")[2]
    assert outdated.select_one("strong").get_text() == "1"
    assert outdated.select_one("a")["href"] == reverse(
        "wagtailsnippets_catalogue_resource:edit", args=[english.pk]
    )


def test_beratungsteam_gets_no_translation_panel(client):
    log_in_as(client, roles.BERATUNGSTEAM)
    page = parse(client.get(reverse("wagtailadmin_home")))
    assert page.select_one("#portal-translations-section, #portal-translations") is None
