"""Reading the portal's HTML in tests: one parser, a few well-named questions about a page.

Tests ask for elements by CSS selectors on class names, ids and attributes (BeautifulSoup with the standard
library's `html.parser`), never by regular expressions over the markup: the attribute order, quoting and
whitespace of a template are not what a test is about. Checks on raw output stay raw on purpose where the
raw output is the point (escaping, a header, a tag's exact serialization).

Every function takes a test client response, an HTML string or an already parsed element, so a test can
parse a page once and ask several questions, or pass the response straight in.
"""

import json
import re

from bs4 import BeautifulSoup, Tag

TESTSERVER = "http://testserver"


def html(response):
    """A page's HTML as text, after checking that it answered 200."""
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def parse(source):
    """The parsed document (or the element itself, when given one)."""
    if isinstance(source, Tag):
        return source
    if hasattr(source, "content"):  # a response
        source = source.content
    if isinstance(source, bytes):
        source = source.decode()
    document = BeautifulSoup(source, "html.parser")
    # A <template>'s content is not part of the page until a script uses it (the admin's keyboard-shortcut
    # table, for one): nobody reads it, and soupsieve before 3 would match selectors inside it.
    for template in document.find_all("template"):
        template.decompose()
    return document


def select(source, css):
    """Every element matching the CSS selector, in document order."""
    return parse(source).select(css)


def select_one(source, css):
    """The first element matching the CSS selector; fails the test, naming the selector, when there is none."""
    found = parse(source).select_one(css)
    assert found is not None, f"nothing in the page matches {css!r}"
    return found


def text(source):
    """The text of an element (or a page), as a reader sees it: entities decoded, whitespace collapsed."""
    return " ".join(parse(source).get_text(" ").split())


def texts(source, css):
    """The text of every element matching the CSS selector."""
    return [text(element) for element in select(source, css)]


def links(source, css="a"):
    """The `href` of every element matching the CSS selector (links, by default all of them)."""
    return [element["href"] for element in select(source, f"{css}[href]")]


def card_titles(source, kind):
    """The titles on the cards of a listing, in order: `kind` is "resource", "event", "example", ..."""
    return texts(source, f".{kind}-card__title a")


def card_links(source, kind):
    """Where the titles on the cards of a listing lead, in order."""
    return links(source, f".{kind}-card__title a")


def result_count(source):
    """The number of results a listing announces in its results heading ("12 Ressourcen")."""
    heading = text(select_one(source, "#results-heading"))
    number = re.match(r"\d+", heading)
    assert number, f"the results heading has no number: {heading!r}"
    return int(number.group())


def option_label(source, name, value):
    """The label of one option of a filter's `<select name=…>` ("Räume (8)"), None when it is not offered."""
    option = parse(source).select_one(f'select[name="{name}"] option[value="{value}"]')
    return text(option) if option is not None else None


def problems(source):
    """The text of the box that explains what was wrong with the request, "" when there is none."""
    return " ".join(texts(source, ".notice--problem"))


def alternates(source):
    """{hreflang: path} of the page's `<link rel="alternate" hreflang=…>` tags on the test server."""
    return {
        link["hreflang"]: link["href"].removeprefix(TESTSERVER)
        for link in select(source, 'link[rel~="alternate"][hreflang][href]')
    }


def json_ld(source):
    """The structured data (schema.org) of the page's JSON-LD script."""
    script = select_one(source, 'script[type="application/ld+json"]')
    return json.loads(script.string)
