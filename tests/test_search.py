"""The search page, suggestions, facets, picks and statistics – the same behaviour on both engines."""

import datetime
import json
import math

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation
from markup import links, select, select_one, text

from search import stats
from search.models import SearchEntry, SearchEntryFacet, SearchTerm

pytestmark = pytest.mark.django_db


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def hit_urls(html):
    """Addresses of the results in the results list (editors' picks are a section of their own)."""
    return links(html, ".search-hits .search-result__title a")


def pick_urls(html):
    return links(html, ".search-picks .search-result__title a")


def facet_counts(html, name):
    """{value: count} of one facet as the page shows it."""
    return {
        select_one(option, "input")["value"]: int(
            text(select_one(option, ".search-facet__count")).strip("()")
        )
        for option in select(html, f'.search-facet__option:has(> input[name="{name}"])')
    }


def checked(html, name):
    return {field["value"] for field in select(html, f'input[name="{name}"][checked]')}


# --- Addresses and the header box -----------------------------------------------------------------


def test_search_page_has_a_translated_address_in_every_language():
    expected = {
        "de": "/de/suche/",
        "en": "/en/search/",
        "tr": "/tr/arama/",
        "ar": "/ar/search/",
        "uk": "/uk/poshuk/",
        "pl": "/pl/szukaj/",
    }
    for language, path in expected.items():
        with translation.override(language):
            assert reverse("search") == path
            assert reverse("search_suggestions").startswith(path)


@pytest.mark.parametrize("url", ["/de/", "/ar/", "/de/impressum/", "/uk/impressum/", "/de/gibt-es-nicht/"])
def test_every_page_has_a_labelled_search_box_in_its_header(client, url):
    html = client.get(url).content.decode()
    header = select_one(html, "header")
    language = url.split("/")[1]
    with translation.override(language):
        action, suggestions = reverse("search"), reverse("search_suggestions")
    form = select_one(header, 'form.site-search[role="search"]')
    assert (form["action"], form["method"]) == (action, "get")
    assert select(header, f'[data-suggest-url="{suggestions}"]')
    assert select(header, 'label.visually-hidden[for="site-search-input"]')
    box = select_one(header, "input.site-search__input#site-search-input")
    assert (box["type"], box["name"]) == ("search", "q")
    assert "/static/js/search.js" in html


def test_language_switcher_keeps_the_search(client):
    html = get_html(client, "/de/suche/?q=Datenschutz")
    switcher = links(html, "nav.language-switcher a")
    assert "/en/search/?q=Datenschutz" in switcher
    assert "/tr/arama/?q=Datenschutz" in switcher
    assert '<meta name="robots" content="noindex, follow">' in html


# --- Results --------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "%20"])
def test_empty_search_explains_instead_of_searching(client, engine, query):
    html = get_html(client, f"/de/suche/?q={query}")
    assert '<h2 id="search-tips-heading">Tipps</h2>' in html
    assert "search-hits" not in html and "search-summary" not in html


def test_results_come_from_every_content_type_in_the_active_language(client, engine):
    html = get_html(client, "/de/suche/?q=Gesundheit")
    assert "/de/suche/?field=gesundheit-und-pflege" in hit_urls(html)
    assert '<span class="search-result__type">Engagementfeld</span>' in html
    english = get_html(client, "/en/search/?q=privacy")
    assert hit_urls(english)[0] == "/en/privacy/"
    assert ">Privacy notice</a>" in english
    arabic = get_html(client, "/ar/search/?q=حماية")
    assert hit_urls(arabic)[0] == "/ar/privacy/"
    assert '<html lang="ar" dir="rtl">' in arabic


def test_untranslated_results_show_the_german_original_marked_as_german(client, engine):
    html = get_html(client, "/uk/poshuk/?q=Impressum")
    assert hit_urls(html)[0] == "/uk/impressum/"
    assert '<a href="/uk/impressum/" lang="de" dir="ltr">Impressum</a>' in html
    assert "Ще не перекладено – мова оригіналу: Німецька" in html
    assert select(html, 'p.search-result__summary[lang="de"][dir="ltr"]')
    # Translated results are not marked (the engagement fields: resources tagged "environment" match too,
    # in German where they are not translated).
    translated = get_html(client, "/uk/poshuk/?q=Довкілля&type=engagement-field")
    assert hit_urls(translated) == ["/uk/poshuk/?field=umwelt"]
    assert not select(select_one(translated, "section.search-hits"), '[lang="de"]')


def test_each_result_has_its_type_a_short_text_and_its_date(client, engine):
    html = get_html(client, "/de/suche/?q=Barrierefreiheit")
    result = select_one(html, "li.search-result")
    assert text(select_one(result, "span.search-result__type")) == "Seite"
    assert len(text(select_one(result, "p.search-result__summary"))) >= 20
    # The demo page was published when the suite started, which may have been before midnight.
    assert "Zuletzt aktualisiert:" in text(result)
    updated = select_one(result, "time[datetime]")["datetime"]
    today = timezone.localdate()
    assert updated in {f"{today:%Y-%m-%d}", f"{today - datetime.timedelta(days=1):%Y-%m-%d}"}


def test_markup_in_queries_is_shown_as_text(client, engine):
    html = get_html(client, "/de/suche/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Facets ---------------------------------------------------------------------------------------


def expected_counts(visitor_language, facet, **chosen):
    """{value: number of `visitor_language` entries} for `facet`, with the other facets' choices applied
    (SQL)."""
    entries = SearchEntry.objects.filter(language=visitor_language)
    for name, values in chosen.items():
        if name != facet:
            entries = entries.filter(
                pk__in=SearchEntryFacet.objects.filter(name=name, value__in=values).values("entry")
            )
    rows = (
        SearchEntryFacet.objects.filter(entry__in=entries, name=facet)
        .values_list("value")
        .annotate(count=Count("entry", distinct=True))
    )
    return dict(rows)


def test_facets_count_combine_and_keep_their_state_in_the_address(client, engine, settings):
    # Ukrainian: pages and resources are German originals, engagement fields and categories are
    # translated; partners also count under the languages they speak.
    everything = get_html(client, "/uk/poshuk/?language=uk&language=de")
    chosen = {"language": ["uk", "de"]}
    assert facet_counts(everything, "type") == expected_counts("uk", "type", **chosen)
    assert {"page", "engagement-field", "resource-category", "resource", "partner"} <= set(
        facet_counts(everything, "type")
    )
    fields = expected_counts("uk", "type", language=["uk"])["engagement-field"]
    assert facet_counts(everything, "type")["engagement-field"] == fields
    languages = facet_counts(everything, "language")
    assert {"uk": languages["uk"], "de": languages["de"]} == {
        value: count for value, count in expected_counts("uk", "language").items() if value in ("uk", "de")
    }
    everything_total = sum(expected_counts("uk", "language").get(code, 0) for code in ("uk", "de"))
    assert len(hit_urls(everything)) == min(settings.PORTAL_PAGE_SIZE, everything_total)  # the first page

    german = get_html(client, "/uk/poshuk/?language=de")
    assert checked(german, "language") == {"de"}
    german_total = expected_counts("uk", "language")["de"]
    assert f"{german_total} результат" in german
    # Counts of a facet ignore its own selection, so its other options stay choosable ...
    assert facet_counts(german, "language") == facet_counts(everything, "language")
    # ... and apply every other facet's.
    assert facet_counts(german, "type") == expected_counts("uk", "type", language=["de"])
    assert "engagement-field" not in facet_counts(german, "type")

    combined = get_html(client, "/uk/poshuk/?language=uk&type=engagement-field&type=resource-category")
    assert checked(combined, "type") == {"engagement-field", "resource-category"}
    combined_counts = expected_counts("uk", "type", language=["uk"])
    both = combined_counts["engagement-field"] + combined_counts["resource-category"]
    assert f"{both} результат" in combined
    narrowed = get_html(client, "/uk/poshuk/?language=uk&type=engagement-field")
    assert f"{fields} результат" in narrowed
    assert facet_counts(narrowed, "language") == {"uk": fields}
    # Each active filter can be removed on its own; the others stay in the address.
    chips = links(narrowed, ".active-filters a.chip")
    assert "?type=engagement-field#results" in chips
    assert "?language=uk#results" in chips


def test_filtering_by_a_term_lists_what_is_filed_under_it(client, engine):
    html = get_html(client, "/de/suche/?field=umwelt")
    filed = SearchEntry.objects.filter(language="de", facets__name="field", facets__value="umwelt")
    assert f"{filed.count()} Ergebnisse" in html
    assert set(hit_urls(html)) <= set(filed.values_list("url", flat=True))
    assert {"engagement-field", "resource", "partner"} <= set(filed.values_list("kind", flat=True))
    term = get_html(client, "/de/suche/?field=umwelt&type=engagement-field")
    assert hit_urls(term) == ["/de/suche/?field=umwelt"]
    assert checked(html, "field") == {"umwelt"}
    chip = select_one(html, ".active-filters a.chip")
    assert text(chip) == "Engagementfeld: Umwelt × – diesen Filter entfernen"
    assert chip["href"] == "?#results", "removing the only filter leaves nothing to search for"


def test_a_chosen_value_that_finds_nothing_stays_chosen_with_its_count(client, engine):
    # Hardly anything about data protection is filed under "Umwelt" (on the database backend nothing,
    # counted 0): the chosen value stays offered, checked, with what it finds together with the words.
    html = get_html(client, "/de/suche/?q=Datenschutz&field=umwelt")
    assert checked(html, "field") == {"umwelt"}
    assert facet_counts(html, "field")["umwelt"] == len(hit_urls(html))
    chip = select_one(html, ".active-filters a.chip")
    assert chip["href"] == "?q=Datenschutz#results"


def test_unknown_filter_values_are_left_out_with_a_message(client, engine):
    html = get_html(
        client, "/de/suche/?q=Raum&district=atlantis&type=nonsense&category=%3Cb%3Ebold%3C/b%3E&sort=sideways"
    )
    assert "Den Filter „atlantis“ (Stadtbezirk) gibt es nicht; er wurde weggelassen." in html
    assert "Den Filter „nonsense“ (Inhaltstyp) gibt es nicht; er wurde weggelassen." in html
    assert "„&lt;b&gt;bold&lt;/b&gt;“" in html and "<b>bold</b>" not in html
    assert "So lassen sich die Ergebnisse nicht sortieren; sie sind nach Relevanz sortiert." in html
    assert "/de/suche/?category=raeume" in hit_urls(html), "the valid rest of the request still searches"


# --- Pages and order ------------------------------------------------------------------------------


def test_results_are_paginated_and_page_numbers_are_forgiving(client, engine, settings):
    settings.PORTAL_PAGE_SIZE = 5
    first = hit_urls(get_html(client, "/de/suche/?language=de"))
    second_html = get_html(client, "/de/suche/?language=de&page=2")
    second = hit_urls(second_html)
    assert len(first) == len(second) == 5 and not set(first) & set(second)
    current = select_one(second_html, '.pagination a[aria-current="page"]')
    assert current["href"] == "?language=de&page=2#results" and text(current) == "Seite 2"
    assert links(second_html, '.pagination a[rel="prev"]') == ["?language=de&page=1#results"]
    assert links(second_html, '.pagination a[rel="next"]') == ["?language=de&page=3#results"]
    german = SearchEntry.objects.filter(language="de", facets__name="language", facets__value="de").count()
    pages = math.ceil(german / 5)
    last = hit_urls(get_html(client, f"/de/suche/?language=de&page={pages}"))
    assert len(last) == german - 5 * (pages - 1)
    for page in ("999999999999999999999", str(pages + 1)):
        assert hit_urls(get_html(client, f"/de/suche/?language=de&page={page}")) == last
    for page in ("abc", "-3", "0", "1.5"):
        assert hit_urls(get_html(client, f"/de/suche/?language=de&page={page}")) == first


def test_results_can_be_sorted_by_date(client, engine):
    html = get_html(client, "/de/suche/?q=Dortmund&sort=date")
    days = [
        time["datetime"] if (time := result.select_one("time[datetime]")) else ""
        for result in select(html, "li.search-result")
    ]
    dated = [day for day in days if day]
    assert dated and dated == sorted(dated, reverse=True)
    assert days[: len(dated)] == dated, "results with a date come first"
    assert '<a href="?q=Dortmund&amp;sort=date" aria-current="true">Datum</a>' in html
    relevance = get_html(client, "/de/suche/?q=Dortmund")
    assert '<a href="?q=Dortmund" aria-current="true">Relevanz</a>' in relevance


# --- Robust input ---------------------------------------------------------------------------------

NASTY_QUERIES = [
    "x" * 10_000,
    "title:*",
    '"',
    "\\",
    "AND(",
    "NOT OR AND",
    "' OR 1=1; DROP TABLE search_searchentry; --",
    "%' UNION SELECT password FROM auth_user --",
    "🙂🚀 Beamer 👩‍👩‍👧",
    "حماية البيانات",
    "<script>alert(1)</script>",
    "a\x00b",
    "*:*",
    "~/[]{}^",
    "Räume " * 400,
]


@pytest.mark.parametrize("query", NASTY_QUERIES, ids=lambda query: repr(query[:20]))
def test_any_input_gets_a_normal_answer(client, engine, query):
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<p class="search-summary" role="status">' in html
    if len(query) > 200:
        assert "Ihre Suche wurde auf die ersten 200 Zeichen gekürzt." in html
    assert "<script>alert" not in html
    suggestions = client.get(reverse("search_suggestions"), {"q": query})
    assert suggestions.status_code == 200
    assert isinstance(suggestions.json()["suggestions"], list)


def test_right_to_left_and_mixed_queries_find_results(client, engine):
    assert hit_urls(get_html(client, "/ar/search/?q=حماية البيانات"))[0] == "/ar/privacy/"
    assert "/de/suche/?category=geraete-und-technik" in hit_urls(get_html(client, "/de/suche/?q=🙂 Beamer"))


# --- Editors' picks -------------------------------------------------------------------------------


def test_editors_picks_come_first_and_are_not_repeated(client, engine):
    html = get_html(client, "/de/suche/?q=Beratung")
    assert pick_urls(html) == ["/de/so-funktionierts/"]
    assert "So vereinbaren Sie einen Beratungstermin beim VMDO e.V." in html
    assert html.index("search-picks") < html.index("search-hits")
    assert "/de/so-funktionierts/" not in hit_urls(html)
    # Other languages get the page in their language, with its own summary instead of the German note.
    arabic = get_html(client, "/ar/search/?q=beratung")
    assert pick_urls(arabic) == ["/ar/how-it-works/"]
    assert "So vereinbaren Sie" not in arabic
    # Picks belong to the search as typed, not to pages of it or filtered views.
    assert pick_urls(get_html(client, "/de/suche/?q=Beratung&type=page")) == []


# --- Suggestions ----------------------------------------------------------------------------------


def test_suggestions_complete_partial_words(client, engine):
    response = client.get("/de/suche/vorschlaege/?q=Barri")
    data = response.json()
    assert data["query"] == "Barri"
    assert data["suggestions"][0] == {
        "title": "Erklärung zur Barrierefreiheit",
        "url": "/de/barrierefreiheit/",
        "type": "Seite",
        "lang": "de",
    }
    assert len(data["suggestions"]) <= 6
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    arabic = client.get("/ar/search/suggestions/?q=حماية البي").json()["suggestions"]
    assert arabic[0]["url"] == "/ar/privacy/"
    untranslated = client.get("/uk/poshuk/pidkazky/?q=Imp").json()["suggestions"]
    assert untranslated[0] == {
        "title": "Impressum",
        "url": "/uk/impressum/",
        "type": "Сторінка",
        "lang": "de",
    }


def test_suggestions_need_two_characters(client, engine):
    assert client.get("/de/suche/vorschlaege/?q=B").json() == {"query": "B", "suggestions": []}
    assert client.get("/de/suche/vorschlaege/").json() == {"query": "", "suggestions": []}


# --- What visitors searched for -------------------------------------------------------------------


def test_searches_are_counted_per_term_and_language_without_personal_data(client, engine):
    SearchTerm.objects.all().delete()  # what the browser tests' server counted
    get_html(client, "/de/suche/?q=Beamer")
    get_html(client, "/de/suche/?q=  beamer ")
    get_html(client, "/ar/search/?q=Beamer")
    get_html(client, "/de/suche/?q=Quantencomputer")
    # Not counted: further pages, filters, suggestions, and what looks like an address or number.
    get_html(client, "/de/suche/?q=Beamer&page=2")
    get_html(client, "/de/suche/?q=Beamer&type=page")
    client.get("/de/suche/vorschlaege/?q=Beamer")
    get_html(client, "/de/suche/?q=max.mustermann@example.org")
    get_html(client, "/de/suche/?q=0231 123 45 67")
    rows = {
        (term.language, term.query): (term.searches, term.searches_without_results)
        for term in SearchTerm.objects.all()
    }
    # "Beamer" finds the Arabic projector too (its German title is one of its keywords).
    assert rows == {("de", "beamer"): (2, 0), ("ar", "beamer"): (1, 0), ("de", "quantencomputer"): (1, 1)}
    assert {field.name for field in SearchTerm._meta.get_fields()} == {
        "id",
        "day",
        "language",
        "query",
        "searches",
        "searches_without_results",
    }


def test_old_search_counts_are_purged(settings):
    settings.SEARCH_TERMS_RETENTION_DAYS = 30
    today = timezone.localdate()
    SearchTerm.objects.create(day=today - datetime.timedelta(days=31), language="de", query="alt", searches=3)
    SearchTerm.objects.create(day=today - datetime.timedelta(days=30), language="de", query="neu", searches=1)
    call_command("purge_search_terms", verbosity=0)
    assert list(SearchTerm.objects.values_list("query", flat=True)) == ["neu"]
    assert stats.purge() == 0


def test_search_terms_report_in_the_admin(client, django_user_model):
    SearchTerm.objects.all().delete()  # what the browser tests' server counted
    today = timezone.localdate()
    SearchTerm.objects.create(day=today, language="de", query="beamer", searches=5)
    SearchTerm.objects.create(
        day=today - datetime.timedelta(days=1), language="de", query="beamer", searches=2
    )
    SearchTerm.objects.create(day=today, language="ar", query="قاعة", searches=4, searches_without_results=4)
    SearchTerm.objects.create(
        day=today - datetime.timedelta(days=100), language="tr", query="salon", searches=9
    )
    url = reverse("search_terms_report")

    nobody = django_user_model.objects.create_user("nobody", password="x" * 16)
    nobody.user_permissions.add(*_admin_access())
    client.force_login(nobody)
    assert client.get(url).status_code in (302, 403)

    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("editor", password="x" * 16)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = client.get(url).content.decode()
    rows = [text(row) for row in select(html, "tr")[1:]]
    assert rows[0].startswith("salon") and "9" in rows[0]
    assert any(row.startswith("beamer") and " 7 " in f" {row} " for row in rows), rows
    recent = client.get(url, {"period": "30"}).content.decode()
    assert "salon" not in recent and "beamer" in recent
    empty = client.get(url, {"without_results": "true"}).content.decode()
    assert "قاعة" in empty and "beamer" not in empty
    export = client.get(url, {"export": "csv"})
    lines = b"".join(export.streaming_content if export.streaming else [export.content]).decode().splitlines()
    assert lines[0].split(",") == ["Suchbegriff", "Sprache", "Suchen", "Nichts gefunden", "Zuletzt gesucht"]
    assert any(line.startswith("beamer,de,7,0,") for line in lines)
    # The menu shows our report instead of Wagtail's own (which the portal does not feed).
    menu = client.get("/admin/").content.decode()
    assert "portal-search-terms" in menu and '"name": "search-terms"' not in menu


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")


# --- Health ---------------------------------------------------------------------------------------


def test_health_reports_search(client):
    data = client.get("/healthz").json()
    assert data == {"status": "ok", "checks": {"database": "ok", "search": {"status": "ok"}}}


def test_json_has_no_markup_of_its_own(client, engine):
    # Titles as stored (as typed, "&" included); markup in titles: tests/test_search_index.py.
    raw = client.get("/de/suche/vorschlaege/?q=Technik").content.decode()
    suggestions = json.loads(raw)["suggestions"]
    assert suggestions
    for suggestion in suggestions:
        stored = SearchEntry.objects.filter(language="de", url=suggestion["url"]).values_list(
            "title", flat=True
        )
        assert suggestion["title"] in stored
    assert "&amp;" not in raw
