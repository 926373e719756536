"""Roles (home/roles.py): synonym groups for Redaktion and Moderation, under the moderation workflow, like
the vocabulary."""

from django.db import migrations

from home import roles
from home.migration_support import sources_stay_current

GRANTS = [
    (roles.REDAKTION, "search", "synonymgroup", roles.codenames("synonymgroup", roles.EDIT)),
    (roles.MODERATION, "search", "synonymgroup", roles.codenames("synonymgroup", roles.MODERATE)),
]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_synonym_group"),
        ("home", "0004_roles"),
    ]

    operations = [
        roles.granting(GRANTS, moderated=[("search", "synonymgroup")]),
        sources_stay_current("search", "0003_synonym_group", "0004_roles"),
    ]
