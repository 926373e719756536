"""Demo content of the vocabulary: engagement fields and resource categories in all six languages.

The records are in `demo/vocabulary.toml`. Loaded before every app that uses them (`ORDER`); the partners'
own terms (cooperation topics, target groups) come with the partners' demo.
"""

from .models import EngagementField, ResourceCategory

ORDER = 5


def load_terms(loader, model, entries, fields=("name",)):
    """A term of `model` for each record (found by slug or made, kept in the records' order), translated
    where the memory knows every segment: {slug: term}. `fields`: the record's keys the term takes."""
    terms = {}
    for position, entry in enumerate(entries):
        term = loader.snippet(
            model, {"slug": entry["slug"]}, sort_order=position, **{name: entry[name] for name in fields}
        )
        loader.translate(term)
        terms[term.slug] = term
    return terms


def load(loader):
    vocabulary = loader.data("vocabulary")
    loader.registry["engagement_fields"] = load_terms(
        loader, EngagementField, vocabulary["engagement_field"], ("name", "description")
    )
    loader.registry["resource_categories"] = load_terms(
        loader, ResourceCategory, vocabulary["category"], ("name", "description", "icon")
    )
