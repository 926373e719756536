"""List and detail endpoints for one content type, in a few lines (see README, "API").

    # <app>/endpoints.py – found by the api app at start-up
    from api.collections import Collection
    from api.facets import Facet, term_choices

    endpoints = [
        Collection(
            EngagementExample,
            path="engagement-examples",
            label="Engagement examples",
            queryset=lambda request: EngagementExample.objects.select_related("image"),
            facets=[Facet("field", "fields__slug", label=_("Engagement field"), choices=term_choices(EngagementField))],
        ),
    ]

gives `GET /api/v3/engagement-examples/` (pagination, `lang`, one query parameter per facet, facet counts)
and `GET /api/v3/engagement-examples/{slug}/`, in the OpenAPI document with a schema built from the
model's `api_fields` (`api.schemas`). For models with `live` only live objects appear (drafts never: the
row holds the published version); translatable models are shown in the requested language with German
standing in, marked `meta.fallback`. A content type with parameters of its own subclasses `Collection`
and overrides `router()` (resources: `catalogue/endpoints.py`; partners: `partners/endpoints.py`).
"""

from typing import Annotated, Literal

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from ninja import Field, Path, Query, Router, Schema
from pydantic import StringConstraints, create_model
from wagtail.models import DraftStateMixin, Page, TranslatableMixin

from home.listing import localized

from . import accepted, changes, links, schemas
from .errors import Problem
from .facets import apply_facets, in_every_language
from .language import LanguageCode
from .pagination import PageQuery, list_schema, paginate

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=255)]
FacetValue = Annotated[str, StringConstraints(max_length=255)]

LANG_DESCRIPTION = (
    "Language of the response: de, en, tr, ar, uk or pl. Without it, the Accept-Language header decides "
    "(then German). Items not translated into it come in German, marked meta.fallback."
)
ERRORS = {404: Problem, 422: Problem}


class Endpoints:
    """What an app's `endpoints.py` lists: a django-ninja `Router` mounted at /api/v3/<path>/.

    `Collection` builds the router from a model; an app with endpoints of its own (submitting a request,
    `resource_requests/endpoints.py`) passes its router. `index_url_name` is what the API's index links
    to, `example_bodies` request bodies for the reference page's `curl` examples, by operation id.
    """

    example_bodies = {}

    def __init__(self, router, *, path, index_url_name, example_bodies=None):
        self._router = router
        self.path = path
        self.index_url_name = index_url_name
        self.example_bodies = example_bodies or {}

    def router(self):
        return self._router

    def examples(self, request, language):
        """Values for the `curl` examples of the reference page (see `Collection.examples`)."""
        return {}


class Collection(Endpoints):
    """One content type's read endpoints.

    model:      the Django model
    path:       URL segment under /api/v3/ (`engagement-fields`)
    label:      name in the OpenAPI document (English, like the rest of the document)
    queryset:   callable(request) -> queryset to start from (add select_related/prefetch_related here)
    facets:     `api.facets.Facet`s: filters with counts, in this order
    schema:     response schema of an item; built from `api_fields` when not given
    ordering:   order_by() arguments; the model's default ordering when not given
    lookup:     the field that is an item's address (`slug`; `code` for spoken languages)

    An item's address is its slug (the same in every language). A page type works too (e.g. events kept
    as pages under one index page): only live pages without a view restriction appear.
    """

    def __init__(
        self,
        model,
        *,
        path,
        label,
        description="",
        queryset=None,
        facets=(),
        schema=None,
        ordering=None,
        lookup="slug",
    ):
        self.model = model
        self.path = path
        self.name = path.replace("-", "_")
        self.index_url_name = f"{self.name}_list"
        self.label = label
        self.description = description
        self.queryset = queryset
        self.facets = list(facets)
        self.ordering = ordering
        self.lookup = lookup
        self.translatable = issubclass(model, TranslatableMixin)
        self.publishable = issubclass(model, DraftStateMixin)
        object_name = model._meta.object_name
        self.schema = schema or schemas.build(model, name=object_name, base_class=schemas.Item)
        self.list_schema = list_schema(self.schema, name=f"{object_name}List", facets=True)
        accepted.register(self.accepted_values)  # what its filters take (subclasses say more)
        if self.translatable and not issubclass(model, Page) and lookup == "slug":
            # Other items link to these (`api.links`): an event's target groups, an example's partners.
            links.register(
                model,
                queryset=self.live_items,
                detail_url=self.link_detail_url,
                name=self.link_name,
                page_model=self.link_page_model,
            )

    # --- Links from other items (`api.links`) ------------------------------------------------------

    link_name = "name"  # the field a link shows as `name`
    link_page_model = None  # the index page the items' web pages hang below, if they have any

    def live_items(self):
        manager = self.model._default_manager
        return manager.filter(live=True) if self.publishable else manager.all()

    def link_detail_url(self, request, obj, language):
        return self.detail_url(request, obj, language)

    # --- Data --------------------------------------------------------------------------------------

    def base_queryset(self, request):
        queryset = self.queryset(request) if self.queryset else self.model._default_manager.all()
        if self.publishable:
            queryset = queryset.filter(live=True)
        if issubclass(self.model, Page):
            queryset = queryset.public()  # no page with a view restriction, nor below one
        return queryset

    def get_queryset(self, request, language):
        """What the list shows in `language`: live objects, German where a translation is missing."""
        queryset = self.base_queryset(request)
        if self.translatable:
            queryset = localized(queryset, language).select_related("locale")
        if self.ordering:
            queryset = queryset.order_by(*self.ordering)
        return queryset

    def examples(self, request, language):
        """Values for the `curl` examples of the reference page (`api.views`): {path placeholder ("/path/
        {slug}/") or query parameter or operation id: value}; an operation id's value is its whole query."""
        first = self.get_queryset(request, language).first()
        value = getattr(first, self.lookup) if first else "slug"
        return {f"/{self.path}/{{slug}}/": f"/{self.path}/{value}/"}

    def detail_url(self, request, obj, language):
        url = request.build_absolute_uri(
            reverse(f"api:{self.name}_detail", kwargs={"slug": getattr(obj, self.lookup)})
        )
        return f"{url}?lang={language}" if self.translatable else url

    def annotate(self, request, language, items):
        """Give each item its `meta` (URLs, language, translations) with one query for all of them."""
        languages = {}
        if self.translatable and items:
            rows = (
                self.base_queryset(request)
                .filter(translation_key__in={item.translation_key for item in items})
                .values_list("translation_key", "locale__language_code")
            )
            for key, code in rows:
                languages.setdefault(key, set()).add(code)
        for item in items:
            meta = {"detail_url": self.detail_url(request, item, language)}
            if self.translatable:
                shown = item.locale.language_code
                meta["locale"] = shown
                meta["fallback"] = shown != language
                meta["translations"] = [
                    {"locale": code, "detail_url": self.detail_url(request, item, code)}
                    for code, _name in settings.LANGUAGES
                    if code in languages.get(item.translation_key, ()) and code != shown
                ]
            item._api_meta = meta
        return items

    # --- Endpoints ---------------------------------------------------------------------------------

    def filter_schema(self):
        fields = {"lang": (LanguageCode | None, Field(None, description=LANG_DESCRIPTION))}
        for facet in self.facets:
            description = facet.description or (
                f"Filter by {facet.name}; repeat for several values (any of them matches)."
            )
            fixed = getattr(facet.choices, "values", None)
            value_type = Literal[fixed] if fixed else FacetValue
            fields[facet.name] = (list[value_type], Field([], description=description))
        fields["updated_since"] = changes.updated_since_field()
        return create_model(f"{self.model._meta.object_name}Filters", __base__=Schema, **fields)

    def accepted_values(self):
        """{operation id: {parameter: schema keywords}}: the values of this collection's filters that
        come from the database or the date (`api.accepted`), enumerated in the OpenAPI document and
        accepted by `api.facets.choose` in every language."""
        if not self.facets:
            return {}
        return {f"{self.name}_list": accepted.enums(accepted.facet_values(in_every_language(self.facets)))}

    def router(self):
        router = Router(tags=[self.label])
        Filters = self.filter_schema()
        collection = self

        @router.get(
            "/",
            response={200: self.list_schema, **ERRORS},
            url_name=f"{self.name}_list",
            operation_id=f"{self.name}_list",
            summary=f"List {self.label.lower()}",
            description=self.description,
        )
        def list_items(request, filters: Filters = Query(...), page: PageQuery = Query(...)):  # noqa: B008
            language = request.api_language.code
            selected = {facet.name: getattr(filters, facet.name) for facet in collection.facets}
            queryset = changes.changed_since(
                collection.get_queryset(request, language), filters.updated_since
            )
            queryset, facets = apply_facets(
                queryset, collection.facets, selected, language, operation=f"{collection.name}_list"
            )
            data = paginate(request, queryset, page)
            collection.annotate(request, language, data["items"])
            return {**data, "language": language, "facets": facets}

        @router.get(
            "/{slug}/",
            response={200: self.schema, **ERRORS},
            url_name=f"{self.name}_detail",
            operation_id=f"{self.name}_detail",
            summary=f"One of the {self.label.lower()}",
            description=f"One of the {self.label.lower()} by its {self.lookup} (the same in every language), "
            "in the response's language.",
        )
        def get_item(
            request,
            slug: Slug = Path(..., description=f"The item's {self.lookup}, as in the list."),  # noqa: B008
            lang: LanguageCode | None = Query(None, description=LANG_DESCRIPTION),  # noqa: B008
        ):
            language = request.api_language.code
            obj = collection.get_queryset(request, language).filter(**{collection.lookup: slug}).first()
            if obj is None:
                raise Http404
            collection.annotate(request, language, [obj])
            return obj

        return router
