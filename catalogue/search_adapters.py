"""Resources in the portal-wide search (see `search.registry`).

Each resource gets one search entry per language: its translation, or the German original standing in.
The entry's key fact is today's availability in the visitor's language ("Verfügbar · 3 von 4 frei"),
computed by `catalogue.availability` in the same query that loads the resources. Availability changes
without the resource being saved – a reservation or grant approved or cancelled, or simply another day –
so reservations and grants are watched (their saves recompute the resource's entries at once) and the
adapter `changes_daily` (`manage.py refresh_search_entries`, run daily, catches the calendar).

Today's status is also a facet ("availability": available, few left, exhausted, ...), so the search
page can list what can still be had.

Keywords are the names of the resource's category, engagement fields and district and its kind, in the
visitor's language where the term is translated, so "Raum" or "قاعة" finds rooms whose own text does not
say so. The result links to the resource in the catalogue of the visitor's language; a German stand-in is
served there at its German slug.
"""

from django.db.models import Prefetch
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from catalogue import availability
from catalogue.models import Grant, Reservation, Resource, ResourceEngagementField, ResourceIndexPage
from catalogue.money import format_euro
from home.listing import localized_terms
from search.registry import Facet, SnippetSearchAdapter, memoized, register, register_facet
from taxonomy.fields import OFFER_LANGUAGES
from taxonomy.models import EngagementField, ResourceCategory


def localized_name(term, language):
    """The term's name in `language`, German standing in (`home.listing.localized_terms`, read once a batch)."""
    terms = memoized(("terms", type(term), language), lambda: localized_terms(type(term), language))
    return terms[term.slug].name if term.slug in terms else term.name


def catalogue_url(language):
    """The address of the catalogue page in `language` ("/ar/resources/"), or "" without one."""

    def load():
        page = ResourceIndexPage.objects.live().filter(locale__language_code=language).first()
        return page.url if page is not None else ""

    return memoized(("catalogue-url", language), load)


def availability_line(resource):
    """Today's availability in one line of the active language: status, and what is left of how much."""
    current = availability.availability_of(resource)
    label = str(current.status.label)
    if not current.is_counted or not current.obtainable:
        return label
    if current.measure == "money":
        amount = gettext("%(left)s of %(total)s left") % {
            "left": format_euro(current.shown_left),
            "total": format_euro(current.total),
        }
    else:
        amount = gettext("%(left)s of %(total)s free") % {"left": current.shown_left, "total": current.total}
    return f"{label} · {amount}"


def _resources_with_term(relation):
    def related(term):
        return Resource.objects.filter(**{f"{relation}__translation_key": term.translation_key}).only(
            "translation_key"
        )

    return related


@register
class ResourceSearchAdapter(SnippetSearchAdapter):
    model = Resource
    kind = "resource"
    label = _("Resource")
    label_plural = _("Resources")
    summary_fields = ("summary",)
    changes_daily = True

    def get_queryset(self):
        # Today's availability is computed in the same query (annotations that `availability_of` reads).
        return availability.with_availability(
            super()
            .get_queryset()
            .select_related("category", "district", "locale")
            .prefetch_related(
                Prefetch(
                    "engagement_field_links",
                    queryset=ResourceEngagementField.objects.select_related("engagement_field"),
                )
            )
        )

    def watched_models(self):
        return {
            Reservation: lambda reservation: reservation.resource,
            Grant: lambda grant: grant.resource,
            ResourceCategory: _resources_with_term("category"),
            EngagementField: _resources_with_term("engagement_field_links__engagement_field"),
        }

    def language_names(self):
        return OFFER_LANGUAGES

    def _fields(self, obj):
        return [link.engagement_field for link in obj.engagement_field_links.all()]

    def key_fact(self, obj):
        return availability_line(obj)

    def keywords(self, obj):
        language = get_language()  # the entry's language: entries are built with it active
        words = [localized_name(obj.category, language), str(obj.get_kind_display())]
        words += [localized_name(field, language) for field in self._fields(obj)]
        if obj.district_id:
            words.append(obj.district.name)
        return " ".join(words)

    def facets(self, obj):
        values = {
            "category": [obj.category.slug],
            "field": [field.slug for field in self._fields(obj)],
            "availability": [str(availability.availability_of(obj).status)],
        }
        if obj.district_id:
            values["district"] = [obj.district.slug]
        return values

    def languages(self, obj, content_language):
        # A coaching offered in Turkish is usable in Turkish, whatever language its page is written in.
        return list(dict.fromkeys([content_language, *(obj.languages or [])]))

    def url(self, obj, language):
        base = catalogue_url(language)
        return f"{base}{obj.slug}/" if base else ""


def _availability_labels(values, language):
    statuses = {str(status): str(status.label) for status in availability.Status}
    return {value: statuses[value] for value in values if value in statuses}


# Today's availability as a facet of the search page ("?availability=available"): what can be had now.
register_facet(Facet("availability", _("Availability"), _availability_labels, position=25))
