"""The search box of every admin listing finds entries by name, on the database backend and on Elasticsearch.

The same file runs on SQLite when DATABASE_URL is unset (docs/testing.md); `make run`'s SQLite path is
also checked in a child process by tests/test_embedded_default.py.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from markup import parse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale, Page

from catalogue.factories import ResourceFactory
from partners.factories import PartnerOrganisationFactory
from taxonomy.factories import (
    CooperationTopicFactory,
    EngagementFieldFactory,
    ResourceCategoryFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db

# Every snippet listing: its URL name, a factory and the field that holds the entry's name.
SNIPPET_LISTINGS = [
    ("wagtailsnippets_catalogue_resource:list", ResourceFactory, "title"),
    ("wagtailsnippets_partners_partnerorganisation:list", PartnerOrganisationFactory, "name"),
    ("wagtailsnippets_taxonomy_resourcecategory:list", ResourceCategoryFactory, "name"),
    ("wagtailsnippets_taxonomy_engagementfield:list", EngagementFieldFactory, "name"),
    ("wagtailsnippets_taxonomy_cooperationtopic:list", CooperationTopicFactory, "name"),
    ("wagtailsnippets_taxonomy_targetgroup:list", TargetGroupFactory, "name"),
]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("suche", "suche@example.org", "x" * 16)
    client.force_login(user)
    return client


def listed_names(response):
    """The entries' titles: the link to each entry's edit view that opens its row's title cell."""
    page = parse(response.content.decode())
    return [
        cell.select_one("a").get_text(" ", strip=True) for cell in page.select("table.listing tbody td.title")
    ]


@pytest.mark.parametrize(("url_name", "factory", "field"), SNIPPET_LISTINGS)
def test_snippet_listing_finds_an_entry_by_part_of_its_name(admin_client, engine, url_name, factory, field):
    wanted = factory(**{field: "Zebrastreifenverleih"})
    factory(**{field: "Gänseblümchen"})
    response = admin_client.get(reverse(url_name), {"q": "streifen"})
    assert response.status_code == 200, response.content[:500]
    names = listed_names(response)
    assert any(getattr(wanted, field) in name for name in names), names
    assert not any("Gänseblümchen" in name for name in names), names


@pytest.mark.parametrize(("url_name", "factory", "field"), SNIPPET_LISTINGS)
def test_snippet_search_keeps_the_language_filter(admin_client, engine, url_name, factory, field):
    factory(**{field: "Zebrastreifenverleih"})
    response = admin_client.get(reverse(url_name), {"q": "Zebrastreifen", "locale": "ar"})
    assert response.status_code == 200
    assert listed_names(response) == []
    response = admin_client.get(reverse(url_name), {"q": "Zebrastreifen", "locale": "de"})
    assert len(listed_names(response)) == 1


def test_resource_search_combines_with_the_listings_filters(admin_client, engine):
    """Filters on a relation (category) and on an annotation (availability) together with the text."""
    category = ResourceCategoryFactory(name="Zebras", slug="zebras")
    ResourceFactory(title="Zebrastreifenverleih", category=category)
    ResourceFactory(title="Zebrastreifenraum", category=category, room=True)
    response = admin_client.get(
        reverse("wagtailsnippets_catalogue_resource:list"),
        {"q": "zebra", "kind": "lendable", "category": "zebras", "live": "true", "availability": "available"},
    )
    assert response.status_code == 200
    assert listed_names(response) == ["Zebrastreifenverleih"]


def test_every_admin_listing_answers_a_search(admin_client, engine):
    """Every listing registered in the admin (snippets and model viewsets) takes `?q=` without an error."""
    searched = 0
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet):
            continue
        response = admin_client.get(viewset.menu_url, {"q": "Dortmund"})
        assert response.status_code == 200, (viewset.model, response.status_code)
        searched += 1
    assert searched >= 12


def test_page_explorer_finds_a_page_by_title(admin_client, engine):
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    response = admin_client.get(reverse("wagtailadmin_explore", args=[home.pk]), {"q": "Impressum"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Impressum" in html
    assert "Barrierefreiheit" not in parse(html).select_one("table.listing").get_text()
    search = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "Impressum"})
    assert search.status_code == 200
    assert "Impressum" in parse(search.content.decode()).select_one("table.listing").get_text()
