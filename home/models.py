"""Pages every part of the portal shares: the base page, home, content and legal pages, navigation."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Page,
    PageViewRestriction,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from . import page_cache
from .blocks import ContentStreamBlock
from .listing import localized


class TranslationFallbackMixin:
    """Knows whether a page is an untranslated copy of its source.

    wagtail-localize keeps every locale's tree complete by creating *aliases* of German pages that are
    not translated yet (`LocaleSynchronization`). An alias shows the source page's content, so the
    template marks it as German (`lang="de"`) and tells the visitor so.
    """

    @cached_property
    def content_language(self):
        if self.alias_of_id:
            source = Page.objects.filter(pk=self.alias_of_id).select_related("locale").first()
            if source is not None:
                return source.locale.language_code
        return self.locale.language_code

    @property
    def is_untranslated(self):
        # Only an alias can be untranslated: a page of its own needs no look-up of its locale.
        return bool(self.alias_of_id) and self.content_language != self.locale.language_code


class BasePage(TranslationFallbackMixin, Page):
    """Behaviour every public page shares; each page type declares where it may live."""

    def get_view_restrictions(self):
        """Wagtail's queryset of the restrictions on this page and its ancestors (two queries: the
        ancestors, the restrictions), read once per generation while the page cache is on: a page, a move
        or a restriction saved starts a new one (home/page_cache.py). Only for a visitor's page the cache
        missed (marked by `page_cache.keep_route`): an editor's request reads them fresh, also inside its
        own transaction. The queryset comes back evaluated; anything built on it queries as usual."""
        if not (page_cache.enabled() and self.pk and getattr(self, "_page_cache_visitor", False)):
            return super().get_view_restrictions()
        kept = page_cache.kept(
            f"view-restrictions:{self.pk}", lambda: list(super(BasePage, self).get_view_restrictions())
        )
        restrictions = PageViewRestriction.objects.filter(pk__in=[restriction.pk for restriction in kept])
        restrictions._result_cache = kept
        restrictions._prefetch_done = True
        return restrictions

    class Meta:
        abstract = True


class HomePage(BasePage):
    hero_heading = models.CharField(_("hero heading"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True, max_length=600)
    body = StreamField(ContentStreamBlock, verbose_name=_("content"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text")], heading=_("Welcome")),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_heading", boost=2),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("hero_heading"), APIField("hero_text"), APIField("body")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(BasePage):
    """A content page. With `easy_read` it is a page in Leichte Sprache (easy-to-read German): larger type,
    its subpages listed, and in the other languages' trees (where wagtail-localize keeps a German copy) a
    note that Leichte Sprache exists only in German, with a link to `everyday_page` in the visitor's
    language (docs/languages.md#leichte-sprache)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    body = StreamField(ContentStreamBlock, verbose_name=_("content"), blank=True)
    easy_read = models.BooleanField(
        _("Leichte Sprache (easy-to-read German)"),
        default=False,
        help_text=_(
            "Short sentences, one statement each, common words, terms explained, no abbreviations. "
            "Shown in larger type; the header links the first such page as the Leichte Sprache section."
        ),
    )
    everyday_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("the same topic in everyday language"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leichte Sprache only: offered to visitors of the other languages, in their language."),
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("easy_read"), FieldPanel("everyday_page")], heading=_("Leichte Sprache")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def easy_read_subpages(self):
        """Leichte Sprache: the live subpages in this page's language, listed under its text."""
        if not self.easy_read:
            return []
        return list(self.get_children().live().public().specific())

    def everyday_page_here(self):
        """The everyday-language page in the active language (its German original where not translated)."""
        if self.everyday_page_id is None:
            return None
        page = Page.objects.filter(pk=self.everyday_page_id).live().first()
        return page.localized.specific if page is not None else None


class LegalPage(BasePage):
    """Impressum, privacy notice (Datenschutz) and accessibility statement (Barrierefreiheit)."""

    body = StreamField(ContentStreamBlock, verbose_name=_("content"))
    last_reviewed = models.DateField(_("last reviewed"), help_text=_("Shown on the page."))

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = [*Page.content_panels, FieldPanel("last_reviewed"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    api_fields = [APIField("last_reviewed"), APIField("body")]

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")


class NavigationLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)
    label = blocks.CharBlock(
        label=_("Label"), required=False, max_length=80, help_text=_("Leave empty to use the page title.")
    )

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not (result.get("url") and result.get("label")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": blocks.BlockValidationError(_("Choose a page, or enter an address and a label."))
                }
            )
        return result

    class Meta:
        icon = "link"
        label = _("Link")


class NavigationMenu(
    TranslatableMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model
):
    """The main navigation and the footer links, one menu per slot and language."""

    class Slot(models.TextChoices):
        MAIN = "main", _("Main navigation")
        FOOTER = "footer", _("Footer")

    slot = models.CharField(
        pgettext_lazy("position on the page", "place"), max_length=20, choices=Slot.choices
    )
    items = StreamField([("link", NavigationLinkBlock())], verbose_name=_("links"))
    note = RichTextField(
        _("note"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Footer only: a short text, e.g. who funds the programme."),
    )

    panels = [FieldPanel("slot"), FieldPanel("items"), FieldPanel("note")]
    search_fields = [index.SearchField("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        constraints = [
            models.UniqueConstraint(fields=["slot", "locale"], name="unique_navigation_slot_per_locale"),
        ]

    def __str__(self):
        return f"{self.get_slot_display()} ({self.locale.language_code})"

    def get_preview_template(self, request, mode_name):
        return "home/navigation_preview.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "menu_links": self.links()}

    def links(self):
        """The menu's links with each page replaced by its live version in the active language."""
        pages = [block.value["page"] for block in self.items if block.value.get("page")]
        localized = _localized_pages(pages)
        result = []
        for block in self.items:
            page = block.value.get("page")
            if page is not None:
                target = localized.get(page.translation_key)
                if target is None:
                    continue  # unpublished or deleted page: leave it out rather than link a 404
                result.append(
                    {"url": target.url, "label": block.value["label"] or target.title, "page": target}
                )
            else:
                result.append({"url": block.value["url"], "label": block.value["label"], "page": None})
        return result


def _localized_pages(pages):
    """Map translation key -> live page in the active language (German source where not translated)."""
    if not pages:
        return {}
    keys = {page.translation_key for page in pages}
    language = translation.get_language() or settings.LANGUAGE_CODE
    candidates = localized(Page.objects.live().public().filter(translation_key__in=keys), language)
    return {page.translation_key: page for page in candidates.select_related("locale")}


@register_setting(icon="site")
class PortalSettings(BaseGenericSetting):
    """Contact data shown in the footer and the legal pages; the same in every language."""

    organisation = models.CharField(_("organisation"), max_length=200, default="VMDO e.V.")
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode_city = models.CharField(_("postcode and city"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Forms that collect personal data link to this page (in the visitor's language)."),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("street"),
        FieldPanel("postcode_city"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("portal settings")

    @property
    def phone_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


class OutgoingEmail(models.Model):
    """One e-mail the portal sends, stored before it is sent (see `home/outbox.py`).

    The stored row is the promise: a mail server that is down delays the mail, it never loses it. A task
    sends it and records each attempt; `send_queued_email` sends whatever is due when no worker runs.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    recipients = models.JSONField(_("recipients"), default=list)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML version"), blank=True)
    # Text files sent with the mail (e.g. a consultation's .ics): [{"filename", "content_type", "content"}].
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    message_id = models.CharField(_("message ID"), max_length=255, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # What the mail is about (a contact message, a request ...), when there is something.
    about_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["about_type", "about_id"])]

    def __str__(self):
        return self.subject
