"""What the engagement pages show: the filtered list of examples and one example with its links.

Listing parameters (slugs, the same in every language, so switching language keeps them):
`field` (engagement field), `district`, `page`. Unknown values are left out with a notice.
"""

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from catalogue.listing import visible_resources
from catalogue.models import ResourceIndexPage
from catalogue.views import page_locales
from home import page_cache
from home.listing import (
    FacetListing,
    FieldFacet,
    RelationFacet,
    localized_terms,
    objects,
    public_pages,
    terms,
)
from partners.models import PartnerFinderPage, PartnerOrganisation
from taxonomy.models import District, EngagementField, ResourceCategory

from .models import EngagementExamplePage, EngagementIndexPage

CARD_IMAGE = "fill-480x300"
DETAIL_IMAGE = "max-960x640"

FACETS = [
    RelationFacet(
        "field",
        _("Engagement field"),
        EngagementExamplePage,
        "engagement_fields",
        source=terms(EngagementField),
    ),
    FieldFacet("district", _("District"), "district__slug", objects(District)),
]


def examples_in(index):
    """The live, public examples below `index` (in its language: translations, German aliases for the rest)."""
    return public_pages(EngagementExamplePage.objects.child_of(index)).order_by("-year", "title", "pk")


def with_card_details(queryset):
    """What a card reads, in a fixed number of queries however many cards there are."""
    return queryset.select_related("locale", "alias_of__locale", "district").prefetch_related(
        Prefetch("engagement_fields", queryset=EngagementField.objects.only("pk", "slug")),
        Prefetch("image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE)),
    )


def mark_content_language(pages):
    """Tell each page its content's language without a query each (aliases show the German page)."""
    for page in pages:
        page.__dict__["content_language"] = (
            page.alias_of.locale.language_code if page.alias_of_id else page.locale.language_code
        )
    return pages


def label_fields(examples, terms):
    """Each example's engagement fields as terms in the visitor's language (by slug)."""
    for example in examples:
        example.field_terms = [
            terms[term.slug] for term in example.engagement_fields.all() if term.slug in terms
        ]
    return examples


def example_listing(request, index):
    language = index.locale.language_code
    index_url = index.get_url(request)
    listing = FacetListing(
        request.GET,
        examples_in(index),
        FACETS,
        base_url=index_url,
        language=language,
        text_model=EngagementExamplePage,
    )
    result = listing.run(request.GET.get("page"), prepare=with_card_details, keep=f"examples:{index.pk}")
    examples = mark_content_language(list(result.page.object_list))
    label_fields(examples, listing.terms(EngagementField))
    context = index.get_context(request)
    context.update(
        {
            "listing": result,
            "examples": examples,
            "index_url": index_url,
            "reset_url": index_url,
            "source_language": settings.LANGUAGE_CODE,
        }
    )
    if request.GET:
        # Filters are slugs, the same in every language: switching language keeps them (and the page).
        number = listing.page_number if listing.page_number > 1 else None
        context["language_urls"] = {
            page.locale.language_code: listing.url(base_url=page.get_url(request), page=number)
            for page in EngagementIndexPage.objects.live()
            .filter(translation_key=index.translation_key)
            .select_related("locale")
        }
    return TemplateResponse(request, index.get_template(request), context)


def example_context(request, page):
    """What an example's page shows besides its own fields: its links, in the visitor's language."""
    language = page.locale.language_code
    parent = page.get_parent() if page.pk or page.path else None
    index_url = parent.get_url(request) if parent is not None else ""
    terms = localized_terms(EngagementField, language)
    fields = [terms[term.slug] for term in page.engagement_fields.all() if term.slug in terms]
    return {
        "index_url": index_url,
        "field_terms": fields,
        "partner_links": _partner_links(request, page, language),
        "resource_links": _resource_links(request, page, language),
        "source_language": settings.LANGUAGE_CODE,
    }


def _keys(related):
    """The translation keys of a page's related objects: a subquery for a page from the database (no query
    of its own), a list for a preview's objects in memory."""
    keys = related.values_list("translation_key", flat=True)
    return keys if isinstance(keys, QuerySet) else list(keys)


def _index(model, language):
    """The live index page of `model` in `language` (kept per generation of the page cache)."""
    return page_cache.kept(
        f"index:{model._meta.label_lower}:{language}",
        lambda: model.objects.live().filter(locale__language_code=language).first(),
    )


def _partner_links(request, page, language):
    partners = list(
        PartnerOrganisation.objects.in_language(language)
        .filter(translation_key__in=_keys(page.partners))
        .select_related("locale")
        .order_by("name")
    )
    if not partners:
        return []
    finder = _index(PartnerFinderPage, language)
    return [
        {
            "partner": partner,
            "url": finder.partner_url(partner, request) if finder else "",
            "lang": partner.locale.language_code if partner.locale.language_code != language else "",
        }
        for partner in partners
    ]


def _resource_links(request, page, language):
    keys = _keys(page.resources)
    if not isinstance(keys, QuerySet) and not keys:
        return []
    index = _index(ResourceIndexPage, language)
    if index is None:
        return []
    locale, default = page_locales(index)
    categories = localized_terms(ResourceCategory, language)
    resources = (
        visible_resources(locale, default)
        .filter(translation_key__in=keys)
        .select_related("locale", "category")
        .order_by("title")
    )
    base = index.get_url(request)
    return [
        {
            "resource": resource,
            "url": f"{base}{resource.slug}/",
            "category": categories.get(resource.category.slug, resource.category),
            "lang": resource.locale.language_code if resource.locale.language_code != language else "",
        }
        for resource in resources
    ]
