"""Demo content of the catalogue: the catalogue page, 36 sample resources (German with English, Turkish
and Arabic) and the reservations and grants behind their availability. The vocabulary they use comes
first (`taxonomy/demo.py`), the request form after them (`resource_requests/demo.py`).

The texts and numbers are in `demo/resources.toml`; this module turns its records into objects. Dates
count from the day the demo is first loaded.
"""

import datetime
from decimal import Decimal

from django.db import models
from django.utils import timezone

from taxonomy.models import District

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
    data = loader.data("resources")
    index = catalogue_page(loader, data["catalogue"])
    resources = load_resources(loader, data)
    load_stock(resources, data)
    loader.registry["resources"] = resources
    # The catalogue is what most visitors come for: first in the main menu.
    loader.registry.setdefault("main_menu", []).insert(0, index)


def catalogue_page(loader, page):
    for language, slug in page["slugs"].items():
        loader.memory.add(page["slug"], language, slug)
    index = loader.page(
        loader.registry["home_page"],
        ResourceIndexPage,
        page["slug"],
        title=page["title"],
        intro=page["intro"],
        search_description=page["search_description"],
    )
    loader.translate(index)
    return index


def _facts(facts):
    """A resource's facts as the model's fields take them: amounts in euros as decimals."""
    return {
        name: Decimal(str(value))
        if isinstance(Resource._meta.get_field(name), models.DecimalField)
        else value
        for name, value in facts.items()
    }


def load_resources(loader, data):
    shared = data["texts"]
    categories = loader.registry["resource_categories"]
    fields = loader.registry["engagement_fields"]
    districts = {district.slug: district for district in District.objects.all()}
    documents = {
        key: loader.document(document["file_title"], document["lines"])
        for key, document in data["document"].items()
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
    for entry in data["resource"]:
        for language, slug in entry["slugs"].items():
            loader.memory.add(entry["slug"], language, slug)
        kind = entry["kind"]
        contact = data["contact"][entry["contact"]]
        children = {
            "engagement_field_links": [
                ResourceEngagementField(engagement_field=fields[slug], sort_order=position)
                for position, slug in enumerate(entry["fields"])
            ]
        }
        if "image" in entry:
            image = entry["image"]
            children["images"] = [
                ResourceImage(
                    image=loader.image(image["title"], motif=image["motif"]), alt_text=image["alt"].de
                )
            ]
        if "download" in entry:
            document = data["document"][entry["download"]]
            children["downloads"] = [
                ResourceDownload(document=documents[entry["download"]], title=document["title"].de)
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
            contact_name=contact["name"],
            contact_email=contact["email"],
            contact_phone=contact["phone"],
            room_equipment=entry.get("room_equipment", ""),
            typical_duration=entry.get("typical_duration", ""),
            **_facts(entry["facts"]),
            **children,
        )
        loader.translate(resource, languages=["en", "tr", "ar"])
        resources[entry["slug"]] = resource
    return resources


def load_stock(resources, data):
    """Reservations and grants, found by their reference; dates count from the day of the first load.

    Written in one query each (no revisions, and the search entries are rebuilt after loading anyway).
    """
    today = timezone.localdate()
    note = "Beispieldaten / sample data"
    references = [entry["reference"] for entry in data["reservation"]]
    existing = set(Reservation.objects.filter(reference__in=references).values_list("reference", flat=True))
    Reservation.objects.bulk_create(
        Reservation(
            reference=entry["reference"],
            resource=resources[entry["resource"]],
            start=today + datetime.timedelta(days=entry["first_day"]),
            end=today + datetime.timedelta(days=entry["last_day"]),
            quantity=entry["quantity"],
            status=entry["status"],
            note=note,
        )
        for entry in data["reservation"]
        if entry["reference"] not in existing
    )
    references = [entry["reference"] for entry in data["grant"]]
    existing = set(Grant.objects.filter(reference__in=references).values_list("reference", flat=True))
    Grant.objects.bulk_create(
        Grant(
            reference=entry["reference"],
            resource=resources[entry["resource"]],
            amount=Decimal(str(entry["amount"])),
            granted_on=today - datetime.timedelta(days=entry["days_ago"]),
            status=entry["status"],
            note=note,
        )
        for entry in data["grant"]
        if entry["reference"] not in existing
    )
