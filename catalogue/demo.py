"""Demo content of the catalogue: the catalogue page, 36 sample resources (German with English, Turkish
and Arabic) and the reservations and grants behind their availability. The vocabulary they use comes
first (`taxonomy/demo.py`), the request form after them (`resource_requests/demo.py`)."""

import datetime

from django.utils import timezone

from taxonomy.models import District

from . import demo_resources
from .models import (
    Grant,
    Reservation,
    Resource,
    ResourceDownload,
    ResourceEngagementField,
    ResourceImage,
    ResourceIndexPage,
)

ORDER = 10


def load(loader):
    index = catalogue_page(loader)
    resources = load_resources(loader)
    load_stock(resources)
    loader.registry["resources"] = resources
    # The catalogue is what most visitors come for: first in the main menu.
    loader.registry.setdefault("main_menu", []).insert(0, index)


def catalogue_page(loader):
    t = loader.text
    for language, slug in {
        "en": "resources",
        "tr": "kaynaklar",
        "ar": "resources",
        "uk": "resources",
        "pl": "zasoby",
    }.items():
        loader.memory.add("ressourcen", language, slug)
    index = loader.page(
        loader.registry["home_page"],
        ResourceIndexPage,
        "ressourcen",
        title=t("Ressourcen", en="Resources", tr="Kaynaklar", ar="الموارد", uk="Ресурси", pl="Zasoby"),
        intro=t(
            "Was Ihr Verein beim House of Resources bekommen kann – und was gerade noch verfügbar ist.",
            en="What your association can get from House of Resources – and what is still available right now.",
            tr="Derneğinizin House of Resources'tan neler alabileceği – ve şu anda nelerin hâlâ mevcut olduğu.",
            ar="ما يمكن لجمعيتكم الحصول عليه من House of Resources – وما زال متاحًا الآن.",
            uk="Що ваше об'єднання може отримати від House of Resources – і що зараз ще доступне.",
            pl="Co Wasze stowarzyszenie może otrzymać od House of Resources – i co jest jeszcze dostępne.",
        ),
        search_description=t(
            "Geräte, Räume, Geld und Beratung für Dortmunder Migrantenvereine.",
            en="Equipment, rooms, money and advice for migrant associations in Dortmund.",
            tr="Dortmund'daki göçmen dernekleri için cihazlar, mekânlar, maddi destek ve danışmanlık.",
            ar="أجهزة وقاعات ودعم مالي واستشارات لجمعيات المهاجرين في دورتموند.",
            uk="Обладнання, приміщення, гроші та консультації для об'єднань мігрантів у Дортмунді.",
            pl="Sprzęt, sale, pieniądze i doradztwo dla stowarzyszeń migrantów w Dortmundzie.",
        ),
    )
    loader.translate(index)
    return index


def load_resources(loader):
    t = loader.text
    shared = demo_resources.shared_texts(t)
    categories = loader.registry["resource_categories"]
    fields = loader.registry["engagement_fields"]
    districts = {district.slug: district for district in District.objects.all()}
    documents = {
        "doc_lending": loader.document(
            "Leihvertrag (Muster)",
            ["House of Resources Dortmund - Leihvertrag (Musterdokument)", "Beispieldaten / sample data"],
        ),
        "doc_room": loader.document(
            "Raumnutzungsvereinbarung (Muster)",
            ["House of Resources Dortmund - Raumnutzung (Musterdokument)", "Beispieldaten / sample data"],
        ),
        "doc_funding": loader.document(
            "Merkblatt Foerderung und Belege (Muster)",
            [
                "House of Resources Dortmund - Foerderung und Belege (Musterdokument)",
                "Beispieldaten / sample data",
            ],
        ),
    }
    conditions = {
        Resource.Kind.LENDABLE: shared["conditions_lending"],
        Resource.Kind.ROOM: shared["conditions_room"],
        Resource.Kind.MONEY: shared["conditions_money"],
        Resource.Kind.COACHING: shared["conditions_coaching"],
        Resource.Kind.OTHER: shared["conditions_coaching"],
    }
    places = {
        Resource.Kind.LENDABLE: shared["office"],
        Resource.Kind.ROOM: shared["room_keys"],
        Resource.Kind.COACHING: shared["online"],
    }
    today = timezone.localdate()
    resources = {}
    for entry in demo_resources.resources(t):
        for language, slug in entry["slugs"].items():
            loader.memory.add(entry["slug"], language, slug)
        kind = entry["kind"]
        name, email, phone = demo_resources.CONTACTS[entry["contact"]]
        children = {
            "engagement_field_links": [
                ResourceEngagementField(engagement_field=fields[slug], sort_order=position)
                for position, slug in enumerate(entry["fields"])
            ]
        }
        if "image" in entry:
            title, colours = entry["image"]
            children["images"] = [
                ResourceImage(image=loader.image(title, colours), alt_text=shared["alt"].de)
            ]
        if "download" in entry:
            children["downloads"] = [
                ResourceDownload(document=documents[entry["download"]], title=shared[entry["download"]].de)
            ]
        resource = loader.snippet(
            Resource,
            {"slug": entry["slug"]},
            title=entry["title"],
            summary=entry["summary"],
            description=entry["description"],
            category=categories[entry["category"]],
            kind=kind,
            featured=entry.get("featured", False),
            conditions=conditions[kind],
            requires_logos=entry.get("requires_logos", False),
            pickup_place=places.get(kind, ""),
            district=districts.get(entry.get("district")),
            available_from=today + datetime.timedelta(days=30) if entry.get("not_yet") else None,
            contact_name=name,
            contact_email=email,
            contact_phone=phone,
            room_equipment=entry.get("room_equipment", ""),
            typical_duration=entry.get("typical_duration", ""),
            **entry["facts"],
            **children,
        )
        loader.translate(resource, languages=["en", "tr", "ar"])
        resources[entry["slug"]] = resource
    return resources


def load_stock(resources):
    """Reservations and grants, found by their reference; dates count from the day of the first load."""
    today = timezone.localdate()
    for slug, reference, first, last, quantity, status in demo_resources.RESERVATIONS:
        Reservation.objects.get_or_create(
            reference=reference,
            defaults={
                "resource": resources[slug],
                "start": today + datetime.timedelta(days=first),
                "end": today + datetime.timedelta(days=last),
                "quantity": quantity,
                "status": status,
                "note": "Beispieldaten / sample data",
            },
        )
    for slug, reference, amount, days_ago, status in demo_resources.GRANTS:
        Grant.objects.get_or_create(
            reference=reference,
            defaults={
                "resource": resources[slug],
                "amount": amount,
                "granted_on": today - datetime.timedelta(days=days_ago),
                "status": status,
                "note": "Beispieldaten / sample data",
            },
        )
