"""Resources and partners in the portal-wide search, and the listings' free text through the same machinery.

Every test with the `engine` fixture runs on the database backend and on Elasticsearch.
"""

import datetime
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from markup import links
from search_support import database_backends, refresh_elasticsearch

from bench import bulk
from catalogue import availability
from catalogue.factories import ReservationFactory
from catalogue.models import Reservation, Resource
from partners.models import PartnerOrganisation
from search.engine import SearchRequest, run
from search.matching import KeyListMatch, QueryMatch, match
from search.models import SearchEntry
from search.sync import sync
from taxonomy.models import ResourceCategory

pytestmark = pytest.mark.django_db

CATALOGUE = {"de": "/de/ressourcen/", "ar": "/ar/resources/", "tr": "/tr/kaynaklar/", "uk": "/uk/resources/"}
FINDER = {"de": "/de/partner/", "ar": "/ar/partners/", "uk": "/uk/partner/"}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed: the search entries follow, then become searchable."""

    class Commit:
        def __enter__(self):
            self.capture = django_capture_on_commit_callbacks(execute=True)
            self.capture.__enter__()

        def __exit__(self, *exc):
            self.capture.__exit__(*exc)
            refresh_elasticsearch()

    return Commit


def german(model, **filters):
    return model.objects.get(locale__language_code="de", **filters)


def entry(obj, language):
    return SearchEntry.objects.get(translation_key=obj.translation_key, language=language)


def page(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, (url, params, response.status_code)
    return response


def resource_titles(response):
    return [resource.title for resource in response.context["listing"].page.object_list]


def partner_names(response):
    return [partner.name for partner in response.context["finder"].page.object_list]


def search(query, language="de", **filters):
    request = SearchRequest(query=query, language=language, filters=tuple(filters.items()), per_page=50)
    outcome, _reason = run("search", request)
    return outcome


# --- The entries ----------------------------------------------------------------------------------


def test_every_live_resource_and_partner_has_an_entry_per_language(settings):
    for model, kind in ((Resource, "resource"), (PartnerOrganisation, "partner")):
        keys = set(model.objects.filter(live=True).values_list("translation_key", flat=True))
        for code, _name in settings.LANGUAGES:
            entries = SearchEntry.objects.filter(kind=kind, language=code)
            assert set(entries.values_list("translation_key", flat=True)) == keys, (kind, code)


def test_resource_entries_in_each_language():
    beamer = german(Resource, slug="beamer")
    today = availability.availability_of(Resource.objects.get(pk=beamer.pk))
    expected = {}
    for code in ("de", "ar", "uk"):
        with translation.override(code):
            expected[code] = (str(today.status.label), str(beamer.category.name))
    de, ar, uk = entry(beamer, "de"), entry(beamer, "ar"), entry(beamer, "uk")
    assert (de.title, de.url, de.content_language) == ("Beamer (Full HD)", "/de/ressourcen/beamer/", "de")
    assert (ar.title, ar.url, ar.content_language) == ("جهاز عرض (Full HD)", "/ar/resources/projector/", "ar")
    # Not translated into Ukrainian: the German original stands in, in the Ukrainian catalogue.
    assert (uk.title, uk.url, uk.content_language) == ("Beamer (Full HD)", "/uk/resources/beamer/", "de")
    # The key fact is today's availability in the entry's language, with what is left.
    assert de.key_fact.startswith(expected["de"][0]) and f"von {beamer.units}" in de.key_fact
    assert ar.key_fact.startswith(expected["ar"][0]) and ar.key_fact != de.key_fact
    assert uk.key_fact.startswith(expected["uk"][0])
    # Keywords: the category in the entry's language; a translation also carries the German title.
    assert "Geräte & Technik" in de.keywords
    assert "Beamer (Full HD)" in ar.keywords
    facets = {(facet.name, facet.value) for facet in de.facets.all()}
    assert ("category", "geraete-und-technik") in facets and ("type", "resource") in facets
    assert ("availability", str(today.status)) in facets
    assert {value for name, value in facets if name == "field"} == {
        link.engagement_field.slug for link in beamer.engagement_field_links.all()
    }


def test_result_addresses_lead_to_the_resource_and_the_partner(client):
    for kind in ("resource", "partner"):
        for code in ("de", "ar", "uk"):
            for found in SearchEntry.objects.filter(kind=kind, language=code).order_by("pk")[:3]:
                response = client.get(found.url)
                assert response.status_code == 200, found.url
                assert unescape(found.title) in unescape(response.content.decode()), found.url


def test_partner_entries_carry_district_languages_and_fields():
    garden = german(PartnerOrganisation, slug="nachbarschaftsgarten-huckarde-ev")
    de, ar = entry(garden, "de"), entry(garden, "ar")
    assert de.url == "/de/partner/nachbarschaftsgarten-huckarde-ev/"
    assert ar.url.startswith("/ar/partners/") and ar.title == "حديقة الجيران في هوكارده"
    assert de.key_fact == garden.district.name
    facets = {(facet.name, facet.value) for facet in de.facets.all()}
    assert {("language", spoken.code) for spoken in garden.languages.all()} <= facets
    assert {("district", district.slug) for district in garden.districts.all()} <= facets
    assert {("field", field.slug) for field in garden.engagement_fields.all()} <= facets
    assert "Huckarde" in de.keywords


def test_search_page_filters_partners_by_a_language_they_speak(client, engine):
    kurdish = PartnerOrganisation.objects.filter(live=True, locale__language_code="de", languages__code="ku")
    html = page(client, "/de/suche/", {"type": "partner", "language": "ku"}).content.decode()
    assert "Kurdî (Kurmancî)" in html  # the language's own name, as for the portal's languages
    shown = [
        match.group(1)
        for href in links(html, ".search-result__title a")
        if (match := re.fullmatch(r"/de/partner/([^/]+)/", href))
    ]
    assert set(shown) == set(kurdish.values_list("slug", flat=True)) and shown


# --- Availability follows reservations and grants -------------------------------------------------


def test_changed_availability_reaches_the_index_at_once(engine, restore_search_index, committed):
    tent = german(Resource, slug="festzelt")
    free = availability.availability_of(Resource.objects.get(pk=tent.pk)).shown_left
    assert free > 0
    exhausted = str(availability.Status.EXHAUSTED)

    def tent_found(**filters):
        return [found.translation_key for found in search("Festzelt", **filters).entries]

    assert tent.translation_key not in tent_found(availability=(exhausted,))
    with committed():
        booking = ReservationFactory(resource=tent, quantity=free)
    assert entry(tent, "de").key_fact == "Alles vergeben"
    with translation.override("ar"):
        assert entry(tent, "ar").key_fact == str(availability.Status.EXHAUSTED.label) != "Alles vergeben"
    assert tent_found(availability=(exhausted,)) == [tent.translation_key], "the index has it too"
    with committed():
        booking.status = Reservation.Status.CANCELLED
        booking.save()
    assert entry(tent, "de").key_fact.startswith("Verfügbar") or "frei" in entry(tent, "de").key_fact
    assert tent.translation_key not in tent_found(availability=(exhausted,))
    assert tent.translation_key in tent_found()
    with committed():
        Reservation.objects.filter(pk=booking.pk).delete()  # deleting is watched as well
    assert entry(tent, "de").key_fact != "Alles vergeben"


def test_a_daily_refresh_catches_what_the_calendar_changed(restore_search_index, settings):
    settings.WAGTAILSEARCH_BACKENDS = database_backends()
    tent = german(Resource, slug="festzelt")
    yesterday = availability.today() - datetime.timedelta(days=1)
    # The offer ended yesterday: nothing was saved (update() sends no signal), the entry is stale ...
    Resource.objects.filter(translation_key=tent.translation_key).update(available_until=yesterday)
    assert entry(tent, "de").key_fact != "Nicht mehr im Angebot"
    call_command("refresh_search_entries", verbosity=0)
    assert entry(tent, "de").key_fact == "Nicht mehr im Angebot"
    assert entry(tent, "ar").facets.filter(name="availability", value="no_longer").exists()


def test_a_renamed_category_renames_the_keywords_of_its_resources(engine, restore_search_index, committed):
    rooms = german(ResourceCategory, slug="raeume")
    room = Resource.objects.filter(live=True, locale__language_code="de", category=rooms).first()
    with committed():
        rooms.name = "Räumlichkeiten und Säle"
        rooms.save_revision().publish()
    assert "Räumlichkeiten und Säle" in entry(room, "de").keywords
    assert room.translation_key in [found.translation_key for found in search("Räumlichkeiten").entries]


# --- The listings' free text -----------------------------------------------------------------------


def test_listings_search_through_the_engine(engine):
    matches = match("resource", "Beamer", "de")
    # The database backend on PostgreSQL ranks its matches once into keys, as Elasticsearch returns them.
    ranked = engine == "elasticsearch" or connection.vendor == "postgresql"
    assert isinstance(matches, KeyListMatch if ranked else QueryMatch)
    assert matches.engine == engine
    assert list(matches)[0] == german(Resource, slug="beamer").translation_key


def test_catalogue_free_text_in_every_language(client, engine):
    assert resource_titles(page(client, CATALOGUE["de"], {"q": "Beamer"}))[0] == "Beamer (Full HD)"
    assert "جهاز عرض (Full HD)" in resource_titles(page(client, CATALOGUE["ar"], {"q": "Beamer"}))
    assert resource_titles(page(client, CATALOGUE["ar"], {"q": "جهاز عرض"}))[0] == "جهاز عرض (Full HD)"
    assert (
        resource_titles(page(client, CATALOGUE["tr"], {"q": "projeksiyon"}))[0]
        == "Projeksiyon cihazı (Full HD)"
    )
    assert "Beamer (Full HD)" in resource_titles(page(client, CATALOGUE["uk"], {"q": "Beamer"}))


def test_catalogue_forgives_typos_and_splits_compounds(client, engine):
    """Elasticsearch's fuzzy pass and compound analysis; the database backend's forgiving pass (spelling
    against the entries' vocabulary, compounds split: search/spelling.py)."""
    typo = resource_titles(page(client, CATALOGUE["de"], {"q": "Beamr"}))
    compound = resource_titles(page(client, CATALOGUE["de"], {"q": "Fotokamera"}))
    assert typo[0] == "Beamer (Full HD)"
    assert german(Resource, slug="digitalkamera").title in compound[:2]


def test_catalogue_counts_follow_the_free_text(client, engine, settings):
    settings.PORTAL_PAGE_SIZE = 100
    response = page(client, CATALOGUE["de"], {"q": "Raum"})
    listing = response.context["listing"]
    matched = Resource.objects.filter(
        live=True, locale__language_code="de", title__in=resource_titles(response)
    )
    assert listing.total == matched.count() > 3
    for option in listing.categories:
        assert option.count == matched.filter(category__slug=option.value).count(), option.value
    for option in listing.districts:
        assert option.count == matched.filter(district__slug=option.value).count(), option.value


def test_partner_finder_free_text(client, engine):
    assert partner_names(page(client, FINDER["de"], {"q": "Nachbarschaftsgarten"})) == [
        "Nachbarschaftsgarten Huckarde e.V."
    ]
    assert "Nachbarschaftsgarten Huckarde e.V." in partner_names(page(client, FINDER["de"], {"q": "Nachbar"}))
    assert partner_names(page(client, FINDER["ar"], {"q": "Nachbarschaftsgarten"})) == [
        "حديقة الجيران في هوكارده"
    ]
    kurdish = partner_names(page(client, FINDER["de"], {"q": "Kurdisch"}))
    assert kurdish[0] == "Kurdisches Gemeinschaftszentrum Dortmund e.V."
    typo = partner_names(page(client, FINDER["de"], {"q": "Nachbarschaftsgartn"}))
    assert "Nachbarschaftsgarten Huckarde e.V." in typo[:2]


def test_partner_finder_facet_counts_follow_the_free_text(client, engine):
    response = page(client, FINDER["de"], {"q": "Verein"})
    result = response.context["finder"]
    names = set(PartnerOrganisation.objects.in_language("de").values_list("name", flat=True))
    assert 0 < result.total < len(names)
    district = next(item for item in result.facets if item["facet"].param == "district")
    for option in district["options"]:
        narrowed = page(client, FINDER["de"], {"q": "Verein", "district": option.value}).context["finder"]
        assert narrowed.total == option.count, option.value


HOSTILE = [
    "",
    "   ",
    "x" * 10_000,
    "title:*",
    '"',
    "\\",
    "AND(",
    "NOT OR AND",
    "' OR 1=1; DROP TABLE catalogue_resource; --",
    "%' UNION SELECT password FROM auth_user --",
    "🙂🚀 Beamer 👩‍👩‍👧",
    "حديقة الجيران",
    "\u202eBeamer\u202c",
    "<script>alert(1)</script>",
    "*:*",
    "~/[]{}^",
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda text: repr(text[:16]))
def test_listings_answer_any_text_normally(client, engine, text):
    catalogue = client.get(CATALOGUE["de"], {"q": text})
    finder = client.get(FINDER["de"], {"q": text})
    arabic = client.get(CATALOGUE["ar"], {"q": text})
    for response in (catalogue, finder, arabic):
        assert response.status_code == 200, text
        assert "<script>alert" not in response.content.decode()
    assert catalogue.context["listing"].total >= 0
    assert finder.context["finder"].total >= 0


# --- Bulk content and queries that do not grow with the hits -------------------------------------


def test_bulk_content_is_deterministic_and_idempotent(restore_search_index, settings):
    settings.WAGTAILSEARCH_BACKENDS = database_backends()
    created = bulk.generate_resources(9)
    assert len(created) == 9
    assert bulk.generate_resources(9) == [], "the same numbers again change nothing"
    assert len(bulk.generate_resources(12)) == 3, "larger numbers add what is missing"
    partners = bulk.generate_partners(5)
    assert bulk.generate_partners(5) == []
    generated = PartnerOrganisation.objects.filter(slug__startswith=bulk.PARTNER_PREFIX)
    assert generated.filter(is_sample=False).count() == 0 and "Beispiel" in generated.first().name
    assert generated.filter(locale__language_code="tr").exists(), "every fourth is translated"
    assert Resource.objects.filter(translation_key__in=created, locale__language_code="ar").count() == 3
    sync("resource", created)
    sync("partner", partners)
    first = Resource.objects.get(slug=bulk.resource_slug(0), locale__language_code="ar")
    assert entry(first, "ar").title == first.title and entry(first, "uk").content_language == "de"


def count_queries(client, url):
    client.get(url)  # warm caches that outlive a request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response


SCALED_URLS = [
    "/de/ressourcen/?q=Beamer",
    "/de/ressourcen/?q=Beamer&category=geraete-und-technik&sort=name",
    "/ar/resources/?q=Beamer",
    "/de/partner/?q=Kulturverein",
    "/de/suche/?q=Beamer",
    "/de/suche/?q=Beamer&type=resource&availability=available",
]


def test_queries_do_not_grow_with_the_number_of_matches(client, engine, restore_search_index, settings):
    """The listings and the search page at two data sizes: more matches, the same number of queries."""
    settings.PORTAL_PAGE_SIZE = 5

    def scale_to(resources, partners):
        created = bulk.generate_resources(resources)
        added = bulk.generate_partners(partners)
        sync("resource", created)
        sync("partner", added)
        refresh_elasticsearch()

    scale_to(20, 12)
    small = {url: count_queries(client, url) for url in SCALED_URLS}
    scale_to(160, 70)
    large = {url: count_queries(client, url) for url in SCALED_URLS}
    for url in SCALED_URLS:
        before, after = small[url][0], large[url][0]
        assert before == after <= 45, (url, before, after)
    # The matches did grow: more resources and partners found, still one page shown.
    assert large["/de/ressourcen/?q=Beamer"][1].context["listing"].total > (
        small["/de/ressourcen/?q=Beamer"][1].context["listing"].total
    )
    assert large["/de/partner/?q=Kulturverein"][1].context["finder"].total > (
        small["/de/partner/?q=Kulturverein"][1].context["finder"].total
    )
    assert len(large["/de/ressourcen/?q=Beamer"][1].context["listing"].page.object_list) == 5
