"""The OpenAPI document as a contract: built once, in English, and completed where django-ninja is silent.

django-ninja builds the document from the routers' schemas; field titles come from the models'
`verbose_name`s (lazy translations), so without care the document would speak the language of whoever
asked first. `document()` builds it under `translation.override("en")` and keeps it for the life of the
process (it depends on the code only; `api.caching` dates it to the process start), whatever
`Accept-Language` or `?lang=` the request for it has.

What `complete()` adds to what the routers say:
- `servers` (the portal itself: the paths carry the /api/v3/ prefix) and `tags` with a description each;
- on every read (`GET` answering 200) the caching headers `ETag`, `Last-Modified`, `Cache-Control` and
  `Content-Language`, and the `304 Not Modified` answer to `If-None-Match` / `If-Modified-Since`;
- `Location` on 201 and 302 answers, `Retry-After` on 429 answers;
- decimal fields (money, given as strings) have a string `default`, as their type says (a number there
  makes the document invalid).

`tests/test_api_contract.py` checks the result with `openapi-spec-validator` and holds it to this list.
"""

import copy
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

TAGS = {
    "API": "What this API offers: the addresses of the document, the reference and every list.",
    "Pages": "The web site's pages (Wagtail's page tree) in every language, with their translations.",
    "Resources": "The resource catalogue: what associations can borrow, book or have paid, with "
    "availability for a day or a period.",
    "Partner organisations": "Municipal and civil-society organisations an association can work with.",
    "Events": "Workshops, network meetings and association events, as on the events page.",
    "Engagement examples": "Stories of associations' projects: what they did, with whom, with which resources.",
    "Requests": "Submit a request (resources and a consultation) and read its status with its token.",
    "Districts": "Dortmund's twelve districts (Stadtbezirke).",
    "Engagement fields": "The fields of engagement resources, partners and examples are filed under.",
    "Resource categories": "The kinds of resources of the catalogue.",
    "Cooperation topics": "What partner organisations offer to cooperate on.",
    "Target groups": "Whom events and offers are for.",
    "Spoken languages": "Languages partner organisations and resources are offered in.",
    "Changes": "What was published, changed or withdrawn since a given time, for apps that keep a copy.",
}

HEADERS = {
    "ETag": {
        "description": "A hash of the body: send it back as `If-None-Match` to get 304 when nothing changed.",
        "schema": {"type": "string", "examples": ['"5d41402abc4b2a76b9719d911017c592ae8e8a9c"']},
    },
    "Last-Modified": {
        "description": "When editors last changed content (never before the server started); send it "
        "back as `If-Modified-Since`.",
        "schema": {"type": "string", "examples": ["Wed, 02 Dec 2026 10:00:00 GMT"]},
    },
    "Cache-Control": {
        "description": "`public, max-age=…` for content; `private, no-store` for personal data.",
        "schema": {"type": "string", "examples": ["public, max-age=60"]},
    },
    "Content-Language": {
        "description": "The language of the response (see `lang`).",
        "schema": {"type": "string", "examples": ["ar"]},
    },
    "Location": {
        "description": "201: the address of what was created (the request's status); 302: where to go.",
        "schema": {"type": "string", "format": "uri"},
    },
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "string", "pattern": "^[0-9]+$", "examples": ["60"]},
    },
}
READ_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Content-Language")
NOT_MODIFIED = (
    "Not Modified: the copy the client has (`If-None-Match` / `If-Modified-Since`) is still current; no body."
)

_cache = {}


def document(build, key):
    """The English document for `key` (django-ninja's path prefix and parameters), built by `build()` once."""
    if key not in _cache:
        with translation.override("en"):
            built = build()
            # Lazy strings and other values become plain JSON now, in English.
            _cache[key] = complete(json.loads(json.dumps(built, cls=DjangoJSONEncoder)))
    return copy.deepcopy(_cache[key])


def complete(document):
    document["servers"] = [
        {"url": "/", "description": "This portal: the paths start with the API's prefix, /api/v3/."}
    ]
    used = []
    for path_item in document["paths"].values():
        for method, operation in path_item.items():
            for tag in operation.get("tags", ()):
                if tag not in used:
                    used.append(tag)
            _responses(method, operation)
    document["tags"] = [{"name": tag, "description": TAGS.get(tag, tag)} for tag in used]
    components = document.setdefault("components", {})
    components["headers"] = HEADERS
    for schema in components.get("schemas", {}).values():
        _string_defaults(schema)
    return document


def _ref(name):
    return {"$ref": f"#/components/headers/{name}"}


def _responses(method, operation):
    responses = operation.setdefault("responses", {})
    if method == "get" and "200" in responses:
        responses["200"].setdefault("headers", {}).update({name: _ref(name) for name in READ_HEADERS})
        responses["304"] = {
            "description": NOT_MODIFIED,
            "headers": {name: _ref(name) for name in ("ETag", "Last-Modified", "Cache-Control")},
        }
    for status in ("201", "302"):
        if status in responses:
            responses[status].setdefault("headers", {})["Location"] = _ref("Location")
    if "429" in responses:
        responses["429"].setdefault("headers", {})["Retry-After"] = _ref("Retry-After")


def _string_defaults(schema):
    """Decimal fields are strings in JSON; a numeric default (a model field's `default=0`) becomes one too."""
    for prop in schema.get("properties", {}).values():
        if prop.get("type") == "string" and isinstance(prop.get("default"), int | float):
            prop["default"] = str(prop["default"])
        for option in prop.get("anyOf", ()):
            if option.get("type") == "string" and isinstance(prop.get("default"), int | float):
                prop["default"] = str(prop["default"])
