"""The listing engine every filtered list of the portal is built on (ground floor: no domain app).

- `text`: what is read from the URL (`clean_text`, `shorten`, `as_int`, `text_words`);
- `language`: an object or term in the visitor's language, German standing in (`localized`,
  `localized_terms`, `fallback_lang`);
- `facets`: `Option`s and the facets listings declare (`FieldFacet`, `RelationFacet` with `choices`,
  `objects` or `terms` as the options);
- `engine`: `FacetListing`, one visit (filters, counts, notices, active filters, pages), and `page_links`
  (the links of any paged list, the search page's too); the shared templates in
  `home/templates/home/includes/listing_*.html` and the API's adapter (`api/facets.py`).
"""

from . import together
from .engine import (
    ActiveFilter,
    FacetListing,
    ListingResult,
    Notice,
    matching_pages,
    page_links,
    public_pages,
    text_match,
)
from .facets import Facet, FieldFacet, Option, RelationFacet, choices, objects, terms
from .language import fallback_lang, localized, localized_terms
from .text import MAX_VALUE_LENGTH, as_int, clean_text, shorten, text_words

__all__ = [
    "together",
    "MAX_VALUE_LENGTH",
    "ActiveFilter",
    "Facet",
    "FacetListing",
    "FieldFacet",
    "ListingResult",
    "Notice",
    "Option",
    "RelationFacet",
    "as_int",
    "choices",
    "clean_text",
    "fallback_lang",
    "localized",
    "localized_terms",
    "matching_pages",
    "objects",
    "page_links",
    "public_pages",
    "shorten",
    "terms",
    "text_match",
    "text_words",
]
