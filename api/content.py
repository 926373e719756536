"""Content as JSON: rich text (HTML and raw), images (renditions), documents, page links, StreamFields.

Shared by every endpoint, so a resource's description and a page's body come out the same way:

- rich text: `{"html": ..., "raw": ...}` – `html` is what the web site shows, with internal links resolved to
  absolute public URLs in the object's language; `raw` is Wagtail's stored form (`<a linktype="page" id="3">`).
- images: `{"id", "title", "alt", "decorative", "width", "height", "renditions": {"small", "medium",
  "large"}}`, each rendition with an absolute `url`, `width` and `height` (480, 960 and 1600 pixels wide at
  most; never enlarged).
- documents: `{"id", "title", "url", "file_extension", "file_size"}`.
- links to pages: `{"id", "title", "locale", "html_url", "detail_url"}` of the page in the response's
  language (German where it is not translated).

Images and documents in a collection with a view restriction, and pages that are not live or are
restricted, are left out (null), so nothing private reaches the API through a reference.
"""

import re
from typing import Any

from django.urls import reverse
from django.utils import translation
from ninja import Schema
from wagtail import blocks
from wagtail.api.v3.permissions import get_restricted_collection_ids
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import PageViewRestriction
from wagtail.rich_text import expand_db_html

from .translated import page_url

# Rendition sizes every image comes in: a phone, a tablet or half a screen, a full wide screen.
RENDITIONS = {"small": "width-480", "medium": "width-960", "large": "width-1600"}


class RichText(Schema):
    html: str
    raw: str


class Rendition(Schema):
    url: str
    width: int
    height: int


class ImageRenditions(Schema):
    small: Rendition
    medium: Rendition
    large: Rendition


class Image(Schema):
    id: int
    title: str
    alt: str
    decorative: bool
    width: int
    height: int
    renditions: ImageRenditions


class Document(Schema):
    id: int
    title: str
    url: str
    file_extension: str
    file_size: int | None = None


class PageLink(Schema):
    id: int
    title: str
    locale: str
    html_url: str | None = None
    detail_url: str


class StreamChild(Schema):
    type: str
    id: str | None = None
    value: Any


_LOCAL_URL = re.compile(r'\b(href|src)="(/(?!/)[^"]*)"')


def absolute_url(request, url):
    if url and url.startswith("/") and not url.startswith("//"):
        return request.build_absolute_uri(url)
    return url


def rich_text(request, source, language=None):
    """Stored rich text as `{"html", "raw"}`; links are resolved in `language` (the object's)."""
    source = source or ""
    with translation.override(language or translation.get_language()):
        html = expand_db_html(source)
    html = _LOCAL_URL.sub(lambda match: f'{match[1]}="{request.build_absolute_uri(match[2])}"', html)
    return {"html": html, "raw": source}


def _restricted_collections(request):
    if not hasattr(request, "_api_restricted_collections"):
        request._api_restricted_collections = get_restricted_collection_ids(request)
    return request._api_restricted_collections


def _restricted_page_paths(request):
    if not hasattr(request, "_api_restricted_paths"):
        request._api_restricted_paths = [
            restriction.page.path
            for restriction in PageViewRestriction.objects.select_related("page")
            if not restriction.accept_request(request)
        ]
    return request._api_restricted_paths


def image(request, value, *, alt=None, decorative=False):
    """An image with its renditions; None when it is missing or in a restricted collection."""
    if value is None or value.collection_id in _restricted_collections(request):
        return None
    renditions = value.get_renditions(*RENDITIONS.values())
    return {
        "id": value.pk,
        "title": value.title,
        "alt": "" if decorative else (alt if alt is not None else value.default_alt_text),
        "decorative": bool(decorative),
        "width": value.width,
        "height": value.height,
        "renditions": {
            name: {
                "url": absolute_url(request, renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in RENDITIONS.items()
        },
    }


def document(request, value):
    if value is None or value.collection_id in _restricted_collections(request):
        return None
    return {
        "id": value.pk,
        "title": value.title,
        "url": absolute_url(request, value.url),
        "file_extension": value.file_extension,
        "file_size": value.file_size,
    }


def page_detail_url(request, page_id):
    return request.build_absolute_uri(reverse("api:pages_detail", kwargs={"page_id": page_id}))


def page_link(request, value, *, localize=True):
    """A link to a page (by default its version in the active language); None if it is not public."""
    if value is None:
        return None
    page = value.localized if localize else value
    restricted = _restricted_page_paths(request)
    if not page.live or any(page.path.startswith(path) for path in restricted):
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "locale": page.locale.language_code,
        "html_url": page_url(page, request),
        "detail_url": page_detail_url(request, page.pk),
    }


def stream(request, value, language=None):
    """A StreamField's blocks, each `{"type", "id", "value"}`, with rich text, images, documents and
    page links as above and everything else as Wagtail's own API representation."""
    with translation.override(language or translation.get_language()):
        return _block(request, value.stream_block, value, language)


def _block(request, block, value, language):
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child.block_type,
                "id": child.id,
                "value": _block(request, child.block, child.value, language),
            }
            for child in value
        ]
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(request, value.source if value is not None else "", language)
    if isinstance(block, ImageBlock):
        if value is None:
            return None
        return image(
            request, value, alt=getattr(value, "contextual_alt_text", None), decorative=value.decorative
        )
    if isinstance(block, ImageChooserBlock):
        return image(request, value)
    if isinstance(block, DocumentChooserBlock):
        return document(request, value)
    if isinstance(block, blocks.PageChooserBlock):
        return page_link(request, value)
    if isinstance(block, blocks.StructBlock):
        return {
            name: _block(request, child, value.get(name), language)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [_block(request, block.child_block, item, language) for item in value]
    return block.get_api_representation(value, context={"request": request})
