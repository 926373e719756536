"""PostgreSQL: a GIN index on `title || body` of the database search backend's index rows
(`wagtailsearch_indexentry`), the expression its full-text condition tests (search/fts.py
`PostgresMatches`). Wagtail (modelsearch) indexes `title` and `body` apart, so that condition read every
index row of a language. Nothing on other databases."""

from django.db import migrations

from home.migration_support import sources_stay_current

INDEX = "search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_roles"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
        # No translated model changes: the synonym groups' translation sources stay current.
        sources_stay_current("search", "0004_roles", "0005_indexentry_title_body_gin"),
    ]
