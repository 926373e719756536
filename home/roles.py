"""The VMDO team's roles as Django groups, set up by data migrations and editable afterwards.

- **Redaktion** creates and edits pages, resources, partners, the vocabulary, menus, images and documents,
  translates, and submits for review; it does not publish.
- **Moderation** is Redaktion plus publishing, approving in the moderation workflow, locking and deleting.
- **Beratungsteam** handles the request inbox, consultation times and decisions, and sees the personal
  data of requests; nothing else.

Each app's data migration grants the permissions on its own models (`grant`), so no app needs to know
another's; `home/migrations/0004_roles.py` creates the groups with Wagtail's own permissions (admin access,
pages, images, documents, translation). Migrations run once: what an administrator changes afterwards in
Settings → Groups stays changed. These functions take the migration's `apps`, never the current models.
"""

from django.db import migrations

REDAKTION = "Redaktion"
MODERATION = "Moderation"
BERATUNGSTEAM = "Beratungsteam"
ROLES = (REDAKTION, MODERATION, BERATUNGSTEAM)

EDIT = ("add", "change", "view")
MODERATE = (*EDIT, "publish", "delete", "lock", "unlock")


def codenames(model, actions):
    """["add_resource", "change_resource", …] for `model` ("resource") and `actions` ("add", "change")."""
    return [f"{action}_{model}" for action in actions]


def permission(apps, app_label, model, codename):
    """The permission, created when it does not exist yet.

    Django creates a model's permissions only after all migrations ran (and Wagtail a snippet's
    publish/lock/unlock permissions too), so on a new database they are not there yet when this runs.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": "Can " + codename.replace("_", " ")},
    )
    return found


def grant(apps, group_name, app_label, model, names):
    """Add the permissions `names` (codenames) on `app_label.model` to the group (created if missing)."""
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=group_name)
    # By primary key: a migration's historical models are rendered anew between operations, and the
    # relation refuses a Permission of another rendering ("Must be "Permission" instance").
    group.permissions.add(*(permission(apps, app_label, model, name).pk for name in names))


def revoke(apps, group_name, app_label, model, names):
    """Take the permissions back (the reverse of `grant`); the group stays."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=group_name).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model, codename__in=names
            ).values_list("pk", flat=True)
        )


def moderate(apps, app_label, model):
    """Put the snippet under the moderation workflow (Wagtail's "Moderators approval", which the migrations
    of wagtailcore create for pages), unless it has a workflow already."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(active=True).order_by("pk").first()
    if workflow is not None:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})


def unmoderate(apps, app_label, model):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(content_type__app_label=app_label, content_type__model=model).delete()


def grant_all(apps, grants):
    """`grants`: [(group, app_label, model, codenames), …]."""
    for group_name, app_label, model, names in grants:
        grant(apps, group_name, app_label, model, names)


def revoke_all(apps, grants):
    for group_name, app_label, model, names in grants:
        revoke(apps, group_name, app_label, model, names)


def granting(grants, moderated=()):
    """A reversible migration operation: `grants` given, and the models `moderated` ([(app_label, model)])
    put under the moderation workflow. Each app's `…_roles.py` migration is one of these."""

    def forwards(apps, schema_editor):
        grant_all(apps, grants)
        for app_label, model in moderated:
            moderate(apps, app_label, model)

    def backwards(apps, schema_editor):
        revoke_all(apps, grants)
        for app_label, model in moderated:
            unmoderate(apps, app_label, model)

    return migrations.RunPython(forwards, backwards)
