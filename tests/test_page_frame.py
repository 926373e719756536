"""The page frame every page shares: the header (menu toggle, basket count), the error pages, print."""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from markup import links, select, select_one, text

from catalogue.models import Resource
from home import views
from resource_requests.basket import SESSION_KEY

pytestmark = pytest.mark.django_db


def test_header_has_a_menu_toggle_around_navigation_and_languages(client):
    html = client.get("/ar/").content.decode()
    header = select_one(html, "header.site-header")
    menu = select_one(header, "details.site-menu")
    toggle = select_one(menu, "summary.site-menu__toggle")
    assert toggle["aria-label"] == "القائمة واللغات"
    assert text(select_one(toggle, ".site-menu__label")) == "القائمة"
    assert select(menu, 'nav.main-nav[aria-label="القائمة الرئيسية"] a')
    assert len(select(menu, "nav.language-switcher a[hreflang]")) == len(settings.LANGUAGES)
    assert select_one(header, ".site-header__tools form.site-search[role=search]")


def test_no_basket_count_and_no_session_query_without_a_session_cookie(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/de/suche/?q=Raum")
    assert not select(response.content.decode(), ".basket-link")
    assert not [query for query in queries if "django_session" in query["sql"]]
    assert "private" not in response.get("Cache-Control", ""), "the same page for every such visitor"


def _put_in_basket(client, *slugs):
    session = client.session
    session[SESSION_KEY] = [
        {
            "id": f"line{index}",
            "key": str(Resource.objects.get(locale__language_code="de", slug=slug).translation_key),
            "values": {},
        }
        for index, slug in enumerate(slugs)
    ]
    session.save()


def test_basket_count_in_the_header_in_the_visitors_language(client):
    _put_in_basket(client, "beamer", "tonanlage")
    html = client.get("/ar/").content.decode()
    link = select_one(html, "header a.basket-link")
    assert link["href"] == "/ar/request/#basket"
    assert text(select_one(link, ".basket-link__badge")) == "2"
    assert "طلبي" in text(select_one(link, ".visually-hidden"))
    german = select_one(client.get("/de/ressourcen/").content.decode(), "header a.basket-link")
    assert text(select_one(german, ".visually-hidden")) == "Meine Anfrage: 2 Ressourcen"


def test_page_with_a_basket_is_private(client):
    _put_in_basket(client, "beamer")
    response = client.get("/de/suche/?q=Raum")
    assert select(response.content.decode(), "header a.basket-link")
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "public" not in cache_control
    assert "Cookie" in response["Vary"]


def test_empty_session_shows_no_basket_count(client):
    session = client.session
    session["something-else"] = 1
    session.save()
    response = client.get("/de/")
    assert not select(response.content.decode(), ".basket-link")
    assert "private" in response["Cache-Control"], "the page read the session"


@pytest.mark.parametrize(
    ("url", "home", "search"),
    [("/de/gibt-es-nicht/", "/de/", "/de/suche/"), ("/ar/gibt-es-nicht/", "/ar/", "/ar/search/")],
)
def test_not_found_page_has_a_search_and_the_ways_on(client, url, home, search):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    form = select_one(html, "main form[role=search]")
    assert form["action"] == search
    assert select_one(form, "input[type=search][name=q]")["id"] == "error-search-query"
    ways = links(html, "nav.ways-on a")
    assert ways[0] == home
    main_menu = links(html, "nav.main-nav a")
    assert set(main_menu) <= set(ways), "every page of the main navigation"
    assert any(link.startswith("mailto:") for link in links(html, "main a"))
    assert '<meta name="robots" content="noindex">' in html


def test_not_found_page_under_make_run_is_the_portals_own(client, settings):
    settings.DEBUG = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "home.middleware.PortalNotFoundMiddleware"]
    response = client.get("/tr/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="tr" dir="ltr">' in html
    assert select(html, "nav.ways-on") and "URLconf" not in html


def test_dev_settings_add_the_not_found_middleware():
    import importlib

    import portal.settings.dev as dev

    assert "home.middleware.PortalNotFoundMiddleware" in importlib.reload(dev).MIDDLEWARE


def _request(language):
    request = RequestFactory().get(f"/{language}/")
    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [("de", "ltr", "Ein Fehler ist aufgetreten"), ("ar", "rtl", "حدث خطأ")],
)
def test_server_error_page_in_the_visitors_language(language, direction, heading):
    with translation.override(language):
        response = views.server_error(_request(language))
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert text(select_one(html, "main h1")) == heading
    assert select(html, "main form[role=search]") and select(html, "nav.ways-on a")


def test_server_error_page_without_the_database_is_plain(monkeypatch):
    monkeypatch.setattr(views.loader, "render_to_string", _failing_first(views.loader.render_to_string))
    with translation.override("ar"):
        response = views.server_error(_request("ar"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in html
    assert text(select_one(html, "main h1")) == "حدث خطأ"
    assert links(html, "main a") == ["/ar/"]
    assert select_one(html, "main form[role=search]")["action"] == "/ar/search/"


def _failing_first(render):
    def render_or_fail(name, *args, **kwargs):
        if name == "500.html":
            raise RuntimeError("the database is what failed")
        return render(name, *args, **kwargs)

    return render_or_fail


def test_print_stylesheet_leaves_out_search_forms_and_menu():
    css = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text()
    print_rules = css[css.index("@media print") :]
    for selector in (".site-search", ".site-menu", "form", ".basket-link", ".site-footer nav"):
        assert f"  {selector},\n" in print_rules, selector


# --- Small visible fixes ---------------------------------------------------------------------------


def test_workshop_without_a_registration_link_says_how_to_register(client):
    html = client.get("/de/veranstaltungen/antragsworkshop/").content.decode()
    assert "Anmeldung per E-Mail oder Telefon (siehe unten)." in html
    assert "oder per E-Mail oder Telefon" not in html, "nothing before the “or”"


def test_events_in_search_results_have_no_last_updated_date(client):
    html = client.get("/de/suche/?q=Antragsworkshop").content.decode()
    result = select_one(html, ".search-result")
    assert "Antragsworkshop" in text(result)
    assert "Zuletzt aktualisiert" not in text(result)
    assert "Datum:" in text(result), "the start date, labelled as a date"
