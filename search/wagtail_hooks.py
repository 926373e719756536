"""Search in the admin: the "Search terms" report and its permission, and the synonym groups (Settings →
"Search synonyms", beside Wagtail's "Promoted search results")."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.snippet_views import TranslatedSnippetListing, language_and_status

from .admin_views import SearchTermReportView
from .models import SynonymGroup


class SynonymGroupViewSet(TranslatedSnippetListing, SnippetViewSet):
    """Words that mean the same for the search, per language; edited, translated and published like the
    vocabulary (Redaktion edits, Moderation publishes: search/migrations/0004_roles.py)."""

    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    add_to_settings_menu = True
    menu_order = 510
    list_display = ["__str__", *language_and_status()]
    list_filter = ["live"]
    search_fields = ["words"]
    ordering = ["words"]


register_snippet(SynonymGroupViewSet)


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
