"""Where the request form lives in each language (a `RequestPage` under the home page)."""

from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation

from home import page_cache
from resource_requests.models import RequestPage


def request_page(language=None, request=None):
    """The live request page in `language` (the German page's alias there counts), None if there is none.

    Kept on the request, so a page that needs it twice asks the database once, and per generation of the
    page cache (`page_cache.kept`), so a page the cache misses does not ask at all.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    cache = getattr(request, "_portal_request_pages", None) if request is not None else None
    if cache is not None and language in cache:
        return cache[language]

    def build():
        pages = {
            page.locale.language_code: page
            for page in RequestPage.objects.live()
            .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
            .select_related("locale")
        }
        return pages.get(language) or pages.get(settings.LANGUAGE_CODE)

    found = page_cache.kept(f"request-page:{language}", build)
    if request is not None:
        if cache is None:
            cache = request._portal_request_pages = {}
        cache[language] = found
    return found


def request_page_url(language=None, request=None):
    """The request form's address in `language`, "" when the portal has no request page."""
    page = request_page(language, request)
    return (page.get_url(request) or "") if page is not None else ""


def resource_request_url(resource, language=None, request=None):
    """The request form with `resource` offered for the basket ("" without a request page).

    The one place that knows how a resource is requested (the catalogue knows nothing of requests); the
    detail page shows the form that puts it into the basket straight away
    (`request_tags.add_to_request_form`). With `request`, the page is looked up once per request however
    many resources ask (a list of them).
    """
    url = request_page_url(language, request)
    return f"{url}?{urlencode({'resource': resource.pk})}" if url else ""


def status_url(resource_request, *, absolute=True, language=None, request=None):
    """The private status page of a request, in its language (or `language`); absolute for e-mails (the
    site's root URL), or at the origin of `request` (the API's answers)."""
    page = request_page(language or resource_request.language)
    if page is None:
        return ""
    if request is not None:
        path = (page.get_url(request) or "") + page.reverse_subpage(
            "status", kwargs={"token": resource_request.token}
        )
        return request.build_absolute_uri(path)
    base = page.get_full_url() if absolute else page.get_url()
    return (base or "") + page.reverse_subpage("status", kwargs={"token": resource_request.token})
