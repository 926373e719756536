"""Filters with facet counts: `?category=raeume&category=geraete-und-technik` and, for each filter, how
many results each of its values would give with the other filters as they are.

A `Facet` names a query parameter, the ORM path to the value it filters on (a slug that is the same in
every language, or a choice value) and where its values and their labels come from. Values are checked
against the values that exist; an unknown one is a 422 naming the parameter and the values it accepts.
Several values of one facet are alternatives (OR); different facets narrow each other (AND). Counting
costs one query per facet, however many items are shown.

No facet machinery of its own: a `Facet` is the listing engine's (`home.listing.FieldFacet`), counted by
its `FacetListing`; `facet_results` turns any listing's counted facets (the events', the partner
finder's, the catalogue's) into the JSON `FacetResult`s.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.utils import translation
from django.utils.translation import gettext
from ninja import Schema

from home.listing import FacetListing, FieldFacet, Option, localized
from taxonomy.collation import by_name

from . import accepted
from .errors import DETAILS, APIError
from .language import LANGUAGE_CODES


class FacetChoice(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetResult(Schema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "name": "district",
                    "label": "District",
                    "choices": [{"value": "eving", "label": "Eving", "count": 3, "selected": False}],
                }
            ]
        }
    }

    name: str
    label: str
    choices: list[FacetChoice]


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


class Facet(FieldFacet):
    """One filter of a generic list endpoint, with counts: the listing engine's `FieldFacet`.

    name:     the query parameter (`category`)
    lookup:   ORM path from the listed model to the value (`category__slug`, `engagement_fields__slug`)
    label:    what the filter is called (lazy gettext)
    choices:  callable(language) -> [Choice] in display order: the values that exist and their labels
    """

    def __init__(self, name, lookup, *, label, choices, description=""):
        super().__init__(name, label, lookup, self._options)
        self.name = name
        self.lookup = lookup
        self.choices = choices
        self.description = description

    def _options(self, listing):
        return [Option(choice.value, choice.label) for choice in self.choices(listing.language)]

    def apply(self, queryset, values):
        # A subquery rather than a join: items with several matching values appear once.
        matching = queryset.model._default_manager.filter(**{f"{self.lookup}__in": values})
        return queryset.filter(pk__in=matching.values("pk"))


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
    `name` accepts, in order)."""
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


def choose(listing, filters, errors=(), *, operation=None):
    """Put a client's chosen values on `listing`, or refuse the request.

    Each facet's parameter is read from `filters` (the endpoint's query schema: one value or a list of
    alternatives). A value is accepted when the listing offers it in the requested language or when the
    operation's filter takes it in another language (`api.accepted`: the values the OpenAPI document
    enumerates – a term published only in Arabic, a month of the other event list); the second is read
    only for a value the first does not know, so a usual request costs nothing more. Unknown values are a
    422 naming every one of them with the values its parameter accepts, together with `errors` found
    before (a form's). The web pages leave an unknown value out with a notice instead; a program should
    hear about its mistake.
    """
    errors = list(errors)
    everywhere = None
    for facet in listing.facets:
        given = getattr(filters, facet.param, None)
        values = [given] if isinstance(given, str) else list(given or [])
        known = [option.value for option in listing.options[facet.param]]
        if operation and any(value not in known for value in values):
            if everywhere is None:
                everywhere = accepted.values().get(operation, {})
            known = everywhere.get(facet.param, {}).get("enum", known)
        errors += unknown_values(facet.param, values, known)
        if values:
            listing.selected[facet.param] = values
    if errors:
        raise APIError(422, DETAILS[422], errors=errors)
    return listing


def apply_facets(queryset, facets, selected, language, *, operation=None):
    """Filter `queryset` by the `selected` values ({name: [values]}) and count every facet's values.

    Returns (filtered queryset, [FacetResult]). Each facet is counted with all the other facets applied
    but not itself, so its counts say what choosing another of its values would give (`FacetListing`).
    """
    listing = FacetListing({}, queryset, facets, base_url="", language=language)
    choose(listing, SimpleNamespace(**selected), operation=operation)
    return listing.filtered(), facet_results(listing.count_facets())


def in_every_language(facets):
    """The listings of `facets` in each of the portal's languages, for their options
    (`api.accepted.facet_values`); nothing is filtered or counted."""
    return [FacetListing({}, None, facets, base_url="", language=code) for code in LANGUAGE_CODES]


def field_choices(model, field_name):
    """Choices of a model field with `choices` (e.g. `ResourceCategory.icon`), labels in the language."""
    field = model._meta.get_field(field_name)

    def choices(language):
        with translation.override(language):
            return [Choice(str(value), str(label)) for value, label in field.flatchoices]

    # A fixed set: the OpenAPI document lists it (an enum), `api.collections.Collection.filter_schema`.
    choices.values = tuple(str(value) for value, _label in field.flatchoices)
    return choices


def term_choices(model):
    """Live terms of a translatable vocabulary (slug and name), in the language or German."""

    def choices(language):
        terms = localized(model._default_manager.filter(live=True), language)
        return [Choice(term.slug, term.name) for term in terms]

    return choices


def object_choices(model, *, value="slug", label="name"):
    """Objects of a vocabulary that is the same in every language (e.g. `District`); an object that writes
    its name for a language (`name_in`) is named so, and the choices are in that language's alphabetical
    order (`taxonomy.collation`)."""

    def choices(language):
        objects = model._default_manager.all()
        if label == "name" and hasattr(model, "name_in"):
            named = [Choice(str(getattr(obj, value)), obj.name_in(language)) for obj in objects]
            return by_name(named, language, lambda choice: choice.label)
        return [Choice(str(getattr(obj, value)), str(getattr(obj, label))) for obj in objects]

    return choices
