"""The catalogue page: the listing at /de/ressourcen/ and every resource below it.

Resources are snippets, not pages, so the index page serves them itself (`RoutablePageMixin`):
`<index>/<slug>/` shows the resource whose slug in the page's language is `<slug>`. The index page's
own slug is translated with the page (/de/ressourcen/, /en/resources/, /tr/kaynaklar/ ...), and a
resource's slug with the resource, so every language has its own readable addresses.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage


class ResourceIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2)]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("resource catalogue")
        verbose_name_plural = _("resource catalogues")

    @path("")
    def listing(self, request):
        # The views import this module's models: they are looked up when a request comes, not at import.
        from catalogue.views import resource_listing

        return resource_listing(request, self)

    @re_path(r"^(?P<slug>[-\w]+)/$", name="resource")
    def resource(self, request, slug):
        from catalogue.views import resource_detail

        return resource_detail(request, self, slug)

    def resource_url(self, resource):
        return self.url + self.reverse_subpage("resource", kwargs={"slug": resource.slug})
