"""The request workflow's content types follow it: the rows are renamed in place (app label).

Everything that points at a content type by its id keeps pointing at the same row, now
`resource_requests.<model>`: the request page (`Page.content_type`), its revisions, translations and log
entries, the outbox's e-mails about a request, and the permissions – "Can see the contact details of
requests" becomes `resource_requests.view_personal_data` for every group that had it. On a new database
there is nothing to rename yet (content types are made after the migrations).
"""

from django.db import migrations

MODELS = ["requestpage", "consultationslot", "resourcerequest", "requestitem", "requestevent", "requestcounter"]

# The last migration of each app when the models moved (for wagtail-localize's schema versions).
SCHEMA_VERSIONS = {"catalogue": "0004_requests", "resource_requests": "0002_content_types"}


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
        # wagtail-localize compares a source's schema version (the last migration of its model's app)
        # with the app's current one to warn translators of changed fields. The fields did not change:
        # sources that were current before the move are current after it.
        TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
        TranslationSource.objects.filter(
            specific_content_type=old, schema_version=SCHEMA_VERSIONS.get(old_label, "")
        ).update(schema_version=SCHEMA_VERSIONS.get(new_label, ""))


def forwards(apps, schema_editor):
    relabel(apps, "catalogue", "resource_requests")


def backwards(apps, schema_editor):
    relabel(apps, "resource_requests", "catalogue")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("resource_requests", "0001_initial"),
        ("catalogue", "0005_requests_and_vocabulary_move_out"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
