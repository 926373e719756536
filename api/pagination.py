"""Limit/offset pagination, the same envelope on every list endpoint.

    {"count": 42, "limit": 12, "offset": 12, "next": "https://…?offset=24", "previous": "https://…?offset=0",
     "language": "ar", "items": [...]}

`limit` defaults to `PORTAL_PAGE_SIZE` (the web listings' page size) and may not exceed
`WAGTAILAPI_LIMIT_MAX`. An `offset` past the end is not an error: `items` is empty and `next` is null, so
a client that follows `next` stops; the database is not asked for rows that cannot exist.
"""

from django.conf import settings
from ninja import Field, Schema
from pydantic import create_model

from .facets import FacetResult


class PageQuery(Schema):
    limit: int | None = Field(
        None,
        ge=1,
        le=settings.WAGTAILAPI_LIMIT_MAX,
        description=f"Items per page (default {settings.PORTAL_PAGE_SIZE}, at most {settings.WAGTAILAPI_LIMIT_MAX}).",
    )
    offset: int = Field(0, ge=0, description="How many items to skip.")


def paginate(request, results, query):
    """One page of `results` (a queryset or search results) as the envelope's fields."""
    limit = query.limit or settings.PORTAL_PAGE_SIZE
    offset = query.offset
    count = results.count()
    items = list(results[offset : offset + limit]) if offset < count else []
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "next": _page_url(request, offset + limit, limit) if offset + limit < count else None,
        "previous": _page_url(request, max(0, min(offset, count) - limit), limit) if offset > 0 else None,
        "items": items,
    }


def _page_url(request, offset, limit):
    query = request.GET.copy()
    query["offset"] = str(offset)
    query["limit"] = str(limit)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def list_schema(item_schema, *, name, facets=False, extra=None):
    """The response schema of a list endpoint whose items have `item_schema`.

    `extra`: more fields before `items`, as pydantic `create_model` takes them ({name: (type, default)}).
    """
    fields = {
        "count": (int, Field(..., description="Number of items matching the request, on all pages.")),
        "limit": (int, ...),
        "offset": (int, ...),
        "next": (str | None, Field(None, description="The next page, or null on the last one.")),
        "previous": (str | None, Field(None, description="The previous page, or null on the first one.")),
        "language": (str, Field(..., description="The language the response was asked for.")),
    }
    if facets:
        fields["facets"] = (
            list[FacetResult],
            Field(..., description="For each filter: its values and how many items each would give."),
        )
    fields.update(extra or {})
    fields["items"] = (list[item_schema], ...)
    return create_model(name, __base__=Schema, **fields)
