"""Links from one item to another in one shape: `{id, slug, name, locale, detail_url, html_url}`.

An event links engagement fields and target groups, an engagement example partners and resources; they
come in the response's language, like a resource's or a partner's related items: the version of the
linked item in that language, or the German original standing in (its `locale` says so, `de`: the marker
a client uses to mark the name `lang="de"`). `detail_url` is the linked item's own endpoint in the
response's language, `html_url` its web page where it has one (resources, partners), else null. A linked
item that is not live (withdrawn, a draft) is left out.

Every collection of a translatable model with slugs registers its items as link targets
(`api.collections.Collection`; resources and partners with their own detail addresses). Cost: one query
per linked model and response (all its live items in the language, `home.listing.localized`), and one
for the web addresses of a model with pages – not one per item.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from ninja import Field, Schema

from home.listing import localized

from .translated import item_page_url, page_urls_once


class ItemLink(Schema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": 42,
                    "slug": "bildung",
                    "name": "التعليم",
                    "locale": "ar",
                    "detail_url": "https://portal.example.org/api/v3/engagement-fields/bildung/?lang=ar",
                    "html_url": None,
                }
            ]
        }
    }

    id: int = Field(..., description="The id of the version shown.")
    slug: str
    name: str
    locale: str = Field(
        ..., description="The language of `name`: German (`de`) where the item has no translation."
    )
    detail_url: str | None = Field(None, description="The item in this API, in the response's language.")
    html_url: str | None = Field(None, description="The item's web page, where it has one.")


@dataclass
class Target:
    queryset: Any  # callable() -> queryset of the live items
    detail_url: Any  # callable(request, obj, language) -> str
    name: str = "name"
    page_model: Any = None  # the index page the items' web pages hang below (ResourceIndexPage)


TARGETS = {}


def register(model, *, queryset, detail_url, name="name", page_model=None):
    TARGETS[model] = Target(queryset=queryset, detail_url=detail_url, name=name, page_model=page_model)


def _versions(request, model, language):
    """{translation_key: the live item in `language`, else the German one}, once per request."""
    memo = request.__dict__.setdefault("_api_links", {})
    key = (model, language)
    if key not in memo:
        target = TARGETS.get(model)
        queryset = target.queryset() if target else model._default_manager.all()
        memo[key] = {
            obj.translation_key: obj for obj in localized(queryset, language).select_related("locale")
        }
    return memo[key]


def links(request, model, objects):
    """`objects` (items of `model` that an item points at, in any language) as links in the response's
    language, in their order."""
    language = getattr(getattr(request, "api_language", None), "code", settings.LANGUAGE_CODE)
    # Read whether or not there is anything to link, so a page of items costs the same queries
    # whatever its items link to.
    versions = _versions(request, model, language)
    target = TARGETS.get(model)
    pages = page_urls_once(request, target.page_model) if target and target.page_model else {}
    found = []
    for obj in objects:
        shown = versions.get(obj.translation_key)
        if shown is None:
            continue
        found.append(
            {
                "id": shown.pk,
                "slug": shown.slug,
                "name": str(getattr(shown, target.name if target else "name", "") or shown),
                "locale": shown.locale.language_code,
                "detail_url": target.detail_url(request, shown, language) if target else None,
                "html_url": item_page_url(pages, language, shown.slug),
            }
        )
    return found
