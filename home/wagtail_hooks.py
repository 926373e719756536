"""The outbox in the admin (Settings -> Outbox): what the portal sent, what waits, what failed; the
navigation menus as snippets; wagtail-localize's submit views with the portal's permission checks
(home/localize.py); and a dashboard panel of what is missing or outdated in each language."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import localize, page_cache, translation_status
from home.models import NavigationMenu, OutgoingEmail
from home.permissions import ReadOnlyPermissionPolicy
from home.snippet_views import TranslatedSnippetListing, language_and_status

register_permission_policy(OutgoingEmail, ReadOnlyPermissionPolicy(OutgoingEmail))


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outbox")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject"]
    form_fields = ["subject"]
    inspect_view_fields = [
        "recipients",
        "reply_to",
        "subject",
        "body_text",
        "language",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "last_attempt_at",
        "sent_at",
    ]


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutgoingEmailViewSet("outbox")


class NavigationMenuViewSet(TranslatedSnippetListing, SnippetViewSet):
    """The main navigation and the footer, one per language: what Redaktion edits and Moderation publishes."""

    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Navigation")
    add_to_settings_menu = True
    list_display = ["__str__", "slot", *language_and_status()]
    list_filter = ["slot"]
    search_fields = ["slot"]


register_snippet(NavigationMenuViewSet)


@hooks.register("register_admin_urls")
def register_translation_urls():
    """The same addresses as wagtail-localize's views; this app's hooks run first, so these answer."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            localize.SubmitPageTranslationView.as_view(),
            name="portal_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            localize.SubmitSnippetTranslationView.as_view(),
            name="portal_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            localize.UpdateTranslationsView.as_view(),
            name="portal_update_translations",
        ),
        path(
            "localize/translation/<int:translation_id>/submit-for-review/",
            localize.submit_translation_for_review,
            name="portal_submit_translation_for_review",
        ),
    ]


@hooks.register("before_edit_page", order=-1)
def edit_alias_in_translation_editor(request, page):
    return localize.translation_editor_for_alias(request, page)


class TranslationPanel(Component):
    """Dashboard: per language, what has no published translation and what is outdated, with links."""

    name = "portal_translations"
    template_name = "home/admin/translation_panel.html"
    order = 160

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["statuses"] = translation_status.language_statuses()
        return context


@hooks.register("construct_homepage_panels")
def add_translation_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation"):
        panels.append(TranslationPanel())


@hooks.register("before_serve_page")
def keep_route_for_the_page_cache(page, request, serve_args, serve_kwargs):
    """The page cache keeps the route of a visitor's page per generation (home/page_cache.py)."""
    page_cache.keep_route(request)
