"""Roles (home/roles.py): resources for Redaktion and Moderation, under the moderation workflow; reservations
and grants for Beratungsteam."""

from django.db import migrations

from home.migration_support import sources_stay_current
from home import roles

GRANTS = [
    (roles.REDAKTION, "catalogue", "resource", roles.codenames("resource", roles.EDIT)),
    (roles.MODERATION, "catalogue", "resource", roles.codenames("resource", roles.MODERATE)),
    # Reservations and grants: what decisions on requests record; editors look them up.
    *[
        (group, "catalogue", model, [f"view_{model}"])
        for group in roles.ROLES[:2]
        for model in ("reservation", "grant")
    ],
    *[
        (roles.BERATUNGSTEAM, "catalogue", model, roles.codenames(model, roles.EDIT))
        for model in ("reservation", "grant")
    ],
]


# Editors submit these for review, moderators approve (Wagtail's moderation workflow).
MODERATED = ["resource"]


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0005_requests_and_vocabulary_move_out"),
        ("home", "0004_roles"),
    ]

    operations = [
        roles.granting(GRANTS, moderated=[("catalogue", model) for model in MODERATED]),
        sources_stay_current("catalogue", "0005_requests_and_vocabulary_move_out", "0006_roles"),
    ]
