"""Following changes: `updated_since=` on every list, and the change feed `GET /api/v3/changes/`.

An app keeps a copy of what it shows and asks now and then what changed:

    GET /api/v3/changes/?since=2026-12-01T10:00:00Z
    {"count": 3, ..., "next": null, "next_since": "2026-12-02T09:14:03.120000Z",
     "items": [{"id": 42, "type": "resources", "change": "changed", "reason": null,
                "at": "...", "locale": "de", "languages": ["de", "tr", "ar", "pl"],
                "detail_url": "https://…/api/v3/resources/42/?lang=de"},
               {"id": 17, "type": "events", "change": "withdrawn", "reason": "deleted", ...,
                "detail_url": null}]}

Entries come oldest first, paginated like every list (`limit`, `offset`, `next`); new entries are only
ever added at the end, so following `next` is safe while editors work. Keep `next_since` and send it as
`since` next time. What is recorded, and why in a table of our own rather than Wagtail's audit log:
`api.tracking`.

`updated_since=` (an RFC 3339 date-time with its offset) keeps the items of a list changed after that
time: `meta.last_modified` of each item, which is when it was last published (pages, events, examples,
resources, partners, the translatable vocabularies). Districts and spoken languages are a fixed list
set up with the portal: their `last_modified` is null and `updated_since` leaves none of them.
Withdrawn items are not in any list any more: the change feed tells.
"""

import datetime
import re
from typing import Annotated, Literal

from django.db.models import Max, Q
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema
from pydantic import StringConstraints, WithJsonSchema

from . import caching
from .errors import DETAILS, APIError, Problem
from .language import LANGUAGE_CODES, LanguageCode
from .models import Change
from .pagination import PageQuery, list_schema, paginate

RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$"
)
MODIFIED_FIELD = "last_published_at"

DateTimeText = Annotated[
    str,
    StringConstraints(max_length=40),
    WithJsonSchema({"type": "string", "format": "date-time", "maxLength": 40}),
]

UPDATED_SINCE_DESCRIPTION = (
    "Only items changed after this time (RFC 3339 with its offset: `2026-12-01T10:00:00Z`; encode `+` "
    "as `%2B`), by `meta.last_modified`. What was withdrawn is in /api/v3/changes/."
)


def parse_time(value, name):
    """An aware datetime from an RFC 3339 date-time, or a 422 naming the parameter `name`."""
    match = RFC3339.match(value or "")
    parsed = None
    if match:
        text = value.upper().replace(" ", "T")
        fraction = match.group(7) or ""
        if len(fraction) > 7:  # Python reads microseconds: six digits at most
            text = text.replace(fraction, fraction[:7])
        try:
            # In UTC: PostgreSQL takes offsets up to 15:59 only, RFC 3339 up to 23:59; and
            # 0001-01-01T00:00:00+01:00 lies before the first year.
            parsed = datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(datetime.UTC)
        except (ValueError, OverflowError):
            parsed = None
    if parsed is None:
        raise APIError(
            422,
            DETAILS[422],
            errors=[
                {
                    "loc": ["query", name],
                    "msg": gettext(
                        "Give a date and time with its offset, as 2026-12-01T10:00:00Z; a “+” in the "
                        "offset must be sent encoded."
                    ),
                    "type": "datetime_parsing",
                }
            ],
        )
    return parsed


def changed_since(queryset, value, *, name="updated_since"):
    """`queryset` cut to the items changed after `value` (the parameter's text), or unchanged without it.

    Works on querysets and on Wagtail search results alike (they filter on the same field)."""
    if value is None:
        return queryset
    since = parse_time(value, name)
    if not any(field.name == MODIFIED_FIELD for field in queryset.model._meta.get_fields()):
        return queryset.none()  # a fixed list (districts, spoken languages): never changed
    return queryset.filter(**{f"{MODIFIED_FIELD}__gt": since})


def last_modified(obj):
    """The item's `meta.last_modified`: when it was last published (None for the fixed lists)."""
    return getattr(obj, MODIFIED_FIELD, None)


# --- The change feed ---------------------------------------------------------------------------------


def build_router(type_names):
    """The router of /api/v3/changes/ for these item types (`api.tracking.type_names()`)."""
    router = Router(tags=["Changes"])
    ItemType = Literal[tuple(type_names)]  # type: ignore[valid-type]

    class ChangeItem(Schema):
        id: int = Field(..., description="The item's id (the language version the entry is about).")
        type: ItemType = Field(..., description="The item type: the list it is in (`/api/v3/<type>/`).")
        change: Literal[tuple(Change.Kind.values)] = Field(  # type: ignore[valid-type]
            ...,
            description="`published` (now visible), `changed` (visible, read it again) or `withdrawn` "
            "(gone: forget it).",
        )
        reason: Literal[tuple(value for value in Change.Reason.values if value)] | None = Field(  # type: ignore[valid-type]
            None, description="Why it was withdrawn: `unpublished`, `deleted` or `private`; null otherwise."
        )
        at: datetime.datetime = Field(..., description="When it happened.")
        locale: LanguageCode | None = Field(None, description="The language of the item's own text.")
        languages: list[LanguageCode] = Field(
            ...,
            description="The languages visitors see the item in (a German original also stands in "
            "where it has no translation): where it was withdrawn, it is gone in all of these.",
        )
        detail_url: str | None = Field(None, description="The item in the API; null for withdrawn items.")

    ChangeList = list_schema(
        ChangeItem,
        name="ChangeList",
        extra={
            "since": (
                datetime.datetime | None,
                Field(None, description="The `since` asked for (null: from the beginning)."),
            ),
            "next_since": (
                datetime.datetime | None,
                Field(
                    None,
                    description="Send this as `since` next time: the time of the newest entry that "
                    "matched (the `since` asked for when none did).",
                ),
            ),
        },
    )

    class ChangeFilters(Schema):
        lang: LanguageCode | None = Field(
            None, description="Language of the messages, and of the `detail_url`s where the item has it."
        )
        since: DateTimeText | None = Field(
            None,
            description="Only changes after this time (RFC 3339 with its offset: `2026-12-01T10:00:00Z`; "
            "encode `+` as `%2B`). Without it, every change recorded.",
        )
        type: list[ItemType] = Field(  # type: ignore[valid-type]
            [], description="Only changes of items of this type; repeat for several."
        )
        language: list[LanguageCode] = Field(
            [], description="Only changes visitors of this language see; repeat for several."
        )

    @router.get(
        "/",
        response={200: ChangeList, 422: Problem},
        url_name="changes_list",
        operation_id="changes_list",
        summary="What was published, changed or withdrawn",
        description="Every change visitors can see, oldest first: items published, changed, or withdrawn "
        "(unpublished, deleted, made private – deletions included), with the item's id, type, languages "
        "and API address. Follow `next` to the end, then keep `next_since` for the next time.",
    )
    def list_changes(request, filters: ChangeFilters = Query(...), page: PageQuery = Query(...)):  # noqa: B008
        language = request.api_language.code
        since = parse_time(filters.since, "since") if filters.since is not None else None
        changes = Change.objects.order_by("at", "pk")
        if since is not None:
            changes = changes.filter(at__gt=since)
        if filters.type:
            changes = changes.filter(item_type__in=filters.type)
        if filters.language:
            seen = Q()
            for code in filters.language:
                seen |= Q(languages__contains=f",{code},")
            changes = changes.filter(seen)
        newest = changes.aggregate(newest=Max("at"))["newest"]
        if newest is not None:
            caching.also_modified(request, newest.timestamp() + 1)
        data = paginate(request, changes, page)
        data["items"] = [_item(request, change, language) for change in data["items"]]
        return {**data, "language": language, "since": since, "next_since": newest or since}

    return router


def _item(request, change, language):
    languages = change.language_list
    url = None
    if change.detail_path:
        shown = language if language in languages or not change.locale else change.locale
        url = request.build_absolute_uri(f"{change.detail_path}?lang={shown}")
    return {
        "id": change.item_id,
        "type": change.item_type,
        "change": change.kind,
        "reason": change.reason or None,
        "at": change.at,
        "locale": change.locale or None,
        "languages": [code for code in LANGUAGE_CODES if code in languages],
        "detail_url": url,
    }


# --- `updated_since` on the lists ----------------------------------------------------------------------


def updated_since_field():
    """The `updated_since` query parameter, as pydantic's `create_model` takes a field."""
    return (DateTimeText | None, Field(None, description=UPDATED_SINCE_DESCRIPTION))


class UpdatedSince(Schema):
    updated_since: DateTimeText | None = Field(None, description=UPDATED_SINCE_DESCRIPTION)


def narrow(listing, value):
    """A web listing (`home.listing.FacetListing`) cut to what changed after `value`, before it counts:
    the facet counts and `count` then agree with the items."""
    listing.base = changed_since(listing.base, value)
    return listing
