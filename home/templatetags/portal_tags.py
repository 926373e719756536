"""Template tags every public page uses: languages, navigation, small formatting helpers."""

import hashlib

from django import template
from django.conf import settings
from django.db.models import F, Q
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from home import page_cache
from home.listing.engine import public_pages, restricted
from home.models import NavigationMenu, PortalSettings, StandardPage

register = template.Library()


def _language_info(code):
    info = translation.get_language_info(code)
    return {"code": code, "name_local": info["name_local"], "bidi": info["bidi"]}


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The current page in every configured language: what the switcher and `hreflang` links use.

    For a Wagtail page each language links to that page's own translation (or the untranslated copy
    wagtail-localize keeps in that language's tree); other views keep their path and swap the prefix.
    A view that knows better (e.g. a page's sub-route whose slug differs per language) puts
    `language_urls` ({code: url}) into the context. The result is kept on the request, so the head and
    the switcher share one query.
    """
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_portal_language_alternates", None)
    if cached is not None:
        return cached

    current = translation.get_language()
    page = context.get("page")
    urls = dict(context.get("language_urls") or {})
    if not urls and isinstance(page, Page) and page.id:

        def build():
            # Live and outside restricted sections in the query itself (Wagtail's `.public()` reads every
            # restriction in a query of its own first).
            translations = public_pages(
                Page.objects.filter(translation_key=page.translation_key)
            ).select_related("locale")
            found = {}
            for candidate in translations:
                url = candidate.get_url(request)
                if url:
                    found[candidate.locale.language_code] = url
            return found

        # Kept in the frame cache per page: publishing, moving or unpublishing a translation starts a new
        # generation.
        urls = page_cache.frame(request, f"alternates:{page.translation_key}", build)
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = urls.get(code)
        if url is None and not isinstance(page, Page):
            url = translate_url(request.get_full_path(), code)
        if url is None:
            continue
        alternates.append({**_language_info(code), "url": url, "is_current": code == current})
    request._portal_language_alternates = alternates
    return alternates


@register.simple_tag(takes_context=True)
def navigation_links(context, slot):
    """Links of the live menu for `slot` in the active language, the German menu where none exists."""
    request = context.get("request")
    menus = getattr(request, "_portal_menus", None) if request is not None else None
    if menus is None:
        menus = page_cache.frame(request, "menus", _menus)
        if request is not None:
            request._portal_menus = menus
    return menus.get(slot) or {"links": [], "note": ""}


def _menus():
    """Every menu (main navigation, footer) as plain data kept in the frame cache: url, label and the
    linked page's depth per link, the note with its links expanded. Two queries for all of them: the
    menus, and the linked pages in the active language (German standing in)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    by_slot = {}
    for menu in (
        NavigationMenu.objects.filter(live=True, locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale")
        .order_by("slot")
    ):
        if menu.slot not in by_slot or menu.locale.language_code == language:
            by_slot[menu.slot] = menu
    # The raw data holds the linked pages' ids: the linked pages and their translations in the two
    # languages come in one query, without loading the pages the blocks point at first.
    ids = {
        item["value"]["page"]
        for menu in by_slot.values()
        for item in menu.items.raw_data
        if (item.get("value") or {}).get("page")
    }
    pages = {}  # linked page id -> the live, public page in the active language (or German)
    if ids:
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        rows = list(
            Page.objects.filter(
                Q(pk__in=ids)
                | Q(translation_key__in=keys, locale__language_code__in={language, settings.LANGUAGE_CODE})
            )
            .annotate(language=F("locale__language_code"), restricted=restricted())
            .only("pk", "translation_key", "live", "title", "url_path", "depth", "path")
        )
        shown = {}
        for page in rows:
            visible = (
                page.live and not page.restricted and page.language in (language, settings.LANGUAGE_CODE)
            )
            if visible and (page.translation_key not in shown or page.language == language):
                shown[page.translation_key] = page
        pages = {page.pk: shown.get(page.translation_key) for page in rows if page.pk in ids}
    result = {}
    for slot, menu in by_slot.items():
        links = []
        for item in menu.items.raw_data:
            value = item.get("value", {})
            if value.get("page"):
                target = pages.get(value["page"])
                if target is None:
                    continue  # unpublished or deleted page: leave it out rather than link a 404
                label = value.get("label") or target.title
                links.append({"url": target.url, "label": label, "depth": target.depth})
            else:
                links.append({"url": value.get("url"), "label": value.get("label"), "depth": None})
        result[slot] = {"links": links, "note": expand_db_html(menu.note) if menu.note else ""}
    return result


@register.simple_tag(takes_context=True)
def breadcrumb_links(context, page):
    """The page's ancestors below the site's root as [{"url", "title"}], kept in the frame cache per page
    (a move, rename or publication starts a new generation): no query for them on a page the cache
    misses."""
    request = context.get("request")
    if not isinstance(page, Page) or not page.pk:
        return []

    def build():
        return [
            {"url": ancestor.get_url(request), "title": ancestor.title}
            for ancestor in page.get_ancestors()[1:]
        ]

    return page_cache.frame(request, f"breadcrumbs:{page.pk}", build)


@register.simple_tag(takes_context=True)
def contact_data(context):
    """The contact data of the portal settings (footer), as plain data kept in the frame cache."""
    request = context.get("request")

    def build():
        contact = PortalSettings.load(request_or_site=request)
        fields = ("organisation", "street", "postcode_city", "email", "phone", "phone_href")
        return {name: getattr(contact, name) for name in fields}

    return page_cache.frame(request, "contact", build)


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    """The home page in the active language."""
    request = context.get("request")
    if request is None:
        return "/"
    cached = getattr(request, "_portal_home_url", None)
    if cached is None:

        def build():
            site = Site.find_for_request(request)
            return site.root_page.localized.get_url(request) if site else "/"

        cached = request._portal_home_url = page_cache.frame(request, "home-url", build)
    return cached


@register.simple_tag(takes_context=True)
def easy_read_url(context):
    """The Leichte Sprache section (German only): the shallowest live German page marked `easy_read`, or
    "" when there is none. Kept in the frame cache like the home link: no query on a page the cache has."""
    request = context.get("request")
    cached = getattr(request, "_portal_easy_read_url", None) if request is not None else None
    if cached is None:

        def build():
            section = (
                StandardPage.objects.live()
                .public()
                .filter(easy_read=True, locale__language_code=settings.LANGUAGE_CODE)
                .order_by("depth", "path")
                .first()
            )
            return (section.get_url(request) or "") if section is not None else ""

        cached = page_cache.frame(request, "easy-read-url", build)
        if request is not None:
            request._portal_easy_read_url = cached
    return cached


@register.filter
def email_breaks(address):
    """An e-mail address that may break only after its "@" ("house-of-resources@" / "vmdo.example"), not
    at a hyphen of its first part, where it would read as two words: safe HTML."""
    local, at, domain = str(address or "").partition("@")
    if not at:
        return address
    return format_html('<span class="nobreak">{}@</span><wbr>{}', local, domain)


@register.simple_tag
def language_name(code):
    """A language's own name ("Türkçe", "العربية") for a language code."""
    try:
        return translation.get_language_info(code)["name_local"]
    except KeyError:
        return code


@register.filter
def is_active_link(link, request):
    """True when a navigation link points at the current page or one of its ancestors."""
    if request is None or not link.get("url"):
        return False
    path = request.path
    url = link["url"]
    depth = link.get("depth")
    if depth is None and link.get("page") is not None:
        depth = link["page"].depth
    if depth is not None and depth <= 2:
        return path == url  # the home page is an ancestor of everything: only exact match counts
    return path == url or path.startswith(url)


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or not page_cache.enabled():
            return self.nodelist.render(context)
        values = repr([value.resolve(context) for value in self.vary_on])
        digest = hashlib.sha256(values.encode()).hexdigest()[:32]
        # The HTML comes from our own rendering, kept as it was rendered.
        return mark_safe(  # noqa: S308
            page_cache.frame(
                request, f"fragment:{self.name}:{digest}", lambda: str(self.nodelist.render(context))
            )
        )


@register.tag
def keptfragment(parser, token):
    """`{% keptfragment "name" value ... %}…{% endkeptfragment %}`: the enclosed HTML rendered once per
    generation of the page cache, language, host and the given values (a card: the object's id and what
    else it shows that is not the object's own data – its availability, the heading level), so a page the
    cache misses reuses the cards other pages rendered. Without the page cache it is rendered every time.
    The values must name everything the fragment shows besides data an edit changes (every edit starts a
    new generation): a model instance's repr is not enough, give its `pk`."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("keptfragment needs a name")
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endkeptfragment",))
    parser.delete_first_token()
    return KeptFragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])
