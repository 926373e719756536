"""Free text of a listing (catalogue, partner finder, ...) matched by the portal's search engine.

A listing filters, counts and pages its own model in the database (its filters – availability on a
date, capacity, kind of organisation – are the database's business). For its free-text field it asks
the search engine which objects match, through `match(kind, query, language)`: the same search entries,
analysers, typo tolerance and fallback as the search page, restricted to one content type and one
language (whose entries hold the German original where nothing is translated). What comes back is a
`TextMatch`, which the listing applies to its queryset without loading the matches into Python:

    matches = match("resource", "Beamr", "ar")
    resources = matches.filter(Resource.objects.filter(...))        # translation_key IN (...)
    resources = resources.order_by(*matches.rank(), "title")        # best match first
    matches.fuzzy                                                   # found through typo tolerance

- **Database backend** (`QueryMatch`): the match is a subquery over the search entries (full-text
  search of whole words, then words beginning as typed), the rank an expression of its score
  (`search.fts`: on SQLite the scores of all matches are computed once per statement). Nothing reaches
  Python; any number of matches.
- **Elasticsearch** (`KeyListMatch`): one request returns the matching translation keys, best first
  (only the keys: no documents, no objects), at most `SEARCH_LISTING_MATCH_LIMIT` (default 10,000,
  Elasticsearch's result window); they reach the database as *one* array parameter (PostgreSQL
  `= ANY`/`array_position`, SQLite `json_each`), so the SQL stays the same size however many match.

For code written against the earlier functions that returned a list of keys, a `TextMatch` also acts as
one: iterating gives the best keys (at most `ITERATION_LIMIT`), and `translation_key__in=matches` works
as SQL (a subquery or the array).
"""

import json
import uuid
from functools import cached_property

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    Expression,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    UUIDField,
    Value,
    When,
)

ITERATION_LIMIT = 500


def listing_match_limit():
    return getattr(settings, "SEARCH_LISTING_MATCH_LIMIT", 10_000)


class TextMatch:
    """What matched a listing's free text (see the module's docstring). Subclasses say how, in SQL."""

    engine = ""
    fuzzy = False
    iteration_limit = ITERATION_LIMIT  # how many keys iterating gives

    def filter(self, queryset, field="translation_key"):
        """`queryset` narrowed to the matches (`field`: the column holding the translation key)."""
        raise NotImplementedError

    def rank(self, field="translation_key"):
        """Expressions for `order_by(*matches.rank(), ...)`: best match first."""
        raise NotImplementedError

    def keys(self, limit=ITERATION_LIMIT):
        """The translation keys of the best `limit` matches, best first."""
        raise NotImplementedError

    def exists(self):
        raise NotImplementedError

    # Acting as the list of keys the earlier functions returned.

    def __iter__(self):
        return iter(self.keys(self.iteration_limit))

    def __bool__(self):
        return self.exists()

    def resolve_expression(self, *args, **kwargs):
        return self.as_keys_expression().resolve_expression(*args, **kwargs)


class NoMatch(TextMatch):
    """Nothing to search for (no words in the text) or nothing found."""

    def __init__(self, engine=""):
        self.engine = engine

    def filter(self, queryset, field="translation_key"):
        return queryset.none()

    def rank(self, field="translation_key"):
        return []

    def keys(self, limit=ITERATION_LIMIT):
        return []

    def exists(self):
        return False

    def as_keys_expression(self):
        return KeyArray([])


class QueryMatch(TextMatch):
    """Database backend: `whole` (entries matching whole words) and `begins` (entries whose words begin as
    typed), each a `search.fts` matches object (a subquery of entry ids, an ordering by score); `in_title`
    (optional) querysets of the entries with the words in their title, which rank first, in this order –
    or `titles` and `base`: those conditions on the title and the entries searched, from which `in_title`
    is made. Nothing is evaluated here."""

    engine = "database"

    def __init__(self, model, whole, begins, in_title=None, mixed=None, base=None, titles=None):
        self.model = model
        self.whole = whole
        self.begins = begins
        self.mixed = (
            mixed  # optional: a condition for entries matching some words whole, others as beginnings
        )
        # optional: the entries searched (a queryset, e.g. one language's): the statement around the
        # matches reads those rows alone, not every entry, to test the conditions above.
        self.base = base
        self.titles = titles
        if in_title is None and titles is not None:
            in_title = [(model.objects if base is None else base).filter(title) for title in titles]
        self.in_title = in_title

    @property
    def entries(self):
        """The matching search entries (a queryset)."""
        condition = Q(pk__in=self.whole.entry_ids()) | Q(pk__in=self.begins.entry_ids())
        if self.mixed is not None:
            condition |= self.mixed
        return (self.model.objects if self.base is None else self.base).filter(condition)

    def as_keys_expression(self):
        return self.entries.values("translation_key")

    def filter(self, queryset, field="translation_key"):
        return queryset.filter(**{f"{field}__in": self.entries.values("translation_key")})

    def rank(self, field="translation_key"):
        # Entries with the words in their title first, then those matching whole words (those that only
        # match as a beginning have no such score).
        title = [
            Exists(titled.filter(translation_key=OuterRef(field))).desc() for titled in self.in_title or []
        ]
        return [*title, self.whole.best_first(field), self.begins.best_first(field)]

    def keys(self, limit=ITERATION_LIMIT):
        return [key for _pk, key in self.ranked_entries(limit)]

    def ranked_entries(self, limit=ITERATION_LIMIT):
        """(entry id, translation key) of the best `limit` matching entries, best first."""
        if self.titles is None:
            ranking = self.rank("translation_key")
        else:
            # The entries ranked are those the title conditions are about: each row's own title is
            # tested (`rank` finds the entry of another row's key among all the base's entries, a scan
            # of every title of the language per condition).
            ranking = [
                *(Case(When(title, then=Value(1)), default=Value(0)).desc() for title in self.titles),
                self.whole.best_first("translation_key"),
                self.begins.best_first("translation_key"),
            ]
        ordered = self.entries.order_by(*ranking, "translation_key")
        return list(ordered.values_list("pk", "translation_key")[:limit])

    def exists(self):
        return self.entries.exists()


def ranked_once(query_match, limit=None):
    """The database backend's matches as the engine should read them: on PostgreSQL ranked once into keys
    (`KeyListMatch.ranked`: one statement ranks; the count, the page and every facet's count read the
    array), elsewhere the `QueryMatch` itself (SQLite ranks every match once per statement,
    `search.fts.SQLiteMatches`, and reading thousands of keys into Python would cost more)."""
    if connection.vendor == "postgresql":
        return KeyListMatch.ranked(query_match, limit)
    return query_match


class KeyListMatch(TextMatch):
    """Elasticsearch: the keys it found, best first, and how many it found in all."""

    engine = "elasticsearch"

    entry_ids = None

    def __init__(self, keys, total, fuzzy=False, engine=None):
        self._keys = KeyList(keys)
        self.total = total
        self.fuzzy = fuzzy
        if engine:
            self.engine = engine

    @classmethod
    def ranked(cls, query_match, limit=None):
        """The database backend on PostgreSQL: a `QueryMatch` ranked *once* – one statement gives the keys
        of the best `limit` matches (default `SEARCH_LISTING_MATCH_LIMIT`), best first – and from then on
        an array parameter, as Elasticsearch's keys are. A listing's or the search page's further
        statements (count, page, every facet's count) no longer search and score again each.
        `source` keeps the query for the tests."""
        limit = listing_match_limit() if limit is None else limit
        ranked = query_match.ranked_entries(limit)
        found = cls([key for _pk, key in ranked], len(ranked), query_match.fuzzy, engine=query_match.engine)
        # The matching search entries' own ids, best first: the search page, whose results are those
        # entries, counts, pages and facets them without finding each key's entry again.
        found.entry_ids = [pk for pk, _key in ranked]
        found.source = query_match
        return found

    def as_keys_expression(self):
        return KeyArray(self._keys)

    def filter(self, queryset, field="translation_key"):
        if not self._keys:
            return queryset.none()
        return queryset.filter(**{f"{field}__in": KeyArray(self._keys)})

    def rank(self, field="translation_key"):
        return [KeyPosition(F(field), self._keys).asc()] if self._keys else []

    def keys(self, limit=ITERATION_LIMIT):
        return list(self._keys[:limit])

    def exists(self):
        return bool(self._keys)


# --- Keys as one SQL parameter --------------------------------------------------------------------------


class KeyList(tuple):
    """Translation keys (UUIDs) in order, with their SQL parameters worked out once.

    A listing's statements pass the same keys many times (the count of each facet, the page, "free
    this month"): 2,500–10,000 keys at the search mix's scale. Turning each key into text again for every
    statement, and letting the driver quote a list of thousands of strings, cost 100–150 ms a page; the
    parameters are made once per list instead and passed as *one* text each.
    """

    def __new__(cls, keys=()):
        if isinstance(keys, KeyList):
            return keys
        return super().__new__(
            cls, (key if isinstance(key, uuid.UUID) else uuid.UUID(str(key)) for key in keys)
        )

    @cached_property
    def postgres_array(self):
        """`{key,key,...}`: PostgreSQL's text form of a `uuid[]` (UUIDs need no quoting)."""
        return "{" + ",".join(map(str, self)) + "}"

    @cached_property
    def postgres_positions(self):
        """`{"key": position}` as jsonb text: the first position of each key."""
        positions = {}
        for position, key in enumerate(self):
            positions.setdefault(str(key), position)
        return json.dumps(positions)

    @cached_property
    def sqlite_json(self):
        # Django stores UUIDs in SQLite as 32 hex digits.
        return json.dumps([key.hex for key in self])


class ArrayParameter(Expression):
    """The right side of `field__in=`: a list of values as a subquery over *one* parameter (PostgreSQL
    `unnest` of an array, SQLite `json_each`), so the SQL stays the same size however many values.
    Subclasses say the values' PostgreSQL type and their two text forms."""

    postgres_type = ""

    def values(self):
        raise NotImplementedError

    def postgres_array(self):
        raise NotImplementedError

    def sqlite_json(self):
        raise NotImplementedError

    def as_sql(self, compiler, connection):
        values = [self.output_field.get_db_prep_value(value, connection) for value in self.values()]
        if not values:
            return "(SELECT NULL WHERE 1 = 0)", []
        return "(" + ", ".join(["%s"] * len(values)) + ")", values

    def as_postgresql(self, compiler, connection):
        return f"(SELECT unnest(%s::{self.postgres_type}[]))", [self.postgres_array()]

    def as_sqlite(self, compiler, connection):
        return "(SELECT value FROM json_each(%s))", [self.sqlite_json()]


class KeyArray(ArrayParameter):
    """Translation keys (UUIDs); their parameters made once per `KeyList`."""

    output_field = UUIDField()
    postgres_type = "uuid"

    def __init__(self, keys):
        super().__init__()
        self.keys = KeyList(keys)

    def values(self):
        return self.keys

    def postgres_array(self):
        return self.keys.postgres_array

    def sqlite_json(self):
        return self.keys.sqlite_json


class IdArray(ArrayParameter):
    """Integer ids (primary keys)."""

    output_field = IntegerField()
    postgres_type = "bigint"

    def __init__(self, ids):
        super().__init__()
        self.ids = [int(pk) for pk in ids]

    def values(self):
        return self.ids

    def postgres_array(self):
        return "{" + ",".join(map(str, self.ids)) + "}"

    def sqlite_json(self):
        return json.dumps(self.ids)


class KeyPosition(Func):
    """Where the row's key stands in the list of keys (0 = first): an ORDER BY for "best match first"."""

    output_field = IntegerField()

    def __init__(self, expression, keys):
        super().__init__(expression)
        self.keys = KeyList(keys)

    def as_sql(self, compiler, connection, **extra_context):
        field_sql, field_params = compiler.compile(self.source_expressions[0])
        cases, params = [], []
        field = UUIDField()
        for position, key in enumerate(self.keys):
            cases.append(f"WHEN {field_sql} = %s THEN {position}")
            params += [*field_params, field.get_db_prep_value(key, connection)]
        return f"(CASE {' '.join(cases)} END)", params

    def as_postgresql(self, compiler, connection, **extra_context):
        # One jsonb object {key: position} (a constant, parsed once per statement): each row looks its
        # key up by binary search. `array_position` searched the array from its start for every row:
        # ordering 10,000 matches by 10,000 keys took a second.
        field_sql, field_params = compiler.compile(self.source_expressions[0])
        return f"((%s::jsonb ->> ({field_sql})::text)::integer)", [
            self.keys.postgres_positions,
            *field_params,
        ]

    def as_sqlite(self, compiler, connection, **extra_context):
        field_sql, field_params = compiler.compile(self.source_expressions[0])
        sql = f"(SELECT CAST(key AS INTEGER) FROM json_each(%s) WHERE value = {field_sql})"  # noqa: S608
        return sql, [self.keys.sqlite_json, *field_params]


def match(kind, query, language):
    """A `TextMatch` for `query` among the `kind` entries visitors in `language` see.

    Elasticsearch when configured and answering, the database backend otherwise (see `search.engine.run`).
    """
    from .engine import run

    matches, _reason = run("match", kind, query, language)
    return matches
