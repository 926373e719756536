"""The catalogue's models: vocabulary, resources, what feeds availability, the catalogue page, rules."""

from .fields import OFFER_LANGUAGES, LanguageListField
from .pages import ResourceIndexPage  # noqa: I001 - after the models it serves
from .programme import ProgrammeRules
from .requests import (
    ConsultationSlot,
    RequestCounter,
    RequestEvent,
    RequestItem,
    RequestPage,
    ResourceRequest,
    with_bookings,
)
from .resources import Resource, ResourceDownload, ResourceEngagementField, ResourceImage
from .stock import Grant, Reservation, StockStatus
from .vocabulary import District, EngagementField, PublishableSnippet, ResourceCategory, TaxonomyTerm

__all__ = [
    "OFFER_LANGUAGES",
    "ConsultationSlot",
    "District",
    "EngagementField",
    "Grant",
    "LanguageListField",
    "ProgrammeRules",
    "PublishableSnippet",
    "RequestCounter",
    "RequestEvent",
    "RequestItem",
    "RequestPage",
    "Reservation",
    "Resource",
    "ResourceCategory",
    "ResourceDownload",
    "ResourceEngagementField",
    "ResourceImage",
    "ResourceIndexPage",
    "ResourceRequest",
    "StockStatus",
    "TaxonomyTerm",
    "with_bookings",
]
