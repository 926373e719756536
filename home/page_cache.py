"""The page cache: what anonymous visitors get is built once and served from Django's cache after that.

Design (see docs/caching.md for the operator's side):

- **What is cached**: `GET` answers (and `HEAD` from them) with status 200 and an HTML content type, for a
  visitor who is not signed in and whose session holds nothing (no basket, no messages, no request just
  sent), outside the admin, the API and the documents. Not stored: an answer that sets a cookie, that
  says `Cache-Control: private / no-store / no-cache` (the request status pages, `never_cache` views, a
  degraded search), that left something in the session or queued a message, that used a CSP nonce, or a
  streamed one.
- **Key**: the generation counter, the date in Dortmund (settings.TIME_ZONE), the language, the scheme
  and host (the `hreflang` links are absolute) and the full path with its query string. So the day
  change in Dortmund ("from today", "upcoming", "still available") starts a fresh set of pages by itself.
- **Invalidation is one number**: `invalidate()` bumps the generation (`cache.incr` on the shared cache,
  after the transaction commits), and every key built afterwards misses; the old entries expire by
  themselves (PAGE_CACHE_SECONDS). The bump is connected generically (`connect_signals`): post_save,
  post_delete and m2m_changed of every model of the portal's own apps (except those no page shows, in
  IGNORED_MODELS), the Wagtail models pages are built from (WAGTAIL_MODELS), and Wagtail's page
  signals (published, unpublished, moved). Writes that bypass signals (`queryset.update()`,
  `bulk_create`) call `invalidate()` themselves where a page shows them (search/sync.py).
  A generation evicted from the cache starts again from the clock (milliseconds), never from an old value.
- **CSRF tokens**: a page with a form keeps the token out of the cache. On store every
  `name="csrfmiddlewaretoken" value="…"` becomes a placeholder; on a hit each placeholder gets the
  visitor's own token (`get_token`, which also sets the visitor's CSRF cookie). A page that asked for a
  token but shows none in that form is not cached. Such pages are `Cache-Control: private` (they carry a
  personal token) and have no ETag (their body differs per visitor).
- **HTTP**: other cached pages get `ETag` (hash of the stored body), `Last-Modified` (when it was stored)
  and `Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE`; `If-None-Match` / `If-Modified-Since` give
  304. Every HTML answer not cacheable for everybody (a visitor with a session, a signed-in editor) gets
  `Cache-Control: private, no-store` unless its view set its own. `Vary: Cookie` (the session decides
  whether a page is shared) comes from SessionMiddleware; the URL carries the language, so the pages do
  not vary by Accept-Language (Django's LocaleMiddleware adds it where they do: `/`).
- **Kept below the page, per generation**: what many pages read and only a change starts anew – the frame
  (`frame`), the vocabulary and a listing's counts and pages (`kept`, `FacetListing.run(keep=…)`), the
  cards (`{% keptfragment %}`), Wagtail's route and a page's view restrictions (`keep_route`). Used when
  a page is missed and for a visitor the cache may not serve who is not signed in (a session with a
  basket or a message: their page is built for them, never kept); a signed-in editor's request reads
  everything fresh.
- **Side effects of a view**: a view whose answer is cached but that also records something per visit
  (the search page counts searches) names a function to call on every hit with
  `replay_on_hit(response, "dotted.path", *args, **kwargs)`.
- **Switched on** by PAGE_CACHE_SECONDS > 0: by default only with a shared cache (CACHE_URL), because
  several worker processes with local memory caches would each keep their own generation, and an edit
  would invalidate only the process that saved it (portal/settings/base.py).
"""

import contextlib
import hashlib
import pickle
import re
import time
import zoneinfo

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.module_loading import import_string
from django.utils.translation import get_language

CACHE_ALIAS = "pages"
GENERATION_KEY = "generation"
HEADER = "X-Page-Cache"  # hit / miss / bypass: for operators and tests
CSRF_PLACEHOLDER = "__portal_csrf_token__"
_CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")([A-Za-z0-9]+)(")')
_SKIPPED_DIRECTIVES = ("private", "no-store", "no-cache")

# Models of the portal's own apps that no public page shows: writing them must not empty the cache
# (an e-mail queued, a contact message stored, a search counted, a reference number drawn, a proof of
# use uploaded or a reminder noted).
IGNORED_MODELS = {
    "home.outgoingemail",
    "partners.partnercontactmessage",
    "search.searchterm",
    "resource_requests.requestcounter",
    # After a decision: proofs of use and reminders are shown only on a request's private status page.
    "resource_requests.proof",
    "resource_requests.reminder",
}
# Models of Wagtail (and its companions) that pages are built from. Renditions, revisions, log entries
# and tasks are written while editing or rendering and change nothing a visitor sees by themselves.
WAGTAIL_MODELS = {
    "wagtailcore.page",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailsearchpromotions.searchpromotion",
    "wagtailredirects.redirect",
    "taggit.tag",
}


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def _cache():
    return caches[CACHE_ALIAS]


# --- The generation -----------------------------------------------------------------------------------


def _fresh_generation():
    """A value larger than any before: used when the counter is new or was evicted (microseconds, so
    even a counter bumped a thousand times a second before it was lost is not met again)."""
    return time.time_ns() // 1000


def generation():
    cache = _cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def bump():
    """Invalidate every cached page now (in every process that shares the cache)."""
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (new, evicted): start above anything used before
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


def invalidate(using=None):
    """Invalidate every cached page once the current transaction commits (at once outside one). A
    transaction that saves many objects increments many times: cheap, and never too rarely."""
    transaction.on_commit(bump, using=using)


# --- Signals ------------------------------------------------------------------------------------------


def _label(model):
    return model._meta.label_lower


def _own_app_labels():
    """The portal's own apps: those whose code lives in this repository (new apps count by themselves)."""
    base = str(settings.BASE_DIR)
    venv = str(settings.BASE_DIR / ".venv")
    return {
        config.label
        for config in apps.get_app_configs()
        if str(config.path).startswith(base) and not str(config.path).startswith(venv)
    }


def watched_models():
    own = _own_app_labels()
    return [
        model
        for model in apps.get_models()
        if (model._meta.app_label in own and _label(model) not in IGNORED_MODELS)
        or _label(model) in WAGTAIL_MODELS
    ]


def _changed(sender, using=None, **kwargs):
    invalidate(using=using)


def _m2m_changed(sender, instance, action, using=None, **kwargs):
    if action.startswith("post_") and _label(type(instance)) in _watched_labels:
        invalidate(using=using)


_watched_labels = set()


def connect_signals():
    """Connect the invalidation (from HomeConfig.ready)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for model in watched_models():
        _watched_labels.add(_label(model))
        post_save.connect(_changed, sender=model, dispatch_uid=f"page_cache_save_{_label(model)}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"page_cache_delete_{_label(model)}")
    m2m_changed.connect(_m2m_changed, dispatch_uid="page_cache_m2m")
    page_published.connect(_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_changed, dispatch_uid="page_cache_moved")


# --- The frame ----------------------------------------------------------------------------------------


def frame(request, name, build):
    """`build()`, kept per generation, language and host while the page cache is on: the parts of every
    page that only editors change (menus, contact data, the home link), so a page the cache misses is
    cheaper too. `build` returns plain data (no model instances), built in the active language."""
    if not enabled() or request is None:
        return build()
    gen = getattr(request, "_page_cache_generation", None)
    if gen is None:
        gen = request._page_cache_generation = generation()
    key = f"frame:{gen}:{get_language()}:{request.get_host()}:{name}"
    value = _cache().get(key)
    if value is None:
        value = build()
        _cache().set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value


def kept(name, build):
    """`build()`, kept per generation while the page cache is on: what many pages read and only editors
    change (the vocabulary), so a page the cache misses does not read it again. `name` says everything
    the value depends on (the language, say); `build` returns data that pickles (plain data, or model
    instances without querysets)."""
    if not enabled():
        return build()
    key = f"kept:{generation()}:{name}"
    value = _cache().get(key)
    if value is None:
        value = build()
        _cache().set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value


# --- Wagtail's route -----------------------------------------------------------------------------------


def _route_key(request, gen):
    return f"route:{gen}:{get_language()}:{request.get_host()}:{request.path}"


def _reuse_route(request, key, kept_route):
    """On a miss: the site and the page Wagtail routed this path to the last time in this generation (no
    query for the site, the localized home page and each path component), or a note to keep them."""
    if kept_route is not None:
        request._wagtail_site, request._wagtail_route_for_request = pickle.loads(kept_route)  # noqa: S301 - our own cache
    else:
        request._page_cache_route_key = key


def _store_route(request, response):
    """Keep the route noted by `keep_route` once its page answered 200 (an address that leads nowhere,
    a sub-route's unknown slug, keeps nothing)."""
    kept_route = getattr(request, "_page_cache_route", None)
    if kept_route is not None and response.status_code == 200:
        _cache().set(request._page_cache_route_key, kept_route, timeout=settings.PAGE_CACHE_SECONDS)


def keep_route(request):
    """Note the site and Wagtail's route of this visitor's request (page, args, kwargs) to keep for the
    rest of the generation: called from the `before_serve_page` hook, as routed and before the page
    renders. A page edit, move or deletion and a site change start a new generation, so a kept route is
    never stale."""
    key = getattr(request, "_page_cache_route_key", None)
    route = getattr(request, "_wagtail_route_for_request", None)
    if route is None:
        return
    if key is not None:
        # Pickled now, as routed (the page renders afterwards); kept by the middleware if the page answers
        # 200. A route that does not pickle is built again on the next miss.
        with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError):
            request._page_cache_route = pickle.dumps((getattr(request, "_wagtail_site", None), route))
    if getattr(request, "_page_cache_visitor", False):
        route[0]._page_cache_visitor = True  # a visitor's page: see BasePage.get_view_restrictions


# --- Replay -------------------------------------------------------------------------------------------


def replay_on_hit(response, path, *args, **kwargs):
    """Call `path(*args, **kwargs)` on every hit of this cached answer too (counting a visit, say)."""
    response._page_cache_replay = (path, args, kwargs)


# --- The middleware -----------------------------------------------------------------------------------


def _anonymous_read(request):
    """A visitor's GET or HEAD, not signed in, outside the excluded paths: what is kept per generation
    may stand in for building it (the route, the view restrictions, the frame, cards, a listing's counts),
    whether or not the page itself may be served from the cache (`_request_cacheable`)."""
    return (
        request.method in ("GET", "HEAD")
        and not any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS)
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.user.is_authenticated
    )


def _request_cacheable(request):
    """An anonymous read whose visitor has nothing of their own: no session data, no messages waiting
    in the cookie storage."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES and _holds_data(request.session):
        return False
    return "messages" not in request.COOKIES and _anonymous_read(request)


def _holds_data(session):
    """True when the session has anything in it (Django's `is_empty()` is False for any stored session)."""
    return bool(list(session.keys()))


def _messages_queued(request):
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and (getattr(storage, "_queued_messages", None) or storage.added_new))


def _response_cacheable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(directive in cache_control for directive in _SKIPPED_DIRECTIVES):
        return False
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False  # a template used `request.csp_nonce` (django-csp): a nonce is for one answer only
    session = getattr(request, "session", None)
    if session is not None and (session.modified or _holds_data(session)):
        return False
    return not _messages_queued(request)


def dortmund_date(now=None):
    """The date in Dortmund (settings.TIME_ZONE) at `now` (default: now)."""
    return timezone.localdate(now, timezone=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def today():
    return dortmund_date()


def _key(request, gen):
    day = today().isoformat()
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page:{gen}:{day}:{get_language()}:{digest}"


def _private(response):
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _public_headers(response, entry):
    if entry["csrf"]:
        patch_cache_control(response, private=True, no_cache=True)
        return
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["stored"])
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)


class PageCacheMiddleware:
    """Serves and stores anonymous visitors' pages (see the module docstring). Sits after the session,
    language, CSRF, authentication and messages middleware, which it needs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled():
            return self.get_response(request)
        if not _anonymous_read(request):
            return self._bypass(request, self.get_response(request))
        request._page_cache_generation = generation()
        request._page_cache_visitor = True  # what is kept per generation may stand in (keep_route)
        route_key = _route_key(request, request._page_cache_generation)
        if not _request_cacheable(request):
            # A visitor with a session (a basket, a message): their page is built for them and never
            # kept, but what is kept per generation is the same for every visitor and stands in.
            _reuse_route(request, route_key, _cache().get(route_key))
            response = self.get_response(request)
            _store_route(request, response)
            return self._bypass(request, response)
        key = _key(request, request._page_cache_generation)
        found = _cache().get_many([key, route_key])  # one round trip for the page and its route
        entry = found.get(key)
        if entry is not None:
            return self._hit(request, entry)
        _reuse_route(request, route_key, found.get(route_key))
        response = self.get_response(request)
        _store_route(request, response)
        if _response_cacheable(request, response):
            entry = self._store(request, response, key)
            if entry is not None:
                _public_headers(response, entry)
                response[HEADER] = "miss"
                return response
        return self._bypass(request, response)

    def _bypass(self, request, response):
        excluded = any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS)
        if not excluded and response.get("Content-Type", "").startswith("text/html"):
            _private(response)
            response[HEADER] = "bypass"
        return response

    def _store(self, request, response, key):
        content = response.content
        text = content.decode(response.charset)
        text, tokens = _CSRF_INPUT.subn(rf"\g<1>{CSRF_PLACEHOLDER}\g<3>", text)
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not tokens:
            return None  # a token was asked for but is somewhere we cannot replace it
        stored = text.encode(response.charset)
        entry = {
            "content": stored,
            "status": response.status_code,
            "headers": [(name, value) for name, value in response.items() if name != HEADER],
            "stored": int(time.time()),
            "etag": f'"{hashlib.sha256(stored).hexdigest()[:40]}"',
            "charset": response.charset,
            "csrf": bool(tokens),
            "replay": getattr(response, "_page_cache_replay", None),
        }
        _cache().set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        return entry

    def _hit(self, request, entry):
        if entry["replay"]:
            path, args, kwargs = entry["replay"]
            import_string(path)(*args, **kwargs)
        if not entry["csrf"]:
            conditional = get_conditional_response(
                request, etag=entry["etag"], last_modified=entry["stored"], response=None
            )
            if conditional is not None and conditional.status_code == 304:
                # 304 (or 412): the validators and caching headers a full answer would have carried.
                _public_headers(conditional, entry)
                conditional[HEADER] = "hit"
                return conditional
        content = entry["content"]
        if entry["csrf"]:
            text = content.decode(entry["charset"])
            while CSRF_PLACEHOLDER in text:
                text = text.replace(CSRF_PLACEHOLDER, get_token(request), 1)
            content = text.encode(entry["charset"])
        response = HttpResponse(content, status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        _public_headers(response, entry)
        response[HEADER] = "hit"
        return response
