"""The demo site as a visitor reaches it: every page in every language, language handling, RTL."""

import re

import pytest
from django.conf import settings
from markup import alternates, links, select, select_one, text, texts
from wagtail.models import Locale, Page

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEMO_URLS = ["/de/", "/de/impressum/", "/de/datenschutz/", "/de/barrierefreiheit/"]

pytestmark = pytest.mark.django_db


def live_page_urls():
    return sorted(
        {page.url for page in Page.objects.live().public().filter(depth__gte=2).specific() if page.url}
    )


def test_issue_demo_urls_render(client):
    for url in DEMO_URLS:
        response = client.get(url)
        assert response.status_code == 200, url


def test_every_live_page_renders_in_every_language(client):
    urls = live_page_urls()
    prefixes = {url.split("/")[1] for url in urls}
    assert prefixes == set(LANGUAGES), "every language has a complete tree"
    german = [url for url in urls if url.startswith("/de/")]
    for code in LANGUAGES:
        assert len([url for url in urls if url.startswith(f"/{code}/")]) == len(german), code
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        language = url.split("/")[1]
        assert f'<html lang="{language}"' in response.content.decode(), url


def test_root_redirects_by_accept_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9")["Location"] == "/tr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")["Location"] == "/de/"  # not offered: German


def test_arabic_is_right_to_left_and_others_left_to_right(client):
    arabic = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    for code in ("de", "en", "tr", "uk", "pl"):
        assert f'<html lang="{code}" dir="ltr">' in client.get(f"/{code}/").content.decode()


def test_stylesheet_uses_logical_properties_only():
    """Right-to-left comes from one stylesheet with logical properties, not a mirrored copy."""
    css = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text()
    physical = re.findall(r"(?<![-\w])(margin|padding|border)-(left|right)\b|(?<![-\w])(left|right)\s*:", css)
    assert physical == []
    assert "text-align: left" not in css and "float: left" not in css


def test_hreflang_alternates_and_switcher_link_the_same_page(client):
    response = client.get("/de/impressum/")
    urls = alternates(response)
    assert set(urls) == {*LANGUAGES, "x-default"}
    assert urls["x-default"] == urls["de"] == "/de/impressum/"
    assert urls["en"] == "/en/legal-notice/"
    assert urls["uk"] == "/uk/impressum/"  # not translated: the alias in the Ukrainian tree
    switcher = select_one(response, "nav.language-switcher")
    assert select(switcher, 'a[href="/ar/legal-notice/"][lang="ar"][hreflang="ar"]')
    assert "Deutsch" in texts(switcher, '[aria-current="true"]')
    for code, url in urls.items():
        assert client.get(url).status_code == 200, code


def test_untranslated_page_says_it_is_shown_in_german(client):
    ukrainian = client.get("/uk/impressum/").content.decode()
    assert 'class="notice notice--language"' in ukrainian
    assert '<div class="page" lang="de" dir="ltr">' in ukrainian
    assert "<h1>Impressum</h1>" in ukrainian
    translated = client.get("/en/legal-notice/").content.decode()
    assert "notice--language" not in translated
    assert "<h1>Legal notice</h1>" in translated


def test_translated_pages_are_translations_not_separate_trees():
    german = Page.objects.get(locale__language_code="de", slug="impressum")
    translations = {page.locale.language_code: page for page in german.get_translations()}
    assert set(translations) == set(LANGUAGES) - {"de"}
    for code in ("en", "tr", "ar"):
        assert translations[code].alias_of_id is None, f"{code} is a real translation"
        assert translations[code].title != german.title
    for code in ("uk", "pl"):
        assert translations[code].alias_of_id == german.id, f"{code} shows the German page"


def test_navigation_links_the_pages_in_the_active_language(client):
    html = client.get("/tr/").content.decode()
    main_nav = select_one(html, "nav.main-nav")
    assert "/tr/program-hakkinda/" in links(main_nav)
    assert "Program hakkında" in text(main_nav)
    footer = select_one(html, "footer")
    assert "/tr/kunye/" in links(footer) and "VMDO e.V.'nin bir programıdır" in text(footer)
    # Polish has no menu translation of its own: German menu, links into the Polish tree.
    polish = client.get("/pl/").content.decode()
    assert 'href="/pl/ueber-das-programm/"' in polish


def test_current_page_is_marked_in_the_navigation(client):
    html = client.get("/de/so-funktionierts/").content.decode()
    assert '<a href="/de/so-funktionierts/" aria-current="page">' in html
    assert '<a href="/de/ueber-das-programm/" aria-current="page">' not in html


def test_missing_page_is_a_404_in_the_visitors_language(client):
    response = client.get("/ar/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/ar/"' in html  # the way back goes to the Arabic home page


def test_content_blocks_render_accessibly(client):
    html = client.get("/de/so-funktionierts/").content.decode()
    assert html.count('<details class="faq__item">') == 3
    assert "<summary>Wer entscheidet über eine Förderung?</summary>" in html
    assert any(re.fullmatch(r"/documents/\d+/.+\.pdf", href) for href in links(html, "a[download]"))
    about = client.get("/de/ueber-das-programm/").content.decode()
    assert select(
        about, 'img[alt="Zeichnung: Nachbarinnen und Nachbarn sitzen bei einem Fest an einem langen Tisch"]'
    )
    assert "<blockquote>" in about


def test_page_has_landmarks_and_skip_link(client):
    html = client.get("/de/").content.decode()
    assert html.index('class="skip-link" href="#main"') < html.index("<header")
    for landmark in ("<header", '<main id="main"', "<footer", 'aria-label="Hauptnavigation"'):
        assert landmark in html, landmark


def test_locales_are_the_configured_languages():
    assert set(Locale.objects.values_list("language_code", flat=True)) == set(LANGUAGES)


def test_robots_sitemap_and_health(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/de/impressum/</loc>" in sitemap
    assert "<loc>http://testserver/ar/legal-notice/</loc>" in sitemap
    assert 'hreflang="uk" href="http://testserver/uk/impressum/"' in sitemap
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["status"] == "ok"
