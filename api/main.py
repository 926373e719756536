"""The portal's one API: a django-ninja `NinjaAPI` at /api/v3/ with one OpenAPI document.

Wagtail's page endpoints (`api.pages`) and every app's endpoints (`<app>/endpoints.py`, a list `endpoints`
of `api.collections.Collection` or `Endpoints`) are routers on this one instance, so `/api/v3/openapi.json`
describes all of them and `/api/v3/docs/` (Swagger UI, served from our own static files) shows them.
The portal's own instance rather than Wagtail's `wagtail.api.v3.api`: that one also mounts Wagtail's
write, site and token endpoints, which a public portal does not offer.
"""

import importlib

from django.apps import apps
from django.urls import reverse
from ninja import NinjaAPI, Query, Schema
from ninja.responses import Response as NinjaResponse

from . import accepted, changes, contract, fields, pages, tracking
from .collections import Endpoints
from .errors import PROBLEM_JSON, Problem, register_exception_handlers
from .language import LanguageCode

DESCRIPTION = """\
Read the portal's content as JSON: pages, the resource catalogue with its availability, partner
organisations, and their vocabularies (districts, engagement fields, resource categories, cooperation
topics, target groups, spoken languages), in German, English, Turkish, Arabic, Ukrainian or Polish; submit a
request (the basket and a consultation) and read its status with the token it returns.

* **Language**: `?lang=ar`, or the `Accept-Language` header; German where an item is not translated
  (`meta.fallback: true`). Pages have a `locale` each and link their translations.
* **Lists**: `limit` and `offset`; `next`/`previous` links; filters with `facets` (counts per value).
* **Resources and partners**: the web pages' filters and facet counts (same values); `start`/`end` for
  availability on a day or throughout a period; an id stands for the item in every language, the answer
  is in the language asked for; `by-slug/` finds an item by its web address.
* **Fields**: `fields=title,slug` sends only these fields of each item (with `id` and `meta`),
  `fields=-description` all but that one.
* **Following changes**: every item has `meta.last_modified`; every list takes `updated_since=`;
  `/api/v3/changes/?since=` lists what was published, changed or withdrawn (deletions included).
* **Caching**: every read answers with `ETag` and `Last-Modified`; send `If-None-Match` /
  `If-Modified-Since` to get `304 Not Modified` when nothing changed.
* **Errors**: `application/problem+json` with `title`, `detail` (in the requested language) and `errors`
  (`loc` names the parameter).
* **CORS**: browsers on the origins in the portal's `CORS_ALLOWED_ORIGINS` may call the API.
"""


class PortalAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None, request=None):
        """The document as served: the contract with the values of the filters that come from the database
        or the date (`api.accepted`), read when it is asked for; `servers` at the origin the `request`
        came to (a generated client then calls the host it read the document from)."""
        document = accepted.complete(self.contract(path_prefix=path_prefix, path_params=path_params))
        if request is not None:
            document["servers"] = [
                {
                    "url": request.build_absolute_uri("/"),
                    "description": "This portal, where this document was read: the paths start with "
                    "the API's prefix, /api/v3/.",
                }
            ]
        return document

    def _get_urls(self):
        """django-ninja's URLs, with the document's view passing the request (for `servers`)."""
        urls = super()._get_urls()
        for pattern in urls:
            if getattr(pattern, "name", None) == "openapi-json":
                pattern.callback = self._serve_document
        return urls

    def _serve_document(self, request, **kwargs):
        return NinjaResponse(self.get_openapi_schema(path_params=kwargs, request=request))

    def contract(self, *, path_prefix=None, path_params=None):
        """The document in English, built once per process (`api.contract`): everything that depends on
        the code only (the operations and their parameters, without the values of the day)."""
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return contract.document(lambda: self._build_openapi_schema(path_prefix), path_prefix)

    def _build_openapi_schema(self, path_prefix):
        """django-ninja documents every response as application/json; errors are problem+json."""
        schema = super().get_openapi_schema(path_prefix=path_prefix)
        for path_item in schema["paths"].values():
            for operation in path_item.values():
                for status, response in operation.get("responses", {}).items():
                    body = response.get("content", {})
                    if str(status).isdigit() and int(status) >= 400 and "application/json" in body:
                        response["content"] = {PROBLEM_JSON: body["application/json"]}
        return accepted.describe_rules(fields.describe(schema))


api = PortalAPI(
    title="House of Resources Dortmund API",
    version="3",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
)
register_exception_handlers(api)


class Index(Schema):
    openapi: str
    docs: str
    reference: str
    endpoints: dict[str, str]


def discover_endpoints():
    """Every installed app's `endpoints` list (`<app>/endpoints.py`), in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.endpoints")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.endpoints":
                raise
            continue
        found.extend(item for item in getattr(module, "endpoints", []) if isinstance(item, Endpoints))
    return found


ENDPOINTS = discover_endpoints()


@api.get(
    "/",
    response={200: Index, 422: Problem},
    url_name="index",
    operation_id="index",
    summary="What this API offers",
    description="The addresses of the OpenAPI document, the Swagger UI, the reference page and every list.",
    tags=["API"],
)
def index(
    request,
    lang: LanguageCode | None = Query(  # noqa: B008
        None,
        description="Language of the response's messages (the addresses are the same in every language).",
    ),
):
    def url(name):
        return request.build_absolute_uri(reverse(f"api:{name}"))

    endpoints = {"pages": url("pages_list")}
    endpoints.update({item.path: url(item.index_url_name) for item in ENDPOINTS})
    endpoints["changes"] = url("changes_list")
    return {
        "openapi": url("openapi-json"),
        "docs": url("openapi-view"),
        "reference": request.build_absolute_uri(reverse("api_reference")),
        "endpoints": endpoints,
    }


api.add_router("/pages/", pages.router)
for _item in ENDPOINTS:
    api.add_router(f"/{_item.path}/", _item.router())
# The change feed (`api.changes`, recorded by `api.tracking`), for every item type above.
api.add_router("/changes/", changes.build_router(tracking.type_names()))
