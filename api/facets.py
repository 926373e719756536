"""Filters with facet counts: `?category=raeume&category=geraete-und-technik` and, for each filter, how
many results each of its values would give with the other filters as they are.

A `Facet` names a query parameter, the ORM path to the value it filters on (a slug that is the same in
every language, or a choice value) and where its values and their labels come from. Values are checked
against the values that exist; an unknown one is a 422 naming the parameter and the values it accepts.
Several values of one facet are alternatives (OR); different facets narrow each other (AND). Counting
costs one query per facet, however many items are shown.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext
from ninja import Schema

from home.listing import localized

from .errors import DETAILS, APIError


class FacetChoice(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetResult(Schema):
    name: str
    label: str
    choices: list[FacetChoice]


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


class Facet:
    """One filter of a list endpoint, with counts.

    name:     the query parameter (`category`)
    lookup:   ORM path from the listed model to the value (`category__slug`, `engagement_fields__slug`)
    label:    what the filter is called (lazy gettext)
    choices:  callable(language) -> [Choice] in display order: the values that exist and their labels
    """

    def __init__(self, name, lookup, *, label, choices, description=""):
        self.name = name
        self.lookup = lookup
        self.label = label
        self.choices = choices
        self.description = description

    def validate(self, values, choices):
        check_values(self.name, values, [choice.value for choice in choices])

    def filter(self, queryset, values):
        if not values:
            return queryset
        # A subquery rather than a join: items with several matching values appear once.
        matching = queryset.model._default_manager.filter(**{f"{self.lookup}__in": values})
        return queryset.filter(pk__in=matching.values("pk"))

    def count(self, queryset):
        rows = queryset.order_by().values(self.lookup).annotate(total=Count("pk", distinct=True))
        return {row[self.lookup]: row["total"] for row in rows}


def facet_results(facets):
    """A listing's counted facets (`home.listing.FacetListing.count_facets()`) as the API's facets."""
    return [
        FacetResult(
            name=item["facet"].param,
            label=str(item["facet"].label),
            choices=[
                FacetChoice(value=o.value, label=str(o.label), count=o.count, selected=o.selected)
                for o in item["options"]
            ],
        )
        for item in facets
    ]


def unknown_values(name, values, known):
    """Problem `errors` entries for each of `values` that is not among `known` (the values parameter
    `name` accepts, in order). For list endpoints whose filters are not `Facet`s (e.g. the catalogue's)."""
    allowed = set(known)
    return [
        {
            "loc": ["query", name],
            "msg": gettext("Unknown value “%(value)s”. Possible values: %(choices)s.")
            % {"value": value[:100], "choices": ", ".join(known)},
            "type": "unknown_value",
        }
        for value in values
        if value not in allowed
    ]


def check_values(name, values, known):
    """A 422 naming parameter `name` and the values it accepts unless all of `values` are `known`."""
    errors = unknown_values(name, values, known)
    if errors:
        raise APIError(422, DETAILS[422], errors=errors[:1])


def apply_facets(queryset, facets, selected, language):
    """Filter `queryset` by the `selected` values ({name: [values]}) and count every facet's values.

    Returns (filtered queryset, [FacetResult]). Each facet is counted with all the other facets applied
    but not itself, so its counts say what choosing another of its values would give.
    """
    choices = {facet.name: facet.choices(language) for facet in facets}
    for facet in facets:
        facet.validate(selected.get(facet.name) or [], choices[facet.name])
    results = []
    for facet in facets:
        others = queryset
        for other in facets:
            if other is not facet:
                others = other.filter(others, selected.get(other.name))
        counts = facet.count(others)
        chosen = set(selected.get(facet.name) or [])
        results.append(
            FacetResult(
                name=facet.name,
                label=str(facet.label),
                choices=[
                    FacetChoice(
                        value=choice.value,
                        label=choice.label,
                        count=counts.get(choice.value, 0),
                        selected=choice.value in chosen,
                    )
                    for choice in choices[facet.name]
                ],
            )
        )
    for facet in facets:
        queryset = facet.filter(queryset, selected.get(facet.name))
    return queryset, results


def field_choices(model, field_name):
    """Choices of a model field with `choices` (e.g. `ResourceCategory.icon`), labels in the language."""
    field = model._meta.get_field(field_name)

    def choices(language):
        with translation.override(language):
            return [Choice(str(value), str(label)) for value, label in field.flatchoices]

    return choices


def term_choices(model):
    """Live terms of a translatable vocabulary (slug and name), in the language or German."""

    def choices(language):
        terms = localized(model._default_manager.filter(live=True), language)
        return [Choice(term.slug, term.name) for term in terms]

    return choices


def object_choices(model, *, value="slug", label="name"):
    """Objects of a vocabulary that is the same in every language (e.g. `District`)."""

    def choices(language):
        return [
            Choice(str(getattr(obj, value)), str(getattr(obj, label))) for obj in model._default_manager.all()
        ]

    return choices
