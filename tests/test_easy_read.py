"""The Leichte Sprache section (easy-to-read German, German only) and the accessibility statement (BITV 2.0).

The section is a few content pages marked `easy_read` under /de/leichte-sprache/; the header links it on every
page in every language (elsewhere marked as German with `lang` and `hreflang`); the other languages' trees
show the German copy with a note in the visitor's language (docs/languages.md#leichte-sprache). The
statement has its required parts (§ 12b BGG, BITV 2.0, the EU model statement) in all six languages.
"""

import re

import pytest
from django.conf import settings
from django.db import connection
from markup import select, select_one, text
from wagtail.models import Page

from home.models import StandardPage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SECTION = "/de/leichte-sprache/"
SUBPAGES = ["was-ist-das", "was-sie-bekommen", "so-fragen-sie", "beratungs-termin", "barriere-freiheit"]


@pytest.mark.parametrize(
    "url",
    [
        "/de/",
        "/de/ressourcen/",
        "/de/leichte-sprache/so-fragen-sie/",
        "/en/about/",
        "/tr/",
        "/ar/resources/",
        "/ar/partners/",
        "/uk/impressum/",
        "/pl/",
        "/ar/gibt-es-nicht/",
    ],
)
def test_the_header_links_the_german_section_on_every_page(client, url):
    response = client.get(url)
    link = select_one(response.content.decode(), "header.site-header .easy-read-link a")
    assert link["href"] == SECTION
    assert text(link) == "Leichte Sprache"
    if url.startswith("/de/"):
        assert not link.has_attr("lang") and not link.has_attr("hreflang")
    else:
        assert link["lang"] == "de" and link["hreflang"] == "de", "the link says it leads to German"


def test_the_link_is_current_on_the_section_page(client):
    link = select_one(client.get(SECTION).content.decode(), ".easy-read-link a")
    assert link["aria-current"] == "page"
    other = select_one(client.get("/de/").content.decode(), ".easy-read-link a")
    assert not other.has_attr("aria-current")


def test_the_section_lists_its_pages_in_large_type(client):
    html = client.get(SECTION).content.decode()
    article = select_one(html, "article.content.content--easy-read")
    listed = [a["href"] for a in select(article, "nav.easy-read-pages a")]
    assert listed == [f"{SECTION}{slug}/" for slug in SUBPAGES]
    for url in listed:
        page = client.get(url)
        assert page.status_code == 200, url
        assert select(page.content.decode(), "article.content--easy-read h1"), url


def test_an_ordinary_content_page_is_not_in_large_type(client):
    html = client.get("/de/so-funktionierts/").content.decode()
    assert not select(html, ".content--easy-read") and not select(html, ".easy-read-pages")


def _sentences(html):
    plain = re.sub(r"<br\s*/?>|</(p|li|h2|h3)>", "\n", html)
    plain = re.sub(r"<[^>]+>", " ", plain)
    return [part.strip() for part in re.split(r"[.?!:\n]+(?:\s|$)", plain) if part.strip()]


ABBREVIATIONS = re.compile(
    r"\b(z\. ?B\.|d\. ?h\.|u\. ?a\.|bzw\.|usw\.|ca\.|ggf\.|evtl\.|Nr\.|Tel\.|e\. ?V\.)"
)


def test_the_texts_follow_the_rules_of_leichte_sprache():
    """Short sentences (at most 12 words, one statement each), no abbreviations; every page explains."""
    pages = StandardPage.objects.filter(easy_read=True, locale__language_code="de")
    assert pages.count() == 1 + len(SUBPAGES)
    for page in pages:
        html = "".join(
            block.render() if block.block_type != "heading" else block.value["text"] for block in page.body
        )
        sentences = _sentences(html) + _sentences(page.intro)
        assert sentences, page
        too_long = [sentence for sentence in sentences if len(sentence.split()) > 12]
        assert too_long == [], page
        assert not ABBREVIATIONS.search(html + page.title + page.intro), page


@pytest.mark.parametrize(
    ("language", "everyday"),
    [("en", "/en/about/"), ("ar", "/ar/about/"), ("uk", "/uk/ueber-das-programm/")],
)
def test_other_languages_show_the_german_pages_with_a_note_and_the_everyday_page(client, language, everyday):
    response = client.get(f"/{language}/leichte-sprache/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    notice = select_one(html, "main .notice--easy-read")
    assert not notice.find_parent(attrs={"lang": "de"}), "the note is in the visitor's language"
    link = select_one(notice, "a")
    assert link["href"] == everyday
    if language == "uk":  # the everyday page is not translated there either: German, and marked so
        assert link["lang"] == "de"
    assert select_one(html, '.page[lang="de"] h1').get_text() == "Leichte Sprache"
    assert not select(html, ".notice:not(.notice--easy-read)"), "not the 'not translated yet' note"


def test_the_note_is_translated(client):
    english = text(select_one(client.get("/en/leichte-sprache/").content.decode(), ".notice--easy-read"))
    assert "easy-to-read German" in english
    arabic = text(select_one(client.get("/ar/leichte-sprache/").content.decode(), ".notice--easy-read"))
    assert "الألمانية" in arabic


def test_the_sections_german_pages_are_not_translated_but_every_tree_has_them():
    section = Page.objects.get(locale__language_code="de", slug="leichte-sprache")
    copies = {page.locale.language_code: page for page in section.get_translations()}
    assert set(copies) == set(LANGUAGES) - {"de"}
    assert all(page.alias_of_id == section.id for page in copies.values())


def test_the_header_link_costs_no_query_once_the_frame_is_kept(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/de/impressum/")  # builds the frame
    sql = []

    def record(execute, statement, params, many, context):
        sql.append(statement)
        return execute(statement, params, many, context)

    with connection.execute_wrapper(record):
        response = client.get("/de/datenschutz/")
    assert response["X-Page-Cache"] == "miss"
    assert select(response.content.decode(), ".easy-read-link a")
    assert not any("easy_read" in statement for statement in sql)


# --- The accessibility statement ------------------------------------------------------------------------

# language -> (address, conformance status, date of preparation, method, the provision as each language cites it)
STATEMENT = {
    "de": ("/de/barrierefreiheit/", "teilweise barrierefrei", "2. Dezember 2026", "Selbstbewertung", "§ 16"),
    "en": ("/en/accessibility/", "partially accessible", "2 December 2026", "self-evaluation", "§ 16"),
    "tr": (
        "/tr/erisilebilirlik/",
        "kısmen erişilebilirdir",
        "2 Aralık 2026",
        "öz değerlendirme",
        "16. madde",
    ),
    "ar": ("/ar/accessibility/", "متاحة جزئيًا", "2 ديسمبر 2026", "تقييم ذاتي", "المادة 16"),
    "uk": ("/uk/accessibility/", "частково доступний", "2 грудня 2026", "самооцінка", "§ 16"),
    "pl": ("/pl/dostepnosc/", "częściowo dostępny", "2 grudnia 2026", "samoocena", "§ 16"),
}


@pytest.mark.parametrize("language", STATEMENT)
def test_the_accessibility_statement_has_its_required_parts_in_every_language(client, language):
    url, status, date, method, provision = STATEMENT[language]
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert "notice--language" not in html, "translated, not the German copy"
    main = text(select_one(html, "main"))
    assert len(select(html, "main h2")) >= 5, "status, barriers, preparation, feedback, conciliation"
    assert status in main, "the conformance status"
    assert len(select(html, "main .stream ul li")) >= 5, "the known barriers, listed"
    assert date in main and "axe-core" in main and method in main, "date and method of preparation"
    assert "house-of-resources@vmdo.example" in main and "+49 231 000 000 00" in main, "feedback"
    assert provision in main and "BGG" in main, "the conciliation body under § 16 BGG"
    assert "Mauerstraße 53" in main and "10117 Berlin" in main, "its address"
    assert "www.schlichtungsstelle-bgg.de" in main, "its website, as text"


def test_the_statement_is_linked_from_the_footer_and_from_the_section(client):
    footer = select_one(client.get("/pl/").content.decode(), "footer")
    assert select(footer, 'a[href="/pl/dostepnosc/"]')
    easy = text(select_one(client.get(f"{SECTION}barriere-freiheit/").content.decode(), "main"))
    assert "nur zum Teil barriere-frei" in easy, "the same status, in Leichte Sprache"
    assert "Schlichtungs-Stelle" in easy and "10117 Berlin" in easy
