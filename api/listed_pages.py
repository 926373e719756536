"""Pages that the web site lists with filters (events, engagement examples) as API collections.

The list is the web listing itself: the same index page in the requested language (its translations
and German aliases), the same `home.listing.FacetListing` with the same facets, parameter names and
values, the same order – so counts and results are the web page's (tested request by request). What
differs is only how a bad value is answered: the web page leaves it out with a notice, the API refuses
it with a 422 naming the parameter and the values that exist (a program should learn it was not
understood). One value per filter, as on the web page.

Items are the pages' `api_fields` (the pages API's format: rich text `{html, raw}`, images with
renditions, choices `{value, label}`) with the pages' `meta` (`locale`, `content_language`, `fallback`:
true for a German alias standing in for a missing translation, `html_url`), `detail_url` pointing into
this collection and `translations` (the other live versions). `/{id}/` takes the id of any language
version and answers in the requested language; `/by-slug/{slug}/` finds a page by the last part of its
web address (any language's slug). Only live pages outside view-restricted sections appear.

A subclass names the page and index models and provides `listing(...)`, `prepare(...)` and the filters'
schema (see `events/endpoints.py`, `engagement/endpoints.py`).
"""

from typing import Annotated

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from ninja import Field, Path, Query, Router, Schema
from pydantic import StringConstraints, create_model
from wagtail.api.v3.schemas.base import BaseSchema
from wagtail.images import get_image_model

from home.listing import public_pages

from . import changes, content, schemas
from .collections import ERRORS, LANG_DESCRIPTION, Collection
from .facets import facet_results
from .language import LANGUAGE_CODES, LanguageCode
from .pagination import PageQuery, list_schema, paginate
from .translated import page_url

PageSlug = Annotated[str, StringConstraints(pattern=r"^[-\w]+$", max_length=255)]
PageId = Path(..., ge=1, le=2**31 - 1, description="The id of the page in any of its languages.")
FilterValue = Annotated[str, StringConstraints(max_length=255)]


class ListedPageMeta(schemas.PageMeta):
    translations: list[schemas.PageTranslation] = Field(
        [], description="The other languages' versions (German aliases included), with their addresses."
    )

    @staticmethod
    def resolve_detail_url(obj, context):
        return obj._api_detail_url

    @staticmethod
    def resolve_translations(obj, context):
        return obj._api_translations


class ListedPage(BaseSchema):
    id: int
    title: str
    meta: ListedPageMeta


class DetailQuery(Schema):
    lang: LanguageCode | None = Field(None, description=LANG_DESCRIPTION)


def images_with_renditions():
    return Prefetch(
        "image", queryset=get_image_model().objects.prefetch_renditions(*content.RENDITIONS.values())
    )


def build_without(model, left_out, *, name, base_class):
    """The schema of `model`'s `api_fields` except `left_out` (built once, when the API is assembled)."""
    every = model.api_fields
    model.api_fields = [field for field in every if field.name not in left_out]
    try:
        return schemas.build(model, name=name, base_class=base_class)
    finally:
        model.api_fields = every


class ListedPages(Collection):
    """A page type listed below one index page per language, with the web listing's filters.

    Subclasses set `page_model`, `index_model`, `filters` (the list's query schema), `list_extra`
    (more fields of the list answer) and implement `listing(request, index, filters)` -> (FacetListing,
    extra answer fields) and `prepare(queryset, language)` (what the items read, a fixed number of
    queries)."""

    page_model = None
    index_model = None
    item_base = ListedPage  # the schema both list items and details build on (fields of their own)
    filters = None
    list_extra = {}
    long_fields = ()  # api_fields only the detail has (long texts, galleries): list items stay small

    def __init__(self, *, path, label, description):
        name = self.page_model._meta.object_name.removesuffix("Page")
        super().__init__(
            self.page_model,
            path=path,
            label=label,
            description=description,
            schema=schemas.build(self.page_model, name=name, base_class=self.item_base),
        )
        self.item_schema = build_without(
            self.page_model, self.long_fields, name=f"{name}Summary", base_class=self.item_base
        )
        self.list_schema = list_schema(
            self.item_schema, name=f"{name}List", facets=True, extra=self.list_extra
        )
        # Following changes (`api.changes`): every listed page type takes `updated_since`.
        self.filters = create_model(
            self.filters.__name__, __base__=self.filters, updated_since=changes.updated_since_field()
        )

    # --- Data --------------------------------------------------------------------------------------

    def index(self, language):
        """The live, public index page in `language` (German where that language has none)."""
        found = {
            page.locale.language_code: page
            for page in self.index_model.objects.live()
            .public()
            .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
            .select_related("locale")
            .order_by("path")
        }
        index = found.get(language) or found.get(settings.LANGUAGE_CODE)
        if index is None:
            raise Http404
        return index

    def public_pages(self):
        return public_pages(self.page_model.objects.all())

    def get_queryset(self, request, language):
        return public_pages(self.page_model.objects.child_of(self.index(language)))

    def listing(self, request, index, filters):
        raise NotImplementedError

    def prepare(self, queryset, language):
        raise NotImplementedError

    def detail_url(self, request, obj, language=None):
        path = reverse(f"api:{self.name}_detail", kwargs={"page_id": obj.pk})
        return request.build_absolute_uri(f"{path}?lang={language or obj.locale.language_code}")

    def annotate(self, request, language, items):
        """`meta.detail_url` and `meta.translations` of every item, with one query for all of them."""
        keys = {item.translation_key for item in items}
        others = {}
        if keys:
            versions = (
                self.public_pages()
                .filter(translation_key__in=keys)
                .select_related("locale", "alias_of__locale")
                .order_by("pk")
            )
            for page in versions:
                others.setdefault(page.translation_key, []).append(page)
        order = {code: position for position, code in enumerate(LANGUAGE_CODES)}
        for item in items:
            item._api_detail_url = self.detail_url(request, item)
            item._api_translations = [
                {
                    "id": page.pk,
                    "title": page.title,
                    "locale": page.locale.language_code,
                    "content_language": schemas._content_language(page),
                    "html_url": page_url(page, request),
                    "detail_url": self.detail_url(request, page),
                }
                for page in sorted(
                    others.get(item.translation_key, ()), key=lambda p: order.get(p.locale.language_code, 99)
                )
                if page.pk != item.pk
            ]
        return items

    def shown(self, request, language, queryset):
        """The version of the page in `queryset` (one translation group) that the answer shows."""
        index = self.index(language)
        page = self.prepare(queryset.filter(path__startswith=index.path), language).first()
        if page is None:
            raise Http404
        self.annotate(request, language, [page])
        return page

    def examples(self, request, language):
        try:
            first = self.get_queryset(request, language).order_by("path").only("pk", "slug").first()
        except Http404:  # no index page (yet)
            first = None
        return {
            f"/{self.path}/{{page_id}}/": f"/{self.path}/{first.pk if first else 1}/",
            f"/{self.path}/by-slug/{{slug}}/": f"/{self.path}/by-slug/{first.slug if first else 'slug'}/",
            f"{self.name}_detail": f"lang={language}",
            f"{self.name}_by_slug": f"lang={language}",
        }

    # --- Endpoints ---------------------------------------------------------------------------------

    def router(self):
        router = Router(tags=[self.label])
        collection = self
        Filters = self.filters

        @router.get(
            "/",
            response={200: self.list_schema, **ERRORS},
            url_name=f"{self.name}_list",
            operation_id=f"{self.name}_list",
            summary=f"List {self.label.lower()}",
            description=self.description,
        )
        def list_pages(request, filters: Filters = Query(...), page: PageQuery = Query(...)):  # noqa: B008
            language = request.api_language.code
            index = collection.index(language)
            listing, extra = collection.listing(request, index, filters)
            changes.narrow(listing, filters.updated_since)
            facets = listing.count_facets()
            data = paginate(request, collection.prepare(listing.filtered(), language), page)
            collection.annotate(request, language, data["items"])
            return {**data, **extra, "language": language, "facets": facet_results(facets)}

        @router.get(
            "/by-slug/{slug}/",
            response={200: self.schema, **ERRORS},
            url_name=f"{self.name}_by_slug",
            operation_id=f"{self.name}_by_slug",
            summary=f"One of the {self.label.lower()}, by its web address",
            description="The page whose web address in the response's language ends in `slug`; a slug of "
            "another language finds it too.",
        )
        def by_slug(
            request,
            slug: PageSlug = Path(..., description="Last part of the page's web address."),  # noqa: B008
            params: DetailQuery = Query(...),  # noqa: B008
        ):
            language = request.api_language.code
            pages = collection.public_pages().filter(slug=slug)
            own = pages.filter(locale__language_code=language).values("translation_key")[:1]
            key = own if own.exists() else pages.order_by("pk").values("translation_key")[:1]
            return collection.shown(
                request, language, collection.public_pages().filter(translation_key__in=key)
            )

        @router.get(
            "/{page_id}/",
            response={200: self.schema, **ERRORS},
            url_name=f"{self.name}_detail",
            operation_id=f"{self.name}_detail",
            summary=f"One of the {self.label.lower()}",
            description="Every field, in the response's language; the id may be that of any of its "
            "language versions (the answer's `id` is the version shown).",
        )
        def by_id(request, page_id: int = PageId, params: DetailQuery = Query(...)):  # noqa: B008
            language = request.api_language.code
            key = collection.public_pages().filter(pk=page_id).values("translation_key")
            return collection.shown(
                request, language, collection.public_pages().filter(translation_key__in=key)
            )

        return router
