"""Strict query parameters: what the OpenAPI document does not name is refused, not ignored.

A misspelt filter (`?categroy=raeume`) silently ignored gives a client everything and no hint; a
single-value parameter given twice (`?limit=5&limit=50`) leaves it guessing which one counted. Both are a
422 problem naming the parameter, in the response's language, with a "did you mean" for a near miss
(`difflib`).

The document is the one source: the query parameters of each operation and whether each takes a list
(`type: array`: repeat it for several values) come from `api.contract.document()`, so the server accepts
exactly what the contract says. `APIMiddleware.process_view` calls `check()` before the view's own
validation; operations are found by their URL name, which is their operation id (every endpoint of
the portal gives both the same name; `tests/test_api_contract.py` holds them to it).

An operation whose parameters depend on the request (the pages list: with `type`, any of that page
type's `api_fields` filters) registers `EXTRA[operation_id] = callable(request) -> names` for what it
accepts beyond the document.
"""

import difflib
from functools import lru_cache

from django.urls import reverse
from django.utils.translation import gettext

from .errors import DETAILS, problem_response

# operation id -> callable(request) -> set of further query parameters that operation accepts.
EXTRA = {}


def _repeatable(schema):
    if schema.get("type") == "array":
        return True
    return any(option.get("type") == "array" for option in schema.get("anyOf", ()))


@lru_cache(maxsize=1)
def operations(api):
    """{operation id: {HTTP method: {query parameter: repeatable}}} from `api`'s served document."""
    document = api.contract(path_prefix=reverse("api:index"))
    found = {}
    for path_item in document["paths"].values():
        by_method = {
            method.upper(): {
                parameter["name"]: _repeatable(parameter.get("schema", {}))
                for parameter in operation.get("parameters", ())
                if parameter["in"] == "query"
            }
            for method, operation in path_item.items()
        }
        for operation in path_item.values():
            found[operation["operationId"]] = by_method
    return found


def errors(request, api, operation_id):
    """Problem `errors` entries for the unknown and repeated query parameters of `request`."""
    by_method = operations(api).get(operation_id)
    if by_method is None or request.method not in by_method:
        return []
    known = by_method[request.method]
    found = []
    extra = None
    for name, values in request.GET.lists():
        if name not in known:
            if extra is None:
                extra = EXTRA[operation_id](request) if operation_id in EXTRA else set()
            if name in extra:
                continue
            close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.7)
            if close:
                message = gettext("Unknown parameter “%(name)s”. Did you mean “%(match)s”?") % {
                    "name": name[:100],
                    "match": close[0],
                }
            else:
                message = gettext("Unknown parameter “%(name)s”. This address takes: %(names)s.") % {
                    "name": name[:100],
                    "names": ", ".join(known) or "–",
                }
            found.append({"loc": ["query", name[:100]], "msg": message, "type": "unknown_parameter"})
        elif len(values) > 1 and not known[name]:
            found.append(
                {
                    "loc": ["query", name],
                    "msg": gettext("Give this parameter only once."),
                    "type": "repeated_parameter",
                }
            )
    return found


def check(request, api, operation_id):
    """None, or the 422 problem response naming every unknown and repeated parameter."""
    found = errors(request, api, operation_id)
    return problem_response(422, DETAILS[422], found) if found else None
