"""Roles (home/roles.py): the vocabulary for Redaktion and Moderation, under the moderation workflow."""

from django.db import migrations

from home.migration_support import sources_stay_current
from home import roles

GRANTS = [
    *[
        (group, "taxonomy", model, roles.codenames(model, actions))
        for model in ("resourcecategory", "engagementfield", "targetgroup", "cooperationtopic")
        for group, actions in ((roles.REDAKTION, roles.EDIT), (roles.MODERATION, roles.MODERATE))
    ],
    *[(group, "taxonomy", "district", ["view_district"]) for group in roles.ROLES[:2]],
]


# Editors submit these for review, moderators approve (Wagtail's moderation workflow).
MODERATED = ["resourcecategory", "engagementfield", "targetgroup", "cooperationtopic"]


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0002_content_types"),
        ("home", "0004_roles"),
    ]

    operations = [
        roles.granting(GRANTS, moderated=[("taxonomy", model) for model in MODERATED]),
        sources_stay_current("taxonomy", "0002_content_types", "0003_roles"),
    ]
