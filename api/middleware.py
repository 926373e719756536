"""Request handling that every API response shares.

`LocaleMiddleware` replaces Django's in `MIDDLEWARE`: for the web site it is Django's own; for `/api/` it
sets the language from `?lang=` or `Accept-Language` (`api.language`) and never answers a 404 with a
redirect to `/de/api/...` (Django would, because the site's URLs carry a language prefix).

`APIMiddleware` (last in `MIDDLEWARE`), for `/api/` only:
- every request is anonymous and has no session: the cookies of a logged-in editor, or of someone who
  typed a page's password on the web site, change nothing (no drafts, no private pages, and answers that
  proxies may share);
- a NUL character anywhere in the query is a 422, before any view sees it (databases refuse it);
- a query parameter the OpenAPI document does not name, or a single-value one given twice, is a 422
  naming it (`api.strict`);
- `fields=` is checked before the view and applied to its answer (`api.fields`);
- `HEAD` is answered like `GET`, without the body;
- errors that do not come from a view (unknown address, wrong method) are problem JSON too;
- successful reads get `ETag` (a hash of the body), `Last-Modified` and `Cache-Control`, and a request
  whose `If-None-Match` / `If-Modified-Since` still matches gets `304 Not Modified` (`api.caching`) –
  except answers a view marked `no-store` (personal data, e.g. a request's status).
"""

import time

from django.contrib.auth.models import AnonymousUser
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext

from . import caching, fields, strict
from .errors import PROBLEM_JSON, problem_response
from .language import negotiate
from .main import api

API_PREFIX = "/api/"
# Responses that depend on the code only, not on content: their Last-Modified is the process start.
STATIC_PATHS = {"/api/v3/docs/"}
# The OpenAPI document also enumerates values from the database and the date (`api.accepted`), and the
# request body's consultation times with a free place (`resource_requests.request_body_endpoints`), which change
# with every request the audit log does not record: its Last-Modified is the moment it is served; its
# ETag (the hash of its bytes) changes exactly when it does, so clients revalidate with `If-None-Match`.
DOCUMENT_PATH = "/api/v3/openapi.json"


class NoSession(dict):
    """What an API request has instead of the browser's session: nothing.

    Page passwords typed on the web site (kept in the session) do not unlock anything in the API, the
    response does not vary by cookie, and the session itself is left alone (no `accessed`/`modified`:
    Django's SessionMiddleware then neither saves nor deletes the cookie).
    """


def is_api_request(request):
    return request.path_info.startswith(API_PREFIX)


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_request(self, request):
        if not is_api_request(request):
            return super().process_request(request)
        request.api_language = negotiate(request)
        translation.activate(request.api_language.code)
        request.LANGUAGE_CODE = request.api_language.code
        return None

    def process_response(self, request, response):
        if not is_api_request(request):
            return super().process_response(request, response)
        negotiated = getattr(request, "api_language", None)
        if negotiated is None or negotiated.from_header:
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class APIMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api_request(request):
            return self.get_response(request)
        request.user = AnonymousUser()
        request.session = NoSession()
        nul = _parameter_with_nul(request)
        if nul is not None:
            error = {
                "loc": ["query", nul],
                "msg": gettext("NUL characters are not allowed."),
                "type": "nul_character",
            }
            return problem_response(422, errors=[error])
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        response = self.get_response(request)
        response = self._structured(response)
        response = fields.select(request, response)  # `?fields=`: only the chosen fields of each item
        private = "no-store" in response.get("Cache-Control", "")  # e.g. a request's status: personal data
        if request.method == "GET" and response.status_code == 200 and not private:
            static = request.path_info in STATIC_PATHS
            if request.path_info == DOCUMENT_PATH:
                caching.also_modified(request, time.time())
            response = caching.conditional(request, response, static=static)
        if head:
            request.method = "HEAD"
            response.content = b""
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Unknown and repeated query parameters are a 422 before the view runs (`api.strict`)."""
        match = request.resolver_match
        if not is_api_request(request) or match is None or match.namespace != "api":
            return None
        return strict.check(request, api, match.url_name) or fields.check(request, api, match.url_name)

    @staticmethod
    def _structured(response):
        """Django's own 404/405 pages become problem JSON (the view's own errors already are)."""
        content_type = response.get("Content-Type", "")
        if response.status_code in (404, 405) and not content_type.startswith(
            (PROBLEM_JSON, "application/json")
        ):
            headers = {"Allow": response["Allow"]} if response.has_header("Allow") else None
            return problem_response(response.status_code, headers=headers)
        return response


def _parameter_with_nul(request):
    """The first query parameter whose name or value holds a NUL character (databases refuse them)."""
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return key.replace("\x00", "")
    return None
