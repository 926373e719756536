"""Items that exist in several languages and have their own page on the web site (resources, partners):
what their `meta` says, and the small schemas they share.

- `meta.locale`: the language of the item's own text; `meta.fallback`: true where the response's language
  has no (live) translation and the German original stands in.
- `meta.detail_url`: the item in the API, in the response's language; `meta.html_url`: its page on the
  web site in that language (a German stand-in is shown there in German, at its German address, as the
  web site does).
- `meta.translations`: every other language the item is published in, each with both addresses.
- Vocabulary terms (`Term`) come in the response's language where translated, else in German; each says
  the language of its name, so a client can mark it (`lang="de"`) the way the web pages do.

Everything here costs a fixed number of queries for a whole page of items.
"""

from datetime import datetime
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from ninja import Field, Schema
from wagtail.models import Locale

from .language import LANGUAGE_CODES


class Term(Schema):
    model_config = {
        "json_schema_extra": {"examples": [{"slug": "bildung", "name": "التعليم", "locale": "ar"}]}
    }

    slug: str
    name: str
    locale: str


class DistrictLink(Schema):
    model_config = {"json_schema_extra": {"examples": [{"slug": "hoerde", "name": "هورده"}]}}

    slug: str = Field(..., description="The same in every language; the value of the `district` filter.")
    name: str = Field(
        ...,
        description="The name as the response's language writes it (Arabic, Ukrainian script), else German.",
    )


class Translation(Schema):
    id: int
    locale: str
    detail_url: str
    html_url: str | None = None


class TranslatedMeta(Schema):
    type: str
    detail_url: str
    html_url: str | None = None
    locale: str
    fallback: bool
    translations: list[Translation]
    last_modified: datetime | None = Field(
        None, description="When the item was last published; `updated_since` filters by it."
    )


def locales(language):
    """(Locale of `language`, German Locale) in one query; German twice if `language` has no Locale."""
    found = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in={language, settings.LANGUAGE_CODE})
    }
    default = found[settings.LANGUAGE_CODE]
    return found.get(language, default), default


def term(obj):
    return {"slug": obj.slug, "name": obj.name, "locale": obj.locale.language_code}


def localized_term(obj, terms):
    """`obj` (a term an item points at) as the term with its slug in `terms` ({slug: term} in the
    response's language, German standing in) – a German stand-in's terms are translated too."""
    return term(terms.get(obj.slug, obj))


def district(obj):
    """A district in the response's language (the API activates it): the name in its script or German."""
    return None if obj is None else {"slug": obj.slug, "name": obj.name_in()}


def page_urls(request, page_model):
    """{language: absolute URL} of the live, public page of `page_model` in each language's tree (the
    catalogue page, the partner finder): the item pages hang below it. One query."""
    urls = {}
    pages = (
        page_model.objects.live()
        .public()
        .filter(locale__language_code__in=LANGUAGE_CODES)
        .select_related("locale")
        .order_by("path")
    )
    for page in pages:
        code = page.locale.language_code
        if code not in urls:
            urls[code] = page_url(page, request)
    return urls


def page_url(page, request):
    """The page's web address at the origin the request came to (its scheme, host and port, as the
    proxy says with X-Forwarded-Proto), not the Wagtail site's configured root URL; None without one."""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


def page_urls_once(request, page_model):
    """`page_urls`, read once per request (links from many items to resources or partners)."""
    memo = request.__dict__.setdefault("_api_page_urls", {})
    if page_model not in memo:
        memo[page_model] = page_urls(request, page_model)
    return memo[page_model]


def item_page_url(base_urls, language, slug):
    """The item's page below `base_urls[language]` (its slug as the last part), or None."""
    base = base_urls.get(language)
    return f"{base}{quote(slug)}/" if base else None


def item_address(queryset, url_name, id_name):
    """For `api.pages.ITEM_ADDRESSES`: callable(request, language, slug) -> the API detail address of the
    live item (of `queryset()`) whose web address ends in `slug` – its version in `language` if that has
    the slug, else any language's – or None."""

    def address(request, language, slug):
        found = {
            code: pk
            for pk, code in queryset()
            .filter(slug=slug)
            .order_by("pk")
            .values_list("pk", "locale__language_code")
        }
        pk = found.get(language) or next(iter(found.values()), None)
        if pk is None:
            return None
        path = reverse(f"api:{url_name}", kwargs={id_name: pk})
        return request.build_absolute_uri(f"{path}?lang={language}")

    return address


def versions(queryset, items):
    """{translation_key: {language: (pk, slug)}} of the versions of `items` in `queryset` (pass live ones)."""
    found = {}
    rows = queryset.filter(translation_key__in={item.translation_key for item in items}).values_list(
        "translation_key", "locale__language_code", "pk", "slug"
    )
    for key, code, pk, slug in rows:
        found.setdefault(key, {})[code] = (pk, slug)
    return found


def meta(item, language, item_versions, *, detail_url, html_url):
    """An item's `meta` (TranslatedMeta) as a dict.

    detail_url(pk, language) and html_url(language, slug) build the two addresses.
    """
    shown = item.locale.language_code
    others = item_versions.get(item.translation_key, {})
    return {
        "type": item._meta.label,
        "detail_url": detail_url(item.pk, language),
        "html_url": html_url(language, item.slug),
        "locale": shown,
        "fallback": shown != language,
        "last_modified": getattr(item, "last_published_at", None),
        "translations": [
            {
                "id": others[code][0],
                "locale": code,
                "detail_url": detail_url(others[code][0], code),
                "html_url": html_url(code, others[code][1]),
            }
            for code in LANGUAGE_CODES
            if code in others and code != shown
        ],
    }
