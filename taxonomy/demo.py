"""Demo content of the vocabulary: engagement fields and resource categories in all six languages, and
the districts' names in Arabic and Ukrainian script.

The records are in `demo/vocabulary.toml`. Loaded before every app that uses them (`ORDER`); the partners'
own terms (cooperation topics, target groups) come with the partners' demo.
"""

from .models import NAME_LANGUAGES, District, EngagementField, ResourceCategory

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
    name_districts(vocabulary["districts"]["names"])


def name_districts(records):
    """Write the districts' names in other scripts (records: slug and `name_<language>`) where the field is
    still empty, so an editor's name is kept. One query to read, one per district that changes."""
    records = {record["slug"]: record for record in records}
    for district in District.objects.filter(slug__in=list(records)):
        changed = []
        for language in NAME_LANGUAGES:
            field = f"name_{language}"
            if records[district.slug].get(field) and not getattr(district, field):
                setattr(district, field, records[district.slug][field])
                changed.append(field)
        if changed:
            district.save(update_fields=changed)
