"""Engagement examples in the headless API (see README, "API").

- `GET /api/v3/examples/` – the examples' list as JSON: the web list's own filters with their counts
  (`engagement.views.FACETS`: `field`, `district`; one value each), `q` free text
  (`home.listing.matching_pages`), newest year first, `limit`/`offset`.
- `GET /api/v3/examples/{page_id}/` and `/api/v3/examples/by-slug/{slug}/` – one example with its story,
  pictures, partners and resources.
"""

from django.db.models import Prefetch
from ninja import Field, Schema
from pydantic import create_model

from api import accepted
from api.collections import LANG_DESCRIPTION
from api.facets import choose, in_every_language
from api.language import LanguageCode
from api.listed_pages import FilterValue, ListedPages, images_with_renditions
from home.listing import FacetListing, matching_pages
from taxonomy.models import EngagementField

from .models import EngagementExamplePage, EngagementIndexPage
from .views import FACETS, examples_in

FILTERS = {
    "field": "Engagement field (slug, see /api/v3/engagement-fields/).",
    "district": "District (slug, see /api/v3/districts/).",
}
MAX_QUERY_LENGTH = 200

ExampleFilters = create_model(
    "EngagementExampleFilters",
    __base__=Schema,
    lang=(LanguageCode | None, Field(None, description=LANG_DESCRIPTION)),
    q=(
        str | None,
        Field(
            None,
            max_length=MAX_QUERY_LENGTH,
            description="Words in the title, association, summary, story or quote.",
        ),
    ),
    **{name: (FilterValue | None, Field(None, description=text)) for name, text in FILTERS.items()},
)


class ExampleCollection(ListedPages):
    page_model = EngagementExamplePage
    index_model = EngagementIndexPage
    filters = ExampleFilters
    long_fields = ("story", "gallery", "quote", "quote_attribution")

    def __init__(self):
        super().__init__(
            path="examples",
            label="Engagement examples",
            description="Projects of associations: what they did, with whom and with which resources, as "
            "the engagement examples' page lists them, with its filters and their counts.",
        )

    def listing(self, request, index, filters):
        language = index.locale.language_code
        examples = matching_pages(examples_in(index), EngagementExamplePage, filters.q, language)
        listing = FacetListing({}, examples, FACETS, base_url="", language=language)
        choose(listing, filters, operation="examples_list")
        return listing, {}

    def accepted_values(self):
        # The list's filters take what the examples page offers in any language (`api.accepted`).
        return {"examples_list": accepted.enums(accepted.facet_values(in_every_language(FACETS)))}

    def prepare(self, queryset, language):
        return queryset.select_related("locale", "alias_of__locale", "district").prefetch_related(
            Prefetch("engagement_fields", queryset=EngagementField.objects.order_by("sort_order", "name")),
            "partners",
            "resources",
            images_with_renditions(),
        )

    def examples(self, request, language):
        return {
            **super().examples(request, language),
            "examples_list": f"lang={language}&field=umwelt",
        }


endpoints = [ExampleCollection()]
