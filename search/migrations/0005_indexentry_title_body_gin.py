"""PostgreSQL: a GIN index on `title || body` of modelsearch's index rows, the expression its full-text
condition tests (search/fts.py `PostgresMatches`). modelsearch indexes `title` and `body` apart, so that
condition read every index row of a language. Nothing on other databases."""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON modelsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_roles"),
        ("modelsearch", "0004_rename_modelsear_autocom_476c89_gin_modelsearch_autocom_ea8581_gin_and_more"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
