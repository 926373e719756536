"""The partner finder: facets with counts, free text, the district map, bad input, queries per page."""

import re

import pytest
import search_support
from django.db import connection
from django.test.utils import CaptureQueriesContext
from markup import links, select, select_one, text, texts
from wagtail.search.backends import get_search_backend

from partners.factories import PartnerOrganisationFactory
from partners.finder import FACETS, MAX_QUERY_LENGTH
from partners.map import DISTRICTS, outline
from partners.models import PartnerOrganisation
from taxonomy.models import District

pytestmark = pytest.mark.django_db

FINDER = {
    "de": "/de/partner/",
    "en": "/en/partners/",
    "tr": "/tr/ortaklar/",
    "ar": "/ar/partners/",
    "uk": "/uk/partner/",
}


def german_live():
    return PartnerOrganisation.objects.filter(locale__language_code="de", live=True)


def finder(client, lang="de", **params):
    response = client.get(FINDER[lang], params)
    assert response.status_code == 200, response.status_code
    return response


def result_names(response):
    return [partner.name for partner in response.context["finder"].page.object_list]


def counts(response, param):
    facet = next(item for item in response.context["finder"].facets if item["facet"].param == param)
    return {option.value: option.count for option in facet["options"]}


def test_finder_lists_every_live_partner_in_pages(client, settings):
    response = finder(client)
    result = response.context["finder"]
    assert result.total == german_live().count() >= 40
    assert len(result.page.object_list) == settings.PORTAL_PAGE_SIZE
    second = finder(client, page=2)
    assert set(result_names(second)).isdisjoint(result_names(response))
    html = response.content.decode()
    assert f"{result.total} Partnerorganisationen" in html


def test_unpublished_partners_are_not_shown(client):
    draft = PartnerOrganisationFactory(name="Unveröffentlichte Organisation", live=False)
    response = finder(client, q="")
    assert draft.name not in response.content.decode()
    assert client.get(f"/de/partner/{draft.slug}/").status_code == 404


def test_district_counts_are_right_and_computed_in_the_database(client):
    response = finder(client)
    district_counts = counts(response, "district")
    for district in District.objects.all():
        expected = german_live().filter(districts=district).count()
        assert district_counts[district.slug] == expected, district.slug
        filtered = finder(client, district=district.slug).context["finder"].total
        assert filtered == expected, district.slug


def test_facets_combine_and_counts_ignore_their_own_filter(client):
    response = finder(client, field="bildung", district="innenstadt-nord")
    expected = (
        german_live().filter(engagement_fields__slug="bildung", districts__slug="innenstadt-nord").distinct()
    )
    assert response.context["finder"].total == expected.count() > 0
    assert sorted(result_names(response)) == sorted(expected.values_list("name", flat=True))
    # The district counts show every district for the other filters (here: education) ...
    assert counts(response, "district")["hombruch"] == (
        german_live().filter(engagement_fields__slug="bildung", districts__slug="hombruch").count()
    )
    # ... and the field counts every field within Innenstadt-Nord.
    assert counts(response, "field")["umwelt"] == (
        german_live().filter(engagement_fields__slug="umwelt", districts__slug="innenstadt-nord").count()
    )


@pytest.mark.parametrize(
    ("param", "value", "lookup"),
    [
        ("language", "bg", {"languages__code": "bg"}),
        ("kind", "foundation", {"kind": "foundation"}),
        ("offers", "raeume", {"offers__slug": "raeume"}),
        ("seeks", "sprachmittlung", {"looks_for__slug": "sprachmittlung"}),
        ("field", "umwelt", {"engagement_fields__slug": "umwelt"}),
    ],
)
def test_each_facet_filters_and_counts(client, param, value, lookup):
    expected = german_live().filter(**lookup).distinct().count()
    assert expected > 0
    assert counts(finder(client), param)[value] == expected
    assert finder(client, **{param: value}).context["finder"].total == expected


def test_state_is_in_the_url_and_kept_by_links(client):
    html = finder(client, field="umwelt", language="tr", page="1").content.decode()
    # Every map link keeps the other filters and sets the district; pagination is reset.
    areas = [href.removesuffix("#results") for href in links(html, "a.district-map__area")]
    assert len(areas) == 12
    assert all("field=umwelt" in link and "language=tr" in link and "page=" not in link for link in areas)
    assert any("district=hoerde" in link for link in areas)
    # The choices are shown and each can be removed on its own.
    chips = links(html, ".active-filters a.chip")
    assert "/de/partner/?language=tr#results" in chips  # removes the field
    assert "/de/partner/?field=umwelt#results" in chips  # removes the language
    assert '<option value="umwelt" selected' in html


def test_language_switcher_keeps_the_filters(client):
    html = finder(client, district="hoerde", field="bildung", page="2", utm_source="x").content.decode()
    assert 'href="/ar/partners/?field=bildung&amp;district=hoerde"' in html
    assert 'hreflang="tr" href="http://testserver/tr/ortaklar/?field=bildung&amp;district=hoerde"' in html
    assert "utm_source" not in html, "only what the finder understood is carried over"


def test_nothing_found_names_the_filters_to_loosen(client):
    response = finder(client, district="mengede", kind="foundation", language="ti")
    result = response.context["finder"]
    assert result.total == 0
    html = response.content.decode()
    assert "Keine Partnerorganisation passt zu allen Ihren Angaben." in html
    removals = {item.param: item for item in result.active}
    assert set(removals) == {"district", "kind", "language"}
    ways_out = links(html, ".nothing-found li a")
    for param, item in removals.items():
        assert f"{item.remove_url}#results" in ways_out
        others = {"district": "mengede", "kind": "foundation", "language": "ti"}
        others.pop(param)
        assert item.count_without == finder(client, **others).context["finder"].total
    assert any(item.count_without > 0 for item in result.active), "at least one way out"
    assert 'href="/de/partner/"' in html, "and a way to start again"


def test_nonsense_filter_values_get_a_message_in_the_visitors_language(client):
    response = finder(client, district="atlantis", kind="<script>alert(1)</script>", field="x" * 5000)
    result = response.context["finder"]
    assert result.total == german_live().count(), "unknown filters are left out"
    html = response.content.decode()
    assert "„atlantis“" in html or "“atlantis”" in html
    assert "wurde deshalb nicht angewendet" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "x" * 100 not in html, "echoed values are shortened"
    arabic = finder(client, "ar", district="atlantis").content.decode()
    assert "atlantis" in arabic and "لم يُطبَّق" in arabic


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999999999999999999999", "1.5", "%00"])
def test_impossible_page_numbers_show_a_page_and_say_so(client, page):
    response = finder(client, page=page)
    result = response.context["finder"]
    assert len(result.page.object_list) > 0
    assert "Eine Seite" in response.content.decode()


def test_very_long_and_odd_search_text_never_fails(client):
    long_query = "Garten " * 2000
    response = finder(client, q=long_query)
    assert response.context["finder"].query == long_query.strip()[:MAX_QUERY_LENGTH].rstrip()
    assert "nur die ersten 100 Zeichen" in response.content.decode()
    for odd in ['"(*&^%$#@!\\', "\x00\x01 Garten", "AND OR NOT", "*", "~~~", "الحديقة\u200c", "   "]:
        assert client.get(FINDER["de"], {"q": odd}).status_code == 200, repr(odd)


def test_search_engine_outage_leaves_the_filters_working(client):
    from unittest import mock

    with mock.patch("partners.finder.search_partner_keys", side_effect=ConnectionError("search is down")):
        response = finder(client, q="Garten", district="hoerde")
    result = response.context["finder"]
    assert result.total == german_live().filter(districts__slug="hoerde").count()
    assert "Die Suche nach Text ist gerade nicht verfügbar" in response.content.decode()


def test_multiple_values_for_one_filter_use_the_last(client):
    response = client.get("/de/partner/?district=mengede&district=hoerde")
    assert response.context["finder"].active[0].value_label == "Hörde"


@pytest.fixture(scope="module")
def search_index(django_db_setup, django_db_blocker):
    """Elasticsearch's indexes built with their mappings, as `update_index` does after a deploy."""
    with django_db_blocker.unblock():
        search_support.rebuild_elasticsearch()


def test_free_text_finds_partners_on_elasticsearch(client, search_index):
    response = finder(client, q="Nachbarschaftsgarten")
    assert result_names(response) == ["Nachbarschaftsgarten Huckarde e.V."]
    # Facet counts follow the text: only Huckarde has a match on the map.
    district_counts = counts(response, "district")
    assert district_counts["huckarde"] == 1 and sum(district_counts.values()) == 1
    # The beginning of a name is enough.
    assert set(result_names(finder(client, q="Nachbar"))) == {
        "Nachbarschaftsgarten Huckarde e.V.",
        "Nachbarschaftshaus Lütgendortmund",
    }


def test_free_text_in_arabic_and_through_the_german_original(client, search_index):
    arabic = finder(client, "ar", q="حديقة الجيران")
    assert [partner.name for partner in arabic.context["finder"].page.object_list] == [
        "حديقة الجيران في هوكارده"
    ]
    via_german = finder(client, "ar", q="Nachbarschaftsgarten")
    assert [partner.name for partner in via_german.context["finder"].page.object_list] == [
        "حديقة الجيران في هوكارده"
    ]


def test_free_text_combines_with_facets(client, search_index):
    assert finder(client, q="Nachbarschaftsgarten", district="huckarde").context["finder"].total == 1
    assert finder(client, q="Nachbarschaftsgarten", district="hoerde").context["finder"].total == 0


def test_free_text_works_on_the_database_search_backend_too(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    backend = get_search_backend()
    assert type(backend).__module__.startswith("modelsearch.backends.database")
    backend.add_bulk(PartnerOrganisation, list(PartnerOrganisation.objects.filter(live=True)))
    response = finder(client, q="Nachbarschaftsgarten")
    assert result_names(response) == ["Nachbarschaftsgarten Huckarde e.V."]
    arabic = finder(client, "ar", q="Nachbarschaftsgarten")
    assert [partner.name for partner in arabic.context["finder"].page.object_list] == [
        "حديقة الجيران في هوكارده"
    ]
    assert "Nachbarschaftshaus Lütgendortmund" in result_names(finder(client, q="Nachbar"))


def test_untranslated_partners_are_shown_in_german_and_marked(client):
    html = finder(client, "uk").content.decode()
    assert 'lang="de" dir="ltr">Afrikanisches Kulturforum Ruhr e.V.</a>' in html
    arabic = finder(client, "ar", district="huckarde").content.decode()
    assert "حديقة الجيران في هوكارده" in arabic
    assert 'lang="de" dir="ltr">Nachbarschaftsgarten' not in arabic


def test_translated_versions_count_once(client):
    english = finder(client, "en").context["finder"]
    assert english.total == german_live().count()


def test_map_shows_counts_links_and_a_text_equivalent(client):
    response = finder(client, field="bildung")
    html = response.content.decode()
    expected = {
        district.slug: german_live().filter(engagement_fields__slug="bildung", districts=district).count()
        for district in District.objects.all()
    }
    start = html.index('<svg class="district-map__svg"')
    svg = html[start : html.index("</svg>", start)]
    assert "<title" in svg and "<desc" in svg and "aria-labelledby" in svg
    for district in District.objects.all():
        count = expected[district.slug]
        # The shape is a link that sets the district filter, named with its count ...
        assert f'points="{outline(district.slug)}"' in svg
        assert f'href="/de/partner/?field=bildung&amp;district={district.slug}#results"' in svg
        label = "Partnerorganisation" if count == 1 else "Partnerorganisationen"
        assert f'aria-label="{district.name}: {count} {label}"' in svg
    # ... the number is written in the map (not colour alone) ...
    written = texts(html, "svg text.district-map__count")
    assert sorted(int(number.removeprefix("✓ ")) for number in written) == sorted(expected.values())
    # ... and the list next to it says the same in text.
    listing = {
        text(select_one(entry, "bdi")): text(select_one(entry, ".district-map__list-count"))
        for entry in select(html, ".district-map__list li")
    }
    for district in District.objects.all():
        assert listing[district.name].startswith(f"{expected[district.slug]} Partnerorganisation")


def test_map_marks_the_chosen_district_not_by_colour_alone(client):
    html = finder(client, district="hoerde").content.decode()
    assert html.count('aria-current="true"', html.index("<svg")) >= 2  # the shape and the list entry
    assert 'class="district-map__selected"' in html
    assert any(re.fullmatch(r"✓ \d+", number) for number in texts(html, "svg text.district-map__count"))


def test_map_districts_are_the_twelve_real_ones():
    assert set(DISTRICTS) == set(District.objects.values_list("slug", flat=True))


def queries_for(client, url):
    client.get(url)  # warm caches that outlive a request
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


# Free text: a query whose first page has partners with logos at both page sizes (a short page of
# partners without logos skips the logo queries, which is fewer queries, not growth).
@pytest.mark.parametrize(
    "params", ["", "?field=bildung&district=innenstadt-nord", "?q=Kultur", "?district=nope"]
)
def test_queries_do_not_grow_with_results_shown(client, settings, search_index, params):
    PartnerOrganisationFactory.create_batch(
        30,
        engagement_fields=[],
        districts=[District.objects.get(slug="innenstadt-nord")],
        kind=PartnerOrganisation.Kind.OTHER,
    )
    settings.PORTAL_PAGE_SIZE = 3
    few = queries_for(client, "/de/partner/" + params)
    settings.PORTAL_PAGE_SIZE = 40
    many = queries_for(client, "/de/partner/" + params)
    assert few == many, (few, many)
    assert many <= 45


def test_every_facet_is_in_the_form(client):
    html = finder(client).content.decode()
    for facet in FACETS:
        assert f'<label for="finder-{facet.param}">' in html
        assert f'<select id="finder-{facet.param}" name="{facet.param}">' in html
