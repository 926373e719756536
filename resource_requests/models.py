"""Requests (Anfragen) and consultation times: what an association submits, and what VMDO decides.

- `RequestPage` is the form at /de/anfrage/ (/en/request/ ...): one page under the home page whose intro,
  consent text and privacy notice editors write and translate; it serves the basket, the confirmation
  and the private status page below it (`resource_requests/views.py`).
- `ConsultationSlot`: a consultation time editors publish with a capacity; a request books one place.
- `ResourceRequest`: one submission – who, what they plan, which consultation – with its basket
  (`RequestItem`, one line per resource) and its history (`RequestEvent`: status changes, decisions and
  the messages VMDO sends, with who and when).

- After the decision: `ChecklistTemplate` (what is due per kind of offer, a translatable snippet editors
  write), `Proof` (a receipt or quote the association uploaded, in the private storage "proofs") and
  `Reminder` (a reminder mailed about a line, at most once per kind); `RequestItem.returned_at` is the
  confirmed return of an item or a room, `RequestItem.appointment_at` the coaching appointment the team set.
- After the request: `RequestReport`, what the association tells once it is done (text, how many came, a
  photo in the private storage), which Redaktion turns into a draft engagement example.

These are records, not content: they are not translatable and have no revisions. Decisions create the
catalogue's own `Reservation` and `Grant` rows (`resource_requests/service.py`), which is what the
catalogue's availability counts. Personal data (contact person, e-mail, phone, free texts) is removed by
`purge_personal_data` once a request is closed and old enough (`resource_requests/privacy.py`).

The tables keep the names they had when these models lived in `catalogue` (`Meta.db_table`): the move
(migration 0001) changed where the code lives, not the data.
"""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from catalogue.models import Resource
from home.models import BasePage
from taxonomy.fields import OFFER_LANGUAGES, LanguageListField

NOTICE_FEATURES = ["h3", "bold", "italic", "ul", "ol", "link"]
TOKEN_PATTERN = r"[A-Za-z0-9_-]{32,64}"  # noqa: S105 - the form of a status link's secret, not a secret


def new_token():
    """The secret in a status link: 256 random bits, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


class RequestPage(RoutablePageMixin, BasePage):
    """The request form (/de/anfrage/), the basket, the confirmation and the private status pages."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    consent_text = models.TextField(
        _("consent"),
        blank=True,
        max_length=600,
        help_text=_("The sentence next to the consent box. Empty: the portal's standard wording."),
    )
    privacy_notice = RichTextField(
        _("privacy notice (Art. 13 GDPR)"),
        features=NOTICE_FEATURES,
        blank=True,
        help_text=_(
            "Who processes the data, why, on which legal basis, for how long, and the visitor's rights. "
            "Shown next to the form. Empty: the portal's standard notice."
        ),
    )
    next_steps = models.TextField(
        _("what happens next"),
        blank=True,
        max_length=800,
        help_text=_("Shown on the confirmation page and in the confirmation e-mail."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("consent_text"),
        FieldPanel("privacy_notice"),
        FieldPanel("next_steps"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("consent_text"),
        APIField("privacy_notice"),
        APIField("next_steps"),
    ]

    class Meta:
        db_table = "catalogue_requestpage"
        verbose_name = _("request form")
        verbose_name_plural = _("request forms")

    @path("")
    def form(self, request):
        # The views import this module's models: they are looked up when a request comes, not at import.
        from resource_requests.views import request_form

        return request_form(self, request)

    @path("basket/")
    def basket(self, request):
        from resource_requests.views import add_to_basket

        return add_to_basket(self, request)

    @path("sent/")
    def sent(self, request):
        from resource_requests.views import request_sent

        return request_sent(self, request)

    @re_path(rf"^status/(?P<token>{TOKEN_PATTERN})/$", name="status")
    def status(self, request, token):
        from resource_requests.views import request_status

        return request_status(self, request, token)

    @re_path(rf"^status/(?P<token>{TOKEN_PATTERN})/proofs/$", name="proof_upload")
    def proof_upload(self, request, token):
        from resource_requests.views import upload_proof

        return upload_proof(self, request, token)

    @re_path(rf"^status/(?P<token>{TOKEN_PATTERN})/proofs/(?P<proof>[0-9]{{1,18}})/$", name="proof_file")
    def proof_file(self, request, token, proof):
        from resource_requests.views import proof_file

        return proof_file(self, request, token, int(proof))

    @re_path(rf"^status/(?P<token>{TOKEN_PATTERN})/report/$", name="report")
    def report(self, request, token):
        from resource_requests.report_views import submit_report

        return submit_report(self, request, token)

    @re_path(rf"^status/(?P<token>{TOKEN_PATTERN})/report/photo/$", name="report_photo")
    def report_photo(self, request, token):
        from resource_requests.report_views import report_photo

        return report_photo(self, request, token)

    @re_path(rf"^status/(?P<token>{TOKEN_PATTERN})/consultation/$", name="consultation_change")
    def consultation_change(self, request, token):
        from resource_requests.consultation import change_consultation

        return change_consultation(self, request, token)

    @re_path(rf"^status/(?P<token>{TOKEN_PATTERN})/ics/$", name="status_ics")
    def status_ics(self, request, token):
        from resource_requests.views import consultation_ics

        return consultation_ics(self, request, token)

    def status_url(self, token, request=None):
        return self.get_url(request) + self.reverse_subpage("status", kwargs={"token": token})


class ConsultationSlot(models.Model):
    """A consultation time (Beratungstermin) with a number of places; each request books one place."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        VIDEO = "video", _("Video call")
        PHONE = "phone", _("By phone")

    start = models.DateTimeField(_("starts at"))
    duration = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=45, validators=[MinValueValidator(10), MaxValueValidator(480)]
    )
    mode = models.CharField(_("how"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where to come, e.g. 'VMDO office, Beuthstraße 21'. For video calls: how the link comes."
        ),
    )
    languages = LanguageListField(_("languages of the consultation"), blank=False, default="de")
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("How many associations can book this time."),
    )
    published = models.BooleanField(
        _("offered in the form"), default=True, help_text=_("Unticked: kept, but nobody can book it.")
    )
    note = models.TextField(_("internal note"), max_length=500, blank=True, help_text=_("No personal data."))
    is_sample = models.BooleanField(_("sample data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("duration")]),
        FieldRowPanel([FieldPanel("mode"), FieldPanel("capacity")]),
        FieldPanel("place"),
        FieldPanel("languages"),
        FieldPanel("published"),
        FieldPanel("note"),
    ]

    class Meta:
        db_table = "catalogue_consultationslot"
        ordering = ["start", "pk"]
        verbose_name = _("consultation time")
        verbose_name_plural = _("consultation times")
        indexes = [models.Index(fields=["published", "start"], name="slot_published_start")]
        constraints = [
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="slot_at_least_one_place"),
        ]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{formats.date_format(local, 'SHORT_DATETIME_FORMAT')} · {self.get_mode_display()}"

    @property
    def end(self):
        return self.start + timezone.timedelta(minutes=self.duration)

    @property
    def booked(self):
        """Places taken: the annotation of `with_bookings()` where present, else counted."""
        annotated = getattr(self, "booked_count", None)
        if annotated is not None:
            return annotated
        return self.requests.count() if self.pk else 0

    @property
    def places_left(self):
        return max(self.capacity - self.booked, 0)

    @property
    def is_full(self):
        return self.booked >= self.capacity

    @property
    def language_pairs(self):
        return [(code, OFFER_LANGUAGES.get(code, code)) for code in self.languages]

    def clean(self):
        super().clean()
        if self.mode == self.Mode.IN_PERSON and not self.place.strip():
            raise ValidationError({"place": _("Where does the consultation take place?")})
        if self.pk and self.capacity is not None and self.capacity < self.booked:
            raise ValidationError(
                {
                    "capacity": _("%(booked)s places are already booked; the capacity cannot be smaller.")
                    % {"booked": self.booked}
                }
            )


def with_bookings(queryset):
    """Annotate `booked_count` (places taken) on consultation slots, in the same query."""
    return queryset.annotate(booked_count=models.Count("requests", distinct=True))


class ResourceRequest(models.Model):
    """What an association submits (Anfrage): who it is, what it plans, its basket and its consultation."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_CONSULTATION = "in_consultation", _("In consultation")
        APPROVED = "approved", _("Approved")
        PARTLY_APPROVED = "partly_approved", _("Partly approved")
        DECLINED = "declined", _("Declined")
        DONE = "done", _("Done")

    CLOSED = (Status.DECLINED, Status.DONE)

    class Source(models.TextChoices):
        WEB = "web", _("Web form")
        API = "api", _("API")

    reference = models.CharField(_("reference number"), max_length=20, unique=True)
    token = models.CharField(_("status link secret"), max_length=64, unique=True, default=new_token)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    language = models.CharField(
        _("language of the form"), max_length=10, help_text=_("E-mails to the association use it.")
    )
    source = models.CharField(_("sent through"), max_length=10, choices=Source.choices, default=Source.WEB)

    # The association
    association_name = models.CharField(_("association"), max_length=200)
    register_number = models.CharField(_("register number"), max_length=40, blank=True)
    district = models.ForeignKey(
        "taxonomy.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The contact person: personal data (only with the consultation permission in the admin)
    contact_name = models.CharField(_("contact person"), max_length=120)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    consultation_language = models.CharField(
        _("preferred language for the consultation"), max_length=10, choices=list(OFFER_LANGUAGES.items())
    )

    # The plan
    plan_title = models.CharField(_("what is planned"), max_length=200)
    plan_description = models.TextField(_("description of the plan"), max_length=4000)
    plan_start = models.DateField(_("from"), null=True, blank=True)
    plan_end = models.DateField(_("until"), null=True, blank=True)
    participants = models.PositiveIntegerField(_("expected participants"), null=True, blank=True)
    engagement_field = models.ForeignKey(
        "taxonomy.EngagementField",
        verbose_name=_("engagement field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partners = models.ManyToManyField(
        "partners.PartnerOrganisation", verbose_name=_("partners involved"), blank=True, related_name="+"
    )
    other_partners = models.TextField(_("other partners"), max_length=500, blank=True)

    # The consultation
    slot = models.ForeignKey(
        ConsultationSlot,
        verbose_name=_("consultation time"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests",
    )
    callback = models.BooleanField(_("asks to be called back"), default=False)
    callback_times = models.CharField(_("best times to call"), max_length=200, blank=True)

    consent_at = models.DateTimeField(_("consent given"))
    is_sample = models.BooleanField(_("sample data"), default=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    # What `purge_personal_data` empties, and what the admin hides without the consultation permission.
    PERSONAL_FIELDS = ("contact_name", "email", "phone", "callback_times")
    FREE_TEXT_FIELDS = ("plan_description", "other_partners")

    class Meta:
        db_table = "catalogue_resourcerequest"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        permissions = [
            ("view_personal_data", _("Can see the contact details of requests (consultation)")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plan_end__isnull=True)
                | models.Q(plan_start__isnull=True)
                | models.Q(plan_end__gte=models.F("plan_start")),
                name="request_plan_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.reference} · {self.association_name}"

    @property
    def consultation_language_name(self):
        return OFFER_LANGUAGES.get(self.consultation_language, self.consultation_language)


class RequestItem(models.Model):
    """One line of a request's basket: a resource with a quantity and dates, an amount, or nothing more."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    request = models.ForeignKey(
        ResourceRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    resource = models.ForeignKey(
        "catalogue.Resource",
        verbose_name=_("resource"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="request_items",
    )
    # As the association saw it, kept if the resource is deleted later.
    resource_title = models.CharField(_("resource"), max_length=140)
    kind = models.CharField(_("kind of offer"), max_length=20)
    quantity = models.PositiveIntegerField(_("units"), null=True, blank=True)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until (inclusive)"), null=True, blank=True)
    amount = models.DecimalField(_("amount (€)"), max_digits=10, decimal_places=2, null=True, blank=True)

    status = models.CharField(_("decision"), max_length=10, choices=Status.choices, default=Status.OPEN)
    approved_quantity = models.PositiveIntegerField(_("units approved"), null=True, blank=True)
    approved_amount = models.DecimalField(
        _("amount approved (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    decision_note = models.TextField(_("reason given"), max_length=1000, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reservation = models.OneToOneField(
        "catalogue.Reservation", null=True, blank=True, on_delete=models.SET_NULL, related_name="request_item"
    )
    grant = models.OneToOneField(
        "catalogue.Grant", null=True, blank=True, on_delete=models.SET_NULL, related_name="request_item"
    )
    returned_at = models.DateTimeField(
        _("returned"), null=True, blank=True, help_text=_("Items and rooms: when the team took them back.")
    )
    # Coaching: the appointment the team agreed with the association (shown in the line's checklist).
    appointment_at = models.DateTimeField(_("appointment"), null=True, blank=True)
    appointment_place = models.CharField(
        _("place of the appointment"),
        max_length=200,
        blank=True,
        help_text=_("Where to come, or how the video link comes."),
    )

    class Meta:
        db_table = "catalogue_requestitem"
        ordering = ["request", "position", "pk"]
        verbose_name = _("requested resource")
        verbose_name_plural = _("requested resources")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="request_item_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.request.reference} · {self.resource_title}"

    @property
    def counts_units(self):
        return self.kind in ("lendable", "room")

    @property
    def counts_money(self):
        return self.kind == "money"

    @property
    def is_partial(self):
        """Approved, but less than asked for."""
        if self.status != self.Status.APPROVED:
            return False
        if self.counts_units:
            return (self.approved_quantity or 0) < (self.quantity or 0)
        if self.counts_money:
            return (self.approved_amount or 0) < (self.amount or 0)
        return False


class RequestEvent(models.Model):
    """Something that happened to a request: received, status changed, an item decided, a message sent."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        STATUS = "status", _("Status changed")
        APPROVED = "item_approved", _("Resource approved")
        DECLINED = "item_declined", _("Resource declined")
        MESSAGE = "message", _("Message to the association")
        PROOF = "proof", _("Proof of use received")
        PROOF_REVIEWED = "proof_reviewed", _("Proof of use reviewed")
        RETURNED = "returned", _("Returned")
        CONSULTATION_MOVED = "slot_moved", _("Consultation moved")
        CONSULTATION_CANCELLED = "slot_cancelled", _("Consultation cancelled")
        APPOINTMENT = "appointment", _("Coaching appointment set")

    request = models.ForeignKey(
        ResourceRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=ResourceRequest.Status.choices, blank=True)
    item = models.ForeignKey(
        RequestItem,
        verbose_name=_("resource"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("text"), max_length=4000, blank=True)
    public = models.BooleanField(_("shown to the association"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        db_table = "catalogue_requestevent"
        ordering = ["created_at", "pk"]
        verbose_name = _("request history entry")
        verbose_name_plural = _("request history")

    def __str__(self):
        return f"{self.request.reference} · {self.get_kind_display()}"


class RequestCounter(models.Model):
    """The last reference number given out in a year (HOR-2026-00042): one row per year, locked to count."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "catalogue_requestcounter"
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")

    def __str__(self):
        return f"{self.year}: {self.last}"


# --- After the decision: checklists and proofs of use ------------------------------------------------------


class ChecklistTemplate(TranslatableMixin, models.Model):
    """What an association has to do after a resource of one kind is approved, as editors write it.

    One per kind of offer and language (translated with wagtail-localize; the kind and the number of
    days are the same in every language). The status page adds the line's own dates, place and amounts
    (`resource_requests.checklist`). A plain translatable snippet without drafts: a short instruction
    text that takes effect when saved.
    """

    kind = models.CharField(_("kind of offer"), max_length=20, choices=Resource.Kind.choices)
    heading = models.CharField(_("heading"), max_length=120)
    steps = RichTextField(
        _("what to do"),
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("A short list: what the association brings, signs, keeps or sends."),
    )
    proof_days = models.PositiveSmallIntegerField(
        _("days for the proof of use"),
        default=30,
        validators=[MaxValueValidator(365)],
        help_text=_(
            "Money: receipts are due this many days after the end of the plan (or after the decision)."
        ),
    )

    override_translatable_fields = [SynchronizedField("kind"), SynchronizedField("proof_days")]
    panels = [FieldPanel("kind"), FieldPanel("heading"), FieldPanel("steps"), FieldPanel("proof_days")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("checklist after approval")
        verbose_name_plural = _("checklists after approval")
        constraints = [
            models.UniqueConstraint(fields=["kind", "locale"], name="checklist_one_per_kind_and_language"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.heading}"


def proof_storage():
    """The private storage of proofs: `STORAGES["proofs"]` (a callable, so migrations do not name the
    deployment's storage)."""
    return storages["proofs"]


def proof_path(instance, filename):
    """A random name under the request's folder: nothing the association typed ends up in a path."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"requests/{instance.request_id}/{secrets.token_hex(16)}{suffix}"


class Proof(models.Model):
    """A file the association uploaded on its status page for an approved line: a receipt or a quote.

    Stored in the private storage "proofs" (never under a public media URL); served only through the
    status link and to the team in the admin. Deleted with the request's personal data.
    """

    class Kind(models.TextChoices):
        RECEIPT = "receipt", _("Receipt")
        QUOTE = "quote", pgettext_lazy("proof of use", "Quote")
        OTHER = "other", _("Other proof")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Received, not checked yet")
        ACCEPTED = "accepted", _("Accepted")
        MORE_NEEDED = "more_needed", _("More needed")

    request = models.ForeignKey(
        ResourceRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="proofs"
    )
    item = models.ForeignKey(
        RequestItem, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="proofs"
    )
    kind = models.CharField(_("kind of proof"), max_length=10, choices=Kind.choices, default=Kind.RECEIPT)
    file = models.FileField(_("file"), storage=proof_storage, upload_to=proof_path, max_length=200)
    name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveIntegerField(_("size (bytes)"))
    amount = models.DecimalField(
        _("amount (€)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        _("review"), max_length=12, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    review_note = models.TextField(_("note for the association"), max_length=1000, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("proof of use")
        verbose_name_plural = _("proofs of use")

    def __str__(self):
        return f"{self.request.reference} · {self.name}"

    @property
    def is_image(self):
        return self.content_type.startswith("image/")


class Reminder(models.Model):
    """A reminder mailed about an approved line (`resource_requests.reminders`): at most one per kind."""

    class Kind(models.TextChoices):
        PROOF_SOON = "proof_soon", _("Proof of use due soon")
        PROOF_OVERDUE = "proof_overdue", _("Proof of use overdue")
        RETURN_SOON = "return_soon", _("Return due soon")
        RETURN_OVERDUE = "return_overdue", _("Return overdue")

    item = models.ForeignKey(
        RequestItem, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("reminder"), max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [models.UniqueConstraint(fields=["item", "kind"], name="reminder_once_per_kind")]

    def __str__(self):
        return f"{self.item} · {self.get_kind_display()}"


# --- After the request: the association's report, the seed of an engagement example ------------------------


def report_photo_path(instance, filename):
    """A random name under the request's folder of the private storage, like proofs."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"requests/{instance.request_id}/report-{secrets.token_hex(16)}{suffix}"


class RequestReport(models.Model):
    """What the association tells on its status page once a request is done: what happened, how many
    came, a photo (with or without consent to publish it) and its caption.

    The photo is stored in the private storage "proofs" (never under a public media URL) and served
    only through the status link and to editors in the admin. Redaktion turns a report into a draft
    engagement example (`resource_requests.reports.make_example`); the photo becomes a Wagtail image
    only when the association consented. Deleted with the request's personal data."""

    request = models.OneToOneField(
        ResourceRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="report"
    )
    text = models.TextField(_("what happened"), max_length=3000)
    participants = models.PositiveIntegerField(_("how many people came"), null=True, blank=True)
    photo = models.FileField(
        _("photo"), storage=proof_storage, upload_to=report_photo_path, max_length=200, blank=True
    )
    photo_type = models.CharField(_("type"), max_length=40, blank=True)
    photo_consent = models.BooleanField(_("consent to publish the photo"), default=False)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    example = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("engagement example"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    example_created_at = models.DateTimeField(_("turned into an example"), null=True, blank=True)
    example_created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.request.reference} · {self.request.plan_title}"
