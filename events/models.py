"""Events (Veranstaltungen): workshops, network meetings, association events, the application workshop and
consultation days.

Each event is a page (`EventPage`) below the one `EventIndexPage` (/de/veranstaltungen/), not an item in a
StreamField: every event has its own address, is found by search, filtered and counted in the database,
translated with wagtail-localize and read over the API.

Dates are entered as Dortmund wall-clock times (see `events/dates.py`): a start date, a start time (empty:
all day), an end date (empty: the same day) and an end time. `starts_at` and `ends_at` are the instants
computed from them on every save, for ordering and for "upcoming" in the database.

A cancelled or postponed event keeps its page and says so (`status`); a rescheduled one shows its new date
and the one it replaces. Facts (dates, status, places left, place, organiser, relations) are the same in
every language: synchronised by wagtail-localize and written into translations as soon as the German page
is published (`home/synchronize.py`), so nobody reads an outdated date in another language.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home import maps
from home.models import BasePage
from home.page_forms import LocalizedChoicesPageForm
from taxonomy.fields import OFFER_LANGUAGES, LanguageListField

from . import dates

DESCRIPTION_FEATURES = ["h3", "bold", "italic", "ul", "ol", "link", "document-link"]
# Addresses the index page serves itself (past events, the calendar feed); no event may take one of
# them as its slug. (Wagtail's page URLs have no dots, so the feed is at .../ics/, not .../calendar.ics.)
RESERVED_SLUGS = {"past", "ics"}


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events at /de/veranstaltungen/: upcoming first; past events and the calendar feed below it."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2)]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("event calendar")
        verbose_name_plural = _("event calendars")

    @path("")
    def upcoming(self, request):
        # The views import this module's models: they are looked up when a request comes, not at import.
        from events.views import event_listing

        return event_listing(request, self, past_events=False)

    @path("past/", name="past")
    def past(self, request):
        from events.views import event_listing

        return event_listing(request, self, past_events=True)

    @path("ics/", name="feed")
    def feed(self, request):
        from events.views import calendar_feed

        return calendar_feed(request, self)

    def past_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("past")

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if urls:
            urls.append(
                {
                    "location": self.get_full_url(request) + self.reverse_subpage("past"),
                    "lastmod": self.last_published_at,
                    "translation_key": f"{self.translation_key}-past",
                }
            )
        return urls


class EventPageForm(LocalizedChoicesPageForm):
    localized_fields = ("engagement_fields", "target_groups", "organiser")


class EventPage(RoutablePageMixin, BasePage):
    """One event: when, where, for whom, in which languages, what it costs and how to take part."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        APPLICATION_WORKSHOP = "application-workshop", _("Application workshop")
        CONSULTATION = "consultation", _("Consultation day")
        NETWORK = "network", _("Network meeting")
        INFORMATION = "information", _("Information event")
        ASSOCIATION = "association", _("Association event")
        CULTURE = "culture", _("Festival and culture")
        OTHER = "other", _("Other event")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Takes place as planned")
        RESCHEDULED = "rescheduled", _("Moved to a new date")
        POSTPONED = "postponed", _("Postponed, new date to follow")
        CANCELLED = "cancelled", _("Cancelled")

    class Registration(models.TextChoices):
        NOT_NEEDED = "not-needed", _("No registration needed")
        REQUIRED = "required", _("Registration required")

    kind = models.CharField(_("kind of event"), max_length=30, choices=Kind.choices, default=Kind.WORKSHOP)
    summary = models.TextField(
        _("short summary"), max_length=300, help_text=_("One or two sentences, shown in the list.")
    )
    description = RichTextField(_("description"), features=DESCRIPTION_FEATURES, blank=True)

    # When (Dortmund wall-clock time)
    start_date = models.DateField(_("date"), help_text=_("The (first) day of the event."))
    start_time = models.TimeField(_("start time"), null=True, blank=True, help_text=_("Empty: all day."))
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Only for events over several days.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    # Computed from the four fields above on every save (see _compute_instants).
    starts_at = models.DateTimeField(editable=False, null=True, db_index=True)
    ends_at = models.DateTimeField(editable=False, null=True, db_index=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED, db_index=True
    )
    status_note = models.TextField(
        _("note on the status"),
        max_length=500,
        blank=True,
        help_text=_("Why it was cancelled or moved, and what instead. Shown prominently."),
    )
    previous_start_date = models.DateField(
        _("originally planned for"), null=True, blank=True, help_text=_("Only for a rescheduled event.")
    )

    # Where
    venue_name = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("e.g. the name of the house")
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True, default="Dortmund")
    district = models.ForeignKey(
        "taxonomy.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("For online and hybrid events: where to join.")
    )

    # Who and for whom
    organiser = models.ForeignKey(
        "partners.PartnerOrganisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
        help_text=_("Empty: VMDO e.V. (House of Resources) organises the event."),
    )
    engagement_fields = ParentalManyToManyField(
        "taxonomy.EngagementField", verbose_name=_("engagement fields"), blank=True, related_name="events"
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="events"
    )
    languages = LanguageListField(_("languages of the event"))

    # Taking part
    price = models.DecimalField(
        _("cost (€)"),
        max_digits=8,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 for free of charge."),
    )
    price_note = models.CharField(
        _("note on the cost"), max_length=200, blank=True, help_text=_("e.g. 'reduced: 3 €'")
    )
    registration = models.CharField(
        _("registration"), max_length=20, choices=Registration.choices, default=Registration.NOT_NEEDED
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateField(_("register by"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("Empty: no limit.")
    )
    places_left = models.PositiveIntegerField(
        _("places left"), null=True, blank=True, help_text=_("Keep it current; 0 shows 'fully booked'.")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)

    # Accessibility of the venue
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    sign_language = models.BooleanField(_("sign language interpreting"), default=False)
    childcare = models.BooleanField(_("childcare"), default=False)
    accessibility_note = models.TextField(
        _("more on accessibility"),
        max_length=500,
        blank=True,
        help_text=_("e.g. 'lift at the back entrance', 'please tell us what you need'"),
    )

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("text alternative of the picture"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Invented for the demo; delete before going public.")
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm

    # Facts, the same in every language (see home/synchronize.py). Texts (title, summary, description,
    # place name, notes, the picture's text alternative) are translated.
    SYNCHRONIZED = [
        "kind",
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "starts_at",
        "ends_at",
        "status",
        "previous_start_date",
        "street",
        "postcode",
        "city",
        "district",
        "online_url",
        "organiser",
        "engagement_fields",
        "target_groups",
        "languages",
        "price",
        "registration",
        "registration_url",
        "registration_deadline",
        "capacity",
        "places_left",
        "contact_email",
        "contact_phone",
        "step_free",
        "accessible_toilet",
        "hearing_loop",
        "sign_language",
        "childcare",
        "image",
        "is_sample",
    ]
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in SYNCHRONIZED
        if name not in ("starts_at", "ends_at")
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Picture")),
        FieldPanel("engagement_fields", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages"),
        FieldPanel("organiser"),
        FieldPanel("is_sample"),
    ]
    when_panels = [
        HelpPanel(content=_("Dortmund time. Leave the start time empty for an all-day event.")),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
        FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note"), FieldPanel("previous_start_date")],
            heading=_("Cancelled or moved?"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("district"),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free"),
                FieldPanel("accessible_toilet"),
                FieldPanel("hearing_loop"),
                FieldPanel("sign_language"),
                FieldPanel("childcare"),
                FieldPanel("accessibility_note"),
            ],
            heading=_("Accessibility"),
        ),
    ]
    participation_panels = [
        FieldRowPanel([FieldPanel("price"), FieldPanel("price_note")]),
        FieldPanel("registration"),
        FieldPanel("registration_url"),
        FieldPanel("registration_deadline"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("places_left")]),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Questions to")
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(when_panels, heading=_("Date and place")),
            ObjectList(participation_panels, heading=_("Taking part")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.SearchField("status_note"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
        index.FilterField("district"),
        index.FilterField("languages"),
        index.FilterField("organiser"),
        index.FilterField("price"),
        index.RelatedFields("district", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("engagement_fields", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("target_groups", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("organiser", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("kind"),
        APIField("summary"),
        APIField("description"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("all_day"),
        APIField("local_start"),
        APIField("local_end"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("time_zone"),
        APIField("status"),
        APIField("status_note"),
        APIField("previous_start_date"),
        APIField("venue_name"),
        APIField("street"),
        APIField("postcode"),
        APIField("city"),
        APIField("district"),
        APIField("district_slug"),
        APIField("online_url"),
        APIField("organiser"),
        APIField("engagement_fields"),
        APIField("engagement_field_slugs"),
        APIField("target_groups"),
        APIField("language_codes"),
        APIField("price"),
        APIField("price_note"),
        APIField("registration"),
        APIField("registration_url"),
        APIField("registration_deadline"),
        APIField("capacity"),
        APIField("places_left"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("step_free"),
        APIField("accessible_toilet"),
        APIField("hearing_loop"),
        APIField("sign_language"),
        APIField("childcare"),
        APIField("accessibility_note"),
        APIField("image"),
        APIField("image_alt"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_it_starts",
            ),
        ]

    # --- Validation and computed instants ---------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the event calendar itself; choose another one.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day lies before the first day.")
        if self.end_date == self.start_date:
            self.end_date = None
        if self.start_time is None and self.end_time is not None:
            errors["start_time"] = _("Enter a start time too, or empty the end time for an all-day event.")
        if (
            self.start_time is not None
            and self.end_time is not None
            and not self.end_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("The end time lies before the start time.")
        if self.status == self.Status.RESCHEDULED and not self.previous_start_date:
            errors["previous_start_date"] = _("Enter the date the event was planned for before.")
        if self.status != self.Status.RESCHEDULED:
            self.previous_start_date = None
        if self.places_left is not None and self.capacity is None:
            errors["capacity"] = _("Enter the number of places, or empty 'places left'.")
        elif self.places_left is not None and self.places_left > self.capacity:
            errors["places_left"] = _("More places left than there are places.")
        if self.registration == self.Registration.REQUIRED and not (
            self.registration_url or self.contact_email or self.contact_phone
        ):
            errors["registration_url"] = _(
                "Say how to register: a link, or a contact e-mail or phone number."
            )
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Say what the picture shows, for people who cannot see it.")
        unknown = [code for code in self.languages if code not in OFFER_LANGUAGES]
        if unknown:
            errors["languages"] = _("Unknown language code: %(codes)s") % {"codes": ", ".join(unknown)}
        if errors:
            raise ValidationError(errors)

    def full_clean(self, *args, **kwargs):
        self._compute_instants()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._compute_instants()
        super().save(*args, **kwargs)

    def _compute_instants(self):
        if not self.start_date:
            return
        self.starts_at = dates.local(self.start_date, self.start_time)
        last_day = self.end_date or self.start_date
        if self.start_time is not None and self.end_time is not None:
            self.ends_at = dates.local(last_day, self.end_time)
        else:
            # All day, or no end time given: until the end of the last day.
            self.ends_at = dates.local(last_day + datetime.timedelta(days=1))

    # --- Presentation -------------------------------------------------------------------------------------

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def multi_day(self):
        return bool(self.end_date and self.end_date != self.start_date)

    @property
    def time_zone(self):
        return dates.DORTMUND.key

    # For the API: ISO 8601 with Dortmund's offset of that day ("2026-10-24T10:00:00+02:00"). The raw time
    # fields are left out: a bare "18:00:00" is no RFC 3339 time, and without the day's offset it is ambiguous.
    @property
    def local_start(self):
        return self.starts_at.astimezone(dates.DORTMUND).isoformat() if self.starts_at else None

    @property
    def local_end(self):
        return self.ends_at.astimezone(dates.DORTMUND).isoformat() if self.ends_at else None

    @property
    def when(self):
        """When, in words, in Dortmund time and the active language."""
        return dates.describe(self.start_date, self.start_time, self.end_date, self.end_time)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_postponed(self):
        return self.status == self.Status.POSTPONED

    @property
    def takes_place(self):
        return self.status in (self.Status.SCHEDULED, self.Status.RESCHEDULED)

    @property
    def is_past(self):
        return self.ends_at <= dates.now()

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def is_in_person(self):
        return bool(self.venue_name or self.street)

    @property
    def fully_booked(self):
        return self.places_left == 0

    @property
    def district_slug(self):
        return self.district.slug if self.district_id else None

    @property
    def engagement_field_slugs(self):
        return [term.slug for term in self.engagement_fields.all()]

    @property
    def language_codes(self):
        return list(self.languages)

    @property
    def language_pairs(self):
        """(code, own name) of the event's languages, for `lang`-marked lists."""
        return [(code, OFFER_LANGUAGES.get(code, code)) for code in self.languages]

    @property
    def accessibility_features(self):
        return [
            capfirst(self._meta.get_field(name).verbose_name)
            for name in ("step_free", "accessible_toilet", "hearing_loop", "sign_language", "childcare")
            if getattr(self, name)
        ]

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        return f"{title} ({self.start_date:%d.%m.%Y})" if self.start_date else title

    @path("ics/", name="ics")
    def ics(self, request):
        # The views import this module's models: they are looked up when a request comes, not at import.
        from events.views import event_ics

        return event_ics(request, self)

    def ics_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("ics")

    @property
    def map_url(self):
        """OpenStreetMap's search for the venue's address: a plain link, no embedded map and nothing loaded
        from another site until the visitor follows it. "" without street or town."""
        return maps.postal_address_url(self.street, self.postcode, self.city)

    def get_context(self, request, *args, **kwargs):
        from events.views import event_context

        return {**super().get_context(request, *args, **kwargs), **event_context(request, self)}
