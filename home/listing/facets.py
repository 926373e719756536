"""Facets: one filter each, with the values that exist, how it narrows a queryset and how it counts.

A facet is declared by the listing that uses it (`events/listing.py`, `partners/finder.py` ...) from two
parts: how it filters and counts (a column or foreign-key path: `FieldFacet`; a many-to-many relation:
`RelationFacet`; or a facet of its own, e.g. months) and where its options come from (`choices`,
`objects`, `terms`). `apply` gets a tuple of values that are alternatives (the web pages send one, the API
may send several); `counts` answers {value: how many}, one grouped query.
"""

from dataclasses import dataclass

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _

from taxonomy.collation import by_name

from . import together
from .language import fallback_lang
from .text import shorten


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False
    # The label's language where it is not the visitor's (a German stand-in, a language's own name).
    lang: str = ""
    url: str = ""  # the listing with this option chosen, where a page links options (the partner map)


# --- Where options come from: callables(listing) -> [Option] ----------------------------------------------


def choices(pairs):
    """Fixed choices (`TextChoices.choices`), labelled in the visitor's language."""
    return lambda listing: [Option(str(value), str(label)) for value, label in pairs]


def objects(model, value="slug", label="name"):
    """Objects that are the same in every language (Dortmund's districts: proper names). An object that
    writes its name for a language (`name_in`, `lang_in`: a district in Arabic or Ukrainian script) is
    labelled so, its German name marked as such where it stands in, and the list is in the visitor's
    alphabetical order (`taxonomy.collation`: "Hörde" before "Huckarde", Arabic names in hijāʼī order)."""

    def option(obj, language):
        if label == "name" and hasattr(obj, "name_in"):
            lang = obj.lang_in(language)
            return Option(
                str(getattr(obj, value)), obj.name_in(language), lang="" if lang == language else lang
            )
        return Option(str(getattr(obj, value)), str(getattr(obj, label)))

    def options(listing):
        found = [option(obj, listing.language) for obj in listing.objects(model)]
        if label == "name" and hasattr(model, "name_in"):
            found = by_name(found, listing.language, lambda option: option.label)
        return found

    return options


def terms(model):
    """A translatable vocabulary by slug (the same in every language), labelled in the visitor's language,
    in German marked as such where a term is not translated."""
    return lambda listing: [
        Option(slug, term.name, lang=fallback_lang(term, listing.language))
        for slug, term in listing.terms(model).items()
    ]


# --- How a facet filters and counts ---------------------------------------------------------------------


class Facet:
    """One filter: which values exist (`options`), how it narrows a queryset, how it counts."""

    hide_empty = False  # offer only options with results (and the chosen one), e.g. months, languages

    def __init__(self, param, label, source=None, *, unknown=None, active_label=None, any_label=None):
        self.param = param
        self.label = label
        self.active_label = active_label or label  # what an active filter's chip calls it
        self.any_label = any_label  # the empty choice ("All categories"); "any" where not given
        self.source = source
        self.unknown_message = unknown  # the notice about a value that is not an option, with %(value)s

    def options(self, listing):
        return self.source(listing)

    def apply(self, queryset, values):
        """Keep what matches any of `values` (option values)."""
        raise NotImplementedError

    def counts(self, queryset):
        """{value: how many} among `queryset`, in a query of its own."""
        return self.read_counts(together.count([self.count_part(queryset)])[0])

    def count_part(self, queryset):
        """How `counts` asks the database, as a part of one statement that counts every facet of a listing
        (`home.listing.together`); None: nothing to count."""
        raise NotImplementedError

    def read_counts(self, counted):
        """{option value: count} from what the part counted."""
        return counted

    def unknown(self, value):
        if self.unknown_message:
            return self.unknown_message % {"value": shorten(value)}
        return _("“%(value)s” is not a choice for “%(filter)s”, so this filter was left out.") % {
            "value": shorten(value),
            "filter": self.label,
        }


class FieldFacet(Facet):
    """A value reached through a foreign key or a plain column, e.g. `district__slug` or `kind`."""

    def __init__(self, param, label, path, source=None, **kwargs):
        super().__init__(param, label, source, **kwargs)
        self.path = path

    def apply(self, queryset, values):
        return queryset.filter(**{f"{self.path}__in": values})

    def count_part(self, queryset):
        return together.Rows(
            queryset.order_by().values(v=F(self.path)).annotate(n=Count("pk", distinct=True))
        )


class RelationFacet(Facet):
    """A many-to-many relation of `model`, filtered and counted by a field (`key`) of the related object,
    through the relation's table: no join of the listed rows, so none appears twice.

    `relation`: a many-to-many field, or the related name of a link model (an inline's `ParentalKey`)
    whose foreign key `target` points at the related object.
    """

    def __init__(self, param, label, model, relation, key="slug", source=None, *, target=None, **kwargs):
        super().__init__(param, label, source, **kwargs)
        self.model = model
        self.relation = relation
        self.key = key
        self.target = target

    def _through(self):
        field = self.model._meta.get_field(self.relation)
        if self.target:
            return field.related_model, field.field.name, self.target
        return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()

    def apply(self, queryset, values):
        through, source, target = self._through()
        matching = through.objects.filter(**{f"{target}__{self.key}__in": values}).values(source)
        return queryset.filter(pk__in=matching)

    def count_part(self, queryset):
        through, source, target = self._through()
        return together.Rows(
            through.objects.filter(**{f"{source}__in": queryset.values("pk")})
            .order_by()
            .values(v=F(f"{target}__{self.key}"))
            .annotate(n=Count(source, distinct=True))
        )
