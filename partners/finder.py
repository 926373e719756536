"""The partner finder: free text plus facets with counts, all state in the URL (`home.listing`).

Facets (URL parameter: what it filters):
    field: engagement field (slug)      district: district active in (slug)    language: spoken (code)
    kind: kind of organisation          offers: cooperation topic offered       seeks: topic looked for
    q: free text (partners/search.py)   page: page number

The finder is a `FacetListing` (filters checked against what exists, counts that say what choosing an
option would show, notices, active filters, pages) with what only it has: its own free-text search
(best match first), the district map (every district's count and link) and a limit on the search text.
Each facet takes one value on the web page (the API, `partners/endpoints.py`, passes several, which are
alternatives, and refuses unknown values instead of leaving them out). `Finder.search()` is the part
the web page and the API share: filter, count, order.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from home.listing import (
    FacetListing,
    FieldFacet,
    ListingResult,
    Notice,
    RelationFacet,
    choices,
    clean_text,
    objects,
    terms,
)
from partners.models import LANGUAGE_CHOICES, PartnerOrganisation, SpokenLanguage
from partners.search import search_partner_keys
from taxonomy.models import CooperationTopic, District, EngagementField

MAX_QUERY_LENGTH = 100
LOGO_FILTER = "max-160x80"

FACETS = [
    RelationFacet(
        "field",
        _("Engagement field"),
        PartnerOrganisation,
        "engagement_fields",
        source=terms(EngagementField),
    ),
    RelationFacet("district", _("District"), PartnerOrganisation, "districts", source=objects(District)),
    # The fixed list the SpokenLanguage rows mirror (created by a migration): no query needed.
    RelationFacet(
        "language", _("Language"), PartnerOrganisation, "languages", "code", source=choices(LANGUAGE_CHOICES)
    ),
    FieldFacet("kind", _("Kind of organisation"), "kind", choices(PartnerOrganisation.Kind.choices)),
    RelationFacet("offers", _("Offers"), PartnerOrganisation, "offers", source=terms(CooperationTopic)),
    RelationFacet("seeks", _("Looks for"), PartnerOrganisation, "looks_for", source=terms(CooperationTopic)),
]


def card_vocabulary():
    """The vocabulary a partner card shows: {relation: what of it is shown} (`together.prefetch_vocabulary`)."""
    return {
        "engagement_fields": EngagementField.objects.filter(live=True).select_related("locale"),
        "districts": District.objects.all(),
        "languages": SpokenLanguage.objects.all(),
    }


def with_card_details(queryset):
    """What a partner card shows, in a fixed number of queries however many cards there are."""
    return queryset.select_related("locale").prefetch_related(
        Prefetch(
            "engagement_fields", queryset=EngagementField.objects.filter(live=True).select_related("locale")
        ),
        "districts",
        "languages",
        Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(LOGO_FILTER)),
    )


@dataclass
class FinderResult(ListingResult):
    districts: list = None  # district options with counts and links, for the map
    max_district_count: int = 0

    @property
    def query(self):
        return self.text


class Finder(FacetListing):
    """One visit to the finder.

    `selected` holds one value per facet for the web page; the API puts a list of values there instead.
    `sort`: None (best match first with search text, else by name) or "name".
    """

    text_label = _("Search text")
    page_notice = _("There is no page “%(page)s”; showing page %(shown)s instead.")

    def __init__(self, params, language, base_url=""):
        self.sort = None
        super().__init__(
            params,
            PartnerOrganisation.objects.in_language(language),
            FACETS,
            base_url=base_url,
            language=language,
            text_model=PartnerOrganisation,
        )

    @property
    def query(self):
        return self.text

    def parse_text(self, raw):
        query = clean_text(raw)
        if len(query) > MAX_QUERY_LENGTH:
            query = query[:MAX_QUERY_LENGTH].rstrip()
            self.notices.append(
                Notice(
                    _("Your search text was very long; only its first %(limit)s characters were used.")
                    % {"limit": MAX_QUERY_LENGTH},
                    "q",
                )
            )
        return query

    def match_text(self):
        return search_partner_keys(self.text, [self.language, settings.LANGUAGE_CODE])

    def ordered(self, queryset):
        matches = self.matches()
        if self.sort != "name" and matches is not None:
            return queryset.order_by(*matches.rank(), Lower("name"), "pk")
        return queryset.order_by(Lower("name"), "pk")

    def search(self):
        """Filter, count every facet's options (`options` get their `count` and `selected`) and order.

        Returns (base, ordered results, facets): `base` is what the free text leaves (before the facets).
        """
        facets = self.count_facets()
        matches = self.matches()
        base = matches.filter(self.base) if matches is not None else self.base
        return base, self.results(), facets

    def max_district_count(self):
        """The largest count on the map (after counting), which sets the map's shades."""
        return max((option.count for option in self.options["district"]), default=0)

    def run(self, page_number=None, keep=None):
        result = super().run(page_number, prepare=with_card_details, keep=keep)
        districts = self.options["district"]
        for option in districts:
            option.url = self.url(district=option.value)
        return FinderResult(**vars(result), districts=districts, max_district_count=self.max_district_count())
