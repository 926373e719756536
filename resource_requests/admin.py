"""Requests in the admin: an inbox, a page per request with its decisions, consultation times, dashboard.

Menu "Requests" (Anfragen): the inbox (filters: status, resource, category, date received, language;
export as CSV or XLSX) and the consultation times. A request's page shows the basket with what is free
now, approves lines (creating the reservations and grants the catalogue counts, `service.py`) or
declines them with a reason, changes the status, sends messages (shown on the status page and e-mailed)
and lists the history: who did what, and when.

Permissions: looking needs "view" (or "change") on requests, deciding needs "change". The contact
person, e-mail, phone and call-back times are shown – on the page, in the list and in the export – only
to editors with "Can see the contact details of requests" (`resource_requests.view_personal_data`); everybody
else sees "hidden". Requests come from the public form only: nobody adds or edits one in the admin.
"""

import datetime
from collections import Counter
from decimal import Decimal, InvalidOperation

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from catalogue.models import Resource
from catalogue.money import format_euro
from home.snippet_views import TranslatedSnippetListing, language_and_status
from resource_requests.models import (
    ChecklistTemplate,
    ConsultationSlot,
    Proof,
    RequestEvent,
    RequestItem,
    RequestReport,
    ResourceRequest,
    with_bookings,
)
from taxonomy.models import ResourceCategory

from . import reports, service
from .checklist import checklists
from .reminders import overdue_lines
from .report_views import photo_response
from .stock import StockSnapshot
from .views import proof_response

DASHBOARD_LIMIT = 8
PERSONAL_PERMISSION = "resource_requests.view_personal_data"


def can_see_personal_data(user):
    return user.has_perm(PERSONAL_PERMISSION)


class RequestPermissionPolicy(ModelPermissionPolicy):
    """Requests come from the public form: in the admin they are looked at, decided and (rarely) deleted."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(ResourceRequest, RequestPermissionPolicy(ResourceRequest))


# --- The inbox ------------------------------------------------------------------------------------------


def _resource_choices():
    return [
        (str(key), title)
        for key, title in Resource.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("title")
        .values_list("translation_key", "title")
    ]


def _category_choices():
    return list(
        ResourceCategory.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
            "slug", "name"
        )
    )


class RequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=ResourceRequest.Status.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    resource = django_filters.ChoiceFilter(
        label=gettext_lazy("Resource"), choices=_resource_choices, method="filter_resource"
    )
    category = django_filters.ChoiceFilter(
        label=gettext_lazy("Resource category"), choices=_category_choices, method="filter_category"
    )
    received = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Received"), field_name="created_at", widget=DateRangePickerWidget
    )
    language = django_filters.ChoiceFilter(
        label=gettext_lazy("Language of the form"),
        choices=settings.LANGUAGES,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = ResourceRequest
        fields = []

    def filter_resource(self, queryset, name, value):
        return queryset.filter(items__resource__translation_key=value).distinct()

    def filter_category(self, queryset, name, value):
        return queryset.filter(items__resource__category__slug=value).distinct()


HIDDEN = gettext_lazy("hidden")


class RequestIndexView(IndexView):
    EXPORT = [
        "reference",
        "get_status_display",
        "created_at",
        "language",
        "association_name",
        "register_number",
        "district",
        "plan_title",
        "plan_start",
        "plan_end",
        "participants",
        "engagement_field",
        "consultation",
        "basket",
        "requested_amount",
        "approved_amount",
    ]
    PERSONAL_EXPORT = ["contact_name", "email", "phone", "callback_times"]
    export_headings = {
        "get_status_display": gettext_lazy("Status"),
        "consultation": gettext_lazy("Consultation"),
        "basket": gettext_lazy("Requested resources"),
        "requested_amount": gettext_lazy("Money asked for (€)"),
        "approved_amount": gettext_lazy("Money approved (€)"),
    }

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        personal = can_see_personal_data(request.user)
        self.list_export = self.EXPORT + (self.PERSONAL_EXPORT if personal else [])

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("slot", "district", "engagement_field")
            .prefetch_related("items")
            .annotate(item_count=Count("items", distinct=True))
        )

    def get_edit_url(self, instance):
        return None  # nothing to edit: the title opens the request's page

    COMPUTED = {
        "consultation",
        "basket",
        "requested_amount",
        "approved_amount",
        "district",
        "engagement_field",
    }

    def to_row_dict(self, item):
        from collections import OrderedDict

        from wagtail.coreutils import multigetattr

        lines = list(item.items.all())
        computed = {
            "consultation": str(item.slot) if item.slot_id else _("call back"),
            "basket": "; ".join(_item_summary(line) for line in lines),
            "requested_amount": sum((line.amount or Decimal(0) for line in lines), Decimal(0)),
            "approved_amount": sum(
                (line.approved_amount or Decimal(0) for line in lines if line.status == "approved"),
                Decimal(0),
            ),
            "district": item.district.name if item.district_id else "",
            "engagement_field": item.engagement_field.name if item.engagement_field_id else "",
        }
        return OrderedDict(
            (field, computed[field] if field in self.COMPUTED else multigetattr(item, field))
            for field in self.list_export
        )


def _item_summary(item):
    if item.counts_units:
        period = item.start.isoformat() if item.start == item.end else f"{item.start}–{item.end}"
        text = f"{item.quantity} × {item.resource_title} ({period})"
    elif item.counts_money:
        text = f"{item.resource_title}: {format_euro(item.amount)}"
    else:
        text = item.resource_title
    return f"{text} [{item.get_status_display()}]"


class ConsultationColumn(Column):
    def get_value(self, instance):
        return str(instance.slot) if instance.slot_id else _("call back")


# --- A request's page -----------------------------------------------------------------------------------


class MessageForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Message to the association"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Appears on the association's status page and goes to it by e-mail."),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"), choices=ResourceRequest.Status.choices)
    note = forms.CharField(
        label=gettext_lazy("Note for the association (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    notify = forms.BooleanField(
        label=gettext_lazy("Tell the association by e-mail"), required=False, initial=True
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (the association reads it)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RequestDetailView(InspectView):
    template_name = "resource_requests/admin/detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            ResourceRequest.objects.select_related("slot", "district", "engagement_field").prefetch_related(
                Prefetch("items", queryset=RequestItem.objects.select_related("resource", "decided_by")),
                Prefetch("events", queryset=RequestEvent.objects.select_related("user", "item")),
                Prefetch("proofs", queryset=Proof.objects.select_related("reviewed_by")),
                "partners",
            ),
            pk=self.pk,
        )

    def get_page_subtitle(self):
        return self.object.reference

    def get_page_title(self):
        return _("Request")

    def get_edit_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        resource_request = self.object
        items = list(resource_request.items.all())
        stock = StockSnapshot([item.resource for item in items])
        for item in items:
            item.available = _available_now(item, stock)
        can_change = self.permission_policy.user_has_permission(self.request.user, "change")
        personal = can_see_personal_data(self.request.user)
        context.update(
            {
                "resource_request": resource_request,
                "items": items,
                "events": list(resource_request.events.all()),
                "partners": list(resource_request.partners.all()),
                "can_change": can_change,
                "personal": personal,
                "hidden": HIDDEN,
                "rules": service.programme_rules(
                    [(item.resource, item.amount) for item in items if item.resource is not None]
                ),
                "slot_text": service.slot_text(resource_request.slot) if resource_request.slot_id else "",
                "message_form": MessageForm(),
                "status_form": StatusForm(initial={"status": resource_request.status}),
                "decline_form": DeclineForm(),
                "status_url": _public_status_url(resource_request) if personal else "",
                "summary": decision_summary(items),
                "checklists": checklists(resource_request, items, None),
                "report": RequestReport.objects.filter(request=resource_request).first(),
                "review_choices": [
                    (Proof.Status.ACCEPTED, Proof.Status.ACCEPTED.label),
                    (Proof.Status.MORE_NEEDED, Proof.Status.MORE_NEEDED.label),
                ],
            }
        )
        return context


def decision_summary(items):
    """How many of the request's lines are open, approved, declined: the first thing the team reads."""
    counts = Counter(item.status for item in items)
    return {
        "open": counts[RequestItem.Status.OPEN],
        "approved": counts[RequestItem.Status.APPROVED],
        "declined": counts[RequestItem.Status.DECLINED],
    }


def _public_status_url(resource_request):
    from .pages import status_url

    return status_url(resource_request)


def _available_now(item, stock):
    """What the catalogue has left for this line now: free units for its period, or the budget left."""
    resource = item.resource
    if resource is None or item.status == RequestItem.Status.APPROVED:
        return None
    if item.counts_units and item.start and item.end:
        return min(stock.free_units_by_day(resource, item.start, item.end).values())
    if item.counts_money:
        return stock.budget_left(resource)
    return None


def _parse_number(value, kind):
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    try:
        return int(value) if kind == "units" else Decimal(value)
    except (ValueError, InvalidOperation):
        raise service.DecisionError(_("Please enter a number.")) from None


def _parse_local_datetime(value):
    """A `datetime-local` value ("2026-12-24T10:30") as an aware datetime in Dortmund's time; None if empty."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        naive = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise service.DecisionError(
            _("Please enter the date and time as on the calendar, e.g. 24.12.2026 10:30.")
        ) from None
    if naive.tzinfo is not None or not 2000 <= naive.year <= 2100:
        raise service.DecisionError(
            _("Please enter the date and time as on the calendar, e.g. 24.12.2026 10:30.")
        )
    return timezone.make_aware(naive)


def completes_request(item):
    """Does a decision on `item` decide the request's last open line? Then the association is mailed."""
    return not item.request.items.exclude(pk=item.pk).filter(status=RequestItem.Status.OPEN).exists()


class RequestActions:
    """POST-only actions on a request's page; each needs the "change" permission and redirects back.

    An action that e-mails the association (the decision on the last open line, declining the rest, a
    message, a status change with notice) first asks
    "really?" on a page of its own, which sends the same form again with `confirmed`: a mail cannot be
    taken back, a click can slip."""

    def __init__(self, viewset):
        self.viewset = viewset

    def _check(self, request, pk):
        if request.method != "POST":
            raise PermissionDenied
        policy = self.viewset.permission_policy
        if not policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return get_object_or_404(ResourceRequest, pk=pk)

    def _confirmation(self, request, resource_request, question):
        """None when the person confirmed; else the page that asks, carrying the form's values along."""
        if request.POST.get("confirmed") == "1" or resource_request.anonymised_at is not None:
            return None  # confirmed, or nobody to mail
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if name not in ("csrfmiddlewaretoken", "confirmed")
            for value in values
        ]
        recipient = resource_request.email if can_see_personal_data(request.user) else ""
        consequence = (
            _("The association receives an e-mail about it at %(address)s.") % {"address": recipient}
            if recipient
            else _("The association receives an e-mail about it.")
        )
        context = {
            "question": question,
            "consequence": consequence,
            "fields": fields,
            "action": request.path,
            "back_url": reverse(self.viewset.get_url_name("inspect"), args=[resource_request.pk]),
        }
        return TemplateResponse(request, "resource_requests/admin/confirm.html", context)

    def _back(self, resource_request, anchor=""):
        return redirect(reverse(self.viewset.get_url_name("inspect"), args=[resource_request.pk]) + anchor)

    def approve(self, request, pk, item_pk):
        resource_request = self._check(request, pk)
        item = get_object_or_404(RequestItem, pk=item_pk, request=resource_request)
        question = _("Approve “%(title)s”?") % {"title": item.resource_title}
        asking = self._confirmation(request, resource_request, question) if completes_request(item) else None
        if asking is not None:
            return asking
        try:
            service.approve_item(
                item,
                request.user,
                quantity=_parse_number(request.POST.get("quantity"), "units") if item.counts_units else None,
                amount=_parse_number(request.POST.get("amount"), "money") if item.counts_money else None,
                note=request.POST.get("note", "")[:1000],
            )
        except service.DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("“%(title)s” approved.") % {"title": item.resource_title})
        return self._back(resource_request, f"#item-{item.pk}")

    def decline(self, request, pk, item_pk):
        resource_request = self._check(request, pk)
        item = get_object_or_404(RequestItem, pk=item_pk, request=resource_request)
        form = DeclineForm(request.POST)
        question = _("Decline “%(title)s”?") % {"title": item.resource_title}
        asking = None
        if form.is_valid() and completes_request(item):
            asking = self._confirmation(request, resource_request, question)
        if asking is not None:
            return asking
        try:
            if not form.is_valid():
                raise service.DecisionError(_("Please give a reason; the association will read it."))
            service.decline_item(item, request.user, form.cleaned_data["reason"])
        except service.DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("“%(title)s” declined.") % {"title": item.resource_title})
        return self._back(resource_request, f"#item-{item.pk}")

    def decline_all(self, request, pk):
        resource_request = self._check(request, pk)
        form = DeclineForm(request.POST)
        question = _("Decline everything still open in %(reference)s?") % {
            "reference": resource_request.reference
        }
        if (
            form.is_valid()
            and (asking := self._confirmation(request, resource_request, question)) is not None
        ):
            return asking
        try:
            if not form.is_valid():
                raise service.DecisionError(_("Please give a reason; the association will read it."))
            service.decline_request(resource_request, request.user, form.cleaned_data["reason"])
        except service.DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The request has been declined."))
        return self._back(resource_request)

    def status(self, request, pk):
        resource_request = self._check(request, pk)
        form = StatusForm(request.POST)
        if form.is_valid() and form.cleaned_data["notify"]:
            question = _("Change the status to “%(status)s”?") % {
                "status": ResourceRequest.Status(form.cleaned_data["status"]).label
            }
            if (asking := self._confirmation(request, resource_request, question)) is not None:
                return asking
        try:
            if not form.is_valid():
                raise service.DecisionError(_("Please choose a status."))
            service.change_status(
                resource_request,
                form.cleaned_data["status"],
                request.user,
                form.cleaned_data["note"],
                notify=form.cleaned_data["notify"],
            )
        except service.DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The status has been changed."))
        return self._back(resource_request, "#history")

    def message(self, request, pk):
        resource_request = self._check(request, pk)
        form = MessageForm(request.POST)
        question = _("Send this message to the association?")
        if (
            form.is_valid()
            and (asking := self._confirmation(request, resource_request, question)) is not None
        ):
            return asking
        try:
            if not form.is_valid():
                raise service.DecisionError(_("Please write a message (at most 4000 characters)."))
            service.send_message(resource_request, request.user, form.cleaned_data["text"])
        except service.DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The message has been sent."))
        return self._back(resource_request, "#history")

    def review_proof(self, request, pk, proof_pk):
        resource_request = self._check(request, pk)
        proof = get_object_or_404(Proof, pk=proof_pk, request=resource_request)
        status = request.POST.get("status", "")
        note = request.POST.get("note", "")[:1000]
        question = _("Tell the association about “%(name)s”?") % {"name": proof.name}
        reviewable = status in Proof.Status.values and (note.strip() or status == Proof.Status.ACCEPTED)
        if reviewable and (asking := self._confirmation(request, resource_request, question)) is not None:
            return asking
        try:
            service.review_proof(proof, request.user, status, note)
        except service.DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("“%(name)s” reviewed.") % {"name": proof.name})
        return self._back(resource_request, f"#proof-{proof.pk}")

    def returned(self, request, pk, item_pk):
        resource_request = self._check(request, pk)
        item = get_object_or_404(RequestItem, pk=item_pk, request=resource_request)
        try:
            service.mark_returned(item, request.user)
        except service.DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("“%(title)s” marked as returned.") % {"title": item.resource_title})
        return self._back(resource_request, "#after-decision")

    def appointment(self, request, pk, item_pk):
        """Set the appointment of an approved coaching line (shown in its checklist on the status page)."""
        resource_request = self._check(request, pk)
        item = get_object_or_404(RequestItem, pk=item_pk, request=resource_request)
        try:
            service.set_appointment(
                item,
                request.user,
                _parse_local_datetime(request.POST.get("when")),
                request.POST.get("place", ""),
            )
        except service.DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The appointment for “%(title)s” is set; the association gets an e-mail with it.")
                % {"title": item.resource_title},
            )
        return self._back(resource_request, f"#due-{item.pk}")

    def proof_file(self, request, pk, proof_pk):
        """A proof's file for the team: needs "view" on proofs of use (and on requests)."""
        if not (
            request.user.has_perm("resource_requests.view_proof")
            and self.viewset.permission_policy.user_has_any_permission(request.user, ["view", "change"])
        ):
            raise PermissionDenied
        proof = get_object_or_404(Proof, pk=proof_pk, request_id=pk)
        return proof_response(proof)


class ResourceRequestViewSet(ModelViewSet):
    model = ResourceRequest
    url_namespace = "resource_request"
    url_prefix = "requests"
    icon = "mail"
    menu_label = gettext_lazy("Requests")
    menu_order = 100
    index_view_class = RequestIndexView
    inspect_view_enabled = True
    inspect_view_class = RequestDetailView
    copy_view_enabled = False
    list_display = [
        "reference",
        "association_name",
        Column("get_status_display", label=gettext_lazy("Status"), sort_key="status"),
        DateColumn("created_at", label=gettext_lazy("Received"), sort_key="created_at"),
        ConsultationColumn("consultation", label=gettext_lazy("Consultation")),
        Column("item_count", label=gettext_lazy("Resources")),
    ]
    filterset_class = RequestFilterSet
    search_fields = ["reference", "association_name", "plan_title"]
    ordering = ["-created_at"]
    export_filename = "anfragen"
    list_per_page = 30
    form_fields = ["association_name"]  # required by ModelViewSet; there is no add or edit view

    @cached_property
    def actions(self):
        return RequestActions(self)

    def get_urlpatterns(self):
        skip = {"add", "edit", "copy"}
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name not in skip]
        return [
            *patterns,
            path("<int:pk>/items/<int:item_pk>/approve/", self.actions.approve, name="approve"),
            path("<int:pk>/items/<int:item_pk>/decline/", self.actions.decline, name="decline"),
            path("<int:pk>/decline/", self.actions.decline_all, name="decline_all"),
            path("<int:pk>/status/", self.actions.status, name="status"),
            path("<int:pk>/message/", self.actions.message, name="message"),
            path("<int:pk>/proofs/<int:proof_pk>/", self.actions.proof_file, name="proof_file"),
            path("<int:pk>/proofs/<int:proof_pk>/review/", self.actions.review_proof, name="review_proof"),
            path("<int:pk>/items/<int:item_pk>/returned/", self.actions.returned, name="returned"),
            path("<int:pk>/items/<int:item_pk>/appointment/", self.actions.appointment, name="appointment"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, "copy_url_name": None, **kwargs})


# --- Consultation times -----------------------------------------------------------------------------------


class SlotFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label=gettext_lazy("When"),
        choices=[("upcoming", gettext_lazy("Upcoming")), ("past", gettext_lazy("Past"))],
        method="filter_when",
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    published = django_filters.BooleanFilter(
        label=gettext_lazy("Offered in the form"), widget=forms.NullBooleanSelect
    )
    mode = django_filters.ChoiceFilter(label=gettext_lazy("How"), choices=ConsultationSlot.Mode.choices)

    class Meta:
        model = ConsultationSlot
        fields = []

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        return queryset.filter(start__gte=now) if value == "upcoming" else queryset.filter(start__lt=now)


class SlotIndexView(IndexView):
    def get_base_queryset(self):
        return with_bookings(super().get_base_queryset())


class LockedSlotMixin:
    """Check a consultation time's bookings under the row lock a booking takes (`service.submit`), so
    lowering its places or deleting it and a booking at the same moment never end overbooked."""

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            list(ConsultationSlot.objects.select_for_update().filter(pk=self.kwargs["pk"]).values_list("pk"))
            return super().post(request, *args, **kwargs)


class SlotEditView(LockedSlotMixin, EditView):
    """The places cannot drop below the bookings (`ConsultationSlot.clean`), counted under the lock."""


class SlotDeleteView(LockedSlotMixin, DeleteView):
    """A consultation time with bookings stays: the requests point at it (nothing is lost)."""

    def form_valid(self, form):
        if self.object.requests.exists():
            messages.error(
                self.request,
                _(
                    "This consultation time has bookings and cannot be deleted. Untick “offered in the "
                    "form” instead, and tell the associations."
                ),
            )
            return redirect(reverse(self.edit_url_name, args=[self.object.pk]))
        return super().form_valid(form)


class PlacesColumn(Column):
    def get_value(self, instance):
        return _("%(booked)s of %(capacity)s booked") % {
            "booked": instance.booked,
            "capacity": instance.capacity,
        }


class LanguagesColumn(Column):
    def get_value(self, instance):
        return ", ".join(name for _code, name in instance.language_pairs)


class ConsultationSlotViewSet(ModelViewSet):
    model = ConsultationSlot
    url_namespace = "resource_requests_consultation_slot"
    url_prefix = "requests/consultation-times"
    icon = "date"
    menu_label = gettext_lazy("Consultation times")
    menu_order = 110
    index_view_class = SlotIndexView
    edit_view_class = SlotEditView
    delete_view_class = SlotDeleteView
    list_display = [
        "__str__",
        LanguagesColumn("languages", label=gettext_lazy("Languages")),
        PlacesColumn("places", label=gettext_lazy("Places")),
        Column("published", label=gettext_lazy("Offered in the form")),
    ]
    filterset_class = SlotFilterSet
    ordering = ["-start"]
    copy_view_enabled = True
    inspect_view_enabled = False


class ChecklistTemplateViewSet(TranslatedSnippetListing, SnippetViewSet):
    """Checklists after approval (Snippets): what an association does once a kind of offer is approved."""

    model = ChecklistTemplate
    icon = "tasks"
    menu_label = gettext_lazy("Checklists after approval")
    list_display = ["heading", "kind", *language_and_status()[:1]]
    search_fields = ["heading"]
    ordering = ["kind"]


# --- Reports after the request -----------------------------------------------------------------------------


class ReportPermissionPolicy(ModelPermissionPolicy):
    """Reports come from the status page: in the admin they are read, turned into examples, deleted."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(RequestReport, ReportPermissionPolicy(RequestReport))


class ExampleColumn(Column):
    def get_value(self, instance):
        return _("draft made") if instance.example_id else _("not yet")


class ReportDetailView(InspectView):
    template_name = "resource_requests/admin/report.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            RequestReport.objects.select_related("request", "example", "example_created_by"), pk=self.pk
        )

    def get_page_subtitle(self):
        return self.object.request.reference

    def get_page_title(self):
        return _("Report")

    def get_edit_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        index = reports.examples_index()
        context.update(
            {
                "report": report,
                "resource_request": report.request,
                "can_make_example": report.example_id is None
                and self.permission_policy.user_has_permission(self.request.user, "change")
                and index is not None
                and index.permissions_for_user(self.request.user).can_add_subpage(),
                "example_edit_url": reverse("wagtailadmin_pages:edit", args=[report.example_id])
                if report.example_id
                else "",
            }
        )
        return context


class ReportViewSet(ModelViewSet):
    """Reports after the request, for Redaktion (who turn them into draft engagement examples) and the
    Beratungsteam. No contact data: the association's name, its plan and what it wrote."""

    model = RequestReport
    url_namespace = "request_report"
    url_prefix = "reports"
    icon = "doc-full"
    menu_label = gettext_lazy("Reports")
    menu_order = 110
    inspect_view_enabled = True
    inspect_view_class = ReportDetailView
    copy_view_enabled = False
    list_display = [
        Column("reference", label=gettext_lazy("Request"), accessor="request.reference"),
        Column("association", label=gettext_lazy("Association"), accessor="request.association_name"),
        Column("plan", label=gettext_lazy("Plan"), accessor="request.plan_title"),
        DateColumn("created_at", label=gettext_lazy("Written"), sort_key="created_at"),
        ExampleColumn("example", label=gettext_lazy("Engagement example")),
    ]
    ordering = ["-created_at"]
    list_per_page = 30
    form_fields = ["text"]  # required by ModelViewSet; there is no add or edit view

    def get_urlpatterns(self):
        skip = {"add", "edit", "copy"}
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name not in skip]
        return [
            *patterns,
            path("<int:pk>/photo/", self.photo, name="photo"),
            path("<int:pk>/example/", self.make_example, name="example"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "copy_url_name": None, "edit_url_name": None, **kwargs}
        )

    def get_queryset(self, request):
        return RequestReport.objects.select_related("request")

    def photo(self, request, pk):
        """The report's photo, for whoever may see reports in the admin."""
        if not self.permission_policy.user_has_any_permission(request.user, ["view", "change"]):
            raise PermissionDenied
        report = get_object_or_404(RequestReport.objects.select_related("request"), pk=pk)
        return photo_response(report, {"Cache-Control": "private, no-store"})

    def make_example(self, request, pk):
        """One click: a draft engagement example from the report, then on to the page editor."""
        if request.method != "POST" or not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        report = get_object_or_404(RequestReport.objects.select_related("request"), pk=pk)
        try:
            page = reports.make_example(report, request.user)
        except reports.ExampleError as error:
            messages.error(request, str(error))
            return redirect(reverse(self.get_url_name("inspect"), args=[report.pk]))
        messages.success(
            request,
            _("Draft engagement example “%(title)s” created. Check it, complete it and publish it.")
            % {"title": page.title},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


class RequestsViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Requests")
    menu_icon = "mail"
    menu_order = 205
    items = (ResourceRequestViewSet, ConsultationSlotViewSet, ReportViewSet)


# --- Dashboard -------------------------------------------------------------------------------------------


class RequestsPanel(Component):
    """Dashboard: new requests, today's consultations with who comes, and what is overdue after a decision
    (receipts past their deadline, items not back) across all requests."""

    name = "resource_requests"
    template_name = "resource_requests/admin/dashboard_panel.html"
    order = 140

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        start, end = service.today_range()
        overdue = overdue_lines()
        context.update(
            {
                "new_requests": list(
                    ResourceRequest.objects.filter(status=ResourceRequest.Status.RECEIVED)
                    .select_related("slot")
                    .order_by("-created_at")[:DASHBOARD_LIMIT]
                ),
                "new_count": ResourceRequest.objects.filter(status=ResourceRequest.Status.RECEIVED).count(),
                "today_slots": list(
                    ConsultationSlot.objects.filter(start__gte=start, start__lt=end)
                    .prefetch_related(
                        Prefetch("requests", queryset=ResourceRequest.objects.order_by("created_at"))
                    )
                    .order_by("start")
                ),
                "personal": can_see_personal_data(self.user),
                "hidden": HIDDEN,
                "index_url": reverse("resource_request:index"),
                "overdue": overdue[:DASHBOARD_LIMIT],
                "overdue_count": len(overdue),
            }
        )
        return context


def dashboard_panel(request):
    policy = RequestPermissionPolicy(ResourceRequest)
    if policy.user_has_any_permission(request.user, ["view", "change"]):
        return RequestsPanel(request.user)
    return None
