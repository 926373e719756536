"""Roles (home/roles.py): partner organisations for Redaktion and Moderation, under the moderation workflow."""

from django.db import migrations

from home.migration_support import sources_stay_current
from home import roles

GRANTS = [
    (roles.REDAKTION, "partners", "partnerorganisation", roles.codenames("partnerorganisation", roles.EDIT)),
    (
        roles.MODERATION,
        "partners",
        "partnerorganisation",
        roles.codenames("partnerorganisation", roles.MODERATE),
    ),
    # Messages sent through partners' contact forms are personal data: looked at by Moderation only.
    (roles.MODERATION, "partners", "partnercontactmessage", ["view_partnercontactmessage"]),
]


# Editors submit these for review, moderators approve (Wagtail's moderation workflow).
MODERATED = ["partnerorganisation"]


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_vocabulary_in_taxonomy"),
        ("home", "0004_roles"),
    ]

    operations = [
        roles.granting(GRANTS, moderated=[("partners", model) for model in MODERATED]),
        sources_stay_current("partners", "0003_vocabulary_in_taxonomy", "0004_roles"),
    ]
