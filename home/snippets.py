"""The base of every snippet editors publish like a page: vocabulary terms, resources, partners."""

from django.db import models
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index


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
