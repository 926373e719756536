"""Demo content of the search app: editors' picks (Wagtail's search promotions) for a few queries, and
synonym groups in every language (translated through wagtail-localize, as editors would).

The search entries and indexes are built once at the end of loading (`DemoLoader.run`), also for a
database that had its demo content before the search app existed (in production, deploying runs
`update_index`). The picks and synonyms are in `demo/search.toml`; a demo loaded before the synonyms
existed gets them with `load_demo_content --full`.
"""

from django.conf import settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from .models import SynonymGroup

ORDER = 90


def load(loader):
    data = loader.data("search")
    for group in data.get("synonyms", []):
        synonyms = loader.snippet(SynonymGroup, {"words": group["words"].de})
        loader.translate(synonyms)
    for pick in data["pick"]:
        query_string, slug, description = pick["query"], pick["page"], pick["description"]
        page = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, slug=slug).first()
        if page is None:
            continue
        query = Query.get(query_string)
        if not SearchPromotion.objects.filter(query=query, page=page).exists():
            SearchPromotion.objects.create(query=query, page=page, description=description, sort_order=0)
            loader.stats.created += 1
