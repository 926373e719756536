"""The OpenAPI document as a contract: built once, in English, and completed where django-ninja is silent.

django-ninja builds the document from the routers' schemas; field titles come from the models'
`verbose_name`s (lazy translations), so without care the document would speak the language of whoever
asked first. `document()` builds it under `translation.override("en")` and keeps it for the life of the
process (it depends on the code only), whatever `Accept-Language` or `?lang=` the request for it has. The
served document adds the values of the day to it (`api.accepted`: filter values from the database, dates
from today on), read when it is served.

What `complete()` adds to what the routers say:
- `servers` (the portal itself: the paths carry the /api/v3/ prefix) and `tags` with a description each;
- on every read (`GET` answering 200) the caching headers `ETag`, `Last-Modified`, `Cache-Control` and
  `Content-Language`, and the `304 Not Modified` answer to `If-None-Match` / `If-Modified-Since`;
- `Location` on 201 and 302 answers, `Retry-After` on 429 answers;
- decimal fields (money, given as strings) have a string `default`, as their type says (a number there
  makes the document invalid);
- the rate limit's headers (`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`) on every answer of
  a rate-limited operation that counted the request (`RATE_LIMITED`);
- OpenAPI `links` from answers to the operations they lead to (`LINKS`: a list to an item's detail, a
  consultation time to the request that books it, a created request to its status), which clients and
  schemathesis' stateful tests follow;
- an example on every schema: the schemas' own where they have one (hand-written, e.g. `Problem`,
  `ConsultationTime`), else one built from the schema (`_example`: a property's own example, default or
  first enum value, a realistic value by the property's name, else one of its type), valid against it.

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
    "Consultation times": "Times for a consultation with a free place, in person, by video or by phone, "
    "and their languages: the `slot` a request books.",
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
HEADERS.update(
    {
        "RateLimit-Limit": {
            "description": "How many requests of this kind a client address may send per window "
            "(IETF draft `RateLimit` header fields, draft-ietf-httpapi-ratelimit-headers).",
            "schema": {"type": "string", "pattern": "^[0-9]+$", "examples": ["10"]},
        },
        "RateLimit-Remaining": {
            "description": "How many more this client address may send now.",
            "schema": {"type": "string", "pattern": "^[0-9]+$", "examples": ["9"]},
        },
        "RateLimit-Reset": {
            "description": "Seconds until one more request fits when none remains (then also "
            "`Retry-After`); otherwise until the current window ends.",
            "schema": {"type": "string", "pattern": "^[0-9]+$", "examples": ["1800"]},
        },
    }
)
RATE_LIMIT_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")
# Operations counted by a rate limit (home.antispam), and the answers that come after the counting.
RATE_LIMITED = {"requests_create": ("201", "409", "422", "429")}
# Descriptions of answers that say more than the status's name: {operation id: {status: text}}.
RESPONSE_DESCRIPTIONS = {
    "requests_create": {
        "409": "Conflict: the body is valid, but something in it is no longer (or not yet) possible now. "
        "The problem's `type` says what: `not_free` (units no longer free on a day), `budget_used_up`, "
        "`budget_short` (less left than asked for), `full` (the consultation time was booked up), "
        "`not_bookable` (a day or an offer not bookable any more, or not yet); `errors` names each field. "
        "Also 409 (`about:blank`) while a request with the same `Idempotency-Key` is being processed. Read "
        "the current state (the document, the consultation times, the resources) and send again.",
        "422": "The body does not keep to the schema or to a rule between fields (see the description); "
        '`errors[].loc` names each field, e.g. `["body", "items", 0, "amount"]`.',
    }
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
    _rate_limits(document)
    _links(document)
    _examples(components.get("schemas", {}))
    return document


def _ref(name):
    return {"$ref": f"#/components/headers/{name}"}


def _responses(method, operation):
    responses = operation.setdefault("responses", {})
    for status, text in RESPONSE_DESCRIPTIONS.get(operation.get("operationId"), {}).items():
        if status in responses:
            responses[status]["description"] = text
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


# --- Rate limits --------------------------------------------------------------------------------------


def _rate_limits(document):
    for path_item in document["paths"].values():
        for operation in path_item.values():
            for status in RATE_LIMITED.get(operation.get("operationId"), ()):
                response = operation.get("responses", {}).get(status)
                if response is not None:
                    response.setdefault("headers", {}).update(
                        {name: _ref(name) for name in RATE_LIMIT_HEADERS}
                    )


# --- Links between operations -------------------------------------------------------------------------

FIRST_ITEM = "$response.body#/items/0/id"
# {operation id: {status: {link name: (target operation id, {parameter: expression}, request body or None)}}}
LINKS = {
    "resources_list": {"200": {"FirstResource": ("resources_detail", {"resource_id": FIRST_ITEM}, None)}},
    "partners_list": {"200": {"FirstPartner": ("partners_detail", {"partner_id": FIRST_ITEM}, None)}},
    "events_list": {"200": {"FirstEvent": ("events_detail", {"page_id": FIRST_ITEM}, None)}},
    "examples_list": {"200": {"FirstExample": ("examples_detail", {"page_id": FIRST_ITEM}, None)}},
    "pages_list": {"200": {"FirstPage": ("pages_detail", {"page_id": FIRST_ITEM}, None)}},
    "consultation_times_list": {
        "200": {
            "FirstConsultationTime": ("consultation_times_detail", {"slot_id": FIRST_ITEM}, None),
            "BookFirstConsultationTime": ("requests_create", {}, {"slot": FIRST_ITEM}),
        }
    },
    "consultation_times_detail": {
        "200": {"BookConsultationTime": ("requests_create", {}, {"slot": "$response.body#/id"})}
    },
    "requests_create": {
        "201": {"RequestStatus": ("requests_status", {"token": "$response.body#/token"}, None)}
    },
}


def _links(document):
    operations = {
        operation["operationId"]: operation
        for path_item in document["paths"].values()
        for operation in path_item.values()
    }
    for source, by_status in LINKS.items():
        for status, links in by_status.items():
            response = operations.get(source, {}).get("responses", {}).get(status)
            if response is None:
                continue
            for name, (target, parameters, body) in links.items():
                if target not in operations:
                    continue
                link = {"operationId": target, "description": operations[target].get("summary", target)}
                if parameters:
                    link["parameters"] = parameters
                if body is not None:
                    link["requestBody"] = body
                response.setdefault("links", {})[name] = link


# --- Examples -----------------------------------------------------------------------------------------

SITE = "https://portal.example.org"
# Realistic values by property name, used where the schema allows them.
BY_NAME = {
    "slug": "bildung",
    "title": "Sommerfest im Quartier",
    "name": "Elternverein Regenbogen e.V.",
    "association_name": "Elternverein Regenbogen e.V.",
    "contact_name": "Leyla Demir",
    "locale": "ar",
    "language": "ar",
    "lang": "ar",
    "content_language": "de",
    "consultation_language": "tr",
    "code": "tr",
    "email": "info@example.org",
    "contact_email": "info@example.org",
    "phone": "0231 123456",
    "contact_phone": "0231 123456",
    "street": "Beuthstraße 21",
    "postcode": "44147",
    "city": "Dortmund",
    "time_zone": "Europe/Berlin",
    "reference": "HOR-2026-00042",
    "html": "<p>Ein Fest für die Nachbarschaft.</p>",
    "raw": "<p>Ein Fest für die Nachbarschaft.</p>",
    "summary": "Ein Fest für die Nachbarschaft.",
    "description": "Ein Fest für die Nachbarschaft.",
    "month": "2026-12",
    "site": "portal.example.org",
    "file_extension": "pdf",
    "type": "about:blank",
    "q": "Beamer",
    "plan_title": "Sommerfest",
    "plan_description": "Ein Fest für die Nachbarschaft.",
    "heading": "Nach der Zusage",
    "label": "Bildung",
    "text": "Bitte Angebote mitbringen.",
}
BY_FORMAT = {
    "date": "2026-12-09",
    "date-time": "2026-12-09T10:00:00+01:00",
    "uri": f"{SITE}/ar/",
    "email": "info@example.org",
}
BY_TYPE = {"string": "text", "integer": 1, "number": 1, "boolean": True, "null": None}


def _example(schema, schemas, name="", depth=0):
    """A value `schema` accepts, preferring its own example, default or first enum value."""
    if "$ref" in schema:
        target = schema["$ref"].rsplit("/", 1)[-1]
        found = schemas.get(target, {})
        if found.get("examples"):
            return copy.deepcopy(found["examples"][0])
        return _example(found, schemas, name, depth + 1) if depth < 8 else None
    if schema.get("examples"):
        return copy.deepcopy(schema["examples"][0])
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    if "default" in schema and schema["default"] not in (None, [], {}):
        return copy.deepcopy(schema["default"])
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if option.get("type") != "null"]
        return _example(options[0], schemas, name, depth) if options else None
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        return {
            key: _example(value, schemas, key, depth + 1)
            for key, value in schema.get("properties", {}).items()
            if key in schema.get("required", ()) or depth < 4
        }
    if kind == "array":
        if depth >= 6:
            return []
        return [_example(schema.get("items", {}), schemas, name.removesuffix("s"), depth + 1)]
    if kind == "string":
        return _string_example(schema, name)
    if kind in ("integer", "number"):
        return max(schema.get("minimum", 1), 1) if "maximum" not in schema else schema.get("minimum", 0)
    return BY_TYPE.get(kind, "text") if kind else "text"


def _string_example(schema, name):
    pattern = schema.get("pattern", "")
    if pattern == r"^\d{4}-\d{2}-\d{2}$":
        return BY_FORMAT["date"]
    if pattern == r"^\d{4}-\d{2}$":
        return "2026-12"
    if pattern.startswith("^[A-Za-z0-9.-]+"):
        return "portal.example.org"
    if schema.get("format") in BY_FORMAT:
        return BY_FORMAT[schema["format"]]
    if name.endswith("url") or name in ("website", "next", "previous", "openapi", "docs", "reference"):
        return (
            f"{SITE}/api/v3/"
            if "detail" in name or name in ("next", "previous", "openapi")
            else f"{SITE}/ar/"
        )
    if name.endswith("_at") or name in ("start", "end", "local_start", "local_end"):
        return BY_FORMAT["date-time"]
    if name.endswith(("_date", "date", "_from", "_until")) or name in ("due", "pick_up", "give_back"):
        return BY_FORMAT["date"]
    if name in ("amount", "price", "deposit", "granted") or name.endswith(("_amount", "_total", "_per_day")):
        return "300.00"
    text = BY_NAME.get(name, "text")
    return text[: schema.get("maxLength", len(text))]


def _examples(schemas):
    """Every component schema gets an example (`examples`, as JSON Schema 2020-12 has it)."""
    for schema in schemas.values():
        if not schema.get("examples"):
            schema["examples"] = [_example({**schema, "examples": None}, schemas)]
