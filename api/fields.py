"""`fields=`: which fields of each item a list or detail answer carries, as in Wagtail's v2 API.

    ?fields=title,slug        only these (with `id` and `meta`, which every item keeps)
    ?fields=*                 every field (the same as no `fields`)
    ?fields=-description      every field but these (`*,-description` says the same)

Names are the item schema's top-level fields; `id` and `meta` always come (`-id` and `-meta` are refused:
`meta.type` is what tells a page's type, and the pages' detail schema is a union told apart by it). A name the item
does not have is a 422 naming it, in the response's language, with a "did you mean" for a near miss.

How: the operations that take `fields` are the reads of items (`*_list`, `*_detail`, `*_by_slug` of the
content endpoints); `describe()` adds the parameter to each of them in the OpenAPI document, listing the
names that operation knows (from its 200 response schema) – its pattern takes exactly these names,
so a value the document allows is one the server accepts –, and marks the item schema's fields other
than `id` and `meta` as optional (they are, with `fields`). `api.strict` then accepts the parameter like any other
documented one; `APIMiddleware` checks it before the view (`check`) and drops the fields after it
(`select`), on the JSON the view made – the view reads what it always reads, so the number of queries
does not change (`tests/test_api_performance.py`).
"""

import difflib
import json
import re
from functools import lru_cache

from django.urls import reverse
from django.utils.translation import gettext

from .errors import DETAILS, problem_response

PARAMETER = "fields"
ALWAYS = ("id", "meta")
NAME = r"-?[A-Za-z_][A-Za-z0-9_]*"
PATTERN = rf"^(\*|{NAME})(,(\*|{NAME}))*$"
MAX_LENGTH = 1000
# Operations that answer with other things than content items.
NOT_ITEMS = {"index", "pages_find", "requests_create", "requests_status", "changes_list"}
SUFFIXES = ("_list", "_detail", "_by_slug")


def pattern(names):
    """The values `fields` takes for items with these field names: `*`, the names, and `-name` for every
    name but `id` and `meta` – exactly what `parse` accepts (the document is as strict as the server)."""
    droppable = "|".join(re.escape(name) for name in names if name not in ALWAYS)
    kept = "|".join(re.escape(name) for name in names if name in ALWAYS)
    item = rf"\*|-?(?:{droppable})" + (f"|{kept}" if kept else "")
    return rf"^(?:{item})(?:,(?:{item}))*$"


def _takes_fields(operation_id):
    return operation_id not in NOT_ITEMS and operation_id.endswith(SUFFIXES)


def _resolve(document, schema):
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _item_schemas(document, operation):
    """The component schemas of the items this operation answers with (several for a union)."""
    responses = operation.get("responses", {})
    response = responses.get(200) or responses.get("200") or {}  # int before the document is JSON
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return []
    if operation["operationId"].endswith("_list"):
        schema = _resolve(document, schema).get("properties", {}).get("items", {}).get("items", {})
    options = schema.get("oneOf") or schema.get("anyOf") or [schema]
    return [_resolve(document, option) for option in options]


def describe(document):
    """Add `fields` to every operation that reads items; make those items' fields other than `id` and `meta` optional.

    Called by `api.main.PortalAPI` on the document django-ninja built (before `api.contract.complete`)."""
    for path_item in document["paths"].values():
        for method, operation in path_item.items():
            if method != "get" or not _takes_fields(operation.get("operationId", "")):
                continue
            items = _item_schemas(document, operation)
            names = sorted({name for item in items for name in item.get("properties", {})})
            if not names:
                continue
            for item in items:
                if "required" in item:
                    item["required"] = [name for name in item["required"] if name in ALWAYS]
                    if not item["required"]:
                        del item["required"]
            operation.setdefault("parameters", []).append(
                {
                    "name": PARAMETER,
                    "in": "query",
                    "required": False,
                    "description": "The fields of each item to send, comma-separated: `title,slug` (only "
                    "these, with `id` and `meta`), `*` (all, the default), `-name` to leave one out "
                    "(`id` and `meta` always come). A name the items do not have is a 422. Fields: "
                    + ", ".join(f"`{name}`" for name in names)
                    + ".",
                    "schema": {"type": "string", "pattern": pattern(names), "maxLength": MAX_LENGTH},
                }
            )
    return document


@lru_cache(maxsize=1)
def known_fields(api):
    """{operation id: set of field names} for the operations that take `fields`, from the served document."""
    document = api.contract(path_prefix=reverse("api:index"))
    found = {}
    for path_item in document["paths"].values():
        for operation in path_item.values():
            for parameter in operation.get("parameters", ()):
                if parameter["name"] == PARAMETER and parameter["in"] == "query":
                    items = _item_schemas(document, operation)
                    found[operation["operationId"]] = {
                        name for item in items for name in item.get("properties", {})
                    }
    return found


def parse(value, known):
    """(fields to keep or None for all, errors) for the value of `fields`."""
    if not re.fullmatch(PATTERN, value or "") or len(value) > MAX_LENGTH:
        return None, [
            _error(
                gettext(
                    "Give field names separated by commas: “title,slug”, “*” for all, “-name” to leave one out."
                ),
                "invalid_fields",
            )
        ]
    chosen, dropped, errors = set(), set(), []
    every = False
    for name in value.split(","):
        if name == "*":
            every = True
            continue
        drop = name.startswith("-")
        bare = name.removeprefix("-")
        if bare not in known:
            close = difflib.get_close_matches(bare, sorted(known), n=1, cutoff=0.7)
            if close:
                message = gettext("Unknown field “%(name)s”. Did you mean “%(match)s”?") % {
                    "name": bare[:100],
                    "match": close[0],
                }
            else:
                message = gettext("Unknown field “%(name)s”. These items have: %(names)s.") % {
                    "name": bare[:100],
                    "names": ", ".join(sorted(known)),
                }
            errors.append(_error(message, "unknown_field"))
        elif drop and bare in ALWAYS:
            message = gettext("The field “%(name)s” always comes; it cannot be left out.") % {"name": bare}
            errors.append(_error(message, "invalid_fields"))
        elif drop:
            dropped.add(bare)
        else:
            chosen.add(bare)
    if errors:
        return None, errors
    keep = set(known) if every or not chosen else chosen | set(ALWAYS)
    keep = (keep & set(known)) - dropped
    return (None if keep == set(known) else keep), []


def _error(message, kind):
    return {"loc": ["query", PARAMETER], "msg": message, "type": kind}


def check(request, api, operation_id):
    """None, or the 422 problem response for a bad `fields`; remembers the selection on the request."""
    if PARAMETER not in request.GET:
        return None
    known = known_fields(api).get(operation_id)
    if known is None:
        return None  # `api.strict` refuses the parameter where the document does not name it
    keep, errors = parse(request.GET.get(PARAMETER), known)
    if errors:
        return problem_response(422, DETAILS[422], errors)
    request._api_fields = (keep, operation_id.endswith("_list"))
    return None


def select(request, response):
    """The view's 200 JSON answer with only the chosen fields of each item."""
    keep, is_list = getattr(request, "_api_fields", (None, False))
    if keep is None or response.status_code != 200 or response.streaming:
        return response
    if not response.get("Content-Type", "").startswith("application/json"):
        return response
    data = json.loads(response.content)
    if is_list:
        data["items"] = [_only(item, keep) for item in data.get("items", [])]
    else:
        data = _only(data, keep)
    response.content = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return response


def _only(item, keep):
    return {name: value for name, value in item.items() if name in keep}
