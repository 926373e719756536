"""The values filters accept where they come from the database or the calendar: one source for the server
and the OpenAPI document.

A filter's value is checked against what exists: `?district=eving` must name a district, `?category=`
a published resource category, `?month=` a month the list covers, `?start=` a day not yet past. The
document says exactly that, so that a client generated from it never sends what the server refuses:

- **Enumerated values** (`enum`): every filter whose values are rows (districts, terms) or depend on the
  date (months) lists them, built from the database when the document is served (`values()`, the
  registered `SOURCES`). Each list endpoint's facets are registered by its collection
  (`api.collections.Collection.accepted_values`); `api.facets.choose` refuses a value outside the same
  list, so the server and the document cannot drift apart.
- **Every language the same values.** Terms have one slug in every language (a synchronised field), and a
  filter takes every value that the list offers in *any* language – a term published only in Arabic
  as well – whatever `lang` says: one `enum` per parameter is then exactly what the server accepts for
  each language (the facets in the answer still count the requested language's options).
- **Days**: parameters that take today or a later day (a resource's `start`/`end`) get a `pattern` that
  admits exactly the dates from today on (`days_from`), besides `format: date`.
- **Kept per content generation and day**: the values change when editors publish or withdraw a term
  (the page cache's generation, `home.page_cache`, moves then) and when the date changes (months,
  "today or later"); `values()` is kept under both while the page cache is on, and read afresh otherwise.
  The document's `ETag` is the hash of its bytes, so it changes exactly when the values do.

Request bodies whose values depend on content or the moment (`POST /api/v3/requests/`: resources,
consultation times with a free place, bookable days) register a source of their schemas with
`register_body` (e.g. `resource_requests.request_body_endpoints`); these are built afresh whenever the document is
served.

What no JSON schema can say – a rule between two parameters (`end` not before `start`) – is written in
the operation's description (`RULES`) and answered with a 422 naming the parameter; see docs/api.md.
"""

import datetime

from django.utils import timezone

from home import page_cache

# callables() -> {operation id: {parameter: {JSON schema keywords}}} (an `enum`, or a `pattern`), one per
# collection (`api.collections.Collection.accepted_values`) and per endpoint module with such parameters.
SOURCES = []
# operation id -> [sentence]: rules between parameters, added to the operation's description.
RULES = {}
# callables() -> {operation id: {component name: schema}}: request bodies whose values depend on content
# or the moment (`register_body`), read afresh whenever the document is served.
BODIES = []


def register(source, *, rules=None):
    """`source()` gives the schema keywords of the parameters that depend on content or date, by operation:
    {operation id: {parameter: {"enum": [...]}}} or `{"pattern": ...}`. `rules`: {operation id: [sentence]}."""
    if source not in SOURCES:
        SOURCES.append(source)
    for operation_id, sentences in (rules or {}).items():
        RULES[operation_id] = list(sentences)


def register_body(source, *, rules=None):
    """`source()` gives the component schemas of an operation's request body as of now, e.g.
    `{"requests_create": {"RequestIn": {...}, "FirstDay": {...}}}` (the body and the schemas it refers to):
    they replace or add to the document's components when it is served. Not kept: a body may depend on
    what changes with every request (free places). `rules`: {operation id: [sentence]}, rules between
    fields, added to the operation's description."""
    if source not in BODIES:
        BODIES.append(source)
    for operation_id, sentences in (rules or {}).items():
        RULES[operation_id] = list(sentences)


def enums(values):
    """{parameter: [values]} as schema keywords."""
    return {name: {"enum": list(found)} for name, found in values.items()}


def values():
    """{operation id: {parameter: {keywords}}} now (kept per content generation and day)."""
    today = timezone.localdate()
    return page_cache.kept(
        f"api-accepted:{today.isoformat()}",
        lambda: {operation_id: found for source in SOURCES for operation_id, found in source().items()},
    )


def facet_values(listings):
    """{parameter: [values]}: every option of the facets of `listings` (one per language, and per list
    where an endpoint has several, e.g. upcoming and past events), in order of first appearance."""
    found = {}
    for listing in listings:
        for facet in listing.facets:
            known = found.setdefault(facet.param, [])
            for option in listing.options[facet.param]:
                if option.value not in known:
                    known.append(option.value)
    return found


# --- Days from today on --------------------------------------------------------------------------------

MONTH = r"(?:0[1-9]|1[0-2])"
DAY = r"(?:0[1-9]|[12][0-9]|3[01])"


def _digits_from(low, width):
    """A regular expression for the `width`-digit numbers (leading zeros) from `low` up."""
    text = f"{low:0{width}d}"
    options = [text]
    for position, digit in enumerate(text):
        if digit == "9":
            continue
        rest = width - position - 1
        higher = str(int(digit) + 1) if int(digit) == 8 else f"[{int(digit) + 1}-9]"
        options.append(text[:position] + higher + (rf"[0-9]{{{rest}}}" if rest else ""))
    return "(?:" + "|".join(options) + ")"


def _months_from(low):
    """01-12 from month `low` on."""
    if low == 12:
        return "12"
    if low >= 10:
        return f"(?:1[{low - 10}-2])"
    if low == 9:
        return "(?:09|1[0-2])"
    return f"(?:0[{low}-9]|1[0-2])"


def _days_from(low):
    """01-31 from day `low` on (whether the month has that day, `format: date` says)."""
    if low == 1:
        return DAY
    tens, ones = divmod(low, 10)
    options = [f"{tens}[{ones}-9]" if tens < 3 else f"3[{ones}-1]" if ones <= 1 else ""]
    options += [f"{t}[0-9]" for t in range(tens + 1, 3)]
    if tens < 3:
        options.append("3[01]")
    return "(?:" + "|".join(option for option in options if option) + ")"


def days_from(day):
    """A `pattern` admitting the dates (YYYY-MM-DD) from `day` on: that year's later days and months, and
    every later year (up to 9999)."""
    year, month = f"{day.year:04d}", f"{day.month:02d}"
    options = [rf"{year}-{month}-{_days_from(day.day)}"]
    if day.month < 12:
        options.append(rf"{year}-{_months_from(day.month + 1)}-{DAY}")
    if day.year < 9999:
        options.append(rf"{_digits_from(day.year + 1, 4)}-{MONTH}-{DAY}")
    return "^(?:" + "|".join(options) + ")$"


def months_between(first, last):
    """Every month from `first` to `last` (first days of months) as YYYY-MM."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month.strftime("%Y-%m"))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


# --- The document -------------------------------------------------------------------------------------


def describe_rules(document):
    """The rules between parameters (`RULES`) at the end of their operations' descriptions (part of the
    contract: they depend on the code only)."""
    for path_item in document["paths"].values():
        for operation in path_item.values():
            rules = RULES.get(operation.get("operationId"))
            if rules:
                text = "Between parameters: " + " ".join(rules)
                operation["description"] = f"{operation.get('description', '')}\n\n{text}".strip()
    return document


def complete(document):
    """The contract `document` (a copy) with today's values of every registered parameter."""
    found = values()
    for path_item in document["paths"].values():
        for operation in path_item.values():
            keywords = found.get(operation.get("operationId"), {})
            for parameter in operation.get("parameters", ()):
                if parameter["in"] == "query" and parameter["name"] in keywords:
                    _narrow(parameter["schema"], keywords[parameter["name"]])
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for source in BODIES:
        for found in source().values():
            schemas.update(found)
    return document


def _narrow(schema, keywords):
    """Put `keywords` on the string part of a parameter's schema (the items of a list, the option of a
    nullable value that is not null)."""
    if schema.get("type") == "array":
        schema = schema.setdefault("items", {})
    elif "anyOf" in schema:
        schema = next(option for option in schema["anyOf"] if option.get("type") != "null")
    schema.update(keywords)
    if "enum" in keywords:
        schema.pop("pattern", None)  # the values say it all
