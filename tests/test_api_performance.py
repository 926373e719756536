"""Queries per API request: bounded, and the same for 2 items as for 100. Payloads stay small."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from catalogue import availability
from catalogue.factories import ResourceFactory
from catalogue.models import ResourceImage
from engagement.factories import EngagementExamplePageFactory
from engagement.models import EngagementIndexPage
from events import dates
from events.factories import EventPageFactory
from events.models import EventIndexPage
from partners.factories import PartnerOrganisationFactory
from partners.models import PartnerOrganisation, SpokenLanguage
from taxonomy.factories import EngagementFieldFactory, ResourceCategoryFactory
from taxonomy.models import District, EngagementField

pytestmark = pytest.mark.django_db

MAX_LIST_QUERIES = 12
MAX_DETAIL_QUERIES = 30

LISTS = [
    "/api/v3/districts/?",
    "/api/v3/engagement-fields/?lang=ar&",
    "/api/v3/resource-categories/?lang=tr&icon=other&",
    "/api/v3/pages/?",
    "/api/v3/pages/?locale=uk&",
]


@pytest.fixture
def many_items():
    """More items than the smaller page shows, German-only ones among them (German stands in)."""
    for number in range(30):
        EngagementFieldFactory(name=f"Feld {number}", slug=f"feld-{number}", sort_order=100 + number)
        ResourceCategoryFactory(name=f"Art {number}", slug=f"art-{number}", sort_order=100 + number)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured.captured_queries), response


@pytest.mark.parametrize("url", LISTS)
def test_list_queries_do_not_grow_with_the_page_size(client, many_items, url):
    client.get(url + "limit=1")  # caches that outlive a request (site root paths, locales)
    small, small_response = queries(client, url + "limit=2")
    large, large_response = queries(client, url + "limit=100")
    assert len(large_response.json()["items"]) > len(small_response.json()["items"])
    assert small == large, (small, large)
    assert large <= MAX_LIST_QUERIES


@pytest.mark.parametrize("slug, language", [("so-funktionierts", "de"), ("about", "ar"), ("impressum", "uk")])
def test_page_detail_queries_are_bounded(client, slug, language):
    page = Page.objects.get(slug=slug, locale__language_code=language)
    client.get(f"/api/v3/pages/{page.pk}/")  # renditions are made on the first request
    count, _response = queries(client, f"/api/v3/pages/{page.pk}/")
    assert count <= MAX_DETAIL_QUERIES


def test_vocabulary_payloads_stay_small(client, many_items):
    for url in ("/api/v3/districts/?limit=100", "/api/v3/engagement-fields/?lang=ar&limit=100"):
        response = client.get(url)
        body = response.json()
        assert len(response.content) / len(body["items"]) < 1500, url


def test_a_304_costs_no_more_than_a_200(client):
    url = "/api/v3/engagement-fields/?lang=ar"
    count, response = queries(client, url)
    with CaptureQueriesContext(connection) as captured:
        revalidated = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert revalidated.status_code == 304
    assert len(captured.captured_queries) <= count


# --- Resources and partners ----------------------------------------------------------------------------

MAX_CATALOGUE_LIST_QUERIES = 30
# A list item's JSON (ASCII-escaped, so Arabic text counts six bytes a letter) at its largest: every text
# at its maximum length, every engagement field, a picture, all six languages linked.
MAX_RESOURCE_ITEM_BYTES = 12_000
MAX_PARTNER_ITEM_BYTES = 12_000

# Each list's shorter page also shows an entry with a picture (prefetching pictures is skipped, three
# queries fewer, on a page without any).
CATALOGUE_LISTS = [
    "/api/v3/resources/?category=neu&",
    "/api/v3/resources/?lang=ar&category=geraete-und-technik&category=neu&",
    "/api/v3/resources/?lang=uk&engagement=umwelt&start={soon}&end={later}&sort=name&",
    "/api/v3/partners/?",
    "/api/v3/partners/?lang=ar&field=umwelt&district=innenstadt-nord&",
    "/api/v3/partners/?lang=tr&language=tr&language=ar&kind=other&",
]


@pytest.fixture
def many_entries():
    """Thirty more resources and partners, German only (German stands in elsewhere), with pictures,
    logos and terms, so the longer page shows far more than the shorter one."""
    image = get_image_model().objects.first()
    category = ResourceCategoryFactory(name="Neu", slug="neu")
    fields = list(EngagementField.objects.filter(locale__language_code="de"))
    north = District.objects.get(slug="innenstadt-nord")
    for number in range(30):
        resource = ResourceFactory(
            title=f"Gerät {number}", slug=f"geraet-{number}", category=category, engagement_fields=fields
        )
        ResourceImage.objects.create(resource=resource, image=image, alt_text=f"Gerät {number}")
        PartnerOrganisationFactory(
            name=f"Verein {number}",
            kind=PartnerOrganisation.Kind.OTHER,
            logo=image,
            engagement_fields=fields,
            districts=[north],
            languages=list(SpokenLanguage.objects.filter(code__in=["tr", "ar"])),
        )


@pytest.mark.parametrize("url", CATALOGUE_LISTS)
def test_resource_and_partner_list_queries_do_not_grow_with_the_page_size(client, many_entries, url):
    soon, later = (availability.today() + datetime.timedelta(days=days) for days in (30, 33))
    url = url.format(soon=soon, later=later)
    client.get(url + "limit=100")  # renditions are made on the first request
    small, small_response = queries(client, url + "limit=2")
    large, large_response = queries(client, url + "limit=100")
    assert len(large_response.json()["items"]) >= 20 > len(small_response.json()["items"])
    assert small == large, (small, large)
    assert large <= MAX_CATALOGUE_LIST_QUERIES


@pytest.mark.parametrize("path", ["resources", "partners"])
def test_resource_and_partner_detail_queries_are_bounded(client, path):
    for language in ("de", "ar", "uk"):
        first = client.get(f"/api/v3/{path}/?lang={language}&limit=1").json()["items"][0]
        client.get(first["meta"]["detail_url"])
        count, response = queries(client, first["meta"]["detail_url"])
        assert response.json()["id"] == first["id"]
        assert count <= MAX_DETAIL_QUERIES, (language, count)


def test_resource_and_partner_items_stay_small(client):
    """The largest possible list items are bounded: long texts and media are in the detail only."""
    image = get_image_model().objects.first()
    fields = list(EngagementField.objects.filter(locale__language_code="de"))
    biggest = ResourceFactory(
        title="ع" * 140,
        slug="gross",
        summary="ع" * 300,
        engagement_fields=fields,
        description="<p>x</p>" * 5000,
    )
    ResourceImage.objects.create(resource=biggest, image=image, alt_text="ع" * 250, caption="ع" * 250)
    for code in ("en", "tr", "ar", "uk", "pl"):
        translation = biggest.copy_for_translation(Locale.objects.get(language_code=code))
        translation.slug = "x" * 140
        translation.save()
    partner = PartnerOrganisationFactory(
        name="ع" * 200,
        description="كلمة " * 800,
        logo=image,
        engagement_fields=fields,
        districts=list(District.objects.all()),
        languages=list(SpokenLanguage.objects.all()),
    )
    for url, pk, bound in (
        ("/api/v3/resources/?sort=name&limit=100", biggest.pk, MAX_RESOURCE_ITEM_BYTES),
        ("/api/v3/partners/?sort=name&limit=100", partner.pk, MAX_PARTNER_ITEM_BYTES),
    ):
        body = client.get(url).json()
        sizes = {item["id"]: len(json.dumps(item).encode()) for item in body["items"]}
        assert pk in sizes, url
        assert max(sizes.values()) <= bound, (url, max(sizes.values()))
        assert sizes[pk] == max(sizes.values()), "the largest entry is the one made to be largest"


# --- Events and engagement examples --------------------------------------------------------------------

MAX_PAGE_LIST_QUERIES = 30
PAGE_LISTS = [
    "/api/v3/events/?",
    "/api/v3/events/?lang=ar&field=umwelt&",
    "/api/v3/examples/?",
    "/api/v3/examples/?lang=ar&field=umwelt&",
]


@pytest.fixture
def many_pages():
    """Thirty more events (the soonest) and examples (the newest), German and Arabic, with pictures and
    terms, so the shorter page shows them too."""
    image = get_image_model().objects.first()
    fields = list(EngagementField.objects.filter(locale__language_code="de", slug="umwelt"))
    north = District.objects.get(slug="innenstadt-nord")
    for code in ("de", "ar"):
        events = EventIndexPage.objects.get(locale__language_code=code)
        examples = EngagementIndexPage.objects.get(locale__language_code=code)
        for _number in range(15):
            EventPageFactory(
                parent=events,
                start_date=dates.today() + datetime.timedelta(days=1),
                image=image,
                image_alt="Ein Foto",
                district=north,
                engagement_fields=fields,
            )
            EngagementExamplePageFactory(
                parent=examples,
                year=dates.today().year + 1,  # the latest a project may be dated: newest first
                image=image,
                image_alt="Ein Foto",
                district=north,
                relations={"engagement_fields": fields},
            )


@pytest.mark.parametrize("url", PAGE_LISTS)
def test_event_and_example_list_queries_do_not_grow_with_the_page_size(client, many_pages, url):
    client.get(url + "limit=100")  # renditions are made on the first request
    small, small_response = queries(client, url + "limit=2")
    large, large_response = queries(client, url + "limit=100")
    assert len(large_response.json()["items"]) >= 3 > len(small_response.json()["items"])
    assert small == large, (small, large)
    assert large <= MAX_PAGE_LIST_QUERIES


@pytest.mark.parametrize("path", ["events", "examples"])
def test_event_and_example_detail_queries_are_bounded(client, path):
    for language in ("de", "ar", "uk"):
        first = client.get(f"/api/v3/{path}/?lang={language}&limit=1").json()["items"][0]
        client.get(first["meta"]["detail_url"])
        count, response = queries(client, first["meta"]["detail_url"])
        assert response.json()["id"] == first["id"]
        assert count <= MAX_DETAIL_QUERIES, (language, count)
