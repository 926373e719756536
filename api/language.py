"""Which language an API response speaks: `?lang=` first, then `Accept-Language`, then German.

The API sits outside the language prefix (`/api/v3/`, not `/de/api/v3/`), so a client says the language
it wants. The language cookie of the web site is deliberately ignored: responses must only vary by what
`Vary` names, so a proxy can cache them.
"""

from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
# The `lang` parameter's type in the OpenAPI document: one of the portal's languages.
LanguageCode = Literal[LANGUAGE_CODES]  # type: ignore[valid-type]

QUERY, HEADER, DEFAULT = "query", "header", "default"


@dataclass(frozen=True)
class Negotiated:
    code: str
    source: str  # QUERY, HEADER or DEFAULT

    @property
    def from_header(self):
        return self.source != QUERY


def negotiate(request):
    """The response language for `request`. An unknown `?lang=` is ignored here (the view rejects it)."""
    requested = request.GET.get("lang")
    if requested in LANGUAGE_CODES:
        return Negotiated(requested, QUERY)
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            break
        try:
            return Negotiated(get_supported_language_variant(code), HEADER)
        except LookupError:
            continue
    return Negotiated(settings.LANGUAGE_CODE, DEFAULT)
