"""Resources through the API (/api/v3/resources/): the web listing's filters and counts, availability for a
day or a period, the month calendar, everything the detail page shows in the requested language, German
stand-ins, translations, and nonsense input."""

import datetime
from decimal import Decimal
from email.utils import parsedate_to_datetime

import pytest
import search_support
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from catalogue import availability
from catalogue.factories import GrantFactory, ReservationFactory, ResourceFactory
from catalogue.models import ProgrammeRules, Reservation, Resource, ResourceDownload, ResourceImage
from resource_requests.pages import request_page_url
from taxonomy.models import ResourceCategory

pytestmark = pytest.mark.django_db

API = "/api/v3/resources/"


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def problem(response):
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    return {tuple(error["loc"]): error for error in response.json()["errors"]}


def resource(slug, language="de"):
    return Resource.objects.get(slug=slug, locale__language_code=language)


def days_ahead(days):
    return availability.today() + datetime.timedelta(days=days)


def web_listing(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["listing"]


def api_counts(body, name):
    facet = next(facet for facet in body["facets"] if facet["name"] == name)
    return {choice["value"]: choice["count"] for choice in facet["choices"]}


# --- The list: the web listing's filters and counts --------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "category=raeume",
        "district=innenstadt-nord&category=geraete-und-technik",
        "engagement=umwelt",
        "step_free=1&capacity=30",
        "category=geraete-und-technik&start={soon}&end={later}",
    ],
)
@pytest.mark.parametrize("language, listing", [("de", "/de/ressourcen/"), ("ar", "/ar/resources/")])
def test_list_filters_and_counts_are_the_web_listings(client, settings, query, language, listing):
    settings.PORTAL_PAGE_SIZE = 100
    query = query.format(soon=days_ahead(30), later=days_ahead(32))
    web = web_listing(client, f"{listing}?{query}")
    body = get(client, f"{API}?{query}&lang={language}&limit=100")
    assert body["count"] == web.total
    assert [item["title"] for item in body["items"]] == [item.title for item in web.page.object_list]
    for name, options in (
        ("category", web.categories),
        ("engagement", web.engagement_fields),
        ("district", web.districts),
    ):
        assert api_counts(body, name) == {option.value: option.count for option in options}, name
        labels = {choice["value"]: choice["label"] for choice in body["facets"][0]["choices"]}
        assert labels == {option.value: option.label for option in web.categories}
    assert api_counts(body, "step_free") == {"true": web.step_free_count}
    assert body["sort"] == web.sort == "availability"


def test_several_values_of_a_filter_are_alternatives(client):
    rooms = get(client, API, category="raeume")["count"]
    money = get(client, API, category="kostenuebernahme")["count"]
    both = get(client, API + "?category=raeume&category=kostenuebernahme&limit=100")
    assert both["count"] == rooms + money > 0
    assert {item["category"]["slug"] for item in both["items"]} == {"raeume", "kostenuebernahme"}
    selected = {choice["value"] for choice in both["facets"][0]["choices"] if choice["selected"]}
    assert selected == {"raeume", "kostenuebernahme"}


def test_list_items_come_in_the_language_asked_for(client):
    body = get(client, API, lang="ar", category="geraete-und-technik", sort="name", limit=100)
    assert body["language"] == "ar"
    beamer = next(item for item in body["items"] if item["slug"] == "projector")
    assert beamer["title"] == "جهاز عرض (Full HD)"
    assert beamer["category"] == {"slug": "geraete-und-technik", "name": "الأجهزة والتقنية", "locale": "ar"}
    assert beamer["kind"] == {"value": "lendable", "label": "للإعارة"}
    assert beamer["meta"]["locale"] == "ar" and beamer["meta"]["fallback"] is False
    assert beamer["meta"]["html_url"] == "http://testserver/ar/resources/projector/"
    arabic_form = request_page_url("ar")
    assert arabic_form.startswith("/ar/")
    assert beamer["request_url"] == f"http://testserver{arabic_form}?resource={beamer['id']}"
    translations = {link["locale"]: link for link in beamer["meta"]["translations"]}
    assert set(translations) == {"de", "en", "tr"}
    assert translations["de"]["html_url"] == "http://testserver/de/ressourcen/beamer/"
    assert (
        get(client, translations["tr"]["detail_url"])["title"] == resource("projeksiyon-cihazi", "tr").title
    )
    for link in translations.values():
        assert client.get(link["html_url"].removeprefix("http://testserver")).status_code == 200


def test_german_stands_in_where_a_resource_is_not_translated(client):
    category = ResourceCategory.objects.get(slug="raeume", locale__language_code="de")
    only_german = ResourceFactory(title="Nur auf Deutsch", slug="nur-deutsch", category=category)
    body = get(client, API, lang="ar", category="raeume", limit=100)
    item = next(item for item in body["items"] if item["id"] == only_german.pk)
    assert item["title"] == "Nur auf Deutsch"
    assert item["meta"]["locale"] == "de" and item["meta"]["fallback"] is True
    assert item["category"]["name"] == "القاعات", "the vocabulary is translated all the same"
    assert item["meta"]["html_url"] == "http://testserver/ar/resources/nur-deutsch/"
    assert client.get("/ar/resources/nur-deutsch/").status_code == 200
    assert item["meta"]["translations"] == []
    detail = get(client, item["meta"]["detail_url"])
    assert detail["id"] == only_german.pk and detail["meta"]["fallback"] is True
    assert len([i for i in body["items"] if i["slug"] in ("beamer", "projector")]) == 0, "rooms only"


def test_sort_orders(client):
    by_name = [item["title"] for item in get(client, API, sort="name", limit=100)["items"]]
    assert by_name == sorted(by_name)
    by_availability = get(client, API, limit=100)["items"]
    ranks = [availability.RANK[item["availability"]["status"]] for item in by_availability]
    assert ranks == sorted(ranks)
    assert get(client, API, sort="relevance")["sort"] == "availability", "relevance needs search words"


def test_free_text_finds_resources_in_the_language_and_in_german(client):
    search_support.rebuild_elasticsearch()
    body = get(client, API, q="Beamer", lang="ar")
    assert body["sort"] == "relevance"
    assert body["items"][0]["slug"] == "projector", "the German word finds the Arabic entry"
    assert body["count"] == web_listing(client, "/ar/resources/?q=Beamer").total
    assert get(client, API, q="Beamer", sort="name")["sort"] == "name"
    assert get(client, API, q='"Beamer (*')["count"] >= 1, "operators and markup are just text"


# --- Availability -------------------------------------------------------------------------------------


def test_availability_for_a_day_and_a_period(client):
    booking = Reservation.objects.get(reference="DEMO-R-19")  # the hall in Mengede, booked out
    hall = booking.resource
    day = booking.start.isoformat()
    listed = get(client, API, category="raeume", start=day, limit=100)
    assert listed["period"] == {"start": day, "end": day, "filtered": True}
    assert hall.slug not in {item["slug"] for item in listed["items"]}, "only what can still be had"
    assert listed["count"] == web_listing(client, f"/de/ressourcen/?category=raeume&start={day}").total

    detail = get(client, f"{API}{hall.pk}/", start=day)
    assert detail["availability"]["status"] == "exhausted"
    assert detail["availability"]["units_free"] == 0 and detail["availability"]["units_total"] == hall.units
    after = (booking.end + datetime.timedelta(days=1)).isoformat()
    assert get(client, f"{API}{hall.pk}/", start=after)["availability"]["status"] == "available"
    before = (booking.start - datetime.timedelta(days=1)).isoformat()
    spanning = get(client, f"{API}{hall.pk}/", start=before, end=day)["availability"]
    assert spanning["status"] == "exhausted" and (spanning["start"], spanning["end"]) == (before, day)


def test_units_free_and_budget_left(client):
    item = ResourceFactory(slug="zaehlbar", units=4)
    day = days_ahead(10)
    ReservationFactory(resource=item, quantity=3, start=day, end=day)
    figures = get(client, f"{API}{item.pk}/", start=day.isoformat())["availability"]
    assert figures["measure"] == "units" and (figures["units_free"], figures["units_total"]) == (1, 4)
    assert figures["status"] == "few_left" and figures["percent_left"] == 25
    assert figures["budget_total"] is None

    fund = ResourceFactory(slug="foerdertopf", money=True, budget=Decimal(5000))
    GrantFactory(resource=fund, amount=Decimal("1250.50"))
    money = get(client, f"{API}{fund.pk}/")["availability"]
    assert money["measure"] == "money" and money["units_free"] is None
    assert (money["budget_left"], money["budget_total"]) == ("3749.50", "5000.00")
    assert get(client, f"{API}{fund.pk}/")["budget"] == "5000.00"


def test_a_month_of_free_units_for_items_and_rooms(client):
    item = ResourceFactory(slug="kalender", units=2)
    next_month = (availability.today().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    booked = next_month + datetime.timedelta(days=9)
    ReservationFactory(resource=item, quantity=2, start=booked, end=booked)
    calendar = get(client, f"{API}{item.pk}/", month=f"{next_month:%Y-%m}")["calendar"]
    assert calendar["month"] == f"{next_month:%Y-%m}" and calendar["units"] == 2
    days = {day["date"]: day for day in calendar["days"]}
    assert len(days) >= 28 and min(days) == next_month.isoformat()
    assert days[booked.isoformat()] == {"date": booked.isoformat(), "free": 0, "state": "none"}
    assert days[(booked + datetime.timedelta(days=1)).isoformat()]["free"] == 2
    assert calendar["previous"] == f"{availability.today():%Y-%m}"
    this_month = get(client, f"{API}{item.pk}/")["calendar"]
    assert this_month["month"] == f"{availability.today():%Y-%m}" and this_month["previous"] is None

    coaching = ResourceFactory(slug="beratung-ohne-kalender", coaching=True)
    assert get(client, f"{API}{coaching.pk}/")["calendar"] is None


# --- One resource ---------------------------------------------------------------------------------------


def test_detail_has_everything_the_page_shows(client):
    beamer = resource("projector", "en")
    body = get(client, f"{API}{beamer.pk}/", lang="en")
    assert body["title"] == "Projector (full HD)"
    assert (body["units"], body["max_lending_days"], body["deposit"]) == (4, 7, "100.00")
    assert body["availability"]["status"] == "few_left" and body["availability"]["units_free"] == 1
    assert "bildung" in {term["slug"] for term in body["engagement_fields"]}
    assert body["description"]["html"] and body["conditions"]["html"].startswith("<p>")
    assert body["contact"]["email"] == "technik@vmdo.example"
    assert body["pickup_place"] == beamer.pickup_place
    (download,) = body["downloads"]
    assert download["title"] == "Lending agreement (template)"
    assert download["document"]["url"].startswith("http://testserver/documents/")
    assert download["document"]["file_extension"] == "pdf"
    assert body["calendar"]["units"] == 4
    assert 1 <= len(body["related"]) <= 3
    for other in body["related"]:
        assert get(client, other["detail_url"])["slug"] == other["slug"]
    assert body["meta"]["html_url"] == "http://testserver/en/resources/projector/"


def test_any_language_versions_id_gives_the_language_asked_for(client):
    german = resource("beamer")
    arabic = get(client, f"{API}{german.pk}/", lang="ar")
    assert arabic["id"] == resource("projector", "ar").pk and arabic["title"] == "جهاز عرض (Full HD)"
    assert get(client, f"{API}{arabic['id']}/")["id"] == german.pk, "German by default"
    header = client.get(f"{API}{german.pk}/", HTTP_ACCEPT_LANGUAGE="tr")
    assert header.json()["slug"] == "projeksiyon-cihazi" and "Accept-Language" in header["Vary"]


def test_by_slug_in_a_language_and_from_another_language(client):
    assert get(client, f"{API}by-slug/projector/", lang="ar")["title"] == "جهاز عرض (Full HD)"
    assert get(client, f"{API}by-slug/beamer/", lang="ar")["slug"] == "projector"
    assert get(client, f"{API}by-slug/beamer/")["slug"] == "beamer"
    assert get(client, f"{API}by-slug/projector/", lang="uk")["slug"] == "beamer", "German stands in"
    for url in (f"{API}by-slug/gibt-es-nicht/", f"{API}999999/", f"{API}by-slug/%3Cscript%3E/"):
        response = client.get(url)
        assert response.status_code in (404, 422), url
        assert response["Content-Type"] == "application/problem+json"


def test_rich_text_links_resolve_in_the_resources_language_and_raw_is_kept(client):
    how = Page.objects.get(slug="so-funktionierts", locale__language_code="de")
    document = get_document_model().objects.first()
    source = (
        f'<p>Siehe <a linktype="page" id="{how.pk}">So geht es</a> und '
        f'<a linktype="document" id="{document.pk}">das Merkblatt</a>.</p>'
    )
    item = ResourceFactory(slug="mit-links", description=source, conditions=source)
    arabic = item.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.slug = "with-links"
    arabic.save()
    german = get(client, f"{API}{item.pk}/")
    assert german["description"]["raw"] == source
    assert 'href="http://testserver/de/so-funktionierts/"' in german["description"]["html"]
    assert f'href="http://testserver/documents/{document.pk}/' in german["conditions"]["html"]
    assert "linktype" not in german["description"]["html"]
    translated = get(client, f"{API}{item.pk}/", lang="ar")
    assert translated["id"] == arabic.pk
    assert 'href="http://testserver/ar/how-it-works/"' in translated["description"]["html"]


def test_pictures_with_renditions_and_their_own_text_alternative(client):
    item = ResourceFactory(slug="mit-bild")
    image = get_image_model().objects.first()
    ResourceImage.objects.create(
        resource=item, image=image, alt_text="Ein Beamer auf dem Tisch", caption="Im Büro"
    )
    ResourceDownload.objects.create(resource=item, document=get_document_model().objects.first())
    body = get(client, f"{API}{item.pk}/")
    (picture,) = body["images"]
    assert picture["caption"] == "Im Büro"
    assert picture["image"]["alt"] == "Ein Beamer auf dem Tisch" and picture["image"]["decorative"] is False
    assert set(picture["image"]["renditions"]) == {"small", "medium", "large"}
    assert picture["image"]["renditions"]["small"]["width"] <= 480
    assert body["image"] == picture, "the first picture is the list's"
    listed = get(client, API, sort="name", limit=100)["items"]
    assert next(entry for entry in listed if entry["id"] == item.pk)["image"] == picture
    assert body["downloads"][0]["title"] == get_document_model().objects.first().title


def test_programme_rules_in_the_language_asked_for(client):
    rules = ProgrammeRules.load()
    rules.decision_threshold = Decimal(500)
    rules.save()
    big = ResourceFactory(
        slug="grosser-topf", money=True, budget=Decimal(9000), max_amount_per_request=Decimal(2000)
    )
    body = get(client, f"{API}{big.pk}/", lang="ar")["programme_rules"]
    assert body["jury_decides"] is True and body["decision_threshold"] == "500.00"
    assert len(body["rules"]) == 3 and all("500" in rule for rule in body["rules"])
    assert body["rules"][0] == "حتى 500 يورو يقرر فريق House of Resources."
    small = ResourceFactory(
        slug="kleiner-topf", money=True, max_amount_per_request=Decimal(300), requires_logos=True
    )
    rules = get(client, f"{API}{small.pk}/")["programme_rules"]
    assert rules["jury_decides"] is False and rules["requires_logos"] is True
    assert rules["rules"][-1].startswith("Druckerzeugnisse")
    lendable = get(client, f"{API}{ResourceFactory(slug='ohne-regeln').pk}/")["programme_rules"]
    assert lendable["rules"] == [] and lendable["jury_decides"] is False
    assert get(client, f"{API}{big.pk}/")["contact"] is None, "no contact person given"


def test_markup_is_data_never_markup(client):
    item = ResourceFactory(
        slug="markup", title='<script>alert("x")</script>', summary="<img src=x onerror=1>"
    )
    body = get(client, f"{API}{item.pk}/")
    assert body["title"] == '<script>alert("x")</script>' and body["summary"] == "<img src=x onerror=1>"
    response = client.get(f"{API}{item.pk}/")
    assert response["Content-Type"].startswith("application/json")


# --- Never shown ---------------------------------------------------------------------------------------


def all_ids(client, language):
    body = get(client, API, lang=language, limit=100)
    ids = {item["id"] for item in body["items"]}
    while body["next"]:
        body = get(client, body["next"])
        ids |= {item["id"] for item in body["items"]}
    return ids


def test_unpublished_and_draft_resources_never_appear(client):
    hidden = ResourceFactory(slug="noch-geheim", title="Noch geheim", live=False)
    for language in ("de", "ar"):
        assert hidden.pk not in all_ids(client, language)
        assert client.get(f"{API}{hidden.pk}/?lang={language}").status_code == 404
        assert client.get(f"{API}by-slug/noch-geheim/?lang={language}").status_code == 404

    withdrawn = resource("projector", "ar")
    withdrawn.unpublish()
    assert withdrawn.pk not in all_ids(client, "ar")
    assert client.get(f"{API}{withdrawn.pk}/?lang=ar").status_code == 404, "an unpublished id leads nowhere"
    german = get(client, f"{API}{resource('beamer').pk}/", lang="ar")
    assert german["slug"] == "beamer" and german["meta"]["fallback"] is True, "German stands in"
    assert "ar" not in {link["locale"] for link in german["meta"]["translations"]}

    drafted = resource("leinwand")
    drafted.title = "Geheimer Entwurf"
    drafted.save_revision()
    assert get(client, f"{API}{drafted.pk}/")["title"] != "Geheimer Entwurf"
    assert "Geheimer Entwurf" not in str(get(client, API, limit=100))


# --- Nonsense ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, parameter, kind",
    [
        ("category=spaceship", "category", "unknown_value"),
        ("engagement=x&engagement=umwelt", "engagement", "unknown_value"),
        ("district=atlantis", "district", "unknown_value"),
        ("start=2020-01-01", "start", "past"),
        ("start=2030-02-30", "start", "invalid"),
        ("start=01.02.2030", "start", "string_pattern_mismatch"),
        ("start=<script>", "start", "string_pattern_mismatch"),
        ("start=2030-01-05&end=2030-01-01", "end", "before_start"),
        ("start=2030-01-01&end=2031-06-01", "end", "too_long"),
        ("capacity=0", "capacity", "greater_than_equal"),
        ("capacity=abc", "capacity", "int_parsing"),
        ("capacity=99999999999999999999", "capacity", "less_than_equal"),
        ("sort=price", "sort", "literal_error"),
        ("step_free=maybe", "step_free", "bool_parsing"),
        ("q=" + "Wort " * 50, "q", "string_too_long"),
        ("lang=xx", "lang", "literal_error"),
    ],
)
def test_nonsense_parameters_are_422_naming_the_parameter(client, query, parameter, kind):
    errors = problem(client.get(f"{API}?{query}"))
    assert errors[("query", parameter)]["type"] == kind, errors
    assert errors[("query", parameter)]["msg"]


def test_error_messages_are_in_the_clients_language(client):
    german = problem(client.get(f"{API}?start=2020-01-01&category=spaceship"))
    assert (
        german[("query", "start")]["msg"]
        == "Dieses Datum liegt in der Vergangenheit; bitte heute oder einen späteren Tag angeben."
    )
    assert (
        "spaceship" in german[("query", "category")]["msg"]
        and "raeume" in german[("query", "category")]["msg"]
    )
    arabic = problem(client.get(f"{API}?start=2020-01-01&lang=ar"))
    assert arabic[("query", "start")]["msg"] != german[("query", "start")]["msg"]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("month=2020-01", "month"),
        ("month=2999-01", "month"),
        ("month=2030-13", "month"),
        ("start=yesterday", "start"),
    ],
)
def test_nonsense_detail_parameters_are_422(client, query, parameter):
    assert ("query", parameter) in problem(client.get(f"{API}{resource('beamer').pk}/?{query}"))


def test_huge_offsets_and_ids_are_not_errors_of_the_server(client):
    body = get(client, API, offset=10**12)
    assert body["items"] == [] and body["next"] is None
    assert client.get(f"{API}{2**31 - 1}/").status_code == 404
    assert client.get(f"{API}{2**40}/").status_code == 422


# --- Caching --------------------------------------------------------------------------------------------


def test_last_modified_follows_the_date_and_the_stock(client):
    """Availability changes with the date and with reservations, which are not in Wagtail's audit log."""
    item = resource("beamer")
    url = f"{API}{item.pk}/"
    first = client.get(url)
    modified = parsedate_to_datetime(first["Last-Modified"])
    midnight = timezone.make_aware(datetime.datetime.combine(availability.today(), datetime.time()))
    assert modified >= midnight.replace(microsecond=0)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    booking = ReservationFactory(resource=item, quantity=1, start=days_ahead(3), end=days_ahead(3))
    Reservation.objects.filter(pk=booking.pk).update(
        created_at=timezone.now() + datetime.timedelta(seconds=5)
    )
    for address in (url, f"{API}?category=geraete-und-technik"):
        assert client.get(address, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 200, address
