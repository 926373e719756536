"""The catalogue in the admin: one menu item, "Catalogue", holding resources and what feeds their
availability (reservations, grants); and a dashboard panel of resources that are nearly exhausted.
The vocabulary has its own menu (taxonomy), requests theirs (resource_requests)."""

import django_filters
from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from catalogue import availability
from catalogue.models import Grant, Reservation, Resource
from home.snippet_views import TranslatedSnippetListing, language_and_status
from taxonomy.models import ResourceCategory

DASHBOARD_LIMIT = 10


def _category_choices():
    return list(
        ResourceCategory.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
            "slug", "name"
        )
    )


class ResourceFilterSet(WagtailFilterSet):
    category = django_filters.ChoiceFilter(
        label=_("Resource category"),
        field_name="category__slug",
        choices=_category_choices,
        empty_label=_("All"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of offer"),
        choices=Resource.Kind.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    availability = django_filters.ChoiceFilter(
        label=_("Availability today"),
        choices=availability.Status.choices,
        method="filter_availability",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    live = django_filters.BooleanFilter(label=_("Published"), widget=forms.NullBooleanSelect)

    class Meta:
        model = Resource
        fields = []

    def filter_availability(self, queryset, name, value):
        return availability.with_availability(queryset, select=False).filter(
            availability_rank=availability.RANK[availability.Status(value)]
        )


class ResourceViewSet(TranslatedSnippetListing, SnippetViewSet):
    model = Resource
    icon = "pick"
    menu_label = _("Resources")
    menu_order = 100
    list_display = [
        "title",
        "category",
        Column("get_kind_display", label=_("Kind of offer")),
        Column("availability_today", label=_("Availability today")),
        *language_and_status(),
    ]
    filterset_class = ResourceFilterSet
    search_fields = ["title", "summary"]
    ordering = ["title"]

    def get_queryset(self, request):
        return availability.with_availability(Resource.objects.select_related("category", "locale"))


class LockedStockMixin:
    """An editor's reservation or grant is checked and saved under the lock the request service takes
    (`availability.lock_stock`): an approval at the same moment counts again after it, never beside it."""

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            availability.lock_stock(self.resources_in_play(request))
            return super().post(request, *args, **kwargs)

    def resources_in_play(self, request):
        """The resource the form names and, when editing, the one the entry had until now."""
        named = request.POST.get("resource", "")
        current = self.model.objects.filter(pk=self.kwargs.get("pk")).values_list("resource_id", flat=True)
        return [int(named) if named.isdigit() else None, *(current if "pk" in self.kwargs else [])]


class LockedStockCreateView(LockedStockMixin, CreateView):
    pass


class LockedStockEditView(LockedStockMixin, EditView):
    pass


class ReservationViewSet(ModelViewSet):
    """Units set aside; only approved reservations count. Editors today, the request form later."""

    model = Reservation
    url_namespace = "catalogue_reservation"
    url_prefix = "catalogue/reservations"
    icon = "date"
    menu_label = _("Reservations")
    menu_order = 110
    list_display = ["resource", "start", "end", "quantity", "status", "reference"]
    list_filter = ["status"]
    search_fields = ["reference", "resource__title"]
    ordering = ["-start"]
    inspect_view_enabled = True
    add_view_class = LockedStockCreateView
    edit_view_class = LockedStockEditView

    def get_queryset(self, request):
        return Reservation.objects.select_related("resource")


class GrantViewSet(ModelViewSet):
    """Money granted from a budget; only approved grants count."""

    model = Grant
    url_namespace = "catalogue_grant"
    url_prefix = "catalogue/grants"
    icon = "success"
    menu_label = _("Grants")
    menu_order = 120
    list_display = ["resource", "amount", "granted_on", "status", "reference"]
    list_filter = ["status"]
    search_fields = ["reference", "resource__title"]
    ordering = ["-granted_on"]
    inspect_view_enabled = True
    add_view_class = LockedStockCreateView
    edit_view_class = LockedStockEditView

    def get_queryset(self, request):
        return Grant.objects.select_related("resource")


class CatalogueViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "folder-inverse"
    menu_order = 200
    items = (
        ResourceViewSet,
        ReservationViewSet,
        GrantViewSet,
    )


register_snippet(CatalogueViewSetGroup)


class NearlyExhaustedPanel(Component):
    """Dashboard: resources with few units or little money left today, or none at all."""

    name = "catalogue_nearly_exhausted"
    template_name = "catalogue/admin/nearly_exhausted_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        resources = (
            availability.with_availability(
                Resource.objects.filter(live=True, locale__language_code=settings.LANGUAGE_CODE)
            )
            .filter(
                kind__in=availability.UNIT_KINDS + availability.MONEY_KINDS,
                availability_rank__in=[
                    availability.RANK[availability.Status.FEW_LEFT],
                    availability.RANK[availability.Status.EXHAUSTED],
                ],
            )
            .select_related("category")
            .order_by("-availability_rank", "title")[:DASHBOARD_LIMIT]
        )
        context["resources"] = availability.attach(list(resources))
        return context


@hooks.register("construct_homepage_panels")
def add_nearly_exhausted_panel(request, panels):
    panels.append(NearlyExhaustedPanel())
