"""Roles (home/roles.py): the request inbox, consultation times and personal data for Beratungsteam."""

from django.db import migrations

from home.migration_support import sources_stay_current
from home import roles

GRANTS = [
    (
        roles.BERATUNGSTEAM,
        "resource_requests",
        "resourcerequest",
        ["view_resourcerequest", "change_resourcerequest", "view_personal_data"],
    ),
    (
        roles.BERATUNGSTEAM,
        "resource_requests",
        "consultationslot",
        roles.codenames("consultationslot", (*roles.EDIT, "delete")),
    ),
]


def grant(apps, schema_editor):
    roles.grant_all(apps, GRANTS)


def revoke(apps, schema_editor):
    roles.revoke_all(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("resource_requests", "0002_content_types"),
        ("home", "0004_roles"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
        sources_stay_current("resource_requests", "0002_content_types", "0003_roles"),
    ]
