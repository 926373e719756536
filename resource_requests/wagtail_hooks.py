"""Requests and consultation times in the admin: their own menu, and a dashboard panel (see `admin.py`);
the checklists after approval are a translatable snippet."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from resource_requests.admin import ChecklistTemplateViewSet, RequestsViewSetGroup, dashboard_panel

register_snippet(ChecklistTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_requests_viewsets():
    return RequestsViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_requests_panel(request, panels):
    panel = dashboard_panel(request)
    if panel is not None:
        panels.append(panel)
