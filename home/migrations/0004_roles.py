"""The roles Redaktion, Moderation and Beratungsteam (home/roles.py): groups with Wagtail's own permissions.

Every app grants the permissions on its own models in a migration of its own (catalogue, partners,
taxonomy, resource_requests). Settings → Groups changes them afterwards.
"""

from django.db import migrations

from home.migration_support import sources_stay_current
from home import roles

ADMIN = [(group, "wagtailadmin", "admin", ["access_admin"]) for group in roles.ROLES]
EDITORIAL = [
    *[(group, "wagtail_localize", "translation", ["submit_translation"]) for group in roles.ROLES[:2]],
    (roles.REDAKTION, "home", "navigationmenu", roles.codenames("navigationmenu", roles.EDIT)),
    (
        roles.MODERATION,
        "home",
        "navigationmenu",
        roles.codenames("navigationmenu", (*roles.EDIT, "publish", "delete")),
    ),
]
# Pages, below the root of the tree.
PAGES = {
    roles.REDAKTION: ["add_page", "change_page", "view_page"],
    roles.MODERATION: [
        "add_page",
        "change_page",
        "view_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "delete_page",
    ],
}
# Images and documents, in the root collection (and so in every collection).
COLLECTIONS = {
    roles.REDAKTION: [
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
    ],
    roles.MODERATION: [
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image", "delete_image"]),
        (
            "wagtaildocs",
            "document",
            ["add_document", "change_document", "choose_document", "delete_document"],
        ),
    ],
}


def create_roles(apps, schema_editor):
    roles.grant_all(apps, ADMIN + EDITORIAL)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for group_name, names in PAGES.items():
        group = Group.objects.get(name=group_name)
        for name in names:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=roles.permission(apps, "wagtailcore", "page", name)
            )
    for group_name, grants in COLLECTIONS.items():
        group = Group.objects.get(name=group_name)
        for app_label, model, names in grants:
            for name in names:
                permission = roles.permission(apps, app_label, model, name)
                group.permissions.add(permission)  # the listing needs the model permission as well
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    # Moderation approves in Wagtail's moderation workflow, beside the "Moderators" group it was made for.
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for task in GroupApprovalTask.objects.filter(groups__name="Moderators"):
        task.groups.add(Group.objects.get(name=roles.MODERATION))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=roles.ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_request_form_block"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(create_roles, remove_roles),
        sources_stay_current("home", "0003_request_form_block", "0004_roles"),
    ]
