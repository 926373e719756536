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


class Migration(migrations.Migration):
    dependencies = [
        ("resource_requests", "0002_content_types"),
        ("home", "0004_roles"),
    ]

    operations = [
        roles.granting(GRANTS),
        sources_stay_current("resource_requests", "0002_content_types", "0003_roles"),
    ]
