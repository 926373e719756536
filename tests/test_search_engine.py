"""The suite runs against a real Elasticsearch (started by scripts/services.sh); it fails without one."""

import pytest
import search_support
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

pytestmark = pytest.mark.django_db


def test_elasticsearch_is_configured_and_reachable():
    assert settings.ELASTICSEARCH_URL, "ELASTICSEARCH_URL is not set: run the suite with `make test`"
    backend = get_search_backend()
    assert type(backend).__name__.startswith("Elasticsearch8"), type(backend)
    # The integ-test distribution has no `GET /`; the nodes API tells the version.
    nodes = backend.es.nodes.info()["nodes"]
    assert [node["version"][:2] for node in nodes.values()] == ["8."]


def test_pages_are_found_through_elasticsearch():
    search_support.rebuild_elasticsearch()
    german = Page.objects.live().filter(locale=Locale.objects.get(language_code="de"))
    hits = list(german.search("Barrierefreiheit"))
    assert hits and hits[0].slug == "barrierefreiheit"


def test_autocomplete_uses_the_analysis_plugin():
    """Edge n-grams and ASCII folding exist only through services/elasticsearch-analysis."""
    search_support.rebuild_elasticsearch()
    german = Page.objects.live().filter(locale=Locale.objects.get(language_code="de"))
    hits = list(german.autocomplete("Erkla"))  # typed without the umlaut
    assert any(page.slug == "barrierefreiheit" for page in hits), hits
