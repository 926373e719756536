"""Mixed-direction text: what keeps dates, numbers, e-mail addresses, phone numbers and Latin or German
names readable inside Arabic (and the other way round).

The rule of the portal's templates (checked by `tests/test_rtl.py` on Arabic pages): every run that is not
in the page's own direction sits in an element that isolates it – `<bdi>` (direction from its first
strong letter; for names), `dir="ltr"` (dates written with digits and hyphens or slashes, counts with a
unit, e-mail addresses, phone numbers, reference numbers, web addresses) or `dir="auto"` (form fields
that take either). Without it the Unicode bidirectional algorithm reorders the neutral characters
between them: "2026-12-01" shows as "01-12-2026", "Aplerbeck 7 | منظمات" runs the number to the wrong
side, a full stop lands at the start of "VMDO e.V.".

Lists are joined with the Arabic comma «،» in Arabic and the Latin comma elsewhere (`list_separator`,
used by `join_list` here and the `list_sep` template tag).
"""

import re

from django.utils import translation
from django.utils.html import format_html, format_html_join

# Languages written in Arabic script use the Arabic comma; the list follows settings.LANGUAGES' codes.
ARABIC_SCRIPT = {"ar", "fa", "ur", "ps", "ckb"}


def list_separator(language=None):
    language = (language or translation.get_language() or "").split("-")[0]
    return "، " if language in ARABIC_SCRIPT else ", "


def join_list(items, language=None):
    """Items as one text, separated as the language writes lists ("a، b" in Arabic, "a, b" elsewhere)."""
    return list_separator(language).join(str(item) for item in items)


def ltr(value):
    """`value` (escaped) in a left-to-right isolate: `<bdi dir="ltr">`. Empty stays empty."""
    if value in (None, ""):
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


def isolate(value):
    """`value` (escaped) in a `<bdi>`: its direction from its first strong letter. Empty stays empty."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)


def join_isolated(items, language=None):
    """Each item isolated (`<bdi>`), joined with the language's comma: safe HTML."""
    return format_html_join(list_separator(language), "<bdi>{}</bdi>", ((item,) for item in items))


# Letters of the right-to-left scripts (Hebrew, Arabic and their presentation forms).
RIGHT_TO_LEFT_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def time_range(start, end, dash="–"):
    """Two times as a range, safe HTML that reads right in either direction. Digits only ("10:00–10:45"):
    one left-to-right run, or Arabic would show "10:45–10:00". Times written with a right-to-left word
    (Arabic's "10:00 ص", CLDR's 12-hour clock): each time in its own isolate with the dash between them,
    so the page's direction orders them – in Arabic the start at the right, where reading begins – and
    each keeps "ص" after its digits; one left-to-right run would put "ص" first and pull the second time's
    digits into the Arabic."""
    if RIGHT_TO_LEFT_LETTER.search(f"{start}{end}"):
        return format_html("{}{}{}", isolate(start), dash, isolate(end))
    return ltr(f"{start}{dash}{end}")
