import logging

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from search import health as search_health

logger = logging.getLogger(__name__)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def health(request):
    """Liveness for load balancers and the bench harness, kept cheap.

    The database must answer, else 503 ("unavailable"). Search may be degraded – Elasticsearch down,
    the database answering searches instead – which is reported with its reason but still 200: the
    portal works, so a load balancer should keep sending visitors.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means "not healthy", reported, not raised
        checks["database"] = "unavailable"
    if checks["database"] != "ok":
        return JsonResponse({"status": "unavailable", "checks": checks}, status=503)
    search = search_health.status()
    checks["search"] = search
    return JsonResponse({"status": "ok" if search["status"] == "ok" else "degraded", "checks": checks})


def server_error(request):
    """The portal's own 500 page, in the visitor's language (the language of the address, still active).

    First with the portal's frame, a search box and the main pages (`templates/500.html`); when that
    cannot be rendered either – the database is often what failed – the self-contained
    `templates/500_plain.html`, which needs nothing but the translations. Never raises.
    """
    try:
        body = loader.render_to_string("500.html", {}, request)
    except Exception:  # noqa: BLE001 - an error page must not fail; the plain one needs no database
        logger.warning("the full 500 page could not be rendered, sending the plain one", exc_info=True)
        body = loader.render_to_string("500_plain.html", {"home_url": f"/{translation.get_language()}/"})
    return HttpResponseServerError(body)
