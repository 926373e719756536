"""The catalogue's models: resources, what feeds availability, the catalogue page, the programme's rules.

The vocabulary they use lives in `taxonomy`, the requests that book them in `resource_requests`."""

from .pages import ResourceIndexPage  # noqa: I001 - after the models it serves
from .programme import ProgrammeRules
from .resources import Resource, ResourceDownload, ResourceEngagementField, ResourceImage
from .stock import Grant, Reservation, StockStatus

__all__ = [
    "Grant",
    "ProgrammeRules",
    "Reservation",
    "Resource",
    "ResourceDownload",
    "ResourceEngagementField",
    "ResourceImage",
    "ResourceIndexPage",
    "StockStatus",
]
