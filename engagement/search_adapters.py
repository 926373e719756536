"""Engagement examples in the portal-wide search (see `search.registry`).

One entry per example page and language (the translation, or the German original standing in as an
alias). The key fact names the association and the year; facets are the engagement fields and the
district, as in the examples' own list. Keywords carry the names of the fields, the district and the
partners involved, in the visitor's language.
"""

from django.db.models import Prefetch
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from catalogue.search_adapters import localized_name
from engagement.models import EngagementExamplePage
from search.registry import PageSearchAdapter, register
from taxonomy.models import EngagementField


@register
class EngagementExampleSearchAdapter(PageSearchAdapter):
    model = EngagementExamplePage
    kind = "example"
    label = _("Engagement example")
    label_plural = _("Engagement examples")
    summary_fields = ("search_description", "summary")

    def get_queryset(self):
        return (
            EngagementExamplePage.objects.live()
            .public()
            .select_related("district")
            .prefetch_related(
                Prefetch(
                    "engagement_fields", queryset=EngagementField.objects.order_by("sort_order", "name")
                ),
                "partners",
            )
        )

    def watched_models(self):
        def examples_with(term):
            return EngagementExamplePage.objects.filter(
                engagement_fields__translation_key=term.translation_key
            )

        return {EngagementField: examples_with}

    def key_fact(self, obj):
        if obj.association and obj.year:
            return gettext("%(association)s, %(year)s") % {"association": obj.association, "year": obj.year}
        return obj.association or (str(obj.year) if obj.year else "")

    def keywords(self, obj):
        language = get_language()  # entries are built with their language active
        words = [localized_name(term, language) for term in obj.engagement_fields.all()]
        if obj.district_id:
            words.append(obj.district.name)
        words += [partner.name for partner in obj.partners.all()]
        words.append(obj.association)
        return " ".join(word for word in words if word)

    def facets(self, obj):
        return {
            "field": [term.slug for term in obj.engagement_fields.all()],
            "district": [obj.district.slug] if obj.district_id else [],
        }
