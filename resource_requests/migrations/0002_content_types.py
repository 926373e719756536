"""The request workflow's content types follow it: the rows are renamed in place (app label).

Everything that points at a content type by its id keeps pointing at the same row, now
`resource_requests.<model>`: the request page (`Page.content_type`), its revisions, translations and log
entries, the outbox's e-mails about a request, and the permissions – "Can see the contact details of
requests" becomes `resource_requests.view_personal_data` for every group that had it. On a new database
there is nothing to rename yet (content types are made after the migrations).
"""

from django.db import migrations

MODELS = ["requestpage", "consultationslot", "resourcerequest", "requestitem", "requestevent", "requestcounter"]


def relabel(apps, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        # A row under the new label exists only if content types were made between the state move and
        # this migration (a partial `migrate`): it is new and empty but for its default permissions.
        ContentType.objects.filter(app_label=new_label, model=model).delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    relabel(apps, "catalogue", "resource_requests")


def backwards(apps, schema_editor):
    relabel(apps, "resource_requests", "catalogue")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("resource_requests", "0001_initial"),
        ("catalogue", "0005_requests_and_vocabulary_move_out"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
