"""The shared vocabulary in the headless API: districts, engagement fields, resource categories,
cooperation topics and target groups.

Like every app's `endpoints.py`, a plug-in the api app loads at start-up (see api/collections.py, README
"API"); the one module of this ground-floor app that imports `api`, and nothing here imports it."""

from django.utils.translation import gettext_lazy as _

from api.collections import Collection
from api.facets import Facet, field_choices
from taxonomy.models import CooperationTopic, District, EngagementField, ResourceCategory, TargetGroup

endpoints = [
    Collection(
        District,
        path="districts",
        label="Districts",
        description="Dortmund's twelve city districts (Stadtbezirke). `name` is the official German name; "
        "`name_ar`, `name_uk` … how a language writes it in its own script (empty where the language writes "
        "the German name). Resources, partners, events and examples give a district's name in the response's "
        "language.",
    ),
    Collection(
        EngagementField,
        path="engagement-fields",
        label="Engagement fields",
        description="Fields of civic engagement, in the requested language (German where not translated).",
    ),
    Collection(
        ResourceCategory,
        path="resource-categories",
        label="Resource categories",
        description="Kinds of resources, in the requested language (German where not translated). "
        "`icon` filters by the kind of symbol.",
        facets=[
            Facet("icon", "icon", label=_("Symbol"), choices=field_choices(ResourceCategory, "icon")),
        ],
    ),
    Collection(
        CooperationTopic,
        path="cooperation-topics",
        label="Cooperation topics",
        description="What partner organisations offer and look for in a cooperation (the `offers` and "
        "`seeks` filters of /api/v3/partners/), in the requested language (German where not translated).",
    ),
    Collection(
        TargetGroup,
        path="target-groups",
        label="Target groups",
        description="Whom partner organisations work for, in the requested language (German where not "
        "translated).",
    ),
]
