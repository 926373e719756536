"""Demo content of the partners app: the finder page, its vocabulary and 44 partner organisations.

The texts and numbers are in `demo/partners.toml`; this module turns its records into objects.

Every organisation, address, phone number and e-mail address here is invented (sample data: `is_sample`
is set, the admin lists it and the public page says so). Phone numbers use the fictitious range
0231 000 xx xx, e-mail addresses example.org. German is the source; names, descriptions and opening
hours are translated into English, Turkish and Arabic, the short vocabulary into all six languages.
Ukrainian and Polish visitors see the organisations in German (marked as such).
"""

from partners.models import PartnerFinderPage, PartnerOrganisation, SpokenLanguage, ascii_slug
from taxonomy.demo import load_terms
from taxonomy.models import CooperationTopic, District, TargetGroup

ORDER = 30


LOGO_COLOURS = [
    ("#0b5c7a", "#f5f3ee", "#ffbf47"),
    ("#a33a17", "#fff4d6", "#0b5c7a"),
    ("#1f6f3d", "#f5f3ee"),
]


def load(loader):
    data = loader.data("partners")
    home = loader.registry["home_page"]

    page = data["finder"]
    finder = loader.page(
        home,
        PartnerFinderPage,
        page["slug"],
        title=page["title"],
        intro=page["intro"],
        search_description=page["search_description"],
    )
    for language, slug in page["slugs"].items():
        loader.memory.add(page["slug"], language, slug)
    loader.translate(finder)
    loader.registry.setdefault("main_menu", []).append(finder)

    vocabulary = {
        CooperationTopic: load_terms(loader, CooperationTopic, data["topic"]),
        TargetGroup: load_terms(loader, TargetGroup, data["target_group"]),
    }

    fields = loader.registry["engagement_fields"]
    districts = {district.slug: district for district in District.objects.all()}
    languages = {language.code: language for language in SpokenLanguage.objects.all()}
    hours = data["opening_hours"]

    for number, entry in enumerate(data["partner"], start=1):
        name = entry["name"]
        slug = ascii_slug(name.de)
        for language in ("en", "tr", "ar"):
            translated = name.get(language) or name.de
            loader.memory.add(name.de, language, translated)
            source = "en" if language == "ar" else language  # Arabic pages get English slugs
            loader.memory.add(slug, language, ascii_slug(name.get(source) or name.de, source))
        logo = None
        if entry["logo"]:
            logo = loader.image(
                f"Logo: {name.de} (Beispiel)", LOGO_COLOURS[number % 3], shapes=2, size=(320, 200)
            )
        partner = loader.snippet(
            PartnerOrganisation,
            {"slug": slug},
            name=name,
            kind=entry["kind"],
            description=entry["description"],
            logo=logo,
            engagement_fields=[fields[key] for key in entry["fields"]],
            districts=[districts[key] for key in entry["districts"]],
            district=districts[entry["address_district"]],
            street=entry["street"],
            postcode=entry["postcode"],
            city="Dortmund",
            languages=[languages[code] for code in entry["languages"]],
            target_groups=[vocabulary[TargetGroup][key] for key in entry["target_groups"]],
            offers=[vocabulary[CooperationTopic][key] for key in entry["offers"]],
            looks_for=[vocabulary[CooperationTopic][key] for key in entry["looks_for"]],
            opening_hours=hours[entry["opening_hours"]],
            website=f"https://{slug}.example.org/",
            email=f"kontakt@{slug}.example.org",
            hide_email=entry["hide_email"],
            phone=f"+49 231 000 {number // 100:02d} {number % 100:02d}",
            is_sample=True,
        )
        loader.translate(partner)
