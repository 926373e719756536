"""Engagement examples (/de/engagement/): cards, filters with counts, nonsense input, pages, an example with
its partners and resources in the visitor's language, the examples on partner and resource pages."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from markup import card_titles, html, links, option_label, problems, result_count, select, select_one, text
from wagtail.models import PageViewRestriction
from wagtail_localize.synctree import create_aliases_for_new_page

from catalogue.models import Resource
from engagement.factories import EngagementExamplePageFactory
from engagement.models import EngagementExamplePage, EngagementIndexPage
from partners.models import PartnerOrganisation
from taxonomy.models import District, EngagementField

pytestmark = pytest.mark.django_db

LISTING = "/de/engagement/"
# The page frame (site, menus, languages, footer) takes about 20; the listing or the links about a dozen.
MAX_QUERIES = 35


def index(language="de"):
    return EngagementIndexPage.objects.get(locale__language_code=language)


def german():
    return EngagementExamplePage.objects.filter(locale__language_code="de", live=True)


def test_listing_shows_every_example_newest_first(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    page = html(client.get(LISTING))
    expected = [example.title for example in german().order_by("-year", "title", "pk")]
    assert card_titles(page, "example") == expected and result_count(page) == len(expected) >= 12


def test_filters_by_field_and_district_with_counts(client):
    page = html(client.get(LISTING + "?field=kinder-und-jugend"))
    expected = german().filter(engagement_fields__slug="kinder-und-jugend")
    assert (
        set(card_titles(page, "example")) == {e.title for e in expected}
        and result_count(page) == expected.count() > 1
    )
    for district in District.objects.all():
        count = expected.filter(district=district).count()
        assert option_label(page, "district", district.slug) == f"{district.name} ({count})"
    for field in EngagementField.objects.filter(locale__language_code="de"):
        assert option_label(page, "field", field.slug).endswith(
            f"({german().filter(engagement_fields=field).count()})"
        )
    both = html(client.get(LISTING + "?field=umwelt&district=huckarde"))
    assert card_titles(both, "example") == ["Gemeinschaftsbeete an der Emscher"]


def test_demo_covers_every_engagement_field_with_real_links():
    examples = german()
    assert examples.count() >= 12
    fields = set(EngagementField.objects.filter(locale__language_code="de").values_list("slug", flat=True))
    assert {term.slug for example in examples for term in example.engagement_fields.all()} == fields
    for example in examples:
        assert example.partners.exists() and example.resources.exists(), example.title
        assert example.is_sample
    for code in ("en", "tr", "ar"):
        assert (
            EngagementExamplePage.objects.filter(locale__language_code=code, alias_of__isnull=True).count()
            == examples.count()
        )


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?field=gibt-es-nicht", "field"),
        ("?district=%3Cb%3Ex%3C%2Fb%3E", "district"),
        ("?district=" + "y" * 3000, "district"),
        ("?field=um%00welt", "field"),
    ],
)
def test_nonsense_answers_with_the_list_and_a_message(client, query, field):
    page = html(client.get(LISTING + query))
    assert result_count(page) == german().count()
    assert problems(page)
    assert f'aria-describedby="filter-{field}-error"' in page
    assert "<b>x</b>" not in page


@pytest.mark.parametrize("number", ["99999999999", "abc", "-5"])
def test_page_numbers_out_of_range(client, settings, number):
    settings.PORTAL_PAGE_SIZE = 5
    page = html(client.get(f"{LISTING}?page={number}"))
    assert 1 <= len(card_titles(page, "example")) <= 5
    assert "Seite" in problems(page)


def test_pagination_and_language_switch_keep_the_filters(client, settings):
    settings.PORTAL_PAGE_SIZE = 2
    page = html(client.get(LISTING + "?field=kinder-und-jugend"))
    assert 'href="/de/engagement/?field=kinder-und-jugend&amp;page=2#results"' in page
    assert '<a href="/tr/ornekler/?field=kinder-und-jugend" lang="tr" hreflang="tr">' in page


def test_translated_and_untranslated_languages(client, settings):
    settings.PORTAL_PAGE_SIZE = 100
    arabic = html(client.get("/ar/engagement/"))
    assert "مهرجان لكل حيّ نوردماركت" in card_titles(arabic, "example")
    assert 'lang="ar">التنوع الثقافي' in arabic, "engagement fields in Arabic"
    polish = html(client.get("/pl/przyklady/"))
    assert "Ein Fest für den ganzen Nordmarkt" in card_titles(polish, "example")
    assert select(polish, 'a[href="/pl/przyklady/fest-fuer-den-nordmarkt/"][lang="de"][dir="ltr"]')


def test_example_page_links_partners_and_resources_in_the_visitors_language(client):
    page = html(client.get("/de/engagement/fest-fuer-den-nordmarkt/"))
    for expected in [
        "Deutsch-Syrischer Kulturverein Jasmin e.V.",
        "im Jahr 2025",
        'href="/de/engagement/?district=innenstadt-nord"',
        'href="/de/engagement/?field=kulturelle-vielfalt"',
        'href="/de/partner/quartiersbuero-nordstadt/"',
        'href="/de/ressourcen/festzelt/"',
        "Zum ersten Mal haben wir nicht nur für uns gefeiert",
        "Beispieleintrag",
    ]:
        assert expected in page, expected
    english = html(client.get("/en/engagement/festival-for-the-nordmarkt/"))
    assert "Nordstadt Neighbourhood Office" in english
    resource = Resource.objects.get(slug="festzelt", locale__language_code="de")
    english_resource = Resource.objects.get(
        translation_key=resource.translation_key, locale__language_code="en"
    )
    assert f'href="/en/resources/{english_resource.slug}/"' in english


def test_html_in_fields_is_text(client):
    example = EngagementExamplePageFactory(
        parent=index(),
        slug="markup",
        title="<script>alert(1)</script>",
        association="<i>Verein</i>",
        quote="<img src=x>",
        relations={
            "engagement_fields": [EngagementField.objects.get(slug="umwelt", locale__language_code="de")]
        },
    )
    page = html(client.get(example.url))
    assert "<script>alert(1)" not in page and "<i>Verein</i>" not in page and "<img src=x>" not in page


def test_validation_messages():
    example = EngagementExamplePage(
        title="x", slug="x", association="Verein", summary="s", story="<p>s</p>", year=2999
    )
    with pytest.raises(ValidationError) as error:
        example.clean()
    assert "year" in error.value.message_dict


def test_partner_and_resource_pages_list_the_examples_that_link_them(client):
    partner = PartnerOrganisation.objects.get(
        slug="nachbarschaftsgarten-huckarde-ev", locale__language_code="de"
    )
    page = html(client.get(f"/de/partner/{partner.slug}/"))
    section = select_one(page, "section.linked-examples")
    assert "Engagementbeispiele mit diesem Partner" in text(section)
    assert "/de/engagement/gemeinschaftsbeete-an-der-emscher/" in links(section)
    arabic = html(client.get("/ar/partners/huckarde-community-garden/"))
    assert "أحواض زراعة مشتركة على ضفاف نهر إمشر" in arabic
    resource = html(client.get("/de/ressourcen/festzelt/"))
    section = text(select_one(resource, "section.linked-examples"))
    assert (
        "Engagementbeispiele mit dieser Ressource" in section
        and "Ein Fest für den ganzen Nordmarkt" in section
    )
    # No examples, no section.
    assert "linked-examples" not in html(client.get("/de/ressourcen/erste-hilfe-set/"))


def test_unpublished_and_restricted_examples_stay_off_partner_pages(client):
    partner = PartnerOrganisation.objects.get(slug="stiftung-lesefreude", locale__language_code="de")
    field = EngagementField.objects.get(slug="bildung", locale__language_code="de")
    hidden = EngagementExamplePageFactory(
        parent=index(), title="Geheim", relations={"engagement_fields": [field], "partners": [partner]}
    )
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    draft = EngagementExamplePageFactory(
        parent=index(), title="Entwurf", relations={"engagement_fields": [field], "partners": [partner]}
    )
    draft.unpublish()
    page = html(client.get(f"/de/partner/{partner.slug}/"))
    assert "Geheim" not in page and "Entwurf" not in page
    assert "Hausaufgabenhilfe in zwei Sprachen" in page


def test_new_example_appears_in_every_language_as_the_german_page(client):
    field = EngagementField.objects.get(slug="umwelt", locale__language_code="de")
    example = EngagementExamplePageFactory(
        parent=index(), slug="neu", title="Ganz neu", relations={"engagement_fields": [field]}
    )
    create_aliases_for_new_page(example)
    assert "Ganz neu" in card_titles(html(client.get("/tr/ornekler/?field=umwelt")), "example")


# --- Queries ---------------------------------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("url", [LISTING, LISTING + "?field=umwelt&district=huckarde", "/ar/engagement/"])
def test_listing_queries_do_not_grow_with_the_examples_shown(client, settings, url):
    settings.PORTAL_PAGE_SIZE = 2
    few = count_queries(client, url)
    settings.PORTAL_PAGE_SIZE = 50
    many = count_queries(client, url)
    fields = list(EngagementField.objects.filter(locale__language_code="de"))
    huckarde = District.objects.get(slug="huckarde")
    image = EngagementExamplePage.objects.filter(image__isnull=False).first().image
    for _ in range(15):
        example = EngagementExamplePageFactory(
            parent=index(),
            district=huckarde,
            image=image,
            image_alt="Bild",
            relations={"engagement_fields": fields},
        )
        create_aliases_for_new_page(example)
    more = count_queries(client, url)
    assert few == many == more <= MAX_QUERIES, (few, many, more)


def test_detail_queries_do_not_grow_with_the_links(client):
    field = EngagementField.objects.get(slug="umwelt", locale__language_code="de")
    partners = list(PartnerOrganisation.objects.filter(locale__language_code="de"))
    resources = list(Resource.objects.filter(locale__language_code="de"))
    one = EngagementExamplePageFactory(
        parent=index(),
        slug="eins",
        relations={"engagement_fields": [field], "partners": partners[:1], "resources": resources[:1]},
    )
    many = EngagementExamplePageFactory(
        parent=index(),
        slug="viele",
        relations={
            "engagement_fields": list(EngagementField.objects.filter(locale__language_code="de")),
            "partners": partners,
            "resources": resources,
        },
    )
    assert count_queries(client, one.url) == count_queries(client, many.url) <= MAX_QUERIES


def test_partner_and_resource_page_queries_do_not_grow_with_examples(client):
    partner = PartnerOrganisation.objects.get(slug="stiftung-lesefreude", locale__language_code="de")
    resource = Resource.objects.get(slug="laptop", locale__language_code="de")
    urls = [f"/de/partner/{partner.slug}/", "/de/ressourcen/laptop/"]
    before = [count_queries(client, url) for url in urls]
    field = EngagementField.objects.get(slug="bildung", locale__language_code="de")
    for _ in range(8):
        EngagementExamplePageFactory(
            parent=index(),
            relations={"engagement_fields": [field], "partners": [partner], "resources": [resource]},
        )
    assert [count_queries(client, url) for url in urls] == before
