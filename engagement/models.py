"""Engagement examples (Engagementbeispiele): what an association did, with whom, with which resources.

PRODUCT.md places engagement examples under `catalogue/`; they have their own app so work on the
catalogue and on the examples does not collide. They use the shared vocabulary (`taxonomy`: engagement
fields, districts) and link catalogue resources and partner organisations.

Each example is a page (`EngagementExamplePage`) below the one `EngagementIndexPage` (/de/engagement/),
so editors write, preview, schedule and translate it like any page, and it is found by search and the
API. The relations (engagement fields, partners, resources, district, year) are facts that are the same
in every language: synchronised by wagtail-localize, written into translations as soon as the German
page is published (`home/synchronize.py`) and shown in the visitor's language by their slug or
translation key (a translation may still point at the German terms; what is displayed never does).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import FigureBlock
from home.models import BasePage
from home.page_forms import LocalizedChoicesPageForm

STORY_FEATURES = ["h3", "bold", "italic", "ul", "ol", "link", "document-link"]
FIRST_YEAR = 2000


def _latest_year():
    return timezone.localdate().year + 1


class EngagementIndexPage(BasePage):
    """The examples at /de/engagement/: cards, filtered by engagement field and district."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["engagement.EngagementExamplePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2)]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("engagement examples")
        verbose_name_plural = _("engagement example lists")

    def serve(self, request, *args, **kwargs):
        # The views import this module's models: they are looked up when a request comes, not at import.
        from engagement.views import example_listing

        return example_listing(request, self)


class ExamplePageForm(LocalizedChoicesPageForm):
    localized_fields = ("engagement_fields", "partners", "resources")


class EngagementExamplePage(BasePage):
    """One association's project: what it did, with whom, with which resources, in which year."""

    association = models.CharField(
        _("association"), max_length=200, help_text=_("The association (Verein) whose project this was.")
    )
    association_website = models.URLField(_("website of the association"), blank=True)
    summary = models.TextField(
        _("short summary"), max_length=300, help_text=_("One or two sentences, shown on the card.")
    )
    story = RichTextField(
        _("what they did"),
        features=STORY_FEATURES,
        help_text=_("The project: the idea, what happened, what came of it."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        help_text=_("When the project took place (the year it ended)."),
    )
    district = models.ForeignKey(
        "taxonomy.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="engagement_examples",
    )
    engagement_fields = ParentalManyToManyField(
        "taxonomy.EngagementField", verbose_name=_("engagement fields"), related_name="engagement_examples"
    )
    partners = ParentalManyToManyField(
        "partners.PartnerOrganisation",
        verbose_name=_("partner organisations involved"),
        blank=True,
        related_name="engagement_examples",
        help_text=_("Who the association worked with. The example appears on each partner's page."),
    )
    resources = ParentalManyToManyField(
        "catalogue.Resource",
        verbose_name=_("resources that helped"),
        blank=True,
        related_name="engagement_examples",
        help_text=_("What the House of Resources provided. The example appears on each resource's page."),
    )
    quote = models.TextField(_("quote"), max_length=600, blank=True)
    quote_attribution = models.CharField(
        _("who said it"), max_length=200, blank=True, help_text=_("e.g. 'Leyla K., chair of the association'")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top and on the card."),
    )
    image_alt = models.CharField(
        _("text alternative of the main picture"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    gallery = StreamField([("image", FigureBlock())], verbose_name=_("more pictures"), blank=True)
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Invented for the demo; delete before going public.")
    )

    parent_page_types = ["engagement.EngagementIndexPage"]
    subpage_types = []
    base_form_class = ExamplePageForm

    # Facts, the same in every language (see home/synchronize.py).
    SYNCHRONIZED = [
        "year",
        "district",
        "engagement_fields",
        "partners",
        "resources",
        "image",
        "association_website",
        "is_sample",
    ]
    override_translatable_fields = [SynchronizedField(name, overridable=False) for name in SYNCHRONIZED]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("association"),
                FieldPanel("association_website"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("district")]),
            ],
            heading=_("Who and when"),
        ),
        FieldPanel("summary"),
        FieldPanel("engagement_fields", widget=forms.CheckboxSelectMultiple),
        FieldPanel("story"),
        MultiFieldPanel(
            [
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                FieldPanel("resources", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("With whom and with what"),
        ),
        MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_attribution")], heading=_("Quote")),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("gallery")], heading=_("Pictures")
        ),
        FieldPanel("is_sample"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("association", boost=2),
        index.AutocompleteField("association"),
        index.SearchField("summary", boost=2),
        index.SearchField("story"),
        index.SearchField("quote"),
        index.FilterField("year"),
        index.FilterField("district"),
        index.RelatedFields("district", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("engagement_fields", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("partners", [index.SearchField("name")]),
        index.RelatedFields("resources", [index.SearchField("title")]),
    ]
    api_fields = [
        APIField("association"),
        APIField("association_website"),
        APIField("summary"),
        APIField("story"),
        APIField("year"),
        APIField("district"),
        APIField("district_slug"),
        APIField("engagement_fields"),
        APIField("engagement_field_slugs"),
        APIField("partners"),
        APIField("resources"),
        APIField("quote"),
        APIField("quote_attribution"),
        APIField("image"),
        APIField("image_alt"),
        APIField("gallery"),
    ]

    class Meta:
        verbose_name = _("engagement example")
        verbose_name_plural = _("engagement examples")

    def clean(self):
        super().clean()
        errors = {}
        if self.year and self.year > _latest_year():
            errors["year"] = _("Enter the year the project took place, at the latest next year.")
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Say what the picture shows, for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    # --- For the API and templates --------------------------------------------------------------------

    @property
    def district_slug(self):
        return self.district.slug if self.district_id else None

    @property
    def engagement_field_slugs(self):
        return [term.slug for term in self.engagement_fields.all()]

    def get_context(self, request, *args, **kwargs):
        # The views import this module's models: they are looked up when a request comes, not at import.
        from engagement.views import example_context

        return {**super().get_context(request, *args, **kwargs), **example_context(request, self)}
