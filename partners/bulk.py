"""Partners in bulk for the search benchmark (`manage.py generate_bulk_content --partners N`, see
`search.bulk`): marked as sample data (`is_sample`, "Beispiel" in the name), with fields, districts,
languages, target groups and cooperation topics; every fourth also in Turkish and Arabic. Slugs start
with `beispiel-`.
"""

import random

from django.db import transaction
from django.utils import timezone

from partners.models import PartnerOrganisation, SpokenLanguage
from search.bulk import OCCASION_COLUMN, OCCASIONS, SEED, TRANSLATED_EVERY, Vocabulary, chunks, stable_key
from search.sync import paused

OPTION = "partners"
DEFAULT = 2_000
HELP = "partners wanted (default 2000)"
PARTNER_PREFIX = "beispiel-"

# Partners: (German word for the kind of group, organisation kind)
GROUPS = [
    ("Kulturverein", PartnerOrganisation.Kind.MIGRANT_ASSOCIATION),
    ("Elternverein", PartnerOrganisation.Kind.MIGRANT_ASSOCIATION),
    ("Jugendverein", PartnerOrganisation.Kind.MIGRANT_ASSOCIATION),
    ("Sportverein", PartnerOrganisation.Kind.CIVIL_SOCIETY),
    ("Frauentreff", PartnerOrganisation.Kind.CIVIL_SOCIETY),
    ("Nachbarschaftsinitiative", PartnerOrganisation.Kind.CIVIL_SOCIETY),
    ("Bildungswerk", PartnerOrganisation.Kind.EDUCATION),
    ("Stadtteilzentrum", PartnerOrganisation.Kind.MUNICIPAL),
    ("Umweltgruppe", PartnerOrganisation.Kind.CIVIL_SOCIETY),
    ("Seniorentreff", PartnerOrganisation.Kind.OTHER),
    ("Stiftung", PartnerOrganisation.Kind.FOUNDATION),
]
ORIGINS = [
    ("Deutsch-Türkischer", "tr"),
    ("Polnischer", "pl"),
    ("Syrischer", "ar"),
    ("Ukrainischer", "uk"),
    ("Griechischer", "el"),
    ("Afrikanischer", "fr"),
    ("Kurdischer", "ku"),
    ("Internationaler", "en"),
    ("Interkultureller", "ru"),
]
PARTNER_TEXTS = {
    "de": "{name} ist ein Beispiel-Partner im Stadtbezirk {district}: Treffen, Beratung und Angebote für {occasion}.",
    "tr": "{name}, {district} bölgesinde örnek bir ortaktır: {occasion} için buluşmalar, danışmanlık ve etkinlikler.",
    "ar": "{name} شريك تجريبي في حي {district}: لقاءات واستشارات وعروض لـ{occasion}.",
}


def partner_slug(number):
    return f"{PARTNER_PREFIX}{number}"


def _partner_rows(number, vocabulary, languages, now):
    rng = random.Random(SEED * 2_000_003 + number)  # noqa: S311 - sample data, not secrets
    group, kind = GROUPS[number % len(GROUPS)]
    origin, spoken = ORIGINS[rng.randrange(len(ORIGINS))]
    district = vocabulary.districts[rng.randrange(len(vocabulary.districts))]
    occasion = OCCASIONS[rng.randrange(len(OCCASIONS))]
    name = f"{origin} {group} {district.name} (Beispiel {number})"
    relations = {
        "engagement_fields": rng.sample(sorted(vocabulary.fields["de"]), rng.choice((1, 2, 3))),
        "target_groups": rng.sample(sorted(vocabulary.groups["de"]), 2),
        "offers": rng.sample(sorted(vocabulary.topics["de"]), 2),
        "looks_for": rng.sample(sorted(vocabulary.topics["de"]), 1),
        "districts": sorted(
            {district.slug, vocabulary.districts[rng.randrange(len(vocabulary.districts))].slug}
        ),
        "languages": sorted({"de", spoken} & set(languages)),
    }
    languages = ["de", "tr", "ar"] if number % TRANSLATED_EVERY == 1 else ["de"]
    key = stable_key("partner", number)
    rows = []
    for language in languages:
        description = PARTNER_TEXTS[language].format(
            name=name, district=district.name, occasion=occasion[OCCASION_COLUMN[language]]
        )
        rows.append(
            PartnerOrganisation(
                translation_key=key,
                locale=vocabulary.locales[language],
                live=True,
                first_published_at=now,
                last_published_at=now,
                name=name,
                slug=partner_slug(number),
                kind=kind,
                description=description,
                street=f"Beispielstraße {number % 200 + 1}",
                postcode="44137",
                city="Dortmund",
                district=district,
                email=f"beispiel{number}@example.org",
                is_sample=True,
            )
        )
    return rows, relations


def generate_partners(count, vocabulary=None):
    """Bring the generated partners up to `count`; returns the translation keys of those created."""
    vocabulary = vocabulary or Vocabulary.load()
    existing = set(
        PartnerOrganisation.objects.filter(
            locale__language_code="de", slug__startswith=PARTNER_PREFIX
        ).values_list("slug", flat=True)
    )
    now = timezone.now()
    created = []
    missing = [number for number in range(count) if partner_slug(number) not in existing]
    districts = {district.slug: district for district in vocabulary.districts}
    languages = {language.code: language for language in SpokenLanguage.objects.all()}
    for numbers in chunks(missing):
        with transaction.atomic(), paused():
            partners, relations = [], []
            for number in numbers:
                rows, related = _partner_rows(number, vocabulary, languages, now)
                partners += rows
                relations += [(row, related) for row in rows]
            PartnerOrganisation.objects.bulk_create(partners)
            for name, terms in (
                ("engagement_fields", vocabulary.fields),
                ("target_groups", vocabulary.groups),
                ("offers", vocabulary.topics),
                ("looks_for", vocabulary.topics),
            ):
                relation = PartnerOrganisation._meta.get_field(name)
                through = relation.remote_field.through
                source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
                through.objects.bulk_create(
                    through(**{source: row, target: vocabulary.term(terms, row.locale.language_code, slug)})
                    for row, related in relations
                    for slug in related[name]
                )
            PartnerOrganisation.districts.through.objects.bulk_create(
                PartnerOrganisation.districts.through(partnerorganisation=row, district=districts[slug])
                for row, related in relations
                for slug in related["districts"]
            )
            PartnerOrganisation.languages.through.objects.bulk_create(
                PartnerOrganisation.languages.through(partnerorganisation=row, spokenlanguage=languages[code])
                for row, related in relations
                for code in related["languages"]
            )
        created += [stable_key("partner", number) for number in numbers]
    return created


generate = generate_partners
