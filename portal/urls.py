import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import PasswordResetView
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api import views as api_views
from home import views as home_views
from home.antispam import rate_limited
from home.sitemaps import MultilingualSitemap

urlpatterns = [
    # The headless API, outside the language prefix (the client names the language; see README "API").
    path("api/", include("api.urls")),
    # Wagtail's own password reset, throttled per address (a reset mail can be asked for anyone's account).
    path(
        "admin/password_reset/",
        rate_limited("admin-password-reset", template="home/admin_wait.html")(PasswordResetView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("healthz", home_views.health, name="health"),
]

# Uploaded media (images, documents) come from the web server in front in production
# (docs/configuration.md); `make run` (DEBUG) and the test suite's own server process (SERVE_MEDIA) serve
# them themselves. (`django.conf.urls.static.static` adds nothing without DEBUG.)
if settings.DEBUG or settings.SERVE_MEDIA:
    from django.views.static import serve as serve_media

    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# The portal's own error pages, in the visitor's language (templates/404.html, 500.html).
handler500 = "home.views.server_error"

# Every public URL carries its language: /de/..., /ar/...; `/` redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("api/", api_views.reference, name="api_reference"),
    path("", include("search.urls")),  # before Wagtail's pages: /de/suche/ is the search page
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
