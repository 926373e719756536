"""Response schemas built from each model's `api_fields`, with Wagtail v3's schema generator.

Wagtail's `SchemaGenerator` turns a model's `api_fields` into a django-ninja schema; this module gives it
the portal's field types, so every content type comes out the same way (see `api.content`):

| model field                 | in the response                                                        |
| --------------------------- | ---------------------------------------------------------------------- |
| RichTextField               | `{"html", "raw"}`                                                      |
| StreamField                 | `[{"type", "id", "value"}]`, rich text/images/documents/pages resolved |
| ForeignKey to an image      | image with renditions and alt text                                     |
| ForeignKey to a document    | document with its URL                                                  |
| ForeignKey to a page        | page link                                                              |
| FK / M2M to a translatable  | `{"id", "slug", "name", "locale", "detail_url", "html_url"}` in the    |
| item with a slug            | response's language (`api.links`; a list for many-to-many)             |
| other ForeignKey / M2M      | `{"id", "type", "title", "slug"}` (a list for many-to-many)            |
| field with choices          | `{"value", "label"}`, the label in the response's language             |
| anything else               | as Wagtail/django-ninja type it (str, int, date, ...)                  |
"""

from datetime import datetime
from typing import Literal

from django.db.models import CharField, ForeignKey, ManyToManyField
from django.db.models.fields.reverse_related import ForeignObjectRel
from ninja import Field, Schema
from pydantic import create_model
from taggit.managers import TaggableManager
from wagtail.api.v3.schemas.base import BaseMetaSchema, BaseSchema
from wagtail.api.v3.schemas.generators.read import SchemaGenerator, reverse_related_schema, tags_schema
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page, TranslatableMixin

from . import content, links
from .translated import page_url


class Choice(Schema):
    value: str
    label: str


_choice_schemas = {}


def choice_schema(model, field_name):
    """`Choice` with `value` limited to the field's values (an enum in the OpenAPI document), one schema
    per field (`ResourceKindChoice`)."""
    field = model._meta.get_field(field_name)
    name = f"{model._meta.object_name}{field_name.title().replace('_', '')}Choice"
    if name not in _choice_schemas:
        values = tuple(str(value) for value, _label in field.flatchoices)
        _choice_schemas[name] = create_model(
            name,
            __base__=Choice,
            value=(Literal[values], Field(..., description="The stored value (the same in every language).")),
            label=(str, Field(..., description="The value in words, in the response's language.")),
        )
    return _choice_schemas[name]


class Related(Schema):
    id: int
    type: str
    title: str
    slug: str | None = None


def _related(obj):
    return {"id": obj.pk, "type": obj._meta.label, "title": str(obj), "slug": getattr(obj, "slug", None)}


def _language_of(obj):
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else None


def _foreign_key(generator, field):
    name = field.name
    related = field.related_model
    if issubclass(related, AbstractImage):
        annotation, serialize = content.Image, content.image
    elif issubclass(related, AbstractDocument):
        annotation, serialize = content.Document, content.document
    elif issubclass(related, Page):
        annotation, serialize = content.PageLink, content.page_link
    elif _is_link_target(related):
        annotation = links.ItemLink

        def resolve_link(obj, context):
            value = getattr(obj, name)
            # Asked even without a value: a page of items costs the same queries whatever they link to.
            found = links.links(context["request"], related, [] if value is None else [value])
            return found[0] if found else None

        return annotation | None, None, staticmethod(resolve_link)
    else:
        annotation, serialize = Related, lambda request, value: _related(value)

    def resolve(obj, context):
        value = getattr(obj, name)
        return None if value is None else serialize(context["request"], value)

    return annotation | None, None, staticmethod(resolve)


def _is_link_target(model):
    """A translatable item with a slug (a term, a resource, a partner): linked as `api.links.ItemLink`."""
    if issubclass(model, Page) or not issubclass(model, TranslatableMixin):
        return False
    return any(field.name == "slug" for field in model._meta.get_fields())


def _many_to_many(generator, field):
    name = field.name
    related = field.related_model
    if _is_link_target(related):

        def resolve_links(obj, context):
            return links.links(context["request"], related, getattr(obj, name).all())

        return list[links.ItemLink], [], staticmethod(resolve_links)

    def resolve(obj, context):
        return [_related(value) for value in getattr(obj, name).all()]

    return list[Related], [], staticmethod(resolve)


def _rich_text(generator, field):
    name = field.name

    def resolve(obj, context):
        return content.rich_text(context["request"], getattr(obj, name), _language_of(obj))

    return content.RichText, ..., staticmethod(resolve)


def _stream(generator, field):
    name = field.name

    def resolve(obj, context):
        return content.stream(context["request"], getattr(obj, name), _language_of(obj))

    return list[content.StreamChild], [], staticmethod(resolve)


def _char(generator, field):
    name = field.name
    if field.choices:

        def resolve_choice(obj, context):
            value = getattr(obj, name)
            if value in (None, ""):
                return None
            return {"value": value, "label": str(getattr(obj, f"get_{name}_display")())}

        return choice_schema(field.model, name) | None, None, staticmethod(resolve_choice)

    def resolve(obj, context):
        return getattr(obj, name)

    return (str | None if field.null else str), None, staticmethod(resolve)


generator = SchemaGenerator()
generator.register_field_schema(ForeignKey, _foreign_key)
generator.register_field_schema(ManyToManyField, _many_to_many)
generator.register_field_schema(ForeignObjectRel, reverse_related_schema)
generator.register_field_schema(StreamField, _stream)
generator.register_field_schema(RichTextField, _rich_text)
generator.register_field_schema(TaggableManager, tags_schema)
generator.register_field_schema(CharField, _char)


def build(model, *, name, base_class):
    """The schema of `model`'s `api_fields` on top of `base_class` (which brings `id` and `meta`)."""
    return generator.build_schema(model, name=name, base_class=base_class, follow_reverse_related=True)


# --- Items of a collection (snippets and other models) ----------------------------------------------


class TranslationLink(Schema):
    locale: str
    detail_url: str


class ItemMeta(BaseMetaSchema):
    """Where an item came from. The collection sets `obj._api_meta` before the response is built."""

    detail_url: str
    locale: str | None = None
    fallback: bool = False
    translations: list[TranslationLink] = []
    last_modified: datetime | None = Field(
        None,
        description="When the item was last published; `updated_since` filters by it. Null for the "
        "fixed lists set up with the portal (districts, spoken languages).",
    )

    @staticmethod
    def resolve_detail_url(obj, context):
        return obj._api_meta["detail_url"]

    @staticmethod
    def resolve_last_modified(obj, context):
        return getattr(obj, "last_published_at", None)

    @staticmethod
    def resolve_locale(obj, context):
        return obj._api_meta.get("locale")

    @staticmethod
    def resolve_fallback(obj, context):
        return obj._api_meta.get("fallback", False)

    @staticmethod
    def resolve_translations(obj, context):
        return obj._api_meta.get("translations", [])


class Item(BaseSchema):
    id: int
    meta: ItemMeta


# --- Pages ------------------------------------------------------------------------------------------


def _content_language(page):
    if page.alias_of_id:
        return page.alias_of.locale.language_code
    return page.locale.language_code


class PageMeta(BaseMetaSchema):
    locale: str
    content_language: str
    fallback: bool
    slug: str
    html_url: str | None = None
    detail_url: str
    first_published_at: datetime | None = None
    last_published_at: datetime | None = None
    last_modified: datetime | None = Field(
        None, description="When the page was last published; `updated_since` filters by it."
    )

    @staticmethod
    def resolve_type(obj, context):
        return (obj.specific_class or Page)._meta.label

    @staticmethod
    def resolve_locale(obj, context):
        return obj.locale.language_code

    @staticmethod
    def resolve_content_language(obj, context):
        return _content_language(obj)

    @staticmethod
    def resolve_fallback(obj, context):
        return _content_language(obj) != obj.locale.language_code

    @staticmethod
    def resolve_html_url(obj, context):
        return page_url(obj, context["request"])

    @staticmethod
    def resolve_last_modified(obj, context):
        return obj.last_published_at

    @staticmethod
    def resolve_detail_url(obj, context):
        return content.page_detail_url(context["request"], obj.pk)


class PageListItem(BaseSchema):
    id: int
    title: str
    meta: PageMeta


class PageTranslation(Schema):
    id: int
    title: str
    locale: str
    content_language: str
    html_url: str | None = None
    detail_url: str


class PageDetailMeta(PageMeta):
    seo_title: str
    search_description: str
    parent: content.PageLink | None = None
    alias_of: content.PageLink | None = None
    translations: list[PageTranslation] = []

    @staticmethod
    def resolve_parent(obj, context):
        parent = obj.get_parent()
        if parent is None or parent.depth <= 1:
            return None
        return content.page_link(context["request"], parent, localize=False)

    @staticmethod
    def resolve_alias_of(obj, context):
        if not obj.alias_of_id:
            return None
        return content.page_link(context["request"], obj.alias_of, localize=False)

    @staticmethod
    def resolve_translations(obj, context):
        request = context["request"]
        return [
            {
                "id": page.pk,
                "title": page.title,
                "locale": page.locale.language_code,
                "content_language": _content_language(page),
                "html_url": page_url(page, request),
                "detail_url": content.page_detail_url(request, page.pk),
            }
            for page in obj._api_translations
        ]


class PageDetail(BaseSchema):
    id: int
    title: str
    meta: PageDetailMeta
