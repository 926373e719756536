"""PostgreSQL: the search entries' full-text vectors per language (`search.models.EntryText`).

A table `search_entrytext` with a copy of modelsearch's vectors of every search entry (`title`, `body`,
`autocomplete`, `title_norm`) beside the entry's language and translation key, a GIN index per language
on `title || body` and on `autocomplete` (partial indexes: a search in German reads the German rows'
postings alone), and a trigger on Wagtail's index rows (`wagtailsearch_indexentry`) that keeps the copy:
an index row of a search entry inserted or updated is copied, one deleted (or truncated away) is deleted.
The existing index rows are copied once here.

The languages are the project's at the time this migration runs (`settings.LANGUAGES`); a language added
later searches correctly without its partial index (a scan of its rows) until a migration adds it.

The GIN index on `wagtailsearch_indexentry (title || body)` of 0005 is dropped: nothing searches the
index rows by that expression any more. Nothing on other databases.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import migrations, models

from home.migration_support import sources_stay_current

TABLE = "search_entrytext"
OLD_INDEX = "search_indexentry_title_body_gin"


def _index_suffix(code):
    return "".join(ch if ch.isalnum() else "_" for ch in code.lower())


def _language_indexes():
    for code, _name in settings.LANGUAGES:
        suffix = _index_suffix(code)
        literal = code.replace("'", "''")
        yield (
            f"CREATE INDEX search_entrytext_{suffix}_text_gin ON {TABLE} "
            f"USING gin ((title || body)) WHERE language = '{literal}'"
        )
        yield (
            f"CREATE INDEX search_entrytext_{suffix}_autocomplete_gin ON {TABLE} "
            f"USING gin (autocomplete) WHERE language = '{literal}'"
        )


CREATE_TABLE = f"""
CREATE TABLE {TABLE} (
    entry_id integer PRIMARY KEY,
    language varchar(10) NOT NULL,
    translation_key uuid NOT NULL,
    title tsvector NOT NULL,
    body tsvector NOT NULL,
    autocomplete tsvector NOT NULL,
    title_norm double precision NOT NULL
)
"""

# The content type of search entries is looked up per row: its id differs between databases.
CREATE_FUNCTION = f"""
CREATE FUNCTION search_entrytext_copy() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entries integer;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE {TABLE};
        RETURN NULL;
    END IF;
    SELECT id INTO entries FROM django_content_type WHERE app_label = 'search' AND model = 'searchentry';
    IF TG_OP <> 'INSERT' AND OLD.content_type_id = entries
       AND (TG_OP = 'DELETE' OR NEW.content_type_id <> OLD.content_type_id OR NEW.object_id <> OLD.object_id)
    THEN
        DELETE FROM {TABLE} WHERE entry_id = OLD.object_id::integer;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.content_type_id = entries THEN
        INSERT INTO {TABLE} (entry_id, language, translation_key, title, body, autocomplete, title_norm)
        SELECT entry.id, entry.language, entry.translation_key,
               NEW.title, NEW.body, NEW.autocomplete, NEW.title_norm
        FROM search_searchentry entry WHERE entry.id = NEW.object_id::integer
        ON CONFLICT (entry_id) DO UPDATE SET
            language = EXCLUDED.language,
            translation_key = EXCLUDED.translation_key,
            title = EXCLUDED.title,
            body = EXCLUDED.body,
            autocomplete = EXCLUDED.autocomplete,
            title_norm = EXCLUDED.title_norm;
    END IF;
    RETURN NULL;
END
$$
"""

CREATE_TRIGGERS = [
    "CREATE TRIGGER search_entrytext_copy AFTER INSERT OR UPDATE OR DELETE ON wagtailsearch_indexentry "
    "FOR EACH ROW EXECUTE FUNCTION search_entrytext_copy()",
    "CREATE TRIGGER search_entrytext_truncate AFTER TRUNCATE ON wagtailsearch_indexentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_entrytext_copy()",
]

COPY_EXISTING = f"""
INSERT INTO {TABLE} (entry_id, language, translation_key, title, body, autocomplete, title_norm)
SELECT entry.id, entry.language, entry.translation_key,
       row.title, row.body, row.autocomplete, row.title_norm
FROM wagtailsearch_indexentry row
JOIN django_content_type type ON type.id = row.content_type_id
    AND type.app_label = 'search' AND type.model = 'searchentry'
JOIN search_searchentry entry ON entry.id::text = row.object_id
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in (CREATE_TABLE, CREATE_FUNCTION, *CREATE_TRIGGERS, COPY_EXISTING):
        schema_editor.execute(statement)
    for statement in _language_indexes():
        schema_editor.execute(statement)
    schema_editor.execute(f"ANALYZE {TABLE}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP TRIGGER IF EXISTS search_entrytext_copy ON wagtailsearch_indexentry")
    schema_editor.execute("DROP TRIGGER IF EXISTS search_entrytext_truncate ON wagtailsearch_indexentry")
    schema_editor.execute("DROP FUNCTION IF EXISTS search_entrytext_copy()")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_indexentry_title_body_gin"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="EntryText",
            fields=[
                ("entry_id", models.IntegerField(primary_key=True, serialize=False)),
                ("language", models.CharField(max_length=10)),
                ("translation_key", models.UUIDField()),
                ("title", SearchVectorField()),
                ("body", SearchVectorField()),
                ("autocomplete", SearchVectorField()),
                ("title_norm", models.FloatField()),
            ],
            options={"db_table": "search_entrytext", "managed": False},
        ),
        migrations.RunPython(create, drop, elidable=False),
        # No translated model changes: the synonym groups' translation sources stay current.
        sources_stay_current("search", "0005_indexentry_title_body_gin", "0006_entrytext"),
    ]
