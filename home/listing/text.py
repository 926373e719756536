"""What a listing reads from the URL: visible text only, never longer than it needs to be."""

import re
import unicodedata

MAX_VALUE_LENGTH = 100

# Only words reach a search engine: quotes, brackets, stars and the like are operators in one or another.
NOT_A_WORD = re.compile(r"[^\w'-]+")


def clean_text(value):
    """Visible text only: control characters (NUL, line breaks ...) become spaces, runs of space one."""
    value = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in str(value))
    return " ".join(value.split())


def shorten(text, length=40):
    """`text` as a notice quotes it: at most `length` characters, an ellipsis where it was cut."""
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def text_words(text, limit=MAX_VALUE_LENGTH * 2):
    """The words of a free text as a search engine gets them."""
    return " ".join(NOT_A_WORD.sub(" ", clean_text(text)).split())[:limit]
