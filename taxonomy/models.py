"""The vocabulary every app shares: Dortmund's districts, engagement fields, resource categories,
target groups and cooperation topics.

Resources, partner organisations, engagement examples, events and requests all refer to these, so they
live on the ground floor: this app imports no domain app. The terms are translatable snippets that editors
publish like pages (drafts, revisions, preview, locking, moderation workflow); districts are a fixed list
of the city's twelve Stadtbezirke, created by a migration, with their names in other scripts where a
language writes them differently (Arabic, Ukrainian), see `District`.

The tables keep the names they had when the terms lived in `catalogue` and `partners`
(`Meta.db_table`): the move (migration 0001) changed where the code lives, not the data.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.snippets import PublishableSnippet

# The languages a district's name may be written in besides German (the official name, `name`).
NAME_LANGUAGES = ("en", "tr", "ar", "uk", "pl")
SAME_AS_GERMAN = _("Leave empty where the language writes the German name.")


class District(models.Model):
    """One of Dortmund's twelve city districts (Stadtbezirke).

    A proper name: the German one is official and stays in the Latin-script languages. Where the visitor
    reads another script (Arabic, Ukrainian) the district carries its name written in that script
    (`name_ar`, `name_uk`: one field per language on the same row, so showing it costs no query);
    an empty field falls back to the German name, marked as German (`display_lang`). The slug is the
    same in every language, so addresses and API filters do not change."""

    name = models.CharField(_("name"), max_length=60, unique=True, help_text=_("The official German name."))
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_en = models.CharField(_("name in English"), max_length=60, blank=True, help_text=SAME_AS_GERMAN)
    name_tr = models.CharField(_("name in Turkish"), max_length=60, blank=True, help_text=SAME_AS_GERMAN)
    name_ar = models.CharField(_("name in Arabic"), max_length=60, blank=True, help_text=SAME_AS_GERMAN)
    name_uk = models.CharField(_("name in Ukrainian"), max_length=60, blank=True, help_text=SAME_AS_GERMAN)
    name_pl = models.CharField(_("name in Polish"), max_length=60, blank=True, help_text=SAME_AS_GERMAN)

    api_fields = [APIField("name"), APIField("slug"), *(APIField(f"name_{code}") for code in NAME_LANGUAGES)]

    class Meta:
        db_table = "catalogue_district"
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name

    @staticmethod
    def _language(language=None):
        return (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]

    def name_in(self, language=None):
        """The name written for a reader of `language` (the active one by default), German where none is."""
        language = self._language(language)
        translated = getattr(self, f"name_{language}", "") if language in NAME_LANGUAGES else ""
        return translated or self.name

    def lang_in(self, language=None):
        """The language `name_in(language)` is written in: `language`, or German where it stands in."""
        language = self._language(language)
        translated = getattr(self, f"name_{language}", "") if language in NAME_LANGUAGES else ""
        return language if translated else settings.LANGUAGE_CODE

    @property
    def display_name(self):
        """The name for the page being rendered (templates): `name_in` the active language."""
        return self.name_in()

    @property
    def display_lang(self):
        """The language of `display_name`, for the `lang` attribute around it."""
        return self.lang_in()


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
    preview_template = "taxonomy/previews/taxonomy_term.html"

    class Meta(TaxonomyTerm.Meta):
        db_table = "catalogue_engagementfield"
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
    preview_template = "taxonomy/previews/taxonomy_term.html"
    override_translatable_fields = [*TaxonomyTerm.override_translatable_fields, SynchronizedField("icon")]
    panels = [*TaxonomyTerm.panels, FieldPanel("icon")]
    api_fields = [*TaxonomyTerm.api_fields, APIField("icon")]

    class Meta(TaxonomyTerm.Meta):
        db_table = "catalogue_resourcecategory"
        verbose_name = _("resource category")
        verbose_name_plural = _("resource categories")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_resource_category_slug_per_locale"
            ),
        ]


class CooperationTopic(TaxonomyTerm):
    """Something partners offer or look for in a cooperation (Kooperationsthema): rooms, speakers ..."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="cooperation_topic")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="cooperation_topic",
        for_concrete_model=False,
    )
    preview_template = "taxonomy/previews/taxonomy_term.html"

    class Meta(TaxonomyTerm.Meta):
        db_table = "partners_cooperationtopic"
        verbose_name = _("cooperation topic")
        verbose_name_plural = _("cooperation topics")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_cooperation_topic_slug_per_locale"
            ),
        ]


class TargetGroup(TaxonomyTerm):
    """Whom a partner's work is for (Zielgruppe): children, parents, older people, newcomers ..."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="target_group")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="target_group",
        for_concrete_model=False,
    )
    preview_template = "taxonomy/previews/taxonomy_term.html"

    class Meta(TaxonomyTerm.Meta):
        db_table = "partners_targetgroup"
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_target_group_slug_per_locale"),
        ]
