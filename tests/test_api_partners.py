"""Partner organisations through the API (/api/v3/partners/): the finder's filters, counts and map, free
text, everything a partner's page shows (and nothing it hides), the partners' vocabularies, nonsense."""

import pytest
import search_support

from partners import endpoints
from partners.factories import PartnerOrganisationFactory
from partners.map import DISTRICTS
from partners.models import PartnerOrganisation, SpokenLanguage
from taxonomy.factories import CooperationTopicFactory
from taxonomy.models import CooperationTopic, District, EngagementField

pytestmark = pytest.mark.django_db

API = "/api/v3/partners/"
FINDER = {"de": "/de/partner/", "ar": "/ar/partners/", "uk": "/uk/partner/"}


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def problem(response, status=422):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return {tuple(error["loc"]): error for error in response.json().get("errors", [])}


def german(slug):
    return PartnerOrganisation.objects.get(slug=slug, locale__language_code="de")


def web_finder(client, language, query):
    response = client.get(f"{FINDER[language]}?{query}")
    assert response.status_code == 200
    return response.context["finder"]


@pytest.fixture(scope="module")
def search_index(django_db_setup, django_db_blocker):
    """Elasticsearch's indexes built with their mappings, as `update_index` does after a deploy."""
    with django_db_blocker.unblock():
        search_support.rebuild_elasticsearch()


# --- The list: the finder's filters, counts and map -----------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "field=bildung&district=innenstadt-nord",
        "language=tr",
        "kind=migrant-association",
        "offers=raeume",
    ],
)
@pytest.mark.parametrize("language", ["de", "ar", "uk"])
def test_list_filters_and_counts_are_the_finders(client, settings, query, language):
    settings.PORTAL_PAGE_SIZE = 100
    web = web_finder(client, language, query)
    body = get(client, f"{API}?{query}&lang={language}&limit=100")
    assert body["count"] == web.total > 0
    assert [item["name"] for item in body["items"]] == [partner.name for partner in web.page.object_list]
    assert [facet["name"] for facet in body["facets"]] == [item["facet"].param for item in web.facets]
    for facet, item in zip(body["facets"], web.facets, strict=True):
        assert [(choice["value"], choice["label"], choice["count"]) for choice in facet["choices"]] == [
            (option.value, option.label, option.count) for option in item["options"]
        ], facet["name"]
    assert body["sort"] == "name"


def test_the_map_has_the_finders_district_counts_and_outlines(client):
    web = web_finder(client, "de", "field=umwelt")
    body = get(client, API, field="umwelt")
    districts = {district["slug"]: district for district in body["map"]["districts"]}
    assert set(districts) == set(DISTRICTS) == set(District.objects.values_list("slug", flat=True))
    assert {slug: district["count"] for slug, district in districts.items()} == {
        option.value: option.count for option in web.districts
    }
    assert body["map"]["max_count"] == web.max_district_count == max(d["count"] for d in districts.values())
    assert body["map"]["viewbox"] == [0, 0, 640, 490]
    assert all(len(district["points"].split()) >= 6 for district in districts.values())
    chosen = get(client, API, district="eving")["map"]["districts"]
    assert [district["slug"] for district in chosen if district["selected"]] == ["eving"]


def test_several_values_of_a_filter_are_alternatives(client):
    turkish = get(client, API, language="tr")["count"]
    arabic = get(client, API, language="ar")["count"]
    both_speakers = PartnerOrganisation.objects.in_language("de").filter(languages__code="tr")
    both_speakers = both_speakers.filter(languages__code="ar").count()
    either = get(client, API + "?language=tr&language=ar")
    assert either["count"] == turkish + arabic - both_speakers > 0
    facet = next(facet for facet in either["facets"] if facet["name"] == "language")
    assert {choice["value"] for choice in facet["choices"] if choice["selected"]} == {"tr", "ar"}


def test_list_items_in_the_language_asked_for_with_german_standing_in(client):
    body = get(client, API, lang="ar", limit=100)
    garden = next(item for item in body["items"] if item["slug"] == "huckarde-community-garden")
    assert garden["name"] == "حديقة الجيران في هوكارده" and garden["meta"]["fallback"] is False
    assert garden["meta"]["html_url"] == "http://testserver/ar/partners/huckarde-community-garden/"
    assert (
        garden["kind"]["value"] == "civil-society" and garden["kind"]["label"] != "Civil-society organisation"
    )
    assert garden["is_sample"] is True
    translations = {link["locale"]: link for link in garden["meta"]["translations"]}
    assert translations["de"]["html_url"] == "http://testserver/de/partner/nachbarschaftsgarten-huckarde-ev/"
    assert get(client, translations["tr"]["detail_url"])["name"] == "Huckarde Komşuluk Bahçesi Derneği"

    environment = EngagementField.objects.get(slug="umwelt", locale__language_code="de")
    only_german = PartnerOrganisationFactory(name="Nur Deutsch e.V.", engagement_fields=[environment])
    item = next(
        item
        for item in get(client, API, lang="ar", limit=100, sort="name")["items"]
        if item["id"] == only_german.pk
    )
    assert item["meta"]["locale"] == "de" and item["meta"]["fallback"] is True
    assert item["engagement_fields"] == [{"slug": "umwelt", "name": "البيئة", "locale": "ar"}]
    assert item["meta"]["html_url"] == f"http://testserver/ar/partners/{only_german.slug}/"
    assert client.get(f"/ar/partners/{only_german.slug}/").status_code == 200


def test_sort_by_name(client):
    names = [item["name"].lower() for item in get(client, API, sort="name", limit=100)["items"]]
    assert names == sorted(names)


def test_free_text_through_the_finders_search(client, search_index):
    body = get(client, API, q="Nachbarschaftsgarten")
    assert [item["name"] for item in body["items"]] == ["Nachbarschaftsgarten Huckarde e.V."]
    assert body["sort"] == "relevance"
    districts = {district["slug"]: district["count"] for district in body["map"]["districts"]}
    assert districts["huckarde"] == 1 and sum(districts.values()) == 1
    arabic = get(client, API, q="Nachbarschaftsgarten", lang="ar")
    assert [item["slug"] for item in arabic["items"]] == ["huckarde-community-garden"]
    assert get(client, API, q='Nachbar" OR (*')["count"] >= 0


def test_a_search_engine_outage_is_a_503_not_a_wrong_list(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("search engine down")

    monkeypatch.setattr("partners.finder.search_partner_keys", broken)
    body = problem(client.get(API + "?q=Garten&lang=ar"), 503)
    assert body == {}
    assert client.get(API + "?field=umwelt").status_code == 200, "without text it still works"


# --- One partner ---------------------------------------------------------------------------------------


def test_detail_has_everything_the_page_shows(client):
    partner = german("nachbarschaftsgarten-huckarde-ev")
    body = get(client, f"{API}{partner.pk}/")
    assert body["name"] == "Nachbarschaftsgarten Huckarde e.V."
    assert body["kind"] == {"value": "civil-society", "label": "Zivilgesellschaftliche Organisation"}
    assert body["description"].startswith("Auf einer ehemaligen Brachfläche")
    assert {term["name"] for term in body["engagement_fields"]} >= {"Umwelt", "Kulturelle Vielfalt"}
    assert "Ältere Menschen" in {term["name"] for term in body["target_groups"]}
    assert "Technik und Material" in {term["name"] for term in body["offers"]}
    assert "Projektpartnerschaft" in {term["name"] for term in body["looks_for"]}
    assert "Kurdisch" in {language["name"] for language in body["languages"]}
    assert body["address"] == {
        "street": "Urbanusstraße 8",
        "postcode": "44369",
        "city": "Dortmund",
        "district": {"slug": "huckarde", "name": "Huckarde"},
    }
    assert body["opening_hours"] == "Sa 11–15 Uhr und nach Vereinbarung"
    assert (body["website"], body["email"], body["phone"]) == (partner.website, partner.email, partner.phone)
    assert body["contact_form"] is True and body["is_sample"] is True
    assert body["meta"]["html_url"] == "http://testserver/de/partner/nachbarschaftsgarten-huckarde-ev/"
    assert 1 <= len(body["related"]) <= 4
    for other in body["related"]:
        assert get(client, other["detail_url"])["slug"] == other["slug"]


def test_any_language_versions_id_and_slugs_of_other_languages(client):
    partner = german("nachbarschaftsgarten-huckarde-ev")
    arabic = get(client, f"{API}{partner.pk}/", lang="ar")
    assert arabic["name"] == "حديقة الجيران في هوكارده" and arabic["id"] != partner.pk
    assert {term["locale"] for term in arabic["offers"]} == {"ar"}
    assert get(client, f"{API}by-slug/huckarde-community-garden/", lang="ar")["id"] == arabic["id"]
    assert get(client, f"{API}by-slug/nachbarschaftsgarten-huckarde-ev/", lang="ar")["id"] == arabic["id"]
    ukrainian = get(client, f"{API}by-slug/nachbarschaftsgarten-huckarde-ev/", lang="uk")
    assert ukrainian["id"] == partner.pk and ukrainian["meta"]["fallback"] is True
    for url in (f"{API}by-slug/gibt-es-nicht/", f"{API}999999/", f"{API}by-slug/{'x' * 300}/"):
        assert client.get(url).status_code in (404, 422), url


def test_a_hidden_email_address_is_nowhere_in_the_api(client):
    partner = german("antidiskriminierungsnetz-ruhr-mitte")
    assert partner.hide_email and partner.email
    ids = set(
        PartnerOrganisation.objects.filter(translation_key=partner.translation_key).values_list(
            "pk", flat=True
        )
    )
    for language in ("de", "ar", "uk"):
        detail = client.get(f"{API}{partner.pk}/?lang={language}")
        assert detail.json()["email"] is None and detail.json()["contact_form"] is True
        listing = client.get(f"{API}?limit=100&lang={language}")
        assert ids & {item["id"] for item in listing.json()["items"]}
        for response in (detail, listing):
            assert partner.email not in response.content.decode(), language
    shown = german("nachbarschaftsgarten-huckarde-ev")
    assert get(client, f"{API}{shown.pk}/")["email"] == shown.email


def test_without_an_address_there_is_no_contact_form(client):
    silent = PartnerOrganisationFactory(name="Ohne Adresse", email="", street="", postcode="")
    body = get(client, f"{API}{silent.pk}/")
    assert body["email"] is None and body["contact_form"] is False and body["address"] is None
    assert body["logo"] is None


def test_markup_is_data_never_markup(client):
    partner = PartnerOrganisationFactory(name="<b>Fett</b> e.V.", description='<script>alert("x")</script>')
    body = get(client, f"{API}{partner.pk}/")
    assert body["name"] == "<b>Fett</b> e.V." and body["description"] == '<script>alert("x")</script>'


# --- Never shown ---------------------------------------------------------------------------------------


def test_unpublished_and_draft_partners_never_appear(client):
    hidden = PartnerOrganisationFactory(name="Noch nicht öffentlich", live=False)
    for language in ("de", "ar"):
        listed = {item["id"] for item in get(client, API, lang=language, limit=100)["items"]}
        assert hidden.pk not in listed
        assert client.get(f"{API}{hidden.pk}/?lang={language}").status_code == 404
        assert client.get(f"{API}by-slug/{hidden.slug}/?lang={language}").status_code == 404
    partner = german("nachbarschaftsgarten-huckarde-ev")
    partner.name = "Geheimer Entwurf"
    partner.save_revision()
    assert get(client, f"{API}{partner.pk}/")["name"] == "Nachbarschaftsgarten Huckarde e.V."
    assert "Geheimer Entwurf" not in str(get(client, API, limit=100))


# --- The partners' vocabularies ------------------------------------------------------------------------


def test_cooperation_topics_and_target_groups_in_the_language_asked_for(client):
    topics = get(client, "/api/v3/cooperation-topics/", lang="ar", limit=100)
    assert topics["count"] == CooperationTopic.objects.filter(locale__language_code="de", live=True).count()
    rooms = next(item for item in topics["items"] if item["slug"] == "raeume")
    assert rooms["name"] == "القاعات" and rooms["meta"]["locale"] == "ar"
    CooperationTopicFactory(name="Nur deutsch", slug="nur-deutsch")
    standing_in = get(client, "/api/v3/cooperation-topics/nur-deutsch/", lang="ar")
    assert standing_in["name"] == "Nur deutsch" and standing_in["meta"]["fallback"] is True
    groups = get(client, "/api/v3/target-groups/", lang="tr")
    assert groups["count"] > 0 and all(item["meta"]["locale"] == "tr" for item in groups["items"])
    assert client.get("/api/v3/target-groups/gibt-es-nicht/").status_code == 404


def test_spoken_languages_with_their_names_in_the_language_asked_for(client):
    body = get(client, "/api/v3/spoken-languages/", lang="tr", limit=100)
    assert body["count"] == SpokenLanguage.objects.count() == 19
    names = {item["code"]: item["name"] for item in body["items"]}
    assert names["ar"] == "Arapça" and names["de"] == "Almanca"
    assert get(client, "/api/v3/spoken-languages/ku/", lang="de")["name"] == "Kurdisch"
    assert client.get("/api/v3/spoken-languages/xx/").status_code == 404
    partner_filter = get(client, API, language="ku")["count"]
    assert (
        partner_filter == PartnerOrganisation.objects.in_language("de").filter(languages__code="ku").count()
    )


# --- Nonsense ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, parameter, kind",
    [
        ("field=spaceship", "field", "unknown_value"),
        ("district=atlantis", "district", "unknown_value"),
        ("language=klingon", "language", "unknown_value"),
        ("kind=company", "kind", "unknown_value"),
        ("offers=x&seeks=y", "offers", "unknown_value"),
        ("offers=raeume&seeks=y", "seeks", "unknown_value"),
        ("q=" + "x" * 101, "q", "string_too_long"),
        ("sort=random", "sort", "literal_error"),
        ("limit=0", "limit", "greater_than_equal"),
        ("lang=xx", "lang", "literal_error"),
    ],
)
def test_nonsense_parameters_are_422_naming_the_parameter(client, query, parameter, kind):
    errors = problem(client.get(f"{API}?{query}"))
    assert errors[("query", parameter)]["type"] == kind


def test_unknown_values_are_named_in_the_clients_language(client):
    german_error = problem(client.get(f"{API}?kind=company"))[("query", "kind")]["msg"]
    assert german_error.startswith("Unbekannter Wert „company“") and "migrant-association" in german_error
    arabic_error = problem(client.get(f"{API}?kind=company&lang=ar"))[("query", "kind")]["msg"]
    assert arabic_error != german_error and "company" in arabic_error


def test_the_summary_is_short_and_the_description_whole(client):
    long_text = "Wort " * 500
    partner = PartnerOrganisationFactory(name="Viel Text", description=long_text.strip())
    item = next(i for i in get(client, API, q="", limit=100, sort="name")["items"] if i["id"] == partner.pk)
    assert len(item["summary"].split()) == endpoints.SUMMARY_WORDS
    assert get(client, f"{API}{partner.pk}/")["description"] == long_text.strip()
