"""The vocabulary in the admin: one menu item, "Vocabulary", with every app's shared terms."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.snippet_views import TranslatedSnippetListing, language_and_status
from taxonomy.models import (
    NAME_LANGUAGES,
    CooperationTopic,
    District,
    EngagementField,
    ResourceCategory,
    TargetGroup,
)


class TermViewSet(TranslatedSnippetListing, SnippetViewSet):
    list_display = ["name", "slug", "sort_order", *language_and_status()]
    list_filter = ["live"]  # Wagtail adds its own language filter (?locale=de)
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class ResourceCategoryViewSet(TermViewSet):
    model = ResourceCategory
    icon = "folder-open-inverse"
    menu_label = _("Resource categories")
    menu_order = 100
    list_display = ["name", "slug", "icon", "sort_order", *language_and_status()]


class EngagementFieldViewSet(TermViewSet):
    model = EngagementField
    icon = "tag"
    menu_label = _("Engagement fields")
    menu_order = 110


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "user"
    menu_label = _("Target groups")
    menu_order = 120


class CooperationTopicViewSet(TermViewSet):
    model = CooperationTopic
    icon = "resubmit"
    menu_label = _("Cooperation topics")
    menu_order = 130


class DistrictViewSet(ModelViewSet):
    """The twelve districts come from a migration; the list is here to look them up and to write their
    names in the scripts of languages that do not use the German one (Arabic, Ukrainian)."""

    model = District
    url_namespace = "taxonomy_district"
    url_prefix = "taxonomy/districts"
    icon = "site"
    menu_label = _("Districts")
    menu_order = 140
    list_display = ["name", "name_ar", "name_uk", "slug"]
    form_fields = ["name", "slug", *(f"name_{language}" for language in NAME_LANGUAGES)]
    inspect_view_enabled = True


class VocabularyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Vocabulary")
    menu_icon = "tag"
    menu_order = 290
    items = (
        ResourceCategoryViewSet,
        EngagementFieldViewSet,
        TargetGroupViewSet,
        CooperationTopicViewSet,
        DistrictViewSet,
    )


register_snippet(VocabularyViewSetGroup)
