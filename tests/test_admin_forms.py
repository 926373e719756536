"""Admin forms and listings that fit the task (issue 13): the facts of the chosen kind only, German first
with language and status columns, and a slug clash that names the other entry."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.safestring import SafeString
from markup import parse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from catalogue.factories import ResourceFactory
from catalogue.models import Resource

pytestmark = pytest.mark.django_db

LISTINGS = [
    "wagtailsnippets_catalogue_resource:list",
    "wagtailsnippets_partners_partnerorganisation:list",
    "wagtailsnippets_taxonomy_engagementfield:list",
    "wagtailsnippets_taxonomy_resourcecategory:list",
    "wagtailsnippets_taxonomy_targetgroup:list",
    "wagtailsnippets_taxonomy_cooperationtopic:list",
    "wagtailsnippets_home_navigationmenu:list",
]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("formulare", "f@example.org", "x" * 16)
    client.force_login(user)
    return client


def test_each_facts_panel_is_shown_for_its_kinds_only(admin_client):
    beamer = Resource.objects.get(locale=Locale.get_default(), slug="beamer")
    page = parse(admin_client.get(reverse("wagtailsnippets_catalogue_resource:edit", args=[beamer.pk])))
    tabs = page.select_one("div.w-tabs")
    assert tabs["data-controller"].split() == ["w-tabs", "w-rules"], "Wagtail's rules controller on the form"
    assert "change->w-rules#resolve" in tabs["data-action"]
    rules = {
        section.select_one("h2, h3").get_text(" ", strip=True): json.loads(section["data-w-rules"])["kind"]
        for section in page.select('[data-w-rules-target="show"]')
    }
    assert sorted(rules.values()) == [["coaching"], ["lendable", "room"], ["money"], ["room"]], rules
    assert page.select_one('select[name="kind"]') is not None, "the field the rules read"


@pytest.mark.parametrize("url_name", LISTINGS)
def test_listings_show_german_first_with_language_and_status(admin_client, url_name):
    page = parse(admin_client.get(reverse(url_name)))
    headers = [th.get_text(" ", strip=True) for th in page.select("table.listing thead th")]
    assert "Sprache" in headers and "Status" in headers, headers
    language_column = headers.index("Sprache")
    rows = page.select("table.listing tbody tr")
    assert rows
    languages = {row.select("td")[language_column].get_text(" ", strip=True) for row in rows}
    assert languages == {"Deutsch"}, languages


def test_all_languages_when_the_editor_asks(admin_client):
    page = parse(admin_client.get(reverse("wagtailsnippets_taxonomy_engagementfield:list"), {"locale": ""}))
    headers = [th.get_text(" ", strip=True) for th in page.select("table.listing thead th")]
    column = headers.index("Sprache")
    languages = {
        row.select("td")[column].get_text(" ", strip=True) for row in page.select("table.listing tbody tr")
    }
    assert len(languages) > 1, languages


def test_a_slug_clash_names_and_links_the_other_resource():
    beamer = Resource.objects.get(locale=Locale.get_default(), slug="beamer")
    clash = ResourceFactory.build(title="Noch ein Beamer", slug="beamer", category=beamer.category)
    with pytest.raises(ValidationError) as raised:
        clash.full_clean()
    message = raised.value.message_dict["slug"][0]
    assert isinstance(message, SafeString), "rendered as a link, not escaped"
    link = parse(message).select_one("a")
    assert link["href"] == reverse("wagtailsnippets_catalogue_resource:edit", args=[beamer.pk])
    assert link.get_text() == "Beamer (Full HD)"


@pytest.mark.parametrize(
    ("language", "title", "button"),
    [
        ("en", "Choose resource category", "Choose another resource category"),
        ("de", "Auswählen Ressourcenart", "Andere Auswahl: Ressourcenart"),
    ],
)
def test_the_category_chooser_speaks_the_admins_language(client, language, title, button):
    user = get_user_model().objects.create_superuser("sprache", "s@example.org", "x" * 16)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    modal = client.get(reverse("wagtailsnippetchoosers_taxonomy_resourcecategory:choose")).json()["html"]
    assert parse(modal).select_one("h1").get_text(" ", strip=True) == title
    beamer = Resource.objects.get(locale=Locale.get_default(), slug="beamer")
    form = client.get(reverse("wagtailsnippets_catalogue_resource:edit", args=[beamer.pk])).content.decode()
    assert button in form
