"""sitemap.xml with every language's pages and their `hreflang` alternates."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap covers the site's own (German) tree; this one adds each language's tree and
    links the translations of a page to each other."""

    def items(self):
        site = self.get_wagtail_site()
        in_a_tree = Q()
        for root in site.root_page.get_translations(inclusive=True):
            in_a_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_a_tree)
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = {}
        entries = []
        for item in pages:
            for url in item.get_sitemap_urls(self.request):
                # A page may list URLs below it (e.g. the partner finder its partners); each such URL
                # names its own translation key, so its language versions are linked to each other.
                key = url.pop("translation_key", item.translation_key)
                entries.append((key, url))
                alternates.setdefault(key, []).append(
                    {"lang_code": item.locale.language_code, "location": url["location"]}
                )
        urls = []
        for key, url in entries:
            if len(alternates[key]) > 1:
                url["alternates"] = alternates[key]
            urls.append(url)
        lastmods = [url.get("lastmod") for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
