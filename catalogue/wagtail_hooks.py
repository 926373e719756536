"""The catalogue in the admin: one menu item, "Catalogue", holding every catalogue snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import District, EngagementField, ResourceCategory


class EngagementFieldViewSet(SnippetViewSet):
    model = EngagementField
    icon = "tag"
    menu_label = _("Engagement fields")
    list_display = ["name", "slug", "sort_order"]
    list_filter = ["locale", "live"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class ResourceCategoryViewSet(SnippetViewSet):
    model = ResourceCategory
    icon = "folder-open-inverse"
    menu_label = _("Resource categories")
    list_display = ["name", "slug", "icon", "sort_order"]
    list_filter = ["locale", "live"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class DistrictViewSet(ModelViewSet):
    """The twelve districts come from a migration; the list is here to look them up."""

    model = District
    icon = "site"
    menu_label = _("Districts")
    list_display = ["name", "slug"]
    form_fields = ["name", "slug"]
    inspect_view_enabled = True


class CatalogueViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "folder-inverse"
    menu_order = 200
    items = (ResourceCategoryViewSet, EngagementFieldViewSet, DistrictViewSet)


register_snippet(CatalogueViewSetGroup)
