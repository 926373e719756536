"""The database backend's matches of one query: which search entries match, and each one's score, in SQL.

modelsearch's database backends answer a search with a queryset of the matching objects and, per object,
a correlated subquery for its score. On PostgreSQL that is fine: the subquery finds the object's index
row by its index and ranks that one row. On SQLite (FTS5) it is not, at the search mix's scale (72,000
entries, `BENCH_MIX=search make bench`), for two reasons measured there:

- The planner, without statistics, starts from the index on `content_type_id` instead of the FTS table,
  and runs the full-text MATCH once per index row: 8 s for finding the 2,000 entries with "Raum".
- A score is an FTS query of its own per result row (`object_id` is text, the entry's id an integer, so
  no index joins them): ordering 2,400 results by score took 30–250 s.

`SQLiteMatches` builds the same MATCH and the same score expression from modelsearch's query compiler,
but runs the MATCH first (the content type is checked on its rows, not looked up by index) and computes
every match's score *once per statement*: a materialised common table expression, which SQLite indexes
automatically for the per-row look-up. 70–150 ms for the same queries.

On PostgreSQL modelsearch's shape has the same two faults at that scale (1.5–2.4 s for broad words,
p95 2.3 s at the search mix): the condition `(title || body) @@ query` has no index (modelsearch indexes
`title` and `body` apart), so every entry of the language is read and its vectors joined; and a score
is a correlated subquery per result row, which finds the entry's index row again and ranks it. And
PostgreSQL's JIT compiles such a plan for about a second. And Wagtail's index rows know an object only by
its content type and id, not the entry's language: a broad word matched every language's rows (53,000
for "Verein", of which 10,500 German) before the join kept one language. `PostgresMatches` runs on the
entries' own copies of the index rows (`search.models.EntryText`, kept by a trigger, migration
`search.0006_entrytext`):

- the MATCH is `(title || body) @@ query` (or `autocomplete @@ query`) and `language = <the language>`
  on those rows, which that language's partial GIN index drives – a bitmap index scan over one
  language's postings;
- every match's score is computed *once per statement*: an uncorrelated scalar subquery (an InitPlan)
  folds `{translation key: score}` into one `jsonb` object (the key is on the row, no look-up), and each
  result row looks its key up in it;
- the JIT is off for the portal's connections (`jit=off` in the connection options,
  portal/settings/base.py): none of its queries is long enough to gain from compiling.

The classes give the engine the same two things: `entry_ids()` (a subquery of matching entry ids) and
`best_first(field)` (an ORDER BY expression: the score of the entry whose translation key is `field`,
best first, entries that do not match last). Nothing is evaluated here.
"""

from django.db import connection
from django.db.models import Expression, F, FloatField, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks


class ScoredMatches:
    """modelsearch's own queryset of the matches, with their score as a correlated subquery (PostgreSQL;
    on SQLite the reference `SQLiteMatches` is tested against)."""

    def __init__(self, results):
        self.queryset = results.annotate_score("_score").get_queryset()

    def entry_ids(self):
        return self.queryset.values("pk")

    def best_first(self, field):
        score = Subquery(self.queryset.filter(translation_key=OuterRef(field)).values("_score")[:1])
        # PostgreSQL's ts_rank is better when higher, SQLite's bm25 when lower.
        if connection.vendor == "sqlite":
            return score.asc(nulls_last=True)
        return score.desc(nulls_last=True)


class SQLiteMatches:
    """SQLite FTS5: the MATCH runs first, the scores are computed once per statement (see the module)."""

    def __init__(self, results):
        # modelsearch defines its FTS model only when the database is SQLite: imported here.
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

        self.results = results  # modelsearch's own results, for the reference ranking in the tests
        compiler = results.query_compiler
        entries = compiler.queryset
        match = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(normalize(compiler.query), config=None),
        )
        content_types = get_descendants_content_types_pks(entries.model)
        self.matches = (
            SQLiteFTSIndexEntry.objects.filter(match)
            # "+ 0": the content type is checked on the MATCH's rows, not looked up by its index first.
            .alias(content_type=F("index_entry__content_type_id") + 0)
            .filter(content_type__in=content_types)
            .annotate(entry_id=Cast("index_entry__object_id", IntegerField()))
            .filter(entry_id__in=entries.values("pk"))
            .order_by()
        )
        # modelsearch's own rank expression (bm25, the title weighted by its norm): the same scores.
        self.scored = self.matches.annotate(
            key=Subquery(entries.model.objects.filter(pk=OuterRef("entry_id")).values("translation_key")[:1]),
            score=compiler._build_rank_expression(compiler.get_search_vectors(), None),
        ).values("key", "score")

    def entry_ids(self):
        return self.matches.values("entry_id")

    def best_first(self, field):
        # bm25 is better when lower.
        return ScoreOfKey(self.scored, F(field)).asc(nulls_last=True)


class PostgresMatches:
    """PostgreSQL: the MATCH on the entries' own copies of modelsearch's vectors, one language's rows
    through that language's GIN index, the scores computed once per statement (see the module)."""

    def __init__(self, results, language=None):
        from modelsearch.backends.database.postgres.postgres import PostgresAutocompleteQueryCompiler

        from .models import EntryText

        self.results = results  # modelsearch's own results, for the reference ranking in the tests
        compiler = results.query_compiler
        entries = compiler.queryset
        config = compiler.get_config(results.backend)
        search_query = compiler.build_tsquery(compiler.query, config=config)
        # modelsearch's vectors (`get_index_vectors`), on the entry's copy of its index row.
        if isinstance(compiler, PostgresAutocompleteQueryCompiler):
            vectors = [(F("autocomplete"), 1.0)]
        else:
            vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
        matched = vectors[0][0]
        for vector, _boost in vectors[1:]:
            matched = matched._combine(vector, "||", False)
        rows = EntryText.objects.alias(_vector_=matched).filter(_vector_=search_query)
        # With `language`: the language as a constant in the statement, which picks that language's
        # partial GIN index. The rest of the entries' conditions (a kind, keys left out) is the
        # statement's around the matches (`QueryMatch.entries`, the suggestions): testing it here too
        # looked every match's entry up by id, twice per search.
        condition = Q(language=language) if language else Q(entry_id__in=entries.values("pk"))
        self.matches = rows.filter(condition).order_by()
        # modelsearch's own rank expression (ts_rank, the title weighted by its norm): the same scores.
        self.scored = self.matches.annotate(
            key=F("translation_key"), score=compiler._build_rank_expression(vectors, config)
        ).values("key", "score")

    def entry_ids(self):
        return self.matches.values("entry_id")

    def best_first(self, field):
        # ts_rank is better when higher.
        return ScoreInObject(self.scored, F(field)).desc(nulls_last=True)


def matches_of(results, language=None):
    """The matches of a modelsearch search or autocomplete over search entries (`backend.search(...)`)
    in `language` (the entries' language; on PostgreSQL it picks the language's full-text index)."""
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchResults

        if isinstance(results, SQLiteSearchResults):
            return SQLiteMatches(results)
    elif connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchResults

        if isinstance(results, PostgresSearchResults):
            return PostgresMatches(results, language)
    return ScoredMatches(results)


class ScoreInObject(Expression):
    """PostgreSQL: `((SELECT jsonb_object_agg(key, score) FROM <every match>) ->> <key>)::float`.

    The subquery does not depend on the row: PostgreSQL runs it once per statement (an InitPlan) and
    each row looks its key up in the object it made (a binary search in a jsonb object).
    """

    output_field = FloatField()

    def __init__(self, scored, key):
        super().__init__()
        self.scored = scored
        self.key = key

    def get_source_expressions(self):
        return [self.key]

    def set_source_expressions(self, exprs):
        (self.key,) = exprs

    def as_sql(self, compiler, connection):
        key_sql, key_params = compiler.compile(self.key)
        scored_sql, scored_params = self.scored.query.get_compiler(connection=connection).as_sql()
        sql = (
            "(((SELECT jsonb_object_agg(fts_matches.key::text, fts_matches.score) "  # noqa: S608
            f"FROM ({scored_sql}) fts_matches WHERE fts_matches.key IS NOT NULL) ->> ({key_sql})::text)::float)"
        )
        return sql, (*scored_params, *key_params)


class ScoreOfKey(Expression):
    """`(WITH fts_matches AS MATERIALIZED (<key, score of every match>) SELECT score ... WHERE key = <key>)`.

    The common table expression does not depend on the row, so SQLite computes it once and looks each
    row's key up in it (an automatic index); MATERIALIZED keeps it from being folded back into a
    per-row full-text query.
    """

    output_field = FloatField()

    def __init__(self, scored, key):
        super().__init__()
        self.scored = scored
        self.key = key

    def get_source_expressions(self):
        return [self.key]

    def set_source_expressions(self, exprs):
        (self.key,) = exprs

    def as_sql(self, compiler, connection):
        key_sql, key_params = compiler.compile(self.key)
        scored_sql, scored_params = self.scored.query.get_compiler(connection=connection).as_sql()
        sql = (
            f"(WITH fts_matches AS MATERIALIZED ({scored_sql}) "  # noqa: S608 - compiled SQL, parameters apart
            f"SELECT fts_matches.score FROM fts_matches WHERE fts_matches.key = {key_sql} LIMIT 1)"
        )
        return sql, (*scored_params, *key_params)
