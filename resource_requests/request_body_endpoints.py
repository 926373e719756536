"""The request body of `POST /api/v3/requests/` in the served OpenAPI document: as strict as the server.

django-ninja documents the body's types (`resource_requests.endpoints.RequestIn`); what the request form
(`resource_requests.forms`) accepts depends on the database and the date. `schemas()` builds the body's
schemas when the document is served (`api.accepted.register_body`), so that every body valid against them
is accepted – a 201, or a 409 when something changed between reading the document and sending – and
every other body refused with a 422. (Named `…endpoints.py` because it is part of the app's API layer, the
only place an app may import `api`: tests/test_project.py.)

- **Values that exist**: `district`, `engagement_field` (slugs), `partners` (live organisations, any
  language version), `slot` (consultation times with a free place, or "callback"), `consultation_language`
  and every resource `id` as enums of what exists now.
- **One item schema per kind** (`oneOf`, told apart by the resource's id), and within a kind one per
  limit: items to borrow and rooms take `quantity` (at most the resource's units, one schema per number of
  units; needed when it has more than one), `start` (a bookable day) and `end`; money takes `amount` only
  (at most the resource's maximum per request, one schema per maximum); coaching and other offers nothing
  but the `resource`. A field of another kind may be sent as `null` only. (Branches rather than
  `if`/`then` on the resource: schemathesis' generator takes those.)
- **Days**: `start` and `plan_start` are one of the bookable days (`FirstDay`: today up to
  `REQUESTS_MAX_DAYS_AHEAD` ahead), `end` one of those up to the longest period later (`LastDay`).
- **Texts** as the form takes them: names and titles on one line (no control characters), not blank;
  no NUL anywhere; `email` with `format: email`; `phone` in digits, spaces and `+()/-.`.
- **Conditions** (`if`/`then`): a call back (`"slot": "callback"`) needs a `phone`; `plan_end` needs a
  `plan_start`; `consent` is `true`.

What no JSON schema can say – the rules between two fields (`RULES`: an end not before its start, a
period not longer than the resource lends, each resource once) – is written in the operation's
description, refused with a 422 naming the field, and kept out of schemathesis' valid bodies by the same
rules in Python (tests/test_api_schema.py). What depends on the moment – units no longer free, a budget
used up or too short, a consultation time full, a day or offer no longer bookable – is a 409 with the
problem `type` saying which (`resource_requests.endpoints.CONFLICTS`, docs/api.md).

The schemas are built afresh for every request of the document (a few indexed queries): free places of
consultation times change with every request, which the page cache's generation does not follow. The
document's `ETag` is the hash of its bytes, so it changes with them.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from catalogue.models import Resource
from partners.models import PartnerOrganisation
from resource_requests.forms import CALLBACK, MAX_PARTICIPANTS, MAX_QUANTITY, upcoming_slots
from taxonomy.fields import OFFER_LANGUAGES
from taxonomy.models import District, EngagementField

OPERATION = "requests_create"
# Rules between fields, for the operation's description (`api.accepted.RULES`).
RULES = [
    "`plan_end` is not before `plan_start`; an item's `end` not before its `start`, and the period "
    "(`start` to `end`, both included) not longer than the resource lends (`max_lending_days`, at most "
    f"{settings.REQUESTS_MAX_PERIOD_DAYS} days); each resource at most once in `items` (otherwise 422 "
    "naming the field).",
]

NO_NUL = r"^[^\x00]*$"
CONTROL = r"\x00-\x1f\x7f-\x9f"
# One line, not blank (leading and trailing white space is dropped, as the form does).
ONE_LINE = rf"^\s*[^{CONTROL}]*[^\s{CONTROL}][^{CONTROL}]*\s*$"
ONE_LINE_OR_EMPTY = rf"^\s*(?:[^{CONTROL}]*[^\s{CONTROL}][^{CONTROL}]*)?\s*$"
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"
PHONE_CHARACTERS = r"0-9+()/.\- "
PHONE = rf"^\s*[{PHONE_CHARACTERS}]*\s*$"
PHONE_GIVEN = rf"^\s*[{PHONE_CHARACTERS}]*[0-9+()/.\-][{PHONE_CHARACTERS}]*\s*$"
# Amounts as text: euros with up to two decimals, no leading zeros (e.g. "300" or "300.50").
CENTS = r"(?:\.[0-9]{1,2})?"
MAX_WHOLE_EUROS = 10**8 - 1
NULL = {"type": "null", "description": "Not for this kind of resource: leave it out (or null)."}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _days(first, last):
    days, day = [], first
    while day <= last:
        days.append(day.isoformat())
        day += datetime.timedelta(days=1)
    return days


def _up_to(number):
    """A regular expression for the whole numbers 1 to `number` (no leading zeros)."""
    text = str(number)
    options = [f"[1-9][0-9]{{0,{len(text) - 2}}}"] if len(text) > 1 else []
    for position, digit in enumerate(text):
        low = 1 if position == 0 else 0
        if int(digit) > low:
            rest = len(text) - position - 1
            higher = f"[{low}-{int(digit) - 1}]" if int(digit) - 1 > low else str(low)
            options.append(text[:position] + higher + (f"[0-9]{{{rest}}}" if rest else ""))
    options.append(text)
    return "(?:" + "|".join(options) + ")"


def amount_text(maximum):
    """A `pattern` for an amount as text from 1 up to `maximum` euros (whole euros of it)."""
    whole = int(maximum)
    if whole < 1:
        return "^$"  # nothing can be asked for
    below = rf"{_up_to(whole - 1)}{CENTS}|" if whole > 1 else ""
    return rf"^(?:{below}{whole}(?:\.00?)?)$"


def _amount(maximum):
    whole = min(int(maximum), MAX_WHOLE_EUROS) if maximum is not None else MAX_WHOLE_EUROS
    return {
        "description": 'Euros: a whole number (300), or a text with cents ("300.50"); at least 1, at '
        "most the resource's maximum per request. A JSON number with a fraction (300.5) is refused.",
        "oneOf": [
            {"type": "integer", "minimum": 1, "maximum": whole},
            {"type": "string", "pattern": amount_text(whole)},
        ],
    }


def _resources():
    """Live resources (any language version) by kind, with what limits a line of each."""
    return list(
        Resource.objects.live().order_by("pk").values("pk", "kind", "units", "max_amount_per_request")
    )


def _grouped(rows, key):
    groups = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row["pk"])
    return groups


def _units_items(rows):
    """Items to borrow and rooms: one schema per number of units (the most a line can ask for)."""
    found = []
    for units, ids in sorted(_grouped(rows, lambda row: max(row["units"] or 1, 1)).items()):
        quantity = {"type": "integer", "minimum": 1, "maximum": min(units, MAX_QUANTITY)}
        found.append(
            {
                "title": f"ItemToBorrowOrRoom{units}",
                "description": f"An item to borrow or a room of which there are {units}: how many (at most "
                f"{units}{'' if units > 1 else ', may be left out'}), from which day, until which day.",
                "type": "object",
                "additionalProperties": False,
                "required": ["resource", "start", *(["quantity"] if units > 1 else [])],
                "properties": {
                    "resource": {"enum": ids, "description": "The resource's id."},
                    "quantity": quantity if units > 1 else {"anyOf": [quantity, {"type": "null"}]},
                    "start": {**_ref("FirstDay"), "description": "The first day (a bookable day)."},
                    "end": {
                        "anyOf": [_ref("LastDay"), {"type": "null"}],
                        "description": "The last day, included; the first day when left out.",
                    },
                    "amount": NULL,
                },
            }
        )
    return found


def _money_items(rows):
    """Money: one schema per maximum amount per request (none: up to the largest amount the server takes)."""
    found = []
    for maximum, ids in sorted(
        _grouped(rows, lambda row: Decimal(row["max_amount_per_request"] or MAX_WHOLE_EUROS)).items()
    ):
        found.append(
            {
                "title": f"ItemMoney{int(maximum)}",
                "description": f"Money: how much, at most {int(maximum)} euros.",
                "type": "object",
                "additionalProperties": False,
                "required": ["resource", "amount"],
                "properties": {
                    "resource": {"enum": ids, "description": "The resource's id."},
                    "amount": _amount(maximum),
                    "quantity": NULL,
                    "start": NULL,
                    "end": NULL,
                },
            }
        )
    return found


def _other_item(rows):
    return {
        "title": "ItemCoachingOrOther",
        "description": "Coaching, practical support or another offer: the resource only.",
        "type": "object",
        "additionalProperties": False,
        "required": ["resource"],
        "properties": {
            "resource": {"enum": [row["pk"] for row in rows], "description": "The resource's id."},
            "quantity": NULL,
            "start": NULL,
            "end": NULL,
            "amount": NULL,
        },
    }


def _text(pattern, max_length, description=""):
    schema = {"type": "string", "maxLength": max_length, "pattern": pattern}
    if description:
        schema["description"] = description
    return schema


def _nullable(schema, description):
    return {"anyOf": [schema, {"type": "null"}], "description": description}


def schemas():
    """{component name: schema}: the request body and its parts, as of now."""
    today = timezone.localdate()
    last_first_day = today + datetime.timedelta(days=settings.REQUESTS_MAX_DAYS_AHEAD)
    rows = _resources()
    kinds = {
        "units": [row for row in rows if row["kind"] in Resource.UNIT_KINDS],
        "money": [row for row in rows if row["kind"] in Resource.MONEY_KINDS],
    }
    kinds["other"] = [row for row in rows if row not in kinds["units"] and row not in kinds["money"]]
    items = [
        *_units_items(kinds["units"]),
        *_money_items(kinds["money"]),
        *([_other_item(kinds["other"])] if kinds["other"] else []),
    ]
    slots = [slot.pk for slot in upcoming_slots() if not slot.is_full]
    partners = list(PartnerOrganisation.objects.live().order_by("pk").values_list("pk", flat=True))
    districts = list(District.objects.order_by("slug").values_list("slug", flat=True))
    fields = list(
        EngagementField.objects.filter(live=True, locale__language_code=settings.LANGUAGE_CODE)
        .order_by("slug")
        .values_list("slug", flat=True)
    )
    body = {
        "title": "RequestIn",
        "description": "A request: the association, the contact person, the plan, the consultation and "
        "the basket. Built when this document is served, from what exists and is free now.",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "association_name",
            "contact_name",
            "email",
            "consultation_language",
            "plan_title",
            "plan_description",
            "slot",
            "consent",
        ],
        "properties": {
            "association_name": _text(ONE_LINE, 200, "On one line."),
            "register_number": _text(ONE_LINE_OR_EMPTY, 40, "e.g. VR 12345; empty if not registered."),
            "district": _nullable(
                {"type": "string", "enum": districts}, "A district's slug, see /api/v3/districts/."
            ),
            "contact_name": _text(ONE_LINE, 120, "On one line."),
            "email": {"type": "string", "format": "email", "maxLength": 254},
            "phone": _text(PHONE, 40, "Digits, spaces and + ( ) / - . only; needed for a call back."),
            "consultation_language": {
                "type": "string",
                "enum": list(OFFER_LANGUAGES),
                "description": "The language wished for the consultation.",
            },
            "plan_title": _text(ONE_LINE, 200, "On one line."),
            "plan_description": _text(NOT_BLANK, 4000),
            "plan_start": _nullable(_ref("FirstDay"), "The plan's first day (a bookable day)."),
            "plan_end": _nullable(
                {"type": "string", "format": "date", "pattern": _days_from(today)},
                "The plan's last day, not before `plan_start` (which it needs).",
            ),
            "participants": _nullable(
                {"type": "integer", "minimum": 1, "maximum": MAX_PARTICIPANTS}, "Expected participants."
            ),
            "engagement_field": _nullable(
                {"type": "string", "enum": fields},
                "An engagement field's slug, see /api/v3/engagement-fields/.",
            ),
            "partners": {
                "type": "array",
                "maxItems": 50,
                "items": {"type": "integer", "enum": partners},
                "description": "Ids of partner organisations (any language version), see /api/v3/partners/.",
            },
            "other_partners": _text(NO_NUL, 500, "Partners not in the directory."),
            "slot": {
                "description": "The `id` of a consultation time with a free place (`GET "
                '/api/v3/consultation-times/`), or "callback" to be called back (then `phone` is needed).',
                "anyOf": [{"type": "integer", "enum": slots}, {"type": "string", "const": CALLBACK}]
                if slots
                else [{"type": "string", "const": CALLBACK}],
            },
            "callback_times": _text(ONE_LINE_OR_EMPTY, 200, "When to call, e.g. 'weekdays after 5 pm'."),
            "consent": {
                "type": "boolean",
                "const": True,
                "description": "Consent to storing and processing the details; must be true.",
            },
            "items": {
                "type": "array",
                "maxItems": settings.REQUESTS_BASKET_MAX_ITEMS,
                "items": {"oneOf": items} if items else {"not": {}},
                "description": "The basket: one line per resource.",
            },
        },
        "allOf": [
            {
                "if": {"properties": {"slot": {"const": CALLBACK}}, "required": ["slot"]},
                "then": {"required": ["phone"], "properties": {"phone": {"pattern": PHONE_GIVEN}}},
            },
            {
                "if": {"properties": {"plan_end": {"type": "string"}}, "required": ["plan_end"]},
                "then": {"required": ["plan_start"], "properties": {"plan_start": {"type": "string"}}},
            },
        ],
    }
    found = {
        "RequestIn": body,
        "FirstDay": {
            "type": "string",
            "format": "date",
            "description": "A bookable day: today up to the last day requests are taken for.",
            "enum": _days(today, last_first_day),
            "examples": [(today + datetime.timedelta(days=1)).isoformat()],
        },
        "LastDay": {
            "type": "string",
            "format": "date",
            "description": "A last day: a bookable day, or up to the longest period after the last one.",
            "examples": [(today + datetime.timedelta(days=2)).isoformat()],
            "enum": _days(
                today, last_first_day + datetime.timedelta(days=settings.REQUESTS_MAX_PERIOD_DAYS - 1)
            ),
        },
    }
    body["examples"] = [example(rows, slots, districts, today)]
    return {OPERATION: found}


def _days_from(day):
    from api.accepted import days_from

    return days_from(day)


def served_example():
    """The example body as the document serves it now."""
    return schemas()[OPERATION]["RequestIn"]["examples"][0]


def example(rows, slots, districts, today):
    """A body the server accepts now: a free consultation time (else a call back) and a resource of each
    kind that has one free tomorrow (`resource_requests.stock`)."""
    from catalogue import availability

    body = {
        "association_name": "Elternverein Regenbogen e.V.",
        "contact_name": "Leyla Demir",
        "email": "leyla@example.org",
        "phone": "0231 123456",
        "consultation_language": "tr",
        "plan_title": "Sommerfest",
        "plan_description": "Ein Fest für die Nachbarschaft.",
        "slot": slots[0] if slots else CALLBACK,
        "consent": True,
        "items": [],
    }
    if districts:
        body["district"] = districts[0]
    day = today + datetime.timedelta(days=1)
    resources = Resource.objects.live().filter(
        pk__in=[row["pk"] for row in rows], locale__language_code=settings.LANGUAGE_CODE
    )
    kinds = set()
    for resource in resources.order_by("pk"):
        if resource.counts_units in kinds or not (resource.counts_units or resource.counts_money):
            continue
        if resource.available_from and resource.available_from > day:
            continue
        if resource.available_until and resource.available_until < day:
            continue
        if resource.counts_units:
            if availability.free_units_by_day(resource, day, day).get(day, 0) >= 1:
                body["items"].append({"resource": resource.pk, "quantity": 1, "start": day.isoformat()})
                kinds.add(True)
        elif (
            resource.counts_money
            and availability.budget_left(resource) >= 50
            and (resource.max_amount_per_request or 50) >= 50
        ):
            body["items"].append({"resource": resource.pk, "amount": 50})
            kinds.add(False)
    return body
