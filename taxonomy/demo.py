"""Demo content of the vocabulary: engagement fields and resource categories in all six languages.

The records are in `demo/vocabulary.toml`. Loaded before every app that uses them (`ORDER`); the partners'
own terms (cooperation topics, target groups) come with the partners' demo.
"""

from .models import EngagementField, ResourceCategory

ORDER = 5


def load(loader):
    vocabulary = loader.data("vocabulary")
    fields = []
    for position, entry in enumerate(vocabulary["engagement_field"]):
        field = loader.snippet(
            EngagementField,
            {"slug": entry["slug"]},
            name=entry["name"],
            description=entry["description"],
            sort_order=position,
        )
        loader.translate(field)
        fields.append(field)
    loader.registry["engagement_fields"] = {field.slug: field for field in fields}

    kinds = []
    for position, entry in enumerate(vocabulary["category"]):
        category = loader.snippet(
            ResourceCategory,
            {"slug": entry["slug"]},
            name=entry["name"],
            description=entry["description"],
            icon=entry["icon"],
            sort_order=position,
        )
        loader.translate(category)
        kinds.append(category)
    loader.registry["resource_categories"] = {category.slug: category for category in kinds}
