"""Partner organisations in the headless API (see README, "API").

- `GET /api/v3/partners/` – the partner finder as JSON: the finder's filters and facet counts
  (`partners.finder.Finder.search()`, the same code as the web page; several values of one filter are
  alternatives), free text through `partners.search`, the district counts of the finder's map (with the
  map's outlines, so a client can draw it), sort, `limit`/`offset`.
- `GET /api/v3/partners/{partner_id}/` – everything a partner's page shows, in the response's language
  (German where not translated, `meta.fallback`); the id may be that of any language version.
- `GET /api/v3/partners/by-slug/{slug}/` – the same by the last part of its web address.
- `GET /api/v3/cooperation-topics/`, `/api/v3/target-groups/`, `/api/v3/spoken-languages/` – the
  partners' own vocabularies.

What a partner hid stays hidden: with "do not show my e-mail address" `email` is null (the contact form on
its web page still reaches it; `contact_form` says whether there is one). Invalid values are refused with
a 422 naming the parameter (the web page leaves them out with a notice).
"""

from typing import Annotated, Literal

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext
from ninja import Field, Path, Query, Router, Schema
from pydantic import StringConstraints, create_model
from wagtail.images import get_image_model

from api import accepted, changes, content, schemas, translated
from api.collections import ERRORS, LANG_DESCRIPTION, Collection, FacetValue
from api.errors import APIError, Problem
from api.facets import choose, facet_results, in_every_language
from api.language import LanguageCode
from api.pages import ITEM_ADDRESSES
from api.pagination import PageQuery, list_schema, paginate
from home.listing import localized_terms
from partners import map as district_map
from partners.finder import FACETS, MAX_QUERY_LENGTH, Finder
from partners.models import PartnerFinderPage, PartnerOrganisation, SpokenLanguage
from partners.views import find_partner, related_partners, with_details
from taxonomy.models import CooperationTopic, EngagementField, TargetGroup

PartnerSlug = Annotated[str, StringConstraints(pattern=r"^[-a-zA-Z0-9_]+$", max_length=200)]
PartnerId = Path(..., ge=1, le=2**31 - 1, description="The id of the partner in any of its languages.")
SUMMARY_WORDS = 30

FACET_DESCRIPTIONS = {
    "field": "Engagement field (slug, see /api/v3/engagement-fields/).",
    "district": "District the partner is active in (slug, see /api/v3/districts/).",
    "language": "Language spoken (code, see /api/v3/spoken-languages/).",
    "kind": "Kind of organisation (see the `kind` facet for the values).",
    "offers": "Cooperation topic the partner offers (slug, see /api/v3/cooperation-topics/).",
    "seeks": "Cooperation topic the partner looks for (slug, see /api/v3/cooperation-topics/).",
}


# --- Schemas -------------------------------------------------------------------------------------------


PartnerFilters = create_model(
    "PartnerFilters",
    __base__=Schema,
    lang=(LanguageCode | None, Field(None, description=LANG_DESCRIPTION)),
    q=(
        str | None,
        Field(
            None,
            max_length=MAX_QUERY_LENGTH,
            description="Search words (names, descriptions, terms), in the response's language or German.",
        ),
    ),
    **{
        facet.param: (
            list[FacetValue],
            Field([], description=FACET_DESCRIPTIONS[facet.param] + " Repeat for several (any matches)."),
        )
        for facet in FACETS
    },
    sort=(
        Literal["name", "relevance"] | None,
        Field(
            None, description="`name`, or `relevance` (best match first; the default with `q`, else `name`)."
        ),
    ),
    # Following changes (`api.changes`).
    updated_since=changes.updated_since_field(),
)


class DetailQuery(Schema):
    lang: LanguageCode | None = Field(None, description=LANG_DESCRIPTION)


class SpokenLanguageLink(Schema):
    code: str
    name: str = Field(..., description="In the response's language.")


class PartnerSummary(Schema):
    id: int
    meta: translated.TranslatedMeta
    name: str
    slug: str
    kind: schemas.choice_schema(PartnerOrganisation, "kind")
    summary: str = Field(..., description=f"The beginning of the description (about {SUMMARY_WORDS} words).")
    logo: content.Image | None = None
    engagement_fields: list[translated.Term]
    districts: list[translated.DistrictLink] = Field(..., description="Districts the partner is active in.")
    languages: list[SpokenLanguageLink]
    is_sample: bool = Field(..., description="Invented for the demo (sample data).")


class Address(Schema):
    street: str
    postcode: str
    city: str
    district: translated.DistrictLink | None = None


class RelatedPartner(Schema):
    id: int
    name: str
    slug: str
    kind: schemas.choice_schema(PartnerOrganisation, "kind")
    locale: str
    detail_url: str
    html_url: str | None = None


class PartnerDetail(PartnerSummary):
    description: str = Field(..., description="Plain text; blank lines separate paragraphs.")
    target_groups: list[translated.Term]
    offers: list[translated.Term]
    looks_for: list[translated.Term]
    address: Address | None = None
    opening_hours: str
    website: str
    email: str | None = Field(None, description="Null when there is none or the partner does not show it.")
    phone: str
    contact_form: bool = Field(
        ..., description="The partner can be written to through the form on its web page (`meta.html_url`)."
    )
    related: list[RelatedPartner] = Field(..., description="Partners sharing engagement fields or districts.")


class MapDistrict(Schema):
    slug: str
    name: str
    count: int = Field(..., description="Partners there with the current filters (except `district`).")
    selected: bool
    points: str = Field(..., description="The district's outline: SVG polygon points in `viewbox`.")


class PartnerMap(Schema):
    viewbox: list[int]
    max_count: int
    districts: list[MapDistrict]


PartnerList = list_schema(
    PartnerSummary,
    name="PartnerList",
    facets=True,
    extra={
        "map": (PartnerMap, Field(..., description="The finder's district map: counts per district.")),
        "sort": (str, Field(..., description="The order used.")),
    },
)


class SpokenLanguageItem(schemas.Item):
    code: str
    name: str

    @staticmethod
    def resolve_name(obj):
        return str(obj.name)


# --- Building the answer -------------------------------------------------------------------------------


class Answer:
    def __init__(self, request, language, *, fields=None, topics=None):
        self.request = request
        self.language = language
        self.fields = fields if fields is not None else localized_terms(EngagementField, language)
        self.topics = topics
        self.pages = translated.page_urls(request, PartnerFinderPage)
        self.versions = {}

    def detail_url(self, pk, language):
        path = reverse("api:partners_detail", kwargs={"partner_id": pk})
        return self.request.build_absolute_uri(f"{path}?lang={language}")

    def html_url(self, language, slug):
        return translated.item_page_url(self.pages, language, slug)

    def load_versions(self, partners):
        self.versions = translated.versions(PartnerOrganisation.objects.live(), partners)

    def summary(self, partner):
        return {
            "id": partner.pk,
            "meta": translated.meta(
                partner, self.language, self.versions, detail_url=self.detail_url, html_url=self.html_url
            ),
            "name": partner.name,
            "slug": partner.slug,
            "kind": kind(partner),
            "summary": Truncator(partner.description).words(SUMMARY_WORDS),
            # Shown beside the name, which says what it is: decorative, as on the web pages.
            "logo": content.image(self.request, partner.logo, decorative=True) if partner.logo else None,
            "engagement_fields": [
                translated.localized_term(term, self.fields) for term in partner.engagement_fields.all()
            ],
            "districts": [translated.district(district) for district in partner.districts.all()],
            "languages": [{"code": item.code, "name": str(item.name)} for item in partner.languages.all()],
            "is_sample": partner.is_sample,
        }

    def detail(self, partner):
        topics = self.topics if self.topics is not None else localized_terms(CooperationTopic, self.language)
        groups = localized_terms(TargetGroup, self.language)
        related = related_partners(partner, self.language)
        has_address = partner.street or partner.postcode
        return {
            **self.summary(partner),
            "description": partner.description,
            "target_groups": [
                translated.localized_term(term, groups) for term in partner.target_groups.all()
            ],
            "offers": [translated.localized_term(term, topics) for term in partner.offers.all()],
            "looks_for": [translated.localized_term(term, topics) for term in partner.looks_for.all()],
            "address": {
                "street": partner.street,
                "postcode": partner.postcode,
                "city": partner.city,
                "district": translated.district(partner.district),
            }
            if has_address
            else None,
            "opening_hours": partner.opening_hours,
            "website": partner.website,
            "email": partner.public_email or None,
            "phone": partner.phone,
            "contact_form": bool(partner.email),
            "related": [
                {
                    "id": other.pk,
                    "name": other.name,
                    "slug": other.slug,
                    "kind": kind(other),
                    "locale": other.locale.language_code,
                    "detail_url": self.detail_url(other.pk, self.language),
                    "html_url": self.html_url(self.language, other.slug),
                }
                for other in related
            ],
        }


def kind(partner):
    return {"value": partner.kind, "label": str(partner.get_kind_display())}


def with_summary_details(queryset):
    """What a list item reads, in a fixed number of queries however many partners are shown."""
    images = get_image_model().objects.prefetch_renditions(*content.RENDITIONS.values())
    return queryset.select_related("locale").prefetch_related(
        Prefetch(
            "engagement_fields", queryset=EngagementField.objects.filter(live=True).select_related("locale")
        ),
        "districts",
        "languages",
        Prefetch("logo", queryset=images),
    )


def district_map_data(finder):
    districts = [option for option in finder.options["district"] if option.value in district_map.DISTRICTS]
    return {
        "viewbox": list(district_map.VIEWBOX),
        "max_count": finder.max_district_count(),
        "districts": [
            {
                "slug": option.value,
                "name": option.label,
                "count": option.count,
                "selected": option.selected,
                "points": district_map.outline(option.value),
            }
            for option in districts
        ],
    }


# --- Endpoints -----------------------------------------------------------------------------------------


class PartnerCollection(Collection):
    """Partner organisations: the finder's own filters, free text and map instead of the generic facets."""

    def __init__(self):
        super().__init__(
            PartnerOrganisation,
            path="partners",
            label="Partner organisations",
            description="Municipal offices, organisations, institutions, associations and federations "
            "associations can work with: the partner finder's filters, facet counts and district map.",
            schema=PartnerDetail,
        )
        self.list_schema = PartnerList

    link_page_model = PartnerFinderPage

    def live_items(self):
        return PartnerOrganisation.objects.live()

    def accepted_values(self):
        # The finder's filters take what it offers in any language (`api.accepted`).
        return {"partners_list": accepted.enums(accepted.facet_values(in_every_language(FACETS)))}

    def link_detail_url(self, request, obj, language):
        path = reverse("api:partners_detail", kwargs={"partner_id": obj.pk})
        return request.build_absolute_uri(f"{path}?lang={language}")

    def get_queryset(self, request, language):
        return PartnerOrganisation.objects.in_language(language).order_by("name", "pk")

    def examples(self, request, language):
        first = self.get_queryset(request, language).only("pk", "slug").first()
        return {
            "/partners/{partner_id}/": f"/partners/{first.pk if first else 1}/",
            "/partners/by-slug/{slug}/": f"/partners/by-slug/{first.slug if first else 'slug'}/",
            "partners_list": f"lang={language}&field=bildung&language=tr&language=ar",
            "partners_detail": f"lang={language}",
            "partners_by_slug": f"lang={language}",
        }

    def router(self):
        router = Router(tags=[self.label])

        @router.get(
            "/",
            response={200: PartnerList, **ERRORS, 503: Problem},
            url_name="partners_list",
            operation_id="partners_list",
            summary="List partner organisations",
            description=self.description,
        )
        def list_partners(request, filters: PartnerFilters = Query(...), page: PageQuery = Query(...)):  # noqa: B008
            language = request.api_language.code
            finder = Finder({"q": filters.q or ""}, language)
            changes.narrow(finder, filters.updated_since)
            choose(finder, filters, operation="partners_list")
            finder.sort = filters.sort
            _base, results, facets = finder.search()
            if finder.search_failed:
                raise APIError(
                    503,
                    gettext(
                        "The search by text is not available at the moment; the other filters still work."
                    ),
                )
            data = paginate(request, with_summary_details(results), page)
            answer = Answer(
                request,
                language,
                fields=finder.terms(EngagementField),
            )
            answer.load_versions(data["items"])
            return {
                **data,
                "language": language,
                "facets": facet_results(facets),
                "map": district_map_data(finder),
                "sort": "relevance" if filters.sort != "name" and finder.query else "name",
                "items": [answer.summary(partner) for partner in data["items"]],
            }

        @router.get(
            "/by-slug/{slug}/",
            response={200: PartnerDetail, **ERRORS},
            url_name="partners_by_slug",
            operation_id="partners_by_slug",
            summary="One partner organisation, by its web address",
            description="The partner whose web address in the response's language ends in `slug` "
            "(`/de/partner/nachbarschaftsgarten-huckarde-ev/`); a slug of another language finds it too.",
        )
        def partner_by_slug(
            request,
            slug: PartnerSlug = Path(..., description="Last part of the partner's web address."),  # noqa: B008
            params: DetailQuery = Query(...),  # noqa: B008
        ):
            language = request.api_language.code
            partner, _slug = find_partner(slug, language, details=True)
            return detail(request, language, partner)

        @router.get(
            "/{partner_id}/",
            response={200: PartnerDetail, **ERRORS},
            url_name="partners_detail",
            operation_id="partners_detail",
            summary="One partner organisation",
            description="Everything the partner's page shows, in the response's language; the id may be "
            "that of any of its language versions. The e-mail address only where the partner shows it.",
        )
        def partner_by_id(request, partner_id: int = PartnerId, params: DetailQuery = Query(...)):  # noqa: B008
            language = request.api_language.code
            key = PartnerOrganisation.objects.live().filter(pk=partner_id).values("translation_key")
            shown = PartnerOrganisation.objects.in_language(language).filter(translation_key__in=key)
            return detail(request, language, with_details(shown).first())

        return router


def detail(request, language, partner):
    if partner is None:
        raise Http404
    answer = Answer(request, language)
    answer.load_versions([partner])
    return answer.detail(partner)


# `pages/find/?html_path=/ar/partners/<slug>/` -> this partner's own endpoint.
ITEM_ADDRESSES[(PartnerFinderPage, "partner")] = translated.item_address(
    PartnerOrganisation.objects.live, "partners_detail", "partner_id"
)

endpoints = [
    PartnerCollection(),
    Collection(
        SpokenLanguage,
        path="spoken-languages",
        label="Spoken languages",
        description="Languages partner organisations can be contacted in (the `language` filter of "
        "/api/v3/partners/); names in the requested language. The address of each is its code.",
        schema=SpokenLanguageItem,
        lookup="code",
    ),
]
