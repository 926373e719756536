"""Resources: what an association can get from House of Resources.

One model with a `kind` rather than one model per kind. The listing filters, sorts, counts and pages
over every kind at once, editors find every offer in one admin list, a resource has one URL space and
wagtail-localize translates one model; multi-table inheritance would put a join (and a second
translatable row) under each of these. The kind-specific facts are a dozen nullable columns, grouped
in the editing form by kind and checked by `clean()`: a field that does not belong to the chosen kind
is refused, one the kind needs is required.

Engagement fields, images and downloads are orderable child rows (`ParentalKey`), themselves
translatable: wagtail-localize copies them into a translation and points each child's foreign key at
the *translated* engagement field (a ManyToMany would keep pointing at the German terms, which
wagtail-localize does not translate). Reservations and grants are deliberately *not* children: they
change every day and must not become part of the resource's revisions (see `stock.py`).
"""

import json

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField

from catalogue.money import format_euro
from home.maps import map_url_for
from home.snippets import PublishableSnippet
from taxonomy.fields import OFFER_LANGUAGES, LanguageListField
from taxonomy.models import District, EngagementField, ResourceCategory

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ul", "ol", "link", "document-link"]


class ResourceQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def for_display(self):
        """What a card or a detail page reads, in as few queries as possible."""
        return self.select_related("category", "district", "locale")


def shown_for_kinds(*kinds):
    """Panel attributes for Wagtail's `w-rules` controller: show the panel only while `kind` is one of
    `kinds` (the resource form's tabs carry the controller, `FORM_RULES`), so the form shows the facts of
    the chosen kind only. Without JavaScript every panel stays visible."""
    return {
        "data-w-rules-target": "show",
        "data-w-rules": json.dumps({"kind": [str(kind) for kind in kinds]}),
    }


# On the form's tabs, beside their own controller: re-check the panels' rules whenever a field changes.
FORM_RULES = {
    "data-controller": TabbedInterface.BASE_ATTRS["data-controller"] + " w-rules",
    "data-action": TabbedInterface.BASE_ATTRS["data-action"] + " change->w-rules#resolve",
}


class Resource(PublishableSnippet, ClusterableModel):
    """One offer in the catalogue (Ressource): a projector to borrow, a room, a flyer budget, coaching."""

    class Kind(models.TextChoices):
        LENDABLE = "lendable", _("Item to borrow")
        ROOM = "room", _("Room")
        MONEY = "money", _("Money")
        COACHING = "coaching", _("Coaching and support")
        OTHER = "other", _("Other offer")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("In person or online")

    # Kinds whose availability is counted in units (items to borrow, rooms) and in money.
    UNIT_KINDS = (Kind.LENDABLE, Kind.ROOM)
    MONEY_KINDS = (Kind.MONEY,)

    title = models.CharField(_("title"), max_length=140)
    slug = models.SlugField(
        _("address part"),
        max_length=140,
        allow_unicode=True,
        blank=True,
        help_text=_(
            "The last part of the resource's address, e.g. 'beamer'. Translated with the resource; "
            "made from the title when left empty."
        ),
    )
    summary = models.TextField(_("short summary"), max_length=300, help_text=_("One or two sentences."))
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    category = models.ForeignKey(
        ResourceCategory,
        verbose_name=_("resource category"),
        on_delete=models.PROTECT,
        related_name="resources",
    )
    kind = models.CharField(
        _("kind of offer"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.LENDABLE,
        help_text=_("Decides which facts below apply and how availability is counted."),
    )
    featured = models.BooleanField(_("show on the home page"), default=False)

    # Conditions and programme rules
    conditions = RichTextField(
        _("conditions"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who may use it and what is expected, e.g. receipts or a short report."),
    )
    requires_logos = models.BooleanField(
        _("logos on printed matter"),
        default=False,
        help_text=_("Printed matter paid for with this resource must show the programme's logos."),
    )

    # How to get it
    pickup_place = models.TextField(_("where to get it"), max_length=300, blank=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resources",
    )
    available_from = models.DateField(
        _("offered from"), null=True, blank=True, help_text=_("Empty: offered already.")
    )
    available_until = models.DateField(
        _("offered until"), null=True, blank=True, help_text=_("Empty: offered until further notice.")
    )

    # Contact person (a member of staff; their work contact only)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)

    # Items to borrow and rooms
    units = models.PositiveIntegerField(
        _("number of units"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many identical items (or rooms) there are. A room is usually 1."),
    )
    max_lending_days = models.PositiveSmallIntegerField(
        _("longest lending period (days)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    deposit = models.DecimalField(_("deposit (€)"), max_digits=8, decimal_places=2, null=True, blank=True)

    # Rooms
    capacity = models.PositiveIntegerField(
        _("capacity (people)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    room_equipment = models.TextField(_("equipment of the room"), max_length=500, blank=True)
    cost_per_day = models.DecimalField(
        _("cost per day (€)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("0 for free of charge; empty if the cost is agreed case by case."),
    )

    # Money
    budget = models.DecimalField(
        _("total budget for the period (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    max_amount_per_request = models.DecimalField(
        _("maximum amount per request (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )

    # Coaching and practical support
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, blank=True)
    languages = LanguageListField(_("languages it is offered in"))
    typical_duration = models.CharField(
        _("typical duration"), max_length=120, blank=True, help_text=_("e.g. 'two evenings of three hours'")
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="resource")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="resource",
        for_concrete_model=False,
    )
    preview_template = "catalogue/previews/resource.html"

    objects = ResourceQuerySet.as_manager()

    # Same value in every language: numbers, dates, contact data, choices. Everything textual (title,
    # slug, summary, description, conditions, places, equipment) is translated.
    SYNCHRONIZED = [
        "kind",
        "featured",
        "requires_logos",
        "district",
        "available_from",
        "available_until",
        "contact_name",
        "contact_email",
        "contact_phone",
        "units",
        "max_lending_days",
        "deposit",
        "capacity",
        "step_free",
        "cost_per_day",
        "budget",
        "max_amount_per_request",
        "format",
        "languages",
    ]
    # Not overridable: a translator cannot give the Arabic page a different number of projectors. Only
    # the contact person's name may be written in another script.
    override_translatable_fields = [
        SynchronizedField(name, overridable=name == "contact_name") for name in SYNCHRONIZED
    ]

    # Which kind-specific fields belong to which kind (the form groups them the same way).
    KIND_FIELDS = {
        "units": UNIT_KINDS,
        "max_lending_days": (Kind.LENDABLE,),
        "deposit": (Kind.LENDABLE,),
        "capacity": (Kind.ROOM,),
        "step_free": (Kind.ROOM,),
        "room_equipment": (Kind.ROOM,),
        "cost_per_day": (Kind.ROOM,),
        "budget": MONEY_KINDS,
        "max_amount_per_request": MONEY_KINDS,
        "format": (Kind.COACHING,),
        "languages": (Kind.COACHING,),
        "typical_duration": (Kind.COACHING,),
    }

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldRowPanel([FieldPanel("category"), FieldPanel("kind")]),
                    FieldPanel("description"),
                    InlinePanel("engagement_field_links", label=_("Engagement fields"), min_num=0),
                    InlinePanel("images", label=_("Images")),
                    FieldPanel("featured"),
                ],
                heading=_("Content"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("units"),
                            FieldRowPanel([FieldPanel("max_lending_days"), FieldPanel("deposit")]),
                        ],
                        heading=_("Items to borrow (and number of rooms)"),
                        attrs=shown_for_kinds(*UNIT_KINDS),
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("capacity"), FieldPanel("cost_per_day")]),
                            FieldPanel("step_free"),
                            FieldPanel("room_equipment"),
                        ],
                        heading=_("Rooms"),
                        attrs=shown_for_kinds(Kind.ROOM),
                    ),
                    MultiFieldPanel(
                        [FieldRowPanel([FieldPanel("budget"), FieldPanel("max_amount_per_request")])],
                        heading=_("Money"),
                        attrs=shown_for_kinds(*MONEY_KINDS),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("format"), FieldPanel("languages"), FieldPanel("typical_duration")],
                        heading=_("Coaching and support"),
                        attrs=shown_for_kinds(Kind.COACHING),
                    ),
                ],
                heading=_("Facts by kind"),
            ),
            ObjectList(
                [
                    FieldPanel("conditions"),
                    FieldPanel("requires_logos"),
                    FieldPanel("pickup_place"),
                    FieldPanel("district"),
                    FieldRowPanel([FieldPanel("available_from"), FieldPanel("available_until")]),
                    MultiFieldPanel(
                        [
                            FieldPanel("contact_name"),
                            FieldPanel("contact_email"),
                            FieldPanel("contact_phone"),
                        ],
                        heading=_("Contact person"),
                    ),
                    InlinePanel("downloads", label=_("Downloads")),
                ],
                heading=_("Conditions and access"),
            ),
        ],
        attrs=FORM_RULES,
    )

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("conditions"),
        index.SearchField("room_equipment"),
        index.SearchField("pickup_place"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("district", [index.SearchField("name")]),
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("kind"),
        index.FilterField("category_id"),
        index.FilterField("district_id"),
        index.FilterField("step_free"),
        index.FilterField("capacity"),
        index.FilterField("featured"),
        index.FilterField("translation_key"),
    ]
    api_fields = [
        APIField("title"),
        APIField("slug"),
        APIField("summary"),
        APIField("description"),
        APIField("kind"),
        APIField("category"),
        APIField("engagement_field_links"),
        APIField("conditions"),
        APIField("requires_logos"),
        APIField("pickup_place"),
        APIField("district"),
        APIField("available_from"),
        APIField("available_until"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("units"),
        APIField("max_lending_days"),
        APIField("deposit"),
        APIField("capacity"),
        APIField("step_free"),
        APIField("room_equipment"),
        APIField("cost_per_day"),
        APIField("budget"),
        APIField("max_amount_per_request"),
        APIField("format"),
        APIField("languages"),
        APIField("typical_duration"),
        APIField("images"),
        APIField("downloads"),
        APIField("current_availability"),
    ]

    class Meta(PublishableSnippet.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_resource_slug_per_locale"),
            models.CheckConstraint(
                condition=models.Q(available_until__isnull=True)
                | models.Q(available_from__isnull=True)
                | models.Q(available_until__gte=models.F("available_from")),
                name="resource_offer_period_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    # --- Validation and slugs ----------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        kind = self.kind
        for name, kinds in self.KIND_FIELDS.items():
            value = getattr(self, name)
            if kind not in kinds and value not in (None, "", False, []):
                errors[name] = _("Only for: %(kinds)s. Empty it, or choose a matching kind.") % {
                    "kinds": ", ".join(str(self.Kind(k).label) for k in kinds)
                }
        if kind == self.Kind.LENDABLE and not self.units:
            errors["units"] = _("How many of these items can be borrowed?")
        if kind == self.Kind.ROOM:
            if not self.units:
                self.units = 1
            if not self.capacity:
                errors["capacity"] = _("How many people fit into the room?")
        if kind in self.MONEY_KINDS:
            if self.budget is None:
                errors["budget"] = _("Enter the total budget for the period.")
            if self.max_amount_per_request is None:
                errors["max_amount_per_request"] = _("Enter the most one request can receive.")
            elif self.budget is not None and self.max_amount_per_request > self.budget:
                errors["max_amount_per_request"] = _("The maximum per request cannot exceed the budget.")
        if self.available_from and self.available_until and self.available_until < self.available_from:
            errors["available_until"] = _("The end of the offer lies before its start.")
        self.slug = self._clean_slug()
        if not self.slug:
            errors["slug"] = _("Enter an address part made of letters, digits and hyphens.")
        elif self.locale_id and (other := self._slug_owner(self.slug)) is not None:
            errors["slug"] = format_html(
                _(
                    'The resource <a href="{url}">{title}</a> already uses this address part in this language.'
                ),
                url=reverse("wagtailsnippets_catalogue_resource:edit", args=[other.pk]),
                title=other.title,
            )
        if errors:
            raise ValidationError(errors)

    def _clean_slug(self):
        return slugify(self.slug or self.title, allow_unicode=True)[: self._meta.get_field("slug").max_length]

    def _slug_owner(self, slug):
        """Another resource of this language with this slug (the editor is told which), or None."""
        return (
            Resource.objects.filter(locale_id=self.locale_id, slug=slug)
            .exclude(translation_key=self.translation_key)
            .only("pk", "title")
            .first()
        )

    def _slug_taken(self, slug):
        return self._slug_owner(slug) is not None

    def save(self, *args, **kwargs):
        # Translations are saved by wagtail-localize without `clean()`: a translated slug may arrive
        # with spaces or collide with another resource in that language. Make it a free, valid slug
        # rather than fail the translator's publish with a database error.
        slug = self._clean_slug() or str(self.translation_key)[:8]
        if not self.locale_id:
            self.locale = self.get_default_locale()
        candidate, number = slug, 2
        while self._slug_taken(candidate):
            candidate, number = f"{slug}-{number}", number + 1
        self.slug = candidate
        super().save(*args, **kwargs)

    # --- Presentation --------------------------------------------------------------------------------

    @property
    def counts_units(self):
        return self.kind in self.UNIT_KINDS

    @property
    def counts_money(self):
        return self.kind in self.MONEY_KINDS

    @property
    def has_calendar(self):
        return self.counts_units

    @property
    def language_pairs(self):
        """(code, own name) of the languages a coaching is offered in, for `lang`-marked lists."""
        return [(code, OFFER_LANGUAGES.get(code, code)) for code in self.languages]

    @property
    def pickup_map_url(self):
        """OpenStreetMap's search for the address in the pick-up place (`home.maps`), "" without one."""
        return map_url_for(self.pickup_place)

    @property
    def contact_phone_href(self):
        return "tel:" + "".join(ch for ch in self.contact_phone if ch.isdigit() or ch == "+")

    @property
    def content_language(self):
        return self.locale.language_code

    def availability(self, start=None, end=None):
        """The availability for a day or a period (today by default); reads annotations when present."""
        # availability.py computes from these models (resources, reservations, grants): imported when used.
        from catalogue.availability import availability_of

        return availability_of(self, start, end)

    @property
    def availability_today(self):
        """One line for the admin: status, and what is left of how much."""
        current = self.availability()
        if not current.is_counted:
            return str(current.status.label)
        if current.measure == "money":
            amount = f"{format_euro(current.shown_left)} / {format_euro(current.total)}"
        else:
            amount = f"{current.shown_left} / {current.total}"
        return f"{current.status.label} · {amount}"

    @property
    def current_availability(self):
        """Today's availability as plain data, for the API."""
        return self.availability().as_dict()

    def get_preview_context(self, request, mode_name):
        # The views import this module's models: they are looked up when a request comes, not at import.
        from catalogue.views import detail_context

        return {**super().get_preview_context(request, mode_name), **detail_context(request, self, None)}


class ResourceEngagementField(TranslatableMixin, Orderable):
    """A resource's engagement field; wagtail-localize points translations at the translated term."""

    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="engagement_field_links")
    engagement_field = models.ForeignKey(
        EngagementField, verbose_name=_("engagement field"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("engagement_field")]
    api_fields = [APIField("engagement_field")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("engagement field")
        verbose_name_plural = _("engagement fields")


class ResourceImage(TranslatableMixin, Orderable):
    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("text alternative"),
        max_length=250,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]
    api_fields = [APIField("image"), APIField("alt_text"), APIField("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class ResourceDownload(TranslatableMixin, Orderable):
    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("title shown"), max_length=200, blank=True, help_text=_("Empty: the document's own title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = [APIField("document"), APIField("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("download")
        verbose_name_plural = _("downloads")

    @property
    def label(self):
        return self.title or self.document.title
