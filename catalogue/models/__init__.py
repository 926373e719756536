"""The catalogue's models: vocabulary, resources, what feeds availability, the catalogue page, rules."""

from .fields import OFFER_LANGUAGES, LanguageListField
from .pages import ResourceIndexPage  # noqa: I001 - after the models it serves
from .programme import ProgrammeRules
from .resources import Resource, ResourceDownload, ResourceEngagementField, ResourceImage
from .stock import Grant, Reservation, StockStatus
from .vocabulary import District, EngagementField, PublishableSnippet, ResourceCategory, TaxonomyTerm

__all__ = [
    "OFFER_LANGUAGES",
    "District",
    "EngagementField",
    "Grant",
    "LanguageListField",
    "ProgrammeRules",
    "PublishableSnippet",
    "Reservation",
    "Resource",
    "ResourceCategory",
    "ResourceDownload",
    "ResourceEngagementField",
    "ResourceImage",
    "ResourceIndexPage",
    "StockStatus",
    "TaxonomyTerm",
]
