"""Partner organisations in the portal-wide search (see `search.registry`).

One entry per partner and language (its translation, or the German original standing in). The key fact
is where the partner is: the district of its address, else the districts it is active in. Facets:
engagement fields and districts (the catalogue's slugs), and the languages the partner works in (the
"language" facet: a visitor choosing Türkçe finds partners who speak Turkish). Keywords carry the names
of its fields, target groups, cooperation topics, districts, languages and kind in the visitor's
language, so "Jugend" finds a youth centre whose description does not say so. The result links to the
partner's page in the finder of the visitor's language.
"""

from django.db.models import Prefetch
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from catalogue.search_adapters import localized_name
from partners.models import LANGUAGE_CHOICES, PartnerFinderPage, PartnerOrganisation
from search.registry import SnippetSearchAdapter, memoized, register
from taxonomy.fields import OFFER_LANGUAGES
from taxonomy.models import CooperationTopic, EngagementField, TargetGroup

KEY_FACT_DISTRICTS = 3


def finder_page(language):
    """The partner finder page in `language` (an alias where it is not translated), or None."""

    def load():
        return PartnerFinderPage.objects.live().filter(locale__language_code=language).first()

    return memoized(("partner-finder", language), load)


def _partners_with_term(relation):
    def related(term):
        return PartnerOrganisation.objects.filter(
            **{f"{relation}__translation_key": term.translation_key}
        ).only("translation_key")

    return related


@register
class PartnerSearchAdapter(SnippetSearchAdapter):
    model = PartnerOrganisation
    kind = "partner"
    label = _("Partner organisation")
    label_plural = _("Partner organisations")
    title_field = "name"
    summary_fields = ("description",)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("district", "locale")
            .prefetch_related(
                Prefetch(
                    "engagement_fields", queryset=EngagementField.objects.order_by("sort_order", "name")
                ),
                Prefetch("target_groups", queryset=TargetGroup.objects.order_by("sort_order", "name")),
                Prefetch("offers", queryset=CooperationTopic.objects.order_by("sort_order", "name")),
                Prefetch("looks_for", queryset=CooperationTopic.objects.order_by("sort_order", "name")),
                "districts",
                "languages",
            )
        )

    def watched_models(self):
        return {
            EngagementField: _partners_with_term("engagement_fields"),
            TargetGroup: _partners_with_term("target_groups"),
            CooperationTopic: lambda topic: (
                _partners_with_term("offers")(topic) | _partners_with_term("looks_for")(topic)
            ),
        }

    def language_names(self):
        # Each language in its own name where the catalogue knows it, as the portal's own languages are.
        return {code: OFFER_LANGUAGES.get(code, label) for code, label in LANGUAGE_CHOICES}

    def key_fact(self, obj):
        if obj.district_id:
            return obj.district.name
        names = sorted(district.name for district in obj.districts.all())
        if not names:
            return ""
        if len(names) > KEY_FACT_DISTRICTS:
            names = [*names[:KEY_FACT_DISTRICTS], "…"]
        return gettext("Active in %(districts)s") % {"districts": ", ".join(names)}

    def keywords(self, obj):
        language = get_language()  # the entry's language: entries are built with it active
        spoken = dict(LANGUAGE_CHOICES)
        words = [str(obj.get_kind_display())]
        for relation in ("engagement_fields", "target_groups", "offers", "looks_for"):
            words += [localized_name(term, language) for term in getattr(obj, relation).all()]
        words += [district.name for district in obj.districts.all()]
        words += [str(spoken.get(spoken_language.code, "")) for spoken_language in obj.languages.all()]
        words += [obj.street, obj.city]
        return " ".join(word for word in words if word)

    def facets(self, obj):
        districts = {district.slug for district in obj.districts.all()}
        if obj.district_id:
            districts.add(obj.district.slug)
        return {
            "field": [term.slug for term in obj.engagement_fields.all()],
            "district": sorted(districts),
        }

    def languages(self, obj, content_language):
        return list(dict.fromkeys([content_language, *(language.code for language in obj.languages.all())]))

    def url(self, obj, language):
        page = finder_page(language)
        if page is None:
            return ""
        base = memoized(("partner-finder-url", language), lambda: page.url)
        return base + page.reverse_subpage("partner", args=[obj.slug])
