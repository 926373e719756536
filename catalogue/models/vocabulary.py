"""The catalogue's shared vocabulary: Dortmund's districts, engagement fields and resource categories.

Resources, partner organisations, engagement examples and events all refer to these, so they live in
one place. Engagement fields and categories are translatable snippets that editors publish like pages
(drafts, revisions, preview, locking, moderation workflow); districts are a fixed list of the city's
twelve Stadtbezirke, created by a migration.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class District(models.Model):
    """One of Dortmund's twelve city districts (Stadtbezirke). Proper names: the same in every language."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    api_fields = [APIField("name"), APIField("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name

    @property
    def content_language(self):
        return self.locale.language_code


class PublishableSnippet(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A translatable snippet that editors publish the way they publish pages.

    Subclasses declare `preview_template`. Fields that must stay the same in every language (slugs used
    in filter URLs, numbers, contact data) are listed in `override_translatable_fields` as
    `SynchronizedField`s so wagtail-localize copies them instead of asking for a translation.
    """

    preview_template = None

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def get_preview_template(self, request, mode_name):
        return self.preview_template

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "object": self}


class TaxonomyTerm(PublishableSnippet):
    """A named term with a slug that stays the same in all languages, so filter URLs can be shared."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Used in addresses of filtered lists; the same in every language."),
    )
    description = models.TextField(_("short description"), blank=True, max_length=500)
    sort_order = models.PositiveSmallIntegerField(_("position"), default=0)

    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("sort_order")]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("slug"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]
    api_fields = [APIField("name"), APIField("slug"), APIField("description")]

    class Meta(PublishableSnippet.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def content_language(self):
        return self.locale.language_code


class EngagementField(TaxonomyTerm):
    """A field of civic engagement (Engagementfeld): cultural diversity, children and youth, ..."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="engagement_field")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="engagement_field",
        for_concrete_model=False,
    )
    preview_template = "catalogue/previews/taxonomy_term.html"

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("engagement field")
        verbose_name_plural = _("engagement fields")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_engagement_field_slug_per_locale"
            ),
        ]


class ResourceCategory(TaxonomyTerm):
    """A kind of resource (Ressourcenart): practical support, equipment, PR, rooms, cost coverage, other."""

    class Icon(models.TextChoices):
        COACHING = "coaching", _("Coaching and support")
        EQUIPMENT = "equipment", _("Equipment and technology")
        PUBLICITY = "publicity", _("Public relations")
        ROOM = "room", _("Rooms")
        MONEY = "money", _("Money")
        OTHER = "other", _("Other")

    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices, default=Icon.OTHER)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="resource_category")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="resource_category",
        for_concrete_model=False,
    )
    preview_template = "catalogue/previews/taxonomy_term.html"
    override_translatable_fields = [*TaxonomyTerm.override_translatable_fields, SynchronizedField("icon")]
    panels = [*TaxonomyTerm.panels, FieldPanel("icon")]
    api_fields = [*TaxonomyTerm.api_fields, APIField("icon")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("resource category")
        verbose_name_plural = _("resource categories")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_resource_category_slug_per_locale"
            ),
        ]
