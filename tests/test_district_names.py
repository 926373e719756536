"""District names in the visitor's script: Arabic and Ukrainian pages show a district's name as those
languages write it where the district has one (taxonomy.District.name_ar/name_uk, demo/vocabulary.toml),
the German name marked `lang="de"` where it has none; slugs, addresses and filters stay the same."""

import pytest
from markup import parse, select, select_one, text, texts

from partners.map import label_lines
from resource_requests.forms import RequestForm
from taxonomy.models import District

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content.decode())


def test_a_district_gives_its_name_in_the_readers_script_and_german_elsewhere():
    hoerde = District.objects.get(slug="hoerde")
    assert (hoerde.name_in("ar"), hoerde.lang_in("ar")) == ("هورده", "ar")
    assert (hoerde.name_in("uk"), hoerde.lang_in("uk")) == ("Герде", "uk")
    for language in ("de", "en", "tr", "pl"):
        assert (hoerde.name_in(language), hoerde.lang_in(language)) == ("Hörde", "de"), language
    hoerde.name_ar = ""
    assert (hoerde.name_in("ar"), hoerde.lang_in("ar")) == ("Hörde", "de")


def test_every_demo_district_has_an_arabic_and_a_ukrainian_name():
    for district in District.objects.all():
        assert district.name_ar and district.name_uk, district.slug
        assert not (district.name_en or district.name_tr or district.name_pl), "Latin script keeps German"


def test_arabic_partner_finder_names_districts_in_arabic_with_the_same_addresses(client):
    html = page(client, "/ar/partners/")
    listed = texts(html, ".district-map__list bdi")
    assert "هورده" in listed and "إننشتات-نورد" in listed and "Hörde" not in listed
    labels = [" ".join(texts(label, "tspan")) for label in select(html, "text.district-map__name")]
    assert "إننشتات- نورد" in labels  # the long name breaks after its hyphen, like "Innenstadt- Nord"
    assert any(
        a["href"].startswith("/ar/partners/?district=hoerde") for a in select(html, "a.district-map__area")
    )
    options = {option["value"]: option for option in select(html, 'select[name="district"] option')}
    assert text(options["hoerde"]).startswith("هورده") and not options["hoerde"].has_attr("lang")
    german = page(client, "/de/partner/")
    assert "Hörde" in texts(german, ".district-map__list bdi")


def test_ukrainian_pages_write_districts_in_cyrillic(client):
    html = page(client, "/uk/partner/")
    assert "Герде" in texts(html, ".district-map__list bdi")


def test_a_district_without_a_name_in_the_language_falls_back_to_german(client):
    hoerde = District.objects.get(slug="hoerde")
    hoerde.name_ar = ""
    hoerde.save()
    html = page(client, "/ar/partners/")
    fallback = next(bdi for bdi in select(html, ".district-map__list bdi") if text(bdi) == "Hörde")
    assert fallback["lang"] == "de"
    option = select_one(html, 'select[name="district"] option[value="hoerde"]')
    assert option["lang"] == "de" and text(option).startswith("Hörde")
    assert "هوكارده" in texts(html, ".district-map__list bdi")  # the others keep theirs


def test_resource_event_and_example_pages_show_the_arabic_name(client):
    room = page(client, "/ar/resources/seminar-room-nordstadt/")
    link = select_one(room, 'a[href$="?district=innenstadt-nord"]')
    assert text(link) == "إننشتات-نورد" and link["lang"] == "ar" and link["dir"] == "auto"
    listing = page(client, "/ar/resources/?district=hoerde")
    assert "هورده" in texts(listing, ".resource-card__district")
    example = page(client, "/ar/engagement/festival-for-the-nordmarkt/")
    assert "إننشتات-نورد" in text(select_one(example, "main"))
    detail = page(client, "/ar/partners/huckarde-community-garden/")
    assert "هوكارده" in text(select_one(detail, "main"))
    assert "Huckarde" not in texts(detail, "main bdi")


def test_german_pages_keep_the_german_names(client):
    room = page(client, "/de/ressourcen/seminarraum-nordstadt/")
    link = select_one(room, 'a[href$="?district=innenstadt-nord"]')
    assert text(link) == "Innenstadt-Nord" and link["lang"] == "de"


def test_the_request_forms_district_choices_are_in_the_visitors_script():
    choices = dict(RequestForm(language="ar").fields["district"].choices)
    assert choices["hoerde"] == "هورده"
    assert dict(RequestForm(language="de").fields["district"].choices)["hoerde"] == "Hörde"


def test_the_api_names_districts_in_the_response_language_with_the_same_slugs(client):
    arabic = client.get("/api/v3/resources/?lang=ar&district=hoerde").json()
    assert arabic["items"] and {item["district"]["slug"] for item in arabic["items"]} == {"hoerde"}
    assert {item["district"]["name"] for item in arabic["items"]} == {"هورده"}
    german = client.get("/api/v3/resources/?lang=de&district=hoerde").json()
    assert {item["district"]["name"] for item in german["items"]} == {"Hörde"}
    hoerde = client.get("/api/v3/districts/hoerde/").json()
    assert (hoerde["name"], hoerde["name_ar"], hoerde["name_uk"], hoerde["name_tr"]) == (
        "Hörde",
        "هورده",
        "Герде",
        "",
    )


def test_map_labels_break_long_names_after_the_hyphen():
    assert label_lines("إننشتات-نورد") == ["إننشتات-", "نورد"]
    assert label_lines("Герде") == ["Герде"]
    assert label_lines("Лютгендортмунд") == ["Лютгендортмунд"]


def test_the_demo_fills_only_names_an_editor_left_empty():
    from taxonomy.demo import name_districts

    District.objects.filter(slug="eving").update(name_ar="", name_uk="Евінґ")
    name_districts([{"slug": "eving", "name_ar": "إيفينغ", "name_uk": "Евінг"}])
    eving = District.objects.get(slug="eving")
    assert (eving.name_ar, eving.name_uk) == ("إيفينغ", "Евінґ")


# --- Alphabetical order in the visitor's language (taxonomy.collation) -----------------------------------

ARABIC_ORDER = [
    "أبلربك",
    "إننشتات-أوست",
    "إننشتات-فيست",
    "إننشتات-نورد",
    "إيفينغ",
    "براكل",
    "شارنهورست",
    "لوتغندورتموند",
    "مينغده",
    "هورده",
    "هوكارده",
    "هومبروخ",
]
UKRAINIAN_ORDER = [
    "Аплербек",
    "Бракель",
    "Герде",
    "Гомбрух",
    "Гуккарде",
    "Евінг",
    "Інненштадт-Вест",
    "Інненштадт-Норд",
    "Інненштадт-Ост",
    "Лютгендортмунд",
    "Менгеде",
    "Шарнгорст",
]
GERMAN_ORDER = [
    "Aplerbeck",
    "Brackel",
    "Eving",
    "Hombruch",
    "Hörde",
    "Huckarde",
    "Innenstadt-Nord",
    "Innenstadt-Ost",
    "Innenstadt-West",
    "Lütgendortmund",
    "Mengede",
    "Scharnhorst",
]


def test_collation_follows_each_languages_alphabet():
    from taxonomy.collation import collation_key

    def ordered(names, language):
        return sorted(names, key=collation_key(language))

    assert ordered(["Zeche", "Ölberg", "Hörde", "Huckarde", "Hombruch"], "de") == [
        "Hombruch",
        "Hörde",
        "Huckarde",
        "Ölberg",
        "Zeche",
    ], "umlauts with their vowel, not after z"
    assert ordered(["Ördek", "Zara", "Ozan", "Çorum", "Dede", "Cadde"], "tr") == [
        "Cadde",
        "Çorum",
        "Dede",
        "Ozan",
        "Ördek",
        "Zara",
    ]
    assert ordered(["Żory", "Łódź", "Zabrze", "Lublin"], "pl") == ["Lublin", "Łódź", "Zabrze", "Żory"]
    assert ordered(["Ярмолинці", "Іванків", "Ґалаґан", "Гадяч", "Єнакієве", "Дубно"], "uk") == [
        "Гадяч",
        "Ґалаґан",
        "Дубно",
        "Єнакієве",
        "Іванків",
        "Ярмолинці",
    ], "Ukrainian letters in their places, not after я"
    assert ordered(["هورده", "إيفينغ", "براكل", "أبلربك", "ياسمين"], "ar") == [
        "أبلربك",
        "إيفينغ",
        "براكل",
        "هورده",
        "ياسمين",
    ], "hamza on alif sorts as alif"
    assert ordered(["Hörde", "هورده", "Aplerbeck", "براكل"], "ar") == ["براكل", "هورده", "Aplerbeck", "Hörde"]
    assert ordered(["Hörde", "Герде", "Aplerbeck"], "uk") == ["Герде", "Aplerbeck", "Hörde"]


def listing_options(html, css):
    return [text(option).split(" (")[0].strip() for option in select(html, css) if option.get("value")]


def test_district_choices_are_in_the_visitors_alphabetical_order(client):
    from api.facets import object_choices

    arabic = page(client, "/ar/partners/")
    assert texts(arabic, ".district-map__list bdi") == ARABIC_ORDER
    assert listing_options(arabic, 'select[name="district"] option') == ARABIC_ORDER
    assert texts(page(client, "/uk/partner/"), ".district-map__list bdi") == UKRAINIAN_ORDER
    assert texts(page(client, "/de/partner/"), ".district-map__list bdi") == GERMAN_ORDER
    for url in ("/ar/resources/", "/ar/events/", "/ar/engagement/"):
        shown = listing_options(page(client, url), 'select[name="district"] option')
        assert len(shown) > 1, url
        order = [next(i for i, name in enumerate(ARABIC_ORDER) if label.startswith(name)) for label in shown]
        assert order == sorted(order), url
    form = dict(RequestForm(language="ar").fields["district"].choices)
    assert [label for value, label in form.items() if value] == ARABIC_ORDER
    assert [choice.label for choice in object_choices(District)("uk")] == UKRAINIAN_ORDER


def test_the_api_and_the_search_list_districts_in_the_visitors_order(client):
    facets = client.get("/api/v3/partners/?lang=ar").json()["facets"]
    district = next(facet for facet in facets if facet["name"] == "district")
    assert [choice["label"] for choice in district["choices"]] == ARABIC_ORDER
    html = page(client, "/ar/search/?q=Dortmund")
    shown = [
        text(label)
        for label in select(html, '.search-facet__option:has(> input[name="district"]) label span[dir]')
    ]
    assert len(shown) > 1 and "Hörde" not in shown
    assert shown == [name for name in ARABIC_ORDER if name in shown]
