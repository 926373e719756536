"""Partners in the admin: one menu item, "Partners", with the organisations and their contact messages
(their vocabulary is in the taxonomy app's "Vocabulary" menu)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.permissions import ReadOnlyPermissionPolicy
from home.snippet_views import TranslatedSnippetListing, language_and_status

from .models import PartnerContactMessage, PartnerOrganisation

register_permission_policy(PartnerContactMessage, ReadOnlyPermissionPolicy(PartnerContactMessage))


class PartnerOrganisationViewSet(TranslatedSnippetListing, SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partner organisations")
    list_display = [
        "name",
        "kind",
        "district",
        BooleanColumn("is_sample", label=_("sample data")),
        *language_and_status(),
    ]
    # Wagtail adds the language filter ("locale", by language code) itself; listing it here would
    # replace it with a filter by database id that clashes with the admin's own ?locale= parameter.
    list_filter = ["kind", "districts", "live", "is_sample"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class PartnerContactMessageIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("partner").prefetch_related("emails")


class PartnerContactMessageViewSet(ModelViewSet):
    """Messages sent through partners' contact forms, to answer questions about delivery."""

    model = PartnerContactMessage
    index_view_class = PartnerContactMessageIndexView
    icon = "mail"
    menu_label = _("Contact messages")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["association", "partner", "created_at", "delivery_status"]
    search_fields = ["association", "sender_name"]
    form_fields = ["association"]
    inspect_view_fields = [
        "partner",
        "sender_name",
        "association",
        "email",
        "message",
        "language",
        "consent_at",
        "created_at",
        "delivery_status",
    ]


class PartnersViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Partners")
    menu_icon = "group"
    menu_order = 210
    items = (
        PartnerOrganisationViewSet,
        PartnerContactMessageViewSet,
    )


register_snippet(PartnersViewSetGroup)
