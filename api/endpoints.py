"""The catalogue's vocabulary in the headless API: districts, engagement fields, resource categories.

The content types of other apps add their own `<app>/endpoints.py` (see api/collections.py, README "API")."""

from django.utils.translation import gettext_lazy as _

from api.collections import Collection
from api.facets import Facet, field_choices
from catalogue.models import District, EngagementField, ResourceCategory

endpoints = [
    Collection(
        District,
        path="districts",
        label="Districts",
        description="Dortmund's twelve city districts (Stadtbezirke). Their names are proper names, the "
        "same in every language.",
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
]
