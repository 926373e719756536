"""Resources in bulk for the search benchmark (`manage.py generate_bulk_content --resources N`, see
`search.bulk`): built from a table of offers (a projector, a seminar room, a flyer budget, coaching, ...)
with German titles and texts, every fourth also in English, Turkish and Arabic (the translation rows share
the German row's translation key, as wagtail-localize's do; they have no translation source, so editors
would not re-sync them – this is benchmark data). Each has a district, one or two engagement fields and
believable numbers; some items and rooms carry approved reservations for today, some budgets grants, so
availability varies. Slugs start with `bulk-`.
"""

import random
import uuid
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from catalogue.models import Grant, Reservation, Resource, ResourceEngagementField, StockStatus
from search.bulk import OCCASION_COLUMN, OCCASIONS, SEED, TRANSLATED_EVERY, Vocabulary, chunks, stable_key
from search.sync import paused

OPTION = "resources"
DEFAULT = 10_000
HELP = "resources wanted (default 10000)"

RESOURCE_PREFIX = "bulk-"
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
    key = stable_key("resource", number)
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
    for numbers in chunks(missing):
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
        created += [stable_key("resource", number) for number in numbers]
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


generate = generate_resources
