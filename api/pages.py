"""Pages: Wagtail v3's read endpoints on the portal API, with languages and translations.

Built from `wagtail.api.v3`'s parts – its filter schemas (`type`, `child_of`, `descendant_of`,
`ancestor_of`, `translation_of`, `locale`, field filters such as `?slug=impressum`), ordering, search and
its public-pages queryset (live, not view-restricted, this site) – so the parameters are Wagtail's. What the
portal adds: every page says its `locale`, the language its content is in (`content_language`; an
untranslated page is a German alias, `fallback: true`) and links its translations; rich text comes as
HTML with public URLs and raw; images with renditions. Wagtail's write endpoints (create, update, publish,
copy, move, delete with API tokens) are not mounted: editors work in the admin, where moderation applies.
"""

from typing import Literal

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.translation import gettext
from ninja import Field, Path, Query, Router, Schema
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.routers.pages import IntPKFilter, PageFilterSchema, PageTypeLiteral, RootRelativeFilter
from wagtail.api.v3.schemas.base import build_discriminated_union
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema, SearchSchema
from wagtail.api.validators import APIFieldValidator
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page, Site, get_page_models

from search.engine import words

from . import accepted, changes, content, schemas, strict
from .errors import DETAILS, APIError, Problem
from .language import LANGUAGE_CODES, LanguageCode
from .pagination import PageQuery, list_schema, paginate

router = Router(tags=["Pages"])


class PageFilters(PageFilterSchema):
    """Wagtail's page filters, with the portal's languages and a description for each."""

    type: list[PageTypeLiteral] = Field(
        [],
        description="Only pages of this type (`home.StandardPage`); repeat for several. With one type, "
        "that type's `api_fields` can be used as filters.",
    )
    ancestor_of: IntPKFilter | None = Field(None, description="Only the pages above this page (by id).")
    child_of: RootRelativeFilter | None = Field(
        None, description="Only the pages directly below this page (an id, or `root`: the home page)."
    )
    descendant_of: RootRelativeFilter | None = Field(
        None, description="Only the pages anywhere below this page (an id, or `root`)."
    )
    translation_of: RootRelativeFilter | None = Field(
        None, description="Only the translations of this page (an id, or `root`), in the other languages."
    )
    locale: LanguageCode | None = Field(None, description="Only pages of this language's tree.")
    site: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$",
        max_length=255,
        description="Host name (and port) of the site; the site asked by default.",
    )


class PageSearch(SearchSchema):
    search: str | None = Field(None, max_length=200, description="Full-text search; results by relevance.")
    search_operator: Literal["and", "or"] | None = Field(
        None, description="`and`: pages with all the words; `or`: with any (default)."
    )

    def search_queryset(self, request, queryset):
        """Only the words reach the search engine, as in every other search box of the portal.

        Quotes, stars, `col:` and brackets are syntax to SQLite's FTS5 (an unmatched quote is an error there,
        not a miss) and nothing Wagtail's plain-text search means; a search without any word finds nothing.
        """
        if self.search is None:
            return queryset
        text = " ".join(words(self.search))
        if not text:
            return queryset.none()
        return super(PageSearch, self.model_copy(update={"search": text})).search_queryset(request, queryset)


# What pages can be ordered by, with and without `search` (the search index's filter fields among
# Wagtail's base fields of every page); `-` for descending. The document enumerates them, the server
# takes nothing else (also with `type`, whose own fields Wagtail would allow without `search` only).
ORDER_FIELDS = ("id", "title", "first_published_at", "locale", "show_in_menus")
OrderValue = Literal[(*ORDER_FIELDS, *(f"-{name}" for name in ORDER_FIELDS))]  # type: ignore[valid-type]


class PageOrdering(OrderingSchema):
    order: Literal["random"] | list[OrderValue] = Field(
        [],
        description="Sort by fields (`title`, `-first_published_at`; repeat for several) or `random`; by "
        "id otherwise.",
    )


class PageLanguage(Schema):
    lang: LanguageCode | None = None


LIST_LANG_DESCRIPTION = (
    "Language of the response (messages) and of the pages listed: `lang=ar` lists the Arabic tree "
    "(like `locale=ar`, which wins when both are given). Without it, pages of every language."
)
DETAIL_LANG_DESCRIPTION = (
    "Language of the response's messages. A page is in its own language (`meta.locale`); its "
    "translations are linked in `meta.translations`."
)


# (page model, name of its route) -> callable(request, language, **route kwargs) -> the API address of the
# item a routable page shows at that address, or None when there is none. Registered by the apps whose
# items have web pages below an index page (`catalogue/endpoints.py`, `partners/endpoints.py`).
ITEM_ADDRESSES = {}


def field_filters(request):
    """The query parameters that filter by a field (`?slug=impressum`): the base fields of every page and,
    with one `type`, that type's `api_fields` (`api.strict.EXTRA`)."""
    types = request.GET.getlist("type")
    try:
        model = resolve_model_string(types[0]) if len(types) == 1 else Page
    except (LookupError, ValueError):
        model = Page
    if not (isinstance(model, type) and issubclass(model, Page)):
        model = Page
    validator = APIFieldValidator(
        model=model,
        fields=set(request.GET.keys()),
        base_fields=BASE_PAGE_READ_FIELDS,
        db_fields_only=True,
        skip_invalid=True,
    )
    return set(validator.fields)


strict.EXTRA["pages_list"] = field_filters

PageList = list_schema(schemas.PageListItem, name="PageList")
# Filters naming a page by its id: a page that is not there (or not public) is a 404 naming the parameter.
PAGE_FILTERS = ("ancestor_of", "child_of", "descendant_of", "translation_of")
accepted.register(
    dict,
    rules={
        "pages_list": [
            "`child_of` and `descendant_of` are not given together;",
            "`order=random` takes no `offset` but 0.",
            "Otherwise 422. A page named by `ancestor_of`, `child_of`, `descendant_of` or `translation_of` "
            "that is not there (or not public) is a 404 naming the parameter.",
        ]
    },
)


def missing_pages(request, filters):
    """404 for a page id in the filters that names no public page (before Wagtail would call it a 422)."""
    named = {name: getattr(filters, name) for name in PAGE_FILTERS}
    ids = {value for value in named.values() if isinstance(value, int)}
    found = set(get_pages_queryset(request).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    errors = [
        {
            "loc": ["query", name],
            "msg": gettext("There is no page with the id %(id)s.") % {"id": value},
            "type": "not_found",
        }
        for name, value in named.items()
        if isinstance(value, int) and value not in found
    ]
    if errors:
        raise APIError(404, DETAILS[404], errors=errors)


PageDetail = build_discriminated_union(
    get_page_models(),
    lambda model: schemas.build(
        model, name=f"{model._meta.object_name}Detail", base_class=schemas.PageDetail
    ),
)
ERRORS = {404: Problem, 422: Problem}
PageId = Path(..., ge=1, le=2**31 - 1, description="The page's id (each language version has its own).")


@router.get(
    "/",
    response={200: PageList, **ERRORS},
    url_name="pages_list",
    operation_id="pages_list",
    summary="List pages",
    description="Live, public pages of every language. Filter with `locale=ar`; `translation_of=<id>` "
    "gives a page's translations. Any field in a page type's `api_fields` filters too (with `type`).",
)
def list_pages(
    request,
    filters: PageFilters = Query(...),  # noqa: B008
    ordering: PageOrdering = Query(...),  # noqa: B008
    search: PageSearch = Query(...),  # noqa: B008
    page: PageQuery = Query(...),  # noqa: B008
    lang: LanguageCode | None = Query(None, description=LIST_LANG_DESCRIPTION),  # noqa: B008
    since: changes.UpdatedSince = Query(...),  # noqa: B008
):
    models = filters.type
    missing_pages(request, filters)
    field_filter = APIFieldFilterSchema.with_exclude_schemas(
        raw_params=request.GET,
        schemas=(PageFilters, PageOrdering, PageSearch, PageQuery, PageLanguage, changes.UpdatedSince),
        base_fields=BASE_PAGE_READ_FIELDS,
    )
    if lang and filters.locale is None:
        # The answer says `"language": "ar"`: then its pages are Arabic ones (an alias stands in for a
        # page not translated, `meta.fallback`), not every language's.
        filters = filters.model_copy(update={"locale": lang})
    queryset = get_pages_queryset(request, models[0] if len(models) == 1 else Page)
    queryset = filters.filter(queryset, request)
    queryset = field_filter.filter_queryset(queryset)
    queryset = changes.changed_since(queryset, since.updated_since)
    queryset = ordering.order_queryset(queryset, page, base_fields=BASE_PAGE_READ_FIELDS)
    queryset = queryset.select_related("alias_of__locale")
    results = search.search_queryset(request, queryset)
    return {**paginate(request, results, page), "language": request.api_language.code}


@router.get(
    "/find/",
    response={302: None, **ERRORS},
    url_name="pages_find",
    operation_id="pages_find",
    summary="Find a page by its address",
    description="Redirects to what the web site shows at that address: a page's detail, or a resource's or "
    "partner's own endpoint (`/ar/resources/projector/` → `/api/v3/resources/{id}/?lang=ar`). 404 when the "
    "web site has nothing there.",
)
def find_page(
    request,
    lang: LanguageCode | None = Query(  # noqa: B008
        None, description="Language of the messages, and of the path when it has no language prefix."
    ),
    html_path: str = Query(  # noqa: B008
        ...,
        max_length=1000,
        description="The page's path on the web site, with its language: `/ar/how-it-works/`.",
    ),
):
    components = [component for component in html_path.split("/") if component]
    language = request.api_language.code
    if components and components[0] in LANGUAGE_CODES:
        language, components = components[0], components[1:]
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    with translation.override(language):
        root = site.root_page.localized.specific
    try:
        found, route, _kwargs = root.route(request, components)
    except Http404:
        found, route = None, None
    if found is None or not get_pages_queryset(request).filter(pk=found.pk).exists():
        raise Http404
    if route:  # an address a routable page serves itself (a resource below the catalogue page)
        match = getattr(request, "routable_resolver_match", None)
        name = match.url_name if match else None
        item_url = ITEM_ADDRESSES.get((type(found), name))
        if item_url is None:
            if route[1] or route[2]:
                raise Http404  # e.g. the partner contact form's "sent" page: no API counterpart
        else:
            url = item_url(request, language, **route[2])
            if url is None:
                raise Http404
            return redirect(url)
    return redirect(content.page_detail_url(request, found.pk))


@router.get(
    "/{page_id}/",
    response={200: PageDetail, **ERRORS},
    url_name="pages_detail",
    operation_id="pages_detail",
    summary="One page",
    description="The page with all fields of its type (`meta.type`), its parent and its translations.",
)
def get_page(
    request,
    page_id: int = PageId,
    lang: LanguageCode | None = Query(None, description=DETAIL_LANG_DESCRIPTION),  # noqa: B008
):
    public = get_pages_queryset(request)
    page = get_object_or_404(public, pk=page_id).specific
    order = {code: index for index, code in enumerate(LANGUAGE_CODES)}
    translations = (
        public.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("alias_of__locale")
    )
    page._api_translations = sorted(translations, key=lambda item: order.get(item.locale.language_code, 99))
    return page
