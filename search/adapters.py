"""What the search app makes searchable itself: every page, the engagement fields and resource categories;
and the facets.

Other content types (resources, partners, examples, events) bring their adapters in their own app's
`search_adapters.py` (`catalogue/search_adapters.py`, `partners/search_adapters.py`); see `search.registry`.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from taxonomy.models import District, EngagementField, ResourceCategory

from .registry import (
    Facet,
    Label,
    PageSearchAdapter,
    SnippetSearchAdapter,
    adapters,
    register,
    register_facet,
)

register(PageSearchAdapter)


def search_url(language, **filters):
    """The search page in `language`, filtered: search_url("de", field="umwelt") -> /de/suche/?field=umwelt."""
    with translation.override(language):
        path = reverse("search")
    query = urlencode({name: value for name, value in filters.items() if value}, doseq=True)
    return f"{path}?{query}" if query else path


class TaxonomyTermSearchAdapter(SnippetSearchAdapter):
    """A term of the shared vocabulary (taxonomy); its result leads to everything filed under it."""

    title_field = "name"
    facet_name = ""

    def url(self, obj, language):
        return search_url(language, **{self.facet_name: obj.slug})

    def facets(self, obj):
        return {self.facet_name: [obj.slug]}


@register
class EngagementFieldSearchAdapter(TaxonomyTermSearchAdapter):
    model = EngagementField
    kind = "engagement-field"
    label = _("Engagement field")
    label_plural = _("Engagement fields")
    facet_name = "field"


@register
class ResourceCategorySearchAdapter(TaxonomyTermSearchAdapter):
    model = ResourceCategory
    kind = "resource-category"
    label = _("Resource category")
    label_plural = _("Resource categories")
    facet_name = "category"


# --- Facets ---------------------------------------------------------------------------------------


def _type_labels(values, language):
    known = {adapter.kind: adapter.label_plural for adapter in adapters()}
    return {value: str(known[value]) for value in values if value in known}


def _language_labels(values, language):
    """Each language in its own name: the portal's languages, and those content types add (a partner's
    working languages, the languages a coaching is offered in)."""
    configured = {code for code, _name in settings.LANGUAGES}
    others = {}
    for adapter in adapters():
        others.update(adapter.language_names())
    labels = {}
    for value in values:
        if value in configured:
            labels[value] = Label(
                translation.get_language_info(value)["name_local"], value if value != language else ""
            )
        elif value in others:
            labels[value] = str(others[value])
    return labels


def _taxonomy_labels(model):
    def labels(values, language):
        """Names in `language`, the German name where the term is not translated."""
        found = {}
        rows = model.objects.filter(
            slug__in=list(values), live=True, locale__language_code__in={language, settings.LANGUAGE_CODE}
        ).values_list("slug", "name", "locale__language_code")
        for slug, name, code in rows:
            if code == language or slug not in found:
                found[slug] = Label(name, code if code != language else "")
        return found

    return labels


def _district_labels(values, language):
    """Each district's name in the visitor's script (`District.name_in`), the German one marked where it
    stands in."""
    labels = {}
    for district in District.objects.filter(slug__in=list(values)):
        lang = district.lang_in(language)
        labels[district.slug] = Label(district.name_in(language), lang if lang != language else "")
    return labels


register_facet(Facet("type", _("Content type"), _type_labels, position=10))
register_facet(Facet("category", _("Resource category"), _taxonomy_labels(ResourceCategory), position=20))
register_facet(Facet("field", _("Engagement field"), _taxonomy_labels(EngagementField), position=30))
register_facet(Facet("district", _("District"), _district_labels, position=40, order="name"))
register_facet(Facet("language", _("Language"), _language_labels, position=50))
