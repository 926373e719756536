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


def forwards(apps, schema_editor):
    relabel(apps, [(old, "taxonomy", model) for old, models in MOVED.items() for model in models])


def backwards(apps, schema_editor):
    relabel(apps, [("taxonomy", old, model) for old, models in MOVED.items() for model in models])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("taxonomy", "0001_initial"),
        ("catalogue", "0005_requests_and_vocabulary_move_out"),
        ("partners", "0003_vocabulary_in_taxonomy"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
