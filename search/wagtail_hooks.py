"""Search in the admin: the "Search terms" report and its permission."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchTermReportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/search-terms/", SearchTermReportView.as_view(), name="search_terms_report"),
        path(
            "reports/search-terms/results/",
            SearchTermReportView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchterm")


@hooks.register("register_reports_menu_item")
def register_search_terms_report():
    return SearchTermsMenuItem(
        _("Search terms"),
        reverse("search_terms_report"),
        name="portal-search-terms",
        icon_name="search",
        order=1250,
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms(request, menu_items):
    """Wagtail's own "Search terms" report counts hits the portal does not record; ours replaces it."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(content_type__app_label="search", codename="view_searchterm")
