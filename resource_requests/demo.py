"""Demo content of the request form: the request page (in all six languages), consultation times over the
next weeks (some fully booked), a few sample requests in different states and the checklists after
approval (one per kind of offer).

Loaded right after the catalogue (`ORDER`), whose resources the sample requests ask for. Idempotent: the
page is found by its slug, consultation times by their start, sample requests by their title. Sample
requests go through the same service as real ones (without e-mails) and are marked as sample data; names
and addresses in them are invented. The texts, times and samples are in `demo/requests.toml`; this module
turns its records into objects.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from catalogue.models import Resource
from resource_requests.models import ChecklistTemplate, ConsultationSlot, RequestPage, ResourceRequest

from . import service

ORDER = 11  # after the catalogue (10): the request form follows it in the main menu


def load(loader):
    data = loader.data("requests")
    page = request_page(loader, data["page"])
    slots = consultation_slots(data["consultations"])
    sample_requests(slots, data)
    checklist_templates(loader, data["checklists"])
    loader.registry.setdefault("main_menu", []).append(page)


def request_page(loader, record):
    for language, slug in record["slugs"].items():
        loader.memory.add(record["slug"], language, slug)
    fields = {name: value for name, value in record.items() if name not in ("slug", "slugs")}
    page = loader.page(loader.registry["home_page"], RequestPage, record["slug"], **fields)
    loader.translate(page)
    return page


def checklist_templates(loader, records):
    """The checklists after approval, one per kind, in German and translated through wagtail-localize."""
    for record in records:
        template = loader.snippet(
            ChecklistTemplate,
            {"kind": record["kind"]},
            heading=record["heading"],
            steps=record["steps"],
            proof_days=record["proof_days"],
        )
        loader.translate(template)


def _at(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, time))


def consultation_slots(consultations):
    """The weekly consultation times for the next weeks, found by their start (a run on a later day
    adds the weeks that are missing by then and changes nothing else)."""
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    slots = []
    for week in range(consultations["weeks"] + 1):
        for entry in consultations["weekly"]:
            day = monday + datetime.timedelta(weeks=week, days=entry["weekday"])
            if day <= today:
                continue
            mode = entry["mode"]
            slot, _created = ConsultationSlot.objects.get_or_create(
                start=_at(day, entry["time"]),
                defaults={
                    "mode": mode,
                    "place": consultations["office"] if mode == ConsultationSlot.Mode.IN_PERSON else "",
                    "languages": entry["languages"],
                    "capacity": entry["capacity"],
                    "is_sample": True,
                    "note": consultations["note"],
                },
            )
            slots.append(slot)
    return slots


def _resources():
    return {
        resource.slug: resource for resource in Resource.objects.filter(locale__language_code="de", live=True)
    }


def sample_requests(slots, data):
    resources = _resources()
    today = timezone.localdate()
    common = data["requests"]
    for sample in data["sample"]:
        if ResourceRequest.objects.filter(is_sample=True, plan_title=sample["plan_title"]).exists():
            continue
        items = []
        for entry in sample["items"]:
            resource = resources.get(entry["resource"])
            if resource is None:
                continue
            values = {"quantity": None, "start": None, "end": None, "amount": None}
            if resource.counts_units:
                values.update(
                    quantity=entry["quantity"],
                    start=today + datetime.timedelta(days=entry["first_day"]),
                    end=today + datetime.timedelta(days=entry["last_day"]),
                )
            elif resource.counts_money:
                values["amount"] = Decimal(str(entry["amount"]))
            items.append((resource, values))
        single = [
            slot
            for slot in slots
            if slot.capacity == 1 and slot.start > timezone.now() + datetime.timedelta(days=1)
        ]
        slot_index = sample.get("slot")
        slot = single[slot_index] if slot_index is not None and slot_index < len(single) else None
        phone = sample.get("phone", "")
        values = {
            "association_name": sample["association_name"],
            "register_number": "",
            "district": None,
            "contact_name": sample["contact_name"],
            "email": sample["email"],
            "phone": phone,
            "consultation_language": sample["consultation_language"],
            "plan_title": sample["plan_title"],
            "plan_description": common["plan_description"],
            "plan_start": items[0][1]["start"] if items and items[0][1]["start"] else None,
            "plan_end": items[0][1]["end"] if items and items[0][1]["end"] else None,
            "participants": common["participants"],
            "engagement_field": None,
            "other_partners": "",
            "slot": slot,
            "callback": slot is None,
            "callback_times": common["callback_times"] if slot is None else "",
        }
        try:
            created = service.submit(values, items, language=sample["language"], notify=False, is_sample=True)
        except service.SlotTaken:
            values.update(slot=None, callback=True, callback_times=common["callback_times"])
            created = service.submit(values, items, language=sample["language"], notify=False, is_sample=True)
        _decide(created, sample)


def _decide(resource_request, sample):
    status = sample.get("status")
    if status:
        service.change_status(resource_request, status, None, notify=False)
    items = list(resource_request.items.all())
    try:
        if sample.get("approve"):
            for item in items:
                service.approve_item(item, None, notify=False)
        if sample.get("partly"):
            partly = sample["partly"]
            first, *rest = items
            service.approve_item(first, None, notify=False)
            for item in rest:
                service.approve_item(
                    item,
                    None,
                    amount=Decimal(str(partly["amount"])),
                    note=partly["note"],
                    notify=False,
                )
        if sample.get("decline"):
            service.decline_request(resource_request, None, sample["decline"], notify=False)
    except service.DecisionError:
        pass  # the demo's stock changed meanwhile: the sample stays undecided
