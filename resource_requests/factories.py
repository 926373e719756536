"""factory_boy factories for requests: consultation times and requests made through the real service."""

import datetime

import factory
from django.utils import timezone

from resource_requests import service
from resource_requests.models import ConsultationSlot


def in_days(days, hour=10, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class ConsultationSlotFactory(factory.django.DjangoModelFactory):
    """A published consultation time some days ahead, in person, one place unless told otherwise."""

    start = factory.Sequence(lambda n: in_days(3 + n % 20, 9 + n % 8))
    duration = 45
    mode = ConsultationSlot.Mode.IN_PERSON
    place = "VMDO e.V., Beuthstraße 21"
    languages = ["de", "tr"]
    capacity = 1
    published = True

    class Meta:
        model = ConsultationSlot


def request_values(**changes):
    """What `RequestForm.request_values()` gives for a simple request (a call back, no basket)."""
    values = {
        "association_name": "Elternverein Regenbogen e.V.",
        "register_number": "",
        "district": None,
        "contact_name": "Leyla Demir",
        "email": "leyla@example.org",
        "phone": "0231 123456",
        "consultation_language": "de",
        "plan_title": "Sommerfest",
        "plan_description": "Ein Fest für die Nachbarschaft.",
        "plan_start": None,
        "plan_end": None,
        "participants": None,
        "engagement_field": None,
        "other_partners": "",
        "slot": None,
        "callback": True,
        "callback_times": "",
    }
    values.update(changes)
    if values["slot"] is not None:
        values["callback"] = False
    return values


def make_request(items=(), language="de", notify=False, **changes):
    """A stored request with these (resource, values) items, made by the same service the form uses."""
    return service.submit(request_values(**changes), list(items), language=language, notify=notify)


def item(resource, quantity=None, start=None, end=None, amount=None):
    return resource, {"quantity": quantity, "start": start, "end": end or start, "amount": amount}
