"""Demo content of the search app: editors' picks (Wagtail's search promotions) for a few queries.

The search entries and indexes are built once at the end of loading (`DemoLoader.run`), also for a
database that had its demo content before the search app existed (in production, deploying runs
`update_index`). The picks are in `demo/search.toml`.
"""

from django.conf import settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

ORDER = 90


def load(loader):
    for pick in loader.data("search")["pick"]:
        query_string, slug, description = pick["query"], pick["page"], pick["description"]
        page = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, slug=slug).first()
        if page is None:
            continue
        query = Query.get(query_string)
        if not SearchPromotion.objects.filter(query=query, page=page).exists():
            SearchPromotion.objects.create(query=query, page=page, description=description, sort_order=0)
            loader.stats.created += 1
