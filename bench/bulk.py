"""Sample content in bulk (Beispieldaten) for the search benchmark: thousands of resources and partners.

`bench/generate_bulk_content.py --resources 10000 --partners 2000` (see the script) scales the demo up
so `make bench` can measure search at a size the demo content does not reach. Benchmark data: it lives
under `bench/`, which `pip install .` does not ship. What it writes:

- **Resources** built from a table of offers (a projector, a seminar room, a flyer budget, coaching, ...)
  with German titles and texts, every fourth also in English, Turkish and Arabic (the translation rows
  share the German row's translation key, as wagtail-localize's do; they have no translation source, so
  editors would not re-sync them – this is benchmark data). Each has a district, one or two engagement
  fields and believable numbers; some items and rooms carry approved reservations for today, some
  budgets grants, so availability varies.
- **Partners**, marked as sample data (`is_sample`, "Beispiel" in the name), with fields, districts,
  languages, target groups and cooperation topics; every fourth also in Turkish and Arabic.

Everything is deterministic: object number *n* always gets the same text, slug and numbers, and its slug
starts with `bulk-` (resources) or `beispiel-` (partners). Running again with the same numbers creates
nothing; larger numbers add what is missing (use a database of its own: nothing removes it again). Rows
are written with
`bulk_create` in batches – no `save()`, no signals – so the search entries are built afterwards in one
go (`update_index`), not one object at a time.
"""

import random
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from catalogue.models import Grant, Reservation, Resource, ResourceEngagementField, StockStatus
from partners.models import PartnerOrganisation, SpokenLanguage
from search.sync import paused
from taxonomy.models import CooperationTopic, District, EngagementField, ResourceCategory, TargetGroup

RESOURCE_PREFIX = "bulk-"
PARTNER_PREFIX = "beispiel-"
BATCH = 500
TRANSLATED_EVERY = 4
SEED = 7

LENDABLE = Resource.Kind.LENDABLE
ROOM = Resource.Kind.ROOM
MONEY = Resource.Kind.MONEY
COACHING = Resource.Kind.COACHING
OTHER = Resource.Kind.OTHER

# (kind, category slug, slug word, German, English, Turkish, Arabic)
OFFERS = [
    (LENDABLE, "geraete-und-technik", "beamer", "Beamer", "Projector", "Projeksiyon cihazı", "جهاز عرض"),
    (LENDABLE, "geraete-und-technik", "leinwand", "Leinwand", "Projection screen", "Perde", "شاشة عرض"),
    (
        LENDABLE,
        "geraete-und-technik",
        "lautsprecher",
        "Lautsprecherbox",
        "Loudspeaker",
        "Hoparlör",
        "مكبر صوت",
    ),
    (
        LENDABLE,
        "geraete-und-technik",
        "mikrofon",
        "Funkmikrofon",
        "Wireless microphone",
        "Kablosuz mikrofon",
        "ميكروفون لاسلكي",
    ),
    (LENDABLE, "geraete-und-technik", "festzelt", "Festzelt", "Marquee", "Parti çadırı", "خيمة احتفالات"),
    (
        LENDABLE,
        "geraete-und-technik",
        "bierzeltgarnitur",
        "Bierzeltgarnitur",
        "Beer tent set",
        "Bira masası takımı",
        "طقم طاولات ومقاعد",
    ),
    (LENDABLE, "geraete-und-technik", "laptop", "Laptop", "Laptop", "Dizüstü bilgisayar", "حاسوب محمول"),
    (
        LENDABLE,
        "geraete-und-technik",
        "kamera",
        "Digitalkamera",
        "Digital camera",
        "Dijital fotoğraf makinesi",
        "كاميرا رقمية",
    ),
    (LENDABLE, "geraete-und-technik", "lastenrad", "Lastenrad", "Cargo bike", "Yük bisikleti", "دراجة شحن"),
    (LENDABLE, "geraete-und-technik", "stehtisch", "Stehtisch", "Standing table", "Bar masası", "طاولة وقوف"),
    (ROOM, "raeume", "gruppenraum", "Gruppenraum", "Group room", "Grup odası", "غرفة مجموعات"),
    (ROOM, "raeume", "seminarraum", "Seminarraum", "Seminar room", "Seminer odası", "قاعة ندوات"),
    (ROOM, "raeume", "saal", "Veranstaltungssaal", "Event hall", "Etkinlik salonu", "قاعة فعاليات"),
    (ROOM, "raeume", "werkstatt", "Werkstattraum", "Workshop room", "Atölye odası", "غرفة ورشة"),
    (
        MONEY,
        "kostenuebernahme",
        "raummiete",
        "Zuschuss zur Raummiete",
        "Grant for room rent",
        "Salon kirası desteği",
        "دعم إيجار القاعة",
    ),
    (
        MONEY,
        "kostenuebernahme",
        "fahrtkosten",
        "Fahrtkostenzuschuss",
        "Travel cost grant",
        "Yol masrafı desteği",
        "دعم تكاليف التنقل",
    ),
    (
        MONEY,
        "oeffentlichkeitsarbeit",
        "flyer",
        "Flyer und Plakate",
        "Flyers and posters",
        "Broşür ve afişler",
        "منشورات وملصقات",
    ),
    (
        COACHING,
        "praktische-begleitung",
        "foerdermittel",
        "Fördermittelberatung",
        "Funding advice",
        "Hibe danışmanlığı",
        "استشارة التمويل",
    ),
    (
        COACHING,
        "praktische-begleitung",
        "vereinsgruendung",
        "Beratung zur Vereinsgründung",
        "Advice on founding an association",
        "Dernek kurma danışmanlığı",
        "استشارة تأسيس جمعية",
    ),
    (
        OTHER,
        "weiteres",
        "erste-hilfe",
        "Erste-Hilfe-Set",
        "First aid kit",
        "İlk yardım seti",
        "حقيبة إسعافات أولية",
    ),
]

# What the offer is good for: (German, English, Turkish, Arabic).
OCCASIONS = [
    ("Vereinsfeste", "association festivals", "dernek şenlikleri", "احتفالات الجمعيات"),
    ("Workshops", "workshops", "atölyeler", "ورش العمل"),
    ("Elternabende", "parents' evenings", "veli toplantıları", "لقاءات أولياء الأمور"),
    ("Kulturabende", "cultural evenings", "kültür akşamları", "الأمسيات الثقافية"),
    ("Hausaufgabenhilfe", "homework help", "ödev yardımı", "المساعدة في الواجبات المدرسية"),
    ("Nachbarschaftstreffen", "neighbourhood meetings", "komşuluk buluşmaları", "لقاءات الجيران"),
    ("Sprachkurse", "language courses", "dil kursları", "دورات اللغة"),
    ("Sportturniere", "sports tournaments", "spor turnuvaları", "البطولات الرياضية"),
]

DESCRIPTION = (
    "<p>{offer} für gemeinnützige Aktivitäten von Dortmunder Vereinen, besonders für {occasion}. "
    "Abholung und Rückgabe nach Absprache im Stadtbezirk {district}.</p>"
    "<p>Beispieldaten für den Lasttest der Suche.</p>"
)
TEXTS = {
    "de": ("{offer} in {district}", "{offer} für {occasion} in {district}, nach Absprache."),
    "en": ("{offer} in {district}", "{offer} for {occasion} in {district}, by arrangement."),
    "tr": ("{district} bölgesinde {offer}", "{district} bölgesinde {occasion} için {offer}, anlaşmaya göre."),
    "ar": ("{offer} في {district}", "{offer} لـ{occasion} في {district}، بالاتفاق."),
}
LANGUAGE_COLUMN = {"de": 3, "en": 4, "tr": 5, "ar": 6}
OCCASION_COLUMN = {"de": 0, "en": 1, "tr": 2, "ar": 3}

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


@dataclass
class Vocabulary:
    """The terms generated content points at, per language (translation key -> term)."""

    locales: dict
    categories: dict
    fields: dict
    districts: list
    topics: dict
    groups: dict
    languages: dict

    @classmethod
    def load(cls):
        locales = {locale.language_code: locale for locale in Locale.objects.all()}

        def by_language(model):
            terms = {}
            for term in model.objects.filter(live=True).select_related("locale").order_by("pk"):
                terms.setdefault(term.locale.language_code, {})[term.slug] = term
            return terms

        return cls(
            locales=locales,
            categories=by_language(ResourceCategory),
            fields=by_language(EngagementField),
            districts=list(District.objects.order_by("slug")),
            topics=by_language(CooperationTopic),
            groups=by_language(TargetGroup),
            languages={language.code: language for language in SpokenLanguage.objects.all()},
        )

    def term(self, terms, language, slug):
        """The term in `language`, the German one where it is not translated."""
        return terms.get(language, {}).get(slug) or terms["de"][slug]


def _key(kind, number):
    """A stable translation key per generated object (the same every run)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"hor-portal-bulk/{kind}/{number}")


def _chunks(objects):
    for start in range(0, len(objects), BATCH):
        yield objects[start : start + BATCH]


# --- Resources ---------------------------------------------------------------------------------------


def resource_slug(number):
    offer = OFFERS[number % len(OFFERS)]
    return f"{RESOURCE_PREFIX}{number}-{offer[2]}"


def _resource_rows(number, vocabulary, now):
    rng = random.Random(SEED * 1_000_003 + number)  # noqa: S311 - sample data, not secrets
    kind, category_slug, _word, *names = OFFERS[number % len(OFFERS)]
    occasion = OCCASIONS[rng.randrange(len(OCCASIONS))]
    district = vocabulary.districts[rng.randrange(len(vocabulary.districts))]
    fields = rng.sample(sorted(vocabulary.fields["de"]), rng.choice((1, 1, 2)))
    numbers = {
        "kind": kind,
        "district": district,
        "requires_logos": category_slug == "oeffentlichkeitsarbeit",
    }
    if kind == LENDABLE:
        numbers.update(units=rng.randint(1, 8), max_lending_days=rng.choice((3, 7, 14)))
    elif kind == ROOM:
        numbers.update(units=1, capacity=rng.choice((12, 20, 30, 45, 80, 120)), step_free=rng.random() < 0.6)
    elif kind == MONEY:
        budget = Decimal(rng.choice((1500, 3000, 5000, 8000)))
        numbers.update(budget=budget, max_amount_per_request=budget / rng.choice((4, 5, 10)))
    elif kind == COACHING:
        numbers.update(
            format=rng.choice(list(Resource.Format)), languages=rng.sample(["de", "tr", "ar", "en"], 2)
        )
    languages = ["de", "en", "tr", "ar"] if number % TRANSLATED_EVERY == 0 else ["de"]
    key = _key("resource", number)
    rows = []
    for language in languages:
        offer = names[LANGUAGE_COLUMN[language] - 3]
        occasion_text = occasion[OCCASION_COLUMN[language]]
        title, summary = TEXTS[language]
        values = {"offer": offer, "occasion": occasion_text, "district": district.name}
        rows.append(
            Resource(
                translation_key=key,
                locale=vocabulary.locales[language],
                live=True,
                first_published_at=now,
                last_published_at=now,
                title=f"{title.format(**values)} · {number}",
                slug=resource_slug(number),
                summary=summary.format(**values),
                description=DESCRIPTION.format(offer=names[0], occasion=occasion[0], district=district.name)
                if language == "de"
                else f"<p>{summary.format(**values)}</p>",
                category=vocabulary.term(vocabulary.categories, language, category_slug),
                contact_email="bulk@vmdo.example",
                **numbers,
            )
        )
    return rows, fields


def generate_resources(count, vocabulary=None):
    """Bring the generated resources up to `count`; returns the translation keys of those created."""
    vocabulary = vocabulary or Vocabulary.load()
    existing = set(
        Resource.objects.filter(locale__language_code="de", slug__startswith=RESOURCE_PREFIX).values_list(
            "slug", flat=True
        )
    )
    now = timezone.now()
    today = timezone.localdate()
    created = []
    missing = [number for number in range(count) if resource_slug(number) not in existing]
    for numbers in _chunks(missing):
        with transaction.atomic(), paused():
            resources, links = [], []
            for number in numbers:
                rows, fields = _resource_rows(number, vocabulary, now)
                resources += rows
                links += [(row, fields) for row in rows]
            Resource.objects.bulk_create(resources)
            ResourceEngagementField.objects.bulk_create(
                ResourceEngagementField(
                    resource=row,
                    engagement_field=vocabulary.term(vocabulary.fields, row.locale.language_code, slug),
                    sort_order=position,
                    locale=row.locale,
                    translation_key=uuid.uuid5(row.translation_key, slug),
                )
                for row, fields in links
                for position, slug in enumerate(fields)
            )
            _stock([row for row in resources if row.locale.language_code == "de"], today)
        created += [_key("resource", number) for number in numbers]
    return created


def _stock(resources, today):
    """Approved reservations (today) and grants for some of them, so availability varies."""
    reservations, grants = [], []
    for resource in resources:
        rng = random.Random(f"{SEED}-stock-{resource.slug}")  # noqa: S311 - sample data
        if resource.kind in (LENDABLE, ROOM) and rng.random() < 0.3:
            reservations.append(
                Reservation(
                    resource=resource,
                    quantity=rng.randint(1, resource.units),
                    start=today,
                    end=today,
                    status=StockStatus.APPROVED,
                    reference="bulk",
                )
            )
        elif resource.kind == MONEY and rng.random() < 0.5:
            grants.append(
                Grant(
                    resource=resource,
                    amount=min(resource.max_amount_per_request, resource.budget),
                    granted_on=today,
                    status=StockStatus.APPROVED,
                    reference="bulk",
                )
            )
    Reservation.objects.bulk_create(reservations)
    Grant.objects.bulk_create(grants)


# --- Partners ----------------------------------------------------------------------------------------


def partner_slug(number):
    return f"{PARTNER_PREFIX}{number}"


def _partner_rows(number, vocabulary, now):
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
        "languages": sorted({"de", spoken} & set(vocabulary.languages)),
    }
    languages = ["de", "tr", "ar"] if number % TRANSLATED_EVERY == 1 else ["de"]
    key = _key("partner", number)
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
    for numbers in _chunks(missing):
        with transaction.atomic(), paused():
            partners, relations = [], []
            for number in numbers:
                rows, related = _partner_rows(number, vocabulary, now)
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
                PartnerOrganisation.languages.through(
                    partnerorganisation=row, spokenlanguage=vocabulary.languages[code]
                )
                for row, related in relations
                for code in related["languages"]
            )
        created += [_key("partner", number) for number in numbers]
    return created
