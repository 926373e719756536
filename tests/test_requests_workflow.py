"""Deciding requests: approvals create the reservations and grants availability counts, never beyond what
is left; declines carry a reason; the status follows; messages reach the status page and the mailbox."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from catalogue import availability
from catalogue.factories import ReservationFactory, ResourceFactory
from catalogue.models import Grant, Reservation, Resource, StockStatus
from home.models import OutgoingEmail
from resource_requests import service
from resource_requests.factories import ConsultationSlotFactory, item, make_request
from resource_requests.models import ConsultationSlot, RequestEvent, RequestPage, ResourceRequest

pytestmark = pytest.mark.django_db

DAY = timezone.localdate() + datetime.timedelta(days=20)


@pytest.fixture(autouse=True)
def german():
    """Messages are checked in German, whatever language an earlier test left active."""
    with translation.override("de"):
        yield


@pytest.fixture
def projector():
    return ResourceFactory(title="Testbeamer", units=2)


@pytest.fixture
def budget():
    return ResourceFactory(
        money=True, title="Testbudget", budget=Decimal(1000), max_amount_per_request=Decimal(600)
    )


def test_approving_units_creates_an_approved_reservation(projector, django_capture_on_commit_callbacks):
    request = make_request([item(projector, 2, DAY, DAY + datetime.timedelta(days=1))])
    line = request.items.get()
    with django_capture_on_commit_callbacks(execute=True):
        service.approve_item(line, None)
    line.refresh_from_db()
    reservation = line.reservation
    assert (reservation.quantity, reservation.start, reservation.end, reservation.status) == (
        2,
        DAY,
        DAY + datetime.timedelta(days=1),
        StockStatus.APPROVED,
    )
    assert reservation.reference == request.reference and reservation.note == ""
    assert availability.availability_of(projector, DAY).status == availability.Status.EXHAUSTED
    request.refresh_from_db()
    assert request.status == ResourceRequest.Status.APPROVED
    assert mail.outbox and "Bewilligt" in mail.outbox[-1].body, "the association hears of the decision"


def test_approval_never_takes_units_below_zero(projector):
    ReservationFactory(resource=projector, quantity=1, start=DAY, end=DAY)
    request = make_request([item(projector, 2, DAY)])
    with pytest.raises(service.DecisionError, match="nur 1 von 2"):
        service.approve_item(request.items.get(), None)
    assert not Reservation.objects.filter(reference=request.reference).exists()
    # Approving less than asked for works: partly approved.
    service.approve_item(request.items.get(), None, quantity=1)
    request.refresh_from_db()
    assert request.status == ResourceRequest.Status.PARTLY_APPROVED
    assert availability.free_units_by_day(projector, DAY, DAY)[DAY] == 0


def test_approving_money_creates_a_grant_within_the_budget(budget):
    Grant.objects.create(resource=budget, amount=Decimal(700), status=StockStatus.APPROVED)
    request = make_request([item(budget, amount=Decimal(500))])
    with pytest.raises(service.DecisionError, match="300"):
        service.approve_item(request.items.get(), None)
    service.approve_item(request.items.get(), None, amount=Decimal(300))
    line = request.items.get()
    assert line.grant.amount == Decimal(300) and line.grant.status == StockStatus.APPROVED
    assert availability.budget_left(budget) == 0
    with pytest.raises(service.DecisionError):
        service.approve_item(line, None)


def test_approving_more_than_asked_is_refused(projector, budget):
    request = make_request([item(projector, 1, DAY), item(budget, amount=Decimal(100))])
    units, money = request.items.order_by("position")
    with pytest.raises(service.DecisionError):
        service.approve_item(units, None, quantity=2)
    with pytest.raises(service.DecisionError):
        service.approve_item(money, None, amount=Decimal(101))


def test_declining_needs_a_reason_and_withdraws_an_approval(projector):
    request = make_request([item(projector, 1, DAY)])
    line = request.items.get()
    with pytest.raises(service.DecisionError):
        service.decline_item(line, None, "  ")
    service.approve_item(line, None)
    line.refresh_from_db()
    reservation = line.reservation
    service.decline_item(line, None, "Der Verein hat abgesagt.")
    reservation.refresh_from_db()
    assert reservation.status == StockStatus.CANCELLED, "the units are free again"
    assert availability.free_units_by_day(projector, DAY, DAY)[DAY] == 2
    request.refresh_from_db()
    assert request.status == ResourceRequest.Status.DECLINED and request.closed_at is not None
    assert request.events.filter(
        kind=RequestEvent.Kind.DECLINED, text="Der Verein hat abgesagt.", public=True
    )


def test_status_changes_and_messages_are_recorded_and_sent(django_capture_on_commit_callbacks):
    request = make_request(language="tr")
    with django_capture_on_commit_callbacks(execute=True):
        service.change_status(request, ResourceRequest.Status.IN_CONSULTATION, None, "Sizi arayacağız.")
        service.send_message(request, None, "Lütfen iki teklif getirin.")
    kinds = list(request.events.values_list("kind", "status", "text"))
    assert kinds == [
        ("received", "received", ""),
        ("status", "in_consultation", "Sizi arayacağız."),
        ("message", "", "Lütfen iki teklif getirin."),
    ]
    subjects = [message.subject for message in mail.outbox]
    assert any(request.reference in subject and "yenilik" in subject for subject in subjects)
    message = next(message for message in mail.outbox if "mesaj" in message.subject)
    assert (
        "Lütfen iki teklif getirin." in message.body and f"/tr/talep/status/{request.token}/" in message.body
    )
    assert OutgoingEmail.objects.filter(about_id=request.pk).count() == 2
    with pytest.raises(service.DecisionError):
        service.change_status(request, ResourceRequest.Status.IN_CONSULTATION, None)
    with pytest.raises(service.DecisionError):
        service.send_message(request, None, "   ")


def test_declining_the_whole_request(projector, budget):
    request = make_request([item(projector, 1, DAY), item(budget, amount=Decimal(100))])
    units, _money = request.items.order_by("position")
    service.approve_item(units, None)
    service.decline_request(request, None, "Das Budget ist verplant.")
    request.refresh_from_db()
    assert request.status == ResourceRequest.Status.PARTLY_APPROVED
    assert list(request.items.order_by("position").values_list("status", flat=True)) == [
        "approved",
        "declined",
    ]


def test_reference_numbers_count_up_per_year():
    first = make_request()
    second = make_request()
    year = timezone.localdate().year
    assert first.reference.startswith(f"HOR-{year}-") and second.reference.startswith(f"HOR-{year}-")
    assert int(second.reference.rsplit("-", 1)[1]) == int(first.reference.rsplit("-", 1)[1]) + 1
    assert service.next_reference(1999) == "HOR-1999-00001"


def test_rules_shown_depend_on_the_money_asked_for(budget):
    small = ResourceFactory(
        money=True, budget=Decimal(5000), max_amount_per_request=Decimal(1000), requires_logos=True
    )
    assert service.programme_rules([(small, Decimal(400))], Decimal(500)) == [
        "Bis 500 € entscheidet das Team des House of Resources.",
        "Druckerzeugnisse, die mit dieser Ressource bezahlt werden, zeigen die Logos des Programms und seiner Förderer.",
    ]
    rules = service.programme_rules([(small, Decimal(400)), (budget, Decimal(200))], Decimal(500))
    assert any("Jury" in rule for rule in rules) and any("Vergleichsangebote" in rule for rule in rules)


def test_closed_requests_are_anonymised_after_the_keeping_period(
    settings, django_capture_on_commit_callbacks
):
    settings.REQUESTS_KEEP_DAYS = 30
    with django_capture_on_commit_callbacks(execute=True):
        old = make_request(
            notify=True, plan_description="Wir – Familie Yılmaz – planen ...", other_partners="Herr X"
        )
        service.send_message(old, None, "Hallo Frau Demir")
        service.change_status(old, ResourceRequest.Status.DONE, None, "Danke, Frau Demir!")
    recent_closed = make_request()
    service.change_status(recent_closed, ResourceRequest.Status.DONE, None)
    still_open = make_request()
    ResourceRequest.objects.filter(pk__in=[old.pk, still_open.pk]).update(
        closed_at=timezone.now() - datetime.timedelta(days=31),
        created_at=timezone.now() - datetime.timedelta(days=400),
    )
    assert OutgoingEmail.objects.filter(about_id=old.pk).exists()
    token = old.token

    call_command("purge_personal_data", verbosity=0)

    old.refresh_from_db()
    assert old.anonymised_at is not None
    assert (old.contact_name, old.email, old.phone, old.plan_description, old.other_partners) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert (
        old.reference
        and old.association_name == "Elternverein Regenbogen e.V."
        and old.plan_title == "Sommerfest"
    )
    assert not old.events.exclude(text="").exists()
    assert old.token != token
    assert not OutgoingEmail.objects.filter(about_id=old.pk, about_type__model="resourcerequest").exists()
    for other in (recent_closed, still_open):
        other.refresh_from_db()
        assert other.anonymised_at is None and other.email == "leyla@example.org"


def test_anonymised_requests_have_no_status_page(client):
    request = make_request()
    service.anonymise(request)
    assert client.get(f"/de/anfrage/status/{request.token}/").status_code == 404
    request.refresh_from_db()
    assert client.get(f"/de/anfrage/status/{request.token}/").status_code == 404


def test_the_status_page_names_the_resources_in_the_requesters_language(client):
    """Asked in German, looked at in English: the English titles where the resource is translated."""
    beamer = Resource.objects.get(locale__language_code="de", slug="beamer")
    only_german = ResourceFactory(title="Nur deutsch zu haben")
    request = make_request([item(beamer, 1, DAY), item(only_german, 1, DAY)])
    english = RequestPage.objects.get(locale__language_code="en")
    html = client.get(english.status_url(request.token)).content.decode()
    assert "Projector (full HD)" in html
    assert "Nur deutsch zu haben" in html, "German where there is no translation"
    german = RequestPage.objects.get(locale__language_code="de")
    assert "Beamer (Full HD)" in client.get(german.status_url(request.token)).content.decode()


def test_a_request_is_done_only_after_its_consultation():
    slot = ConsultationSlotFactory()
    booked = make_request(slot=slot)
    service.change_status(booked, ResourceRequest.Status.IN_CONSULTATION, None, notify=False)
    with pytest.raises(service.DecisionError, match="Beratung hat noch nicht stattgefunden"):
        service.change_status(booked, ResourceRequest.Status.DONE, None, notify=False)
    ConsultationSlot.objects.filter(pk=slot.pk).update(start=timezone.now() - datetime.timedelta(hours=2))
    service.change_status(booked, ResourceRequest.Status.DONE, None, notify=False)
    booked.refresh_from_db()
    assert booked.status == ResourceRequest.Status.DONE
