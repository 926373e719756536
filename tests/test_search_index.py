"""The search index follows the content, survives a failing Elasticsearch, and rebuilds without downtime."""

import copy
import json
import logging
import socket

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from search_support import SUITE_BACKENDS, database_backends, refresh_elasticsearch
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.synctree import synchronize_tree

from home.demo_support import DemoLoader
from home.models import HomePage, LegalPage, StandardPage
from search import health
from search.analysis import LANGUAGE_ANALYZERS, german_compound_words
from search.backends import get_backend
from search.engine import SearchRequest, run
from search.models import SearchEntry
from search.registry import PageSearchAdapter, register, unregister
from search.sync import rebuild_entries, sync
from taxonomy.models import ResourceCategory

pytestmark = pytest.mark.django_db


def found(language, query, kind):
    """The entries of one content type found for `query` (pages by default: the demo's resources and
    partners say "Lastenrad" too)."""
    request = SearchRequest(query=query, language=language, filters=(("type", (kind,)),), per_page=20)
    outcome, _reason = run("search", request)
    return outcome.entries


def titles(language, query, kind="page"):
    return [entry.title for entry in found(language, query, kind)]


def urls(language, query, kind="page"):
    return [entry.url for entry in found(language, query, kind)]


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


def new_page(
    title="Seifenkiste ausleihen", slug="seifenkiste", intro="Eine Seifenkiste für Vereinsfeste und Umzüge."
):
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(title=title, slug=slug, intro=intro)
    home.add_child(instance=page)
    page.save_revision().publish()
    # What wagtail-localize does when an editor creates a page: an alias in every synchronised language.
    german = Locale.objects.get(language_code="de")
    for locale in Locale.objects.exclude(pk=german.pk):
        synchronize_tree(german, locale)
    return page


# --- Kept current ---------------------------------------------------------------------------------


def test_publishing_and_unpublishing_update_the_index(engine, restore_search_index, committed):
    assert titles("de", "Seifenkiste") == []
    with committed():
        page = new_page()
    assert titles("de", "Seifenkiste") == ["Seifenkiste ausleihen"]
    assert urls("uk", "Seifenkiste") == ["/uk/seifenkiste/"], (
        "the German original stands in, in the Ukrainian tree"
    )
    with committed():
        page.refresh_from_db()
        page.unpublish()
    assert titles("de", "Seifenkiste") == []
    assert titles("uk", "Seifenkiste") == []


def test_deleting_removes_from_the_index(engine, restore_search_index, committed):
    with committed():
        page = new_page()
    assert titles("pl", "Seifenkiste") == ["Seifenkiste ausleihen"]
    with committed():
        Page.objects.get(pk=page.pk).delete()
    assert titles("de", "Seifenkiste") == []
    assert titles("pl", "Seifenkiste") == []
    assert not SearchEntry.objects.filter(translation_key=page.translation_key).exists()


def test_translating_puts_the_translation_in_its_language(engine, restore_search_index, committed):
    with committed():
        page = new_page()
    assert titles("en", "Seifenkiste") == ["Seifenkiste ausleihen"]  # German, until it is translated
    loader = DemoLoader()
    loader.text("Seifenkiste ausleihen", en="Borrow a soapbox cart")
    loader.text("Eine Seifenkiste für Vereinsfeste und Umzüge.", en="A soapbox cart for festivals and moves.")
    loader.memory.add("seifenkiste", "en", "soapbox-cart")  # the slug is translated too
    with committed():
        loader.translate(page, languages=["en"])
    assert titles("en", "soapbox cart") == ["Borrow a soapbox cart"]
    assert titles("en", "Seifenkiste") == ["Borrow a soapbox cart"], "the German title finds the translation"
    entry = SearchEntry.objects.get(translation_key=page.translation_key, language="en")
    assert (entry.content_language, entry.url) == ("en", "/en/soapbox-cart/")
    assert titles("de", "Seifenkiste") == ["Seifenkiste ausleihen"]


def test_changed_snippet_data_is_found_at_once(engine, restore_search_index, committed):
    rooms = ResourceCategory.objects.get(slug="raeume", locale__language_code="de")
    assert "Räume" not in titles("de", "Gemeinschaftssaal", "resource-category")
    with committed():
        rooms.description = "Gemeinschaftssaal und Gruppenräume für Treffen."
        rooms.save_revision().publish()
    assert titles("de", "Gemeinschaftssaal", "resource-category") == ["Räume"]
    # Languages that show the translation keep their own text.
    assert "Rooms" not in titles("en", "Gemeinschaftssaal", "resource-category")
    with committed():
        rooms.refresh_from_db()
        rooms.unpublish()
    assert titles("de", "Gemeinschaftssaal", "resource-category") == []


def test_markup_in_content_is_searchable_text_never_markup(client, engine, restore_search_index, committed):
    with committed():
        new_page(
            title="Seifenkiste <script>alert(1)</script>",
            intro="<b>Fett</b> & <img src=x onerror=alert(2)> " + "sehr lang " * 500,
        )
    html = client.get("/de/suche/?q=Seifenkiste").content.decode()
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html and "<b>Fett" not in html
    assert "Seifenkiste &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Fett&lt;/b&gt; &amp; &lt;img src=x onerror=alert(2)&gt;" in html
    entry = SearchEntry.objects.get(language="de", kind="page", title__startswith="Seifenkiste")
    assert entry.title == "Seifenkiste <script>alert(1)</script>", "stored as the editor typed it"
    assert len(entry.summary) <= 240
    # Suggestions are JSON: the title as text, neither escaped nor marked up (the script sets textContent).
    raw = client.get("/de/suche/vorschlaege/?q=Seifenkiste").content.decode()
    assert "Seifenkiste <script>alert(1)</script>" in [
        item["title"] for item in json.loads(raw)["suggestions"]
    ]
    assert "&lt;" not in raw and "&amp;" not in raw


def test_restricted_and_moved_pages(engine, restore_search_index, committed):
    with committed():
        page = new_page()
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-geheim"
        )
    assert titles("de", "Seifenkiste") == [], "private pages are not public search results"
    with committed():
        restriction.delete()
    assert titles("de", "Seifenkiste") == ["Seifenkiste ausleihen"]
    about = Page.objects.get(slug="ueber-das-programm", locale__language_code="de")
    with committed():
        Page.objects.get(pk=page.pk).move(about, pos="last-child")
    assert urls("de", "Seifenkiste") == ["/de/ueber-das-programm/seifenkiste/"]


def test_unchanged_content_is_not_rewritten(committed):
    page = Page.objects.get(slug="datenschutz", locale__language_code="de").specific
    before = dict(
        SearchEntry.objects.filter(translation_key=page.translation_key).values_list("pk", "updated_at")
    )
    with committed():
        page.save_revision()  # a draft: the live content, and so the entries, stay as they are
    after = dict(
        SearchEntry.objects.filter(translation_key=page.translation_key).values_list("pk", "updated_at")
    )
    assert after == before and len(after) == 6


def test_a_page_type_with_an_adapter_of_its_own_is_kept_apart(settings):
    settings.WAGTAILSEARCH_BACKENDS = database_backends()

    class LegalSearchAdapter(PageSearchAdapter):
        model = LegalPage
        kind = "legal"
        label = label_plural = "Legal"

        def key_fact(self, obj):
            return f"reviewed {obj.last_reviewed:%Y}"

    register(LegalSearchAdapter)
    try:
        rebuild_entries()
        privacy = SearchEntry.objects.get(language="de", title="Datenschutz")
        assert (privacy.kind, privacy.key_fact[:9]) == ("legal", "reviewed ")
        assert SearchEntry.objects.get(language="de", title="Start").kind == "page"
        # The generic page adapter leaves them to their own adapter.
        sync("page", [privacy.translation_key])
        assert SearchEntry.objects.get(pk=privacy.pk).kind == "legal"
        assert titles("de", "Datenschutz", "legal")[0] == "Datenschutz"
    finally:
        unregister(LegalSearchAdapter)
    rebuild_entries()
    assert SearchEntry.objects.get(language="de", title="Datenschutz").kind == "page"


# --- Elasticsearch fails --------------------------------------------------------------------------


def _dead_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dead_elasticsearch(settings):
    """Elasticsearch configured at a port where nothing answers; the database backend beside it."""
    backends = copy.deepcopy(SUITE_BACKENDS)
    backends["default"]["URLS"] = [f"http://127.0.0.1:{_dead_port()}"]
    backends["default"]["TIMEOUT"] = 1
    settings.WAGTAILSEARCH_BACKENDS = backends
    yield backends
    health.clear("default")


def test_search_answers_from_the_database_when_elasticsearch_is_down(client, dead_elasticsearch, caplog):
    caplog.set_level(logging.WARNING, logger="search")
    response = client.get("/de/suche/?q=Datenschutz")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/de/datenschutz/"' in html
    assert "Die Suche läuft im Moment eingeschränkt" in html
    warnings = [record for record in caplog.records if record.name == "search.engine"]
    assert len(warnings) == 1 and "Elasticsearch is unreachable" in warnings[0].getMessage()
    # For the next SEARCH_RETRY_SECONDS, searches go straight to the database.
    assert client.get("/de/suche/?q=Impressum").status_code == 200
    assert client.get("/de/suche/vorschlaege/?q=Daten").json()["suggestions"]
    assert len([record for record in caplog.records if record.name == "search.engine"]) == 1
    data = client.get("/healthz").json()
    assert data["status"] == "degraded"
    assert data["checks"]["search"] == {
        "status": "degraded",
        "backend": "default",
        "reason": "Elasticsearch is unreachable",
        "fallback": "database",
    }
    assert "127.0.0.1" not in response.content.decode() and "127.0.0.1" not in str(data)


def test_health_notices_a_dead_elasticsearch_before_any_search(client, dead_elasticsearch):
    response = client.get("/healthz")
    assert response.status_code == 200  # the portal still serves, searches included
    assert response.json()["checks"]["search"]["reason"] == "Elasticsearch is unreachable"


def test_content_saved_while_elasticsearch_is_down_reaches_the_database(
    dead_elasticsearch, committed, caplog, settings
):
    caplog.set_level(logging.WARNING, logger="search")
    with committed():
        new_page()
    assert any("could not be written to the 'default' backend" in r.getMessage() for r in caplog.records)
    settings.WAGTAILSEARCH_BACKENDS = database_backends()
    assert titles("de", "Seifenkiste") == ["Seifenkiste ausleihen"]


def test_without_a_fallback_the_visitor_gets_a_message_not_an_error(client, settings):
    backends = copy.deepcopy(SUITE_BACKENDS)
    backends["default"]["URLS"] = [f"http://127.0.0.1:{_dead_port()}"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": backends["default"]}
    try:
        response = client.get("/de/suche/?q=Datenschutz")
        assert response.status_code == 503
        assert "Die Suche ist im Moment nicht verfügbar." in response.content.decode()
        assert client.get("/de/suche/vorschlaege/?q=Daten").json()["suggestions"] == []
    finally:
        health.clear("default")


# --- Rebuilding -----------------------------------------------------------------------------------


def test_rebuilding_swaps_an_alias_and_keeps_answering_meanwhile(restore_search_index):
    backend = get_backend("default")
    alias = backend.get_index_for_model(SearchEntry)
    (old_index,) = backend.es.indices.get_alias(name=alias.name)
    rebuilder = backend.rebuilder_class(alias)
    new_index = rebuilder.start()
    new_index.add_model(SearchEntry)
    # Half-way: the new index is empty, the alias still serves the complete old one.
    assert titles("de", "Datenschutz")[0] == "Datenschutz"
    new_index.add_items(SearchEntry, list(SearchEntry.get_indexed_objects()))
    rebuilder.finish()
    assert list(backend.es.indices.get_alias(name=alias.name)) == [new_index.name]
    assert not backend.es.indices.exists(index=old_index)
    refresh_elasticsearch()
    assert titles("de", "Datenschutz")[0] == "Datenschutz"


def test_update_index_recomputes_entries_then_rebuilds(settings):
    settings.WAGTAILSEARCH_BACKENDS = database_backends()
    every_group = SearchEntry.objects.filter(language="de").count()  # each language has one entry per group
    SearchEntry.objects.filter(language="uk").delete()
    SearchEntry.objects.filter(language="de", kind="page").update(title="veraltet")
    call_command("update_index", verbosity=0)
    assert SearchEntry.objects.filter(language="uk").count() == every_group > 19
    assert not SearchEntry.objects.filter(title="veraltet").exists()
    assert titles("uk", "Impressum") == ["Impressum"]


# --- Analysis -------------------------------------------------------------------------------------


def analyse(analyzer, text):
    backend = get_backend("default")
    index = backend.get_index_for_model(SearchEntry).name
    tokens = backend.es.indices.analyze(index=index, analyzer=analyzer, text=text)["tokens"]
    return [token["token"] for token in tokens]


def test_german_analysis_splits_compounds_and_normalises():
    assert {"lautsprech", "anlag"} <= set(analyse("portal_german", "Lautsprecheranlage"))
    assert "lautsprech" in analyse("portal_german", "Lautsprecher")
    assert (
        analyse("portal_german", "Räume")
        == analyse("portal_german", "Raum")
        == analyse("portal_german", "Raeume")
    )
    assert "gart" in analyse("portal_german", "Nachbarschaftsgärten")
    assert analyse("portal_german", "die und Straße") == ["strass"]


def test_other_languages_have_their_analysis():
    assert analyse("portal_english", "rooms") == analyse("portal_english", "room")
    assert set(analyse("portal_turkish", "cevre")) <= set(analyse("portal_turkish", "Çevre"))
    assert analyse("portal_turkish", "İSTANBUL") == ["istanbul"]
    assert analyse("portal_arabic", "الأجهزة") == analyse("portal_arabic", "الاجهزة")
    assert analyse("portal_arabic", "١٢") == ["12"]
    assert analyse("portal_folded", "Środowisko Łódź") == ["srodowisko", "lodz"]
    assert analyse("portal_ngram", "Довкіллям")[:3] == ["дов", "овк", "вкі"]


def test_every_text_field_has_a_sub_field_per_language():
    backend = get_backend("default")
    index = backend.get_index_for_model(SearchEntry).name
    (mapping,) = backend.es.indices.get_mapping(index=index).values()
    properties = mapping["mappings"]["properties"]
    for field in ("title", "summary", "body", "keywords"):
        subfields = properties[field]["fields"]
        for language, analyzer in LANGUAGE_ANALYZERS.items():
            assert subfields[language]["analyzer"] == analyzer, (field, language)
    assert properties["title"]["fields"]["autocomplete"]["search_analyzer"] == "portal_folded"
    assert properties["facet_keys_filter"]["type"] == "keyword"


def test_the_compound_word_list_is_small_and_ours():
    words = german_compound_words()
    assert 50 < len(words) < 500
    assert len(set(words)) == len(words)
    assert all(word == word.lower() and len(word) >= 4 for word in words)
    assert {"lautsprecher", "anlage", "raum"} <= set(words)


# --- Queries per page -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/de/suche/?language=de", "/de/suche/?q=Dortmund&type=page&type=engagement-field"]
)
def test_search_page_queries_are_bounded_and_do_not_grow_with_results(client, engine, settings, url):
    counts = []
    for page_size in (2, 4):
        settings.PORTAL_PAGE_SIZE = page_size
        client.get(url)  # warm caches that outlive a request
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        assert html.count('<li class="search-result">') == page_size
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 30, counts


def test_suggestions_take_few_queries(client, engine, django_assert_max_num_queries):
    client.get("/de/suche/vorschlaege/?q=Da")
    with django_assert_max_num_queries(3):
        assert client.get("/de/suche/vorschlaege/?q=Da").json()["suggestions"]


def test_other_searches_fall_back_to_the_database_too(client, dead_elasticsearch, django_user_model, caplog):
    """Wagtail's admin searches pages through the same backend: it answers from the database as well."""
    from wagtail.search.backends import get_search_backend

    caplog.set_level(logging.WARNING, logger="search")
    german = Page.objects.live().filter(locale=Locale.objects.get(language_code="de"))
    results = get_search_backend("default").search("Datenschutz", german)
    assert [page.slug for page in results] == ["datenschutz"]
    assert results.count() == 1
    # The statement, and its Leichte Sprache version ("Barriere-Freiheit") beside it.
    assert (
        "barrierefreiheit"
        in [page.slug for page in get_search_backend("default").autocomplete("Barri", german)][:2]
    )
    assert any("searched in the database" in record.getMessage() for record in caplog.records)
    admin = django_user_model.objects.create_superuser("admin", password="x" * 16)
    client.force_login(admin)
    response = client.get("/admin/pages/search/", {"q": "Datenschutz"})
    assert response.status_code == 200
    assert "Datenschutz" in response.content.decode()


def test_bulk_writes_wait_longer_than_searches(settings):
    """A bulk write may take longer than a search may (INDEXING_TIMEOUT, not TIMEOUT): on a busy node a
    rebuild must not stop half-way because searches give up after a few seconds."""
    from search.backends.elasticsearch8 import Elasticsearch8PortalSearchBackend

    params = copy.deepcopy(SUITE_BACKENDS["default"])
    if params["BACKEND"] != "search.backends.elasticsearch8":
        pytest.fail("the suite runs with Elasticsearch (ELASTICSEARCH_URL)")
    params.pop("BACKEND")
    params.update({"TIMEOUT": 0.001, "INDEXING_TIMEOUT": 60})
    backend = Elasticsearch8PortalSearchBackend(params)
    index = backend.get_index_for_model(SearchEntry)
    entries = list(SearchEntry.objects.order_by("pk")[:200])
    assert len(entries) > 50
    # Writing all of them in one bulk request cannot happen in a millisecond; with the indexing timeout it does.
    index.add_items(SearchEntry, entries)
    with pytest.raises(Exception, match="(?i)timeout|timed out"):
        backend.es.indices.refresh(index=index.name)
