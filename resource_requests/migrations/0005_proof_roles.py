"""Roles (home/roles.py): Beratungsteam reviews proofs of use; the checklists after approval are editorial
text, written and translated by Redaktion and Moderation."""

from django.db import migrations

from home import roles
from home.migration_support import sources_stay_current

GRANTS = [
    (
        roles.BERATUNGSTEAM,
        "resource_requests",
        "proof",
        roles.codenames("proof", ("view", "change", "delete")),
    ),
    (
        roles.REDAKTION,
        "resource_requests",
        "checklisttemplate",
        roles.codenames("checklisttemplate", roles.EDIT),
    ),
    (
        roles.MODERATION,
        "resource_requests",
        "checklisttemplate",
        roles.codenames("checklisttemplate", (*roles.EDIT, "delete")),
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("resource_requests", "0004_proofs_of_use"),
        ("home", "0004_roles"),
    ]

    operations = [
        roles.granting(GRANTS),
        sources_stay_current("resource_requests", "0004_proofs_of_use", "0005_proof_roles"),
    ]
