"""Helpers for migrations that change data only.

wagtail-localize warns translators that "the data model has been changed" whenever the app of a translated
model has applied a migration since the translation source was last synchronised: it compares the source's
`schema_version` (the name of the app's last migration then) with the app's last migration now. A migration
that only writes rows (groups, permissions, workflows) changes no field, so it moves the sources that were
current before it to its own name and translators see no false warning.
"""

from django.db import migrations


def sources_stay_current(app_label, previous, current):
    """A reversible operation: sources of `app_label` at `previous` are at `current` afterwards."""

    def move(old, new):
        def run(apps, schema_editor):
            ContentType = apps.get_model("contenttypes", "ContentType")
            TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
            TranslationSource.objects.filter(
                specific_content_type__in=ContentType.objects.filter(app_label=app_label),
                schema_version=old,
            ).update(schema_version=new)

        return run

    return migrations.RunPython(move(previous, current), move(current, previous))
