"""Small middleware for every public page: pages that depend on the visitor's session stay private, and
`make run` shows the portal's own "page not found" page.

- `PrivateWhenSessionReadMiddleware`: a page that read the session of a visitor with a session cookie
  (the header's basket count does, see `resource_requests.templatetags.request_tags.basket_link`) may
  show something of this visitor only, so it is sent `Cache-Control: private` even where the view allows
  shared caching (the search page). Django's SessionMiddleware already adds `Vary: Cookie`; this closes the gap
  of a shared cache that ignores `Vary`. A page that did not read the session keeps its headers.
- `PortalNotFoundMiddleware` (only in `portal/settings/dev.py`): with DEBUG on, Django answers a 404 with
  its technical page (the URL patterns tried). `make run` is where editors and testers look at the site,
  so it shows the page visitors get (`templates/404.html`) instead; `DEBUG_TECHNICAL_404=true` brings
  Django's page back for a developer who needs it.
"""

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views import defaults


class PrivateWhenSessionReadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Without a session cookie the session read was empty (the messages framework reads it on many
        # pages): nothing of this visitor is on the page.
        # (The API puts a stand-in without `accessed` there: api.middleware.)
        if getattr(session, "accessed", False) and settings.SESSION_COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True)  # and drops "public"
        return response


class PortalNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return defaults.page_not_found(request, exception)
        return None
