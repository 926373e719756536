"""The vocabulary's content types follow it: the rows are renamed in place (app label), not replaced.

Everything that points at a content type by its id – revisions, workflow states, wagtail-localize's
translation sources, log entries, permissions and the groups holding them, search entries – keeps
pointing at the same row, now `taxonomy.<model>`. On a new database there is nothing to rename yet
(content types are made after the migrations).
"""

from django.db import migrations

MOVED = {
    "catalogue": ["district", "engagementfield", "resourcecategory"],
    "partners": ["cooperationtopic", "targetgroup"],
}

# The last migration of each app when the models moved (for wagtail-localize's schema versions).
SCHEMA_VERSIONS = {"catalogue": "0004_requests", "partners": "0002_spoken_languages", "taxonomy": "0002_content_types"}


def relabel(apps, moves):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for old_label, new_label, model in moves:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        # A row under the new label exists only if content types were made between the state move and
        # this migration (a partial `migrate`): it is new and empty but for its default permissions.
        ContentType.objects.filter(app_label=new_label, model=model).delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])
        # wagtail-localize compares a source's schema version (the last migration of its model's app)
        # with the app's current one to warn translators of changed fields. The fields did not change:
        # sources that were current before the move are current after it.
        TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
        TranslationSource.objects.filter(
            specific_content_type=old, schema_version=SCHEMA_VERSIONS.get(old_label, "")
        ).update(schema_version=SCHEMA_VERSIONS.get(new_label, ""))


def forwards(apps, schema_editor):
    relabel(apps, [(old, "taxonomy", model) for old, models in MOVED.items() for model in models])


def backwards(apps, schema_editor):
    relabel(apps, [("taxonomy", old, model) for old, models in MOVED.items() for model in models])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("taxonomy", "0001_initial"),
        ("catalogue", "0005_requests_and_vocabulary_move_out"),
        ("partners", "0003_vocabulary_in_taxonomy"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
