"""Partner organisations and the partner finder.

A `PartnerOrganisation` is a translatable snippet that editors publish like a page (drafts, revisions,
preview, locking, moderation workflow). It refers to the shared vocabulary (`taxonomy`: engagement fields,
districts, target groups and cooperation topics, the small list of things partners offer and look for:
"rooms", "interpreting", "speakers" ...), so all of them can be filtered, and to the languages it speaks
(`SpokenLanguage`, kept here: only partners use it).

Translation: wagtail-localize ignores many-to-many fields unless told otherwise. Here they are
`SynchronizedField`s, so a translation gets the source's terms copied over, and `save()` then swaps every
translatable term for its translation in the partner's language (a term nobody translated yet stays the
German one). Filters use the terms' slugs, which are the same in every language, so a filtered list
works whichever version of a term a partner points at.

`PartnerFinderPage` is the finder at /de/partner/ (/en/partners/ ...) and serves each partner's detail
page below it (/de/partner/<slug>/, the slug translated per language), see `partners/views.py`.
"""

import unicodedata

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home import maps
from home.listing import localized
from home.models import BasePage, OutgoingEmail
from home.snippets import PublishableSnippet
from taxonomy.models import CooperationTopic, TargetGroup

# Languages partners can say they speak: the portal's own and those many Dortmund families speak.
# Fixed on purpose (one list, translated with the interface); a new one needs a code here and a migration.
LANGUAGE_CHOICES = [
    ("de", _("German")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("uk", _("Ukrainian")),
    ("pl", _("Polish")),
    ("ku", _("Kurdish")),
    ("ru", _("Russian")),
    ("fa", _("Persian (Farsi/Dari)")),
    ("fr", _("French")),
    ("bg", _("Bulgarian")),
    ("ro", _("Romanian")),
    ("el", _("Greek")),
    ("it", _("Italian")),
    ("es", _("Spanish")),
    ("sq", _("Albanian")),
    ("bcs", _("Bosnian, Croatian, Serbian")),
    ("ti", _("Tigrinya")),
    ("dgs", _("German Sign Language")),
]


class SpokenLanguage(models.Model):
    """A language a partner organisation can be contacted in (a fixed list, created by a migration)."""

    code = models.CharField(_("code"), max_length=10, unique=True, choices=LANGUAGE_CHOICES)
    sort_order = models.PositiveSmallIntegerField(_("position"), default=0)

    api_fields = [APIField("code"), APIField("name")]

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        """The language's name in the visitor's language."""
        return self.get_code_display()


# Relations to translatable terms: a translation points at the terms in its own language.
TRANSLATED_RELATIONS = ("engagement_fields", "target_groups", "offers", "looks_for")
RELATIONS = (*TRANSLATED_RELATIONS, "districts", "languages")


class PartnerOrganisationForm(WagtailAdminModelForm):
    """Offer only the terms in the partner's own language (plus any it already points at)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or Locale.get_default().pk
        for name in TRANSLATED_RELATIONS:
            field = self.fields.get(name)
            if field is None:
                continue
            current = [term.pk for term in getattr(self.instance, name).all()] if self.instance.pk else []
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=current))


class PartnerOrganisationQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def in_language(self, language):
        """Live partners as a visitor in `language` sees them (German where not translated)."""
        return localized(self.live(), language)


class PartnerOrganisation(PublishableSnippet, ClusterableModel):
    """A municipal office, organisation, institution, association or federation associations work with."""

    class Kind(models.TextChoices):
        MUNICIPAL = "municipal", _("Municipal office")
        CIVIL_SOCIETY = "civil-society", _("Civil-society organisation")
        EDUCATION = "education", _("Educational institution")
        FOUNDATION = "foundation", _("Foundation")
        MIGRANT_ASSOCIATION = "migrant-association", _("Migrant association")
        FEDERATION = "federation", _("Federation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("address name"),
        max_length=200,
        blank=True,
        help_text=_(
            "Part of the page address (latin letters, digits, hyphens). Made from the name when empty."
        ),
    )
    kind = models.CharField(_("kind of organisation"), max_length=30, choices=Kind.choices)
    description = models.TextField(
        _("description"), max_length=4000, help_text=_("What the organisation does, in a few sentences.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    engagement_fields = ParentalManyToManyField(
        "taxonomy.EngagementField", verbose_name=_("engagement fields"), blank=True, related_name="partners"
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="partners"
    )
    districts = ParentalManyToManyField(
        "taxonomy.District",
        verbose_name=_("active in districts"),
        blank=True,
        related_name="partners",
        help_text=_("The district of the address is added automatically."),
    )
    languages = ParentalManyToManyField(
        SpokenLanguage, verbose_name=_("languages spoken"), blank=True, related_name="partners"
    )
    offers = ParentalManyToManyField(
        CooperationTopic, verbose_name=_("offers for cooperation"), blank=True, related_name="offered_by"
    )
    looks_for = ParentalManyToManyField(
        CooperationTopic, verbose_name=_("looks for"), blank=True, related_name="looked_for_by"
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True, default="Dortmund")
    district = models.ForeignKey(
        "taxonomy.District",
        verbose_name=_("district of the address"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opening_hours = models.TextField(_("opening hours"), max_length=500, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(
        _("public e-mail address"), blank=True, help_text=_("Messages from the contact form go here.")
    )
    hide_email = models.BooleanField(
        _("do not show the e-mail address"),
        default=False,
        help_text=_("Visitors can still write through the portal's contact form; the address stays hidden."),
    )
    phone = models.CharField(_("public phone number"), max_length=50, blank=True)
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Invented for the demo; delete before going public.")
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="partner_organisation")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="partner_organisation",
        for_concrete_model=False,
    )

    objects = PartnerOrganisationQuerySet.as_manager()

    preview_template = "partners/partner_detail.html"
    base_form_class = PartnerOrganisationForm
    override_translatable_fields = [
        # Contact data and the address are the same in every language.
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        SynchronizedField("phone"),
        # Relations: copied, then pointed at the terms in the translation's language (see save()).
        *(SynchronizedField(name) for name in RELATIONS),
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("description"),
                FieldPanel("logo"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("engagement_fields", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Work"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("offers", widget=forms.CheckboxSelectMultiple),
                FieldPanel("looks_for", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Cooperation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("district"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Public contact data appears on the partner's page, the same in every language."
                    )
                ),
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("hide_email"),
                FieldPanel("phone"),
            ],
            heading=_("Public contact"),
        ),
        FieldPanel("is_sample"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.RelatedFields("engagement_fields", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("offers", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("looks_for", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("districts", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("languages", [index.FilterField("code")]),
        index.FilterField("kind"),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("slug"),
    ]

    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("kind"),
        APIField("description"),
        APIField("engagement_field_slugs"),
        APIField("target_group_slugs"),
        APIField("district_slugs"),
        APIField("language_codes"),
        APIField("offer_slugs"),
        APIField("looks_for_slugs"),
        APIField("street"),
        APIField("postcode"),
        APIField("city"),
        APIField("opening_hours"),
        APIField("website"),
        APIField("public_email"),
        APIField("phone"),
    ]

    class Meta(PublishableSnippet.Meta):
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_partner_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    def get_preview_context(self, request, mode_name):
        # The views import this module's models: they are looked up when a request comes, not at import.
        from partners.views import detail_context

        return {
            **super().get_preview_context(request, mode_name),
            **detail_context(request, self, page=None, language=self.locale.language_code),
        }

    # --- What visitors and clients may see ------------------------------------------------------------

    @property
    def public_email(self):
        """The e-mail address, unless the partner asked not to show it."""
        return "" if self.hide_email else self.email

    @property
    def map_url(self):
        """OpenStreetMap's search for the address (`home.maps`): a plain link, "" without a street."""
        return maps.postal_address_url(self.street, self.postcode, self.city) if self.street else ""

    @property
    def phone_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def engagement_field_slugs(self):
        return [term.slug for term in self.engagement_fields.all()]

    @property
    def target_group_slugs(self):
        return [term.slug for term in self.target_groups.all()]

    @property
    def district_slugs(self):
        return [district.slug for district in self.districts.all()]

    @property
    def language_codes(self):
        return [language.code for language in self.languages.all()]

    @property
    def offer_slugs(self):
        return [term.slug for term in self.offers.all()]

    @property
    def looks_for_slugs(self):
        return [term.slug for term in self.looks_for.all()]

    # --- Keeping the data consistent -------------------------------------------------------------------

    def clean(self):
        super().clean()
        self.name = " ".join(self.name.split())
        if not self.slug:
            self.slug = self._free_slug()

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._free_slug()
        if self.locale_id:
            self._localize_relations()
        self._add_address_district()
        super().save(*args, **kwargs)

    def _free_slug(self):
        base = ascii_slug(self.name, self.locale.language_code if self.locale_id else "de")[:190] or "partner"
        locale_id = self.locale_id or Locale.get_default().pk
        taken = set(
            PartnerOrganisation.objects.filter(locale_id=locale_id, slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug

    def _localize_relations(self):
        """Point every translatable relation at the terms in this partner's language, where they exist."""
        for name in TRANSLATED_RELATIONS:
            terms = list(getattr(self, name).all())
            foreign = [term for term in terms if term.locale_id != self.locale_id]
            if not foreign:
                continue
            model = type(foreign[0])
            local = {
                term.translation_key: term
                for term in model.objects.filter(
                    locale_id=self.locale_id, translation_key__in=[term.translation_key for term in foreign]
                )
            }
            setattr(self, name, [local.get(term.translation_key, term) for term in terms])

    def _add_address_district(self):
        if self.district_id is None:
            return
        current = list(self.districts.all())
        if all(district.pk != self.district_id for district in current):
            self.districts = [*current, self.district]


def ascii_slug(text, language="de"):
    """A slug in latin letters for a name: German umlauts spelled out (ü -> ue), Turkish ones not."""
    text = str(text).replace("ß", "ss").replace("ı", "i").replace("İ", "I")
    if language == "de":
        for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
            text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return slugify(text)


class PartnerFinderPage(RoutablePageMixin, BasePage):
    """The partner finder (/de/partner/) and, below it, every partner's own page."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("partner finder")
        verbose_name_plural = _("partner finders")

    @path("")
    def finder(self, request):
        # The views import this module's models: they are looked up when a request comes, not at import.
        from partners.views import finder

        return finder(self, request)

    @path("<slug:slug>/")
    def partner(self, request, slug):
        from partners.views import partner_detail

        return partner_detail(self, request, slug)

    @path("<slug:slug>/sent/")
    def contact_sent(self, request, slug):
        from partners.views import contact_sent

        return contact_sent(self, request, slug)

    def partner_url(self, partner, request=None):
        return self.get_url(request) + self.reverse_subpage("partner", args=[partner.slug])

    def get_sitemap_urls(self, request=None):
        """The finder and every partner's page in this language (German where not translated)."""
        finder_url = self.get_full_url(request)
        language = self.locale.language_code
        partners = PartnerOrganisation.objects.in_language(language).only(
            "slug", "translation_key", "last_published_at"
        )
        return [
            *super().get_sitemap_urls(request),
            *(
                {
                    "location": finder_url + self.reverse_subpage("partner", args=[partner.slug]),
                    "lastmod": partner.last_published_at,
                    "translation_key": partner.translation_key,
                }
                for partner in partners.order_by("pk")
            ),
        ]


class PartnerContactMessage(models.Model):
    """A message an association sent a partner through the portal: stored, then e-mailed (outbox).

    Kept `PARTNERS_CONTACT_KEEP_DAYS` to answer questions about delivery, then deleted with its e-mail
    (`purge_personal_data`). The association agreed to this (consent_at) on the form.
    """

    partner = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("partner organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sender_name = models.CharField(_("name"), max_length=120)
    association = models.CharField(_("association or organisation"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language of the page"), max_length=10)
    consent_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    emails = GenericRelation(OutgoingEmail, content_type_field="about_type", object_id_field="about_id")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return f"{self.association} → {self.partner}"

    @property
    def delivery_status(self):
        email = next(iter(self.emails.all()), None)
        return email.get_status_display() if email else ""
