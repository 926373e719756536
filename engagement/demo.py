"""Demo content of the engagement app: the examples page and twelve engagement examples.

Sample data: the associations' projects, quotes and the people quoted are invented (`is_sample` is set and
the page says so); some associations are the demo partner directory's invented migrant associations.
Every example links demo partner organisations and catalogue resources, so their pages list it. German
is the source; everything is translated into English, Turkish and Arabic (index page: all six languages).
The texts and numbers are in `demo/examples.toml`; this module turns its records into objects.
"""

from catalogue.models import Resource
from engagement.models import EngagementExamplePage, EngagementIndexPage
from home.demo_support import stream
from partners.models import PartnerOrganisation
from taxonomy.models import District, EngagementField

ORDER = 40


def index_page(loader, page):
    for language, slug in page["slugs"].items():
        loader.memory.add(page["slug"], language, slug)
    index = loader.page(
        loader.registry["home_page"],
        EngagementIndexPage,
        page["slug"],
        title=page["title"],
        intro=page["intro"],
        search_description=page["search_description"],
    )
    loader.translate(index)
    return index


def load(loader):
    data = loader.data("examples")
    index = index_page(loader, data["index"])
    loader.registry.setdefault("main_menu", []).append(index)

    s = data["texts"]
    districts = {district.slug: district for district in District.objects.all()}
    fields = {term.slug: term for term in EngagementField.objects.filter(locale__language_code="de")}
    partners = {p.slug: p for p in PartnerOrganisation.objects.filter(locale__language_code="de")}
    resources = {r.slug: r for r in Resource.objects.filter(locale__language_code="de")}

    for entry in data["example"]:
        for language in ("en", "tr", "ar"):
            slug = entry["slugs"].get(language) or entry["slugs"]["en"]
            loader.memory.add(entry["slug"], language, slug)
        image = loader.image(f"Engagementbeispiel: {entry['title'].de} (Beispielbild)", motif="community")
        gallery = [
            (
                "image",
                {
                    "image": {
                        "image": loader.image(
                            f"Engagementbeispiel: {entry['title'].de} ({position + 2}, Beispielbild)",
                            motif="community",
                        ).pk,
                        "alt_text": s["alt"],
                        "decorative": False,
                    },
                    "caption": s["caption"],
                },
            )
            for position in range(entry.get("gallery", 0))
        ]
        example = loader.page(
            index,
            EngagementExamplePage,
            entry["slug"],
            title=entry["title"],
            association=entry["association"],
            summary=entry["summary"],
            story=entry["story"],
            year=entry["year"],
            district=districts[entry["district"]],
            engagement_fields=[fields[slug] for slug in entry["fields"]],
            partners=[partners[slug] for slug in entry["partners"]],
            resources=[resources[slug] for slug in entry["resources"]],
            quote=entry.get("quote", ""),
            quote_attribution=entry.get("attribution", ""),
            image=image,
            image_alt=s["alt"],
            gallery=stream(gallery),
            is_sample=True,
        )
        loader.translate(example, languages=["en", "tr", "ar"])
