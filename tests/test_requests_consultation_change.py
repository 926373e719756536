"""Moving or cancelling a booked consultation from the private status page (resource_requests/consultation.py):
the place moves in one step, the team sees it in the history, the association gets a mail in its language
with the updated .ics (same UID, a higher SEQUENCE, METHOD:CANCEL for a cancellation), and every refusal
says why – after the consultation, within 24 hours of it, after a decision, a full or unknown time."""

import datetime
import email

import icalendar
import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from markup import parse, select, select_one

from home.models import OutgoingEmail, PortalSettings
from home.outbox import deliver
from resource_requests import consultation
from resource_requests.factories import ConsultationSlotFactory, in_days, make_request
from resource_requests.models import ConsultationSlot, RequestEvent, ResourceRequest, with_bookings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def booked():
    """A request with a consultation in six days, and another free time in eight."""
    first = ConsultationSlotFactory(start=in_days(6, 10), capacity=2, place="Beuthstraße 21")
    other = ConsultationSlotFactory(start=in_days(8, 14), capacity=1, place="Beuthstraße 21")
    return make_request(slot=first), first, other


def status(resource_request, language="de"):
    prefix = {"de": "/de/anfrage/", "ar": "/ar/request/", "tr": "/tr/talep/"}[language]
    return f"{prefix}status/{resource_request.token}/"


def places_taken(slot):
    return with_bookings(ConsultationSlot.objects.filter(pk=slot.pk)).get().booked_count


def stored_mails(resource_request):
    return list(
        OutgoingEmail.objects.filter(about_id=resource_request.pk, recipients__0=resource_request.email)
    )


def ics_of(outgoing):
    (attachment,) = outgoing.attachments
    return attachment, icalendar.Calendar.from_ical(attachment["content"])


def test_the_status_page_offers_the_other_free_times_and_a_cancel_button(client, booked):
    resource_request, first, other = booked
    page = parse(client.get(status(resource_request)))
    form = select_one(page, "form.consultation-move")
    assert form["action"] == status(resource_request) + "consultation/"
    radios = select(form, "input[type=radio][name=slot]")
    values = [radio["value"] for radio in radios]
    assert str(other.pk) in values and str(first.pk) not in values, "the booked time is not offered again"
    assert select_one(form, "fieldset legend")
    cancel = select_one(page, "form.consultation-cancel button[name=action]")
    assert cancel["value"] == "cancel"
    assert "24" in select_one(page, ".consultation-change .form__note").get_text()


def test_moving_takes_the_new_place_frees_the_old_one_and_mails_the_updated_calendar(client, booked):
    resource_request, first, other = booked
    before = icalendar.Calendar.from_ical(client.get(status(resource_request) + "ics/").content)
    (before_event,) = before.walk("VEVENT")

    response = client.post(status(resource_request) + "consultation/", {"action": "move", "slot": other.pk})
    assert response.status_code == 302
    assert response["Location"] == status(resource_request) + "#status-consultation"
    resource_request.refresh_from_db()
    assert resource_request.slot == other
    assert (places_taken(first), places_taken(other)) == (0, 1)

    event = resource_request.events.get(kind=RequestEvent.Kind.CONSULTATION_MOVED)
    assert event.public and "→" in event.text, "the team sees from when to when"
    (outgoing,) = stored_mails(resource_request)
    assert outgoing.language == "de" and "verschoben" in outgoing.subject
    attachment, calendar = ics_of(outgoing)
    assert attachment["filename"] == f"{resource_request.reference}.ics"
    assert str(calendar["method"]) == "PUBLISH"
    (moved,) = calendar.walk("VEVENT")
    assert str(moved["uid"]) == str(before_event["uid"]), "the same entry in the calendar"
    assert int(moved["sequence"]) > int(before_event["sequence"])
    assert moved.decoded("dtstart") == other.start
    downloaded = icalendar.Calendar.from_ical(client.get(status(resource_request) + "ics/").content)
    assert int(downloaded.walk("VEVENT")[0]["sequence"]) == int(moved["sequence"])

    page = parse(client.get(status(resource_request)))
    assert "verschoben" in select_one(page, ".status-events").get_text()
    assert select_one(page, "[role=status]").get_text().strip()


def test_the_mail_goes_out_with_the_ics_attached(client, booked, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    resource_request, first, other = booked
    consultation.move(resource_request, other)
    (outgoing,) = stored_mails(resource_request)
    deliver(outgoing.pk)
    (sent,) = [message for message in mail.outbox if message.to == [resource_request.email]]
    parsed = email.message_from_bytes(sent.message().as_bytes())
    parts = [part for part in parsed.walk() if part.get_content_type() == "text/calendar"]
    assert len(parts) == 1 and parts[0].get_filename() == f"{resource_request.reference}.ics"
    assert b"BEGIN:VEVENT" in parts[0].get_payload(decode=True)


def test_cancelling_frees_the_place_and_mails_a_cancellation(client, booked):
    resource_request, first, other = booked
    before = icalendar.Calendar.from_ical(client.get(status(resource_request) + "ics/").content)
    response = client.post(status(resource_request) + "consultation/", {"action": "cancel"})
    assert response.status_code == 302
    resource_request.refresh_from_db()
    assert resource_request.slot is None and not resource_request.callback
    assert places_taken(first) == 0
    assert resource_request.events.filter(kind=RequestEvent.Kind.CONSULTATION_CANCELLED).count() == 1

    (outgoing,) = stored_mails(resource_request)
    attachment, calendar = ics_of(outgoing)
    assert attachment["content_type"] == "text/calendar; method=CANCEL"
    assert str(calendar["method"]) == "CANCEL"
    (cancelled,) = calendar.walk("VEVENT")
    assert str(cancelled["status"]) == "CANCELLED"
    assert cancelled.decoded("dtstart") == first.start
    (earlier,) = before.walk("VEVENT")
    assert str(cancelled["uid"]) == str(earlier["uid"])
    assert int(cancelled["sequence"]) > int(earlier["sequence"])

    page = parse(client.get(status(resource_request)))
    assert select_one(page, ".consultation-cancelled")
    assert select(page, "a.calendar-link") == [] and select(page, "form.consultation-cancel") == []
    assert select(page, f"form.consultation-move input[value='{first.pk}']"), "the freed time can be booked"
    assert client.get(status(resource_request) + "ics/").status_code == 404

    # A new time after the cancellation
    assert (
        client.post(
            status(resource_request) + "consultation/", {"action": "move", "slot": first.pk}
        ).status_code
        == 302
    )
    resource_request.refresh_from_db()
    assert resource_request.slot == first


def test_the_mail_is_in_the_requesters_language(client):
    first = ConsultationSlotFactory(start=in_days(6, 10), capacity=1)
    other = ConsultationSlotFactory(start=in_days(9, 10), capacity=1)
    resource_request = make_request(slot=first, language="tr")
    response = client.post(
        status(resource_request, "tr") + "consultation/", {"action": "move", "slot": other.pk}
    )
    assert response.status_code == 302
    (outgoing,) = stored_mails(resource_request)
    assert outgoing.language == "tr"
    assert "ertelendi" in outgoing.subject or "değiştirildi" in outgoing.subject, outgoing.subject
    assert "/tr/" in outgoing.body_text


def _refused(client, resource_request, data, expected_status=409, language="de"):
    slot_before = resource_request.slot_id
    response = client.post(status(resource_request, language) + "consultation/", data)
    assert response.status_code == expected_status
    page = parse(response)
    summary = select_one(page, "#consultation-errors")
    assert summary.has_attr("autofocus") and summary["role"] == "alert"
    assert len(select(page, "[autofocus]")) == 1
    resource_request.refresh_from_db()
    assert resource_request.slot_id == slot_before
    assert stored_mails(resource_request) == []
    assert not resource_request.events.filter(kind__in=consultation.CHANGE_KINDS).exists()
    return summary.get_text(" ", strip=True)


def test_within_24_hours_the_page_gives_the_phone_number_instead(client):
    settings_row = PortalSettings.load()
    settings_row.phone = "0231 28678690"
    settings_row.save()
    soon = ConsultationSlotFactory(start=in_days(4, 10), capacity=1)
    other = ConsultationSlotFactory(start=in_days(9, 10), capacity=1)
    resource_request = make_request(slot=soon)
    ConsultationSlot.objects.filter(pk=soon.pk).update(start=timezone.now() + datetime.timedelta(hours=20))
    resource_request.refresh_from_db()
    page = parse(client.get(status(resource_request)))
    refusal = select_one(page, ".consultation-refusal")
    assert "24" in refusal.get_text()
    assert select_one(refusal, "a[href^='tel:']")["href"] == "tel:023128678690"
    assert select(page, "form.consultation-move") == [] and select(page, "form.consultation-cancel") == []
    text = _refused(client, resource_request, {"action": "move", "slot": other.pk})
    assert "24" in text
    _refused(client, resource_request, {"action": "cancel"})


def test_no_change_after_the_consultation_took_place(client):
    slot = ConsultationSlotFactory(start=in_days(4, 10), capacity=1)
    resource_request = make_request(slot=slot)
    ConsultationSlot.objects.filter(pk=slot.pk).update(start=timezone.now() - datetime.timedelta(days=1))
    resource_request.refresh_from_db()
    assert "stattgefunden" in _refused(client, resource_request, {"action": "cancel"})


def test_no_change_after_the_decision(client, booked):
    resource_request, first, other = booked
    ResourceRequest.objects.filter(pk=resource_request.pk).update(status=ResourceRequest.Status.APPROVED)
    resource_request.refresh_from_db()
    assert "entschieden" in _refused(client, resource_request, {"action": "move", "slot": other.pk})


def test_a_full_or_unknown_time_or_nonsense_is_refused_by_its_field(client, booked):
    resource_request, first, other = booked
    make_request(slot=other, plan_title="Schneller")
    page = parse(client.get(status(resource_request)))
    assert select_one(page, f"#move-slot-{other.pk}").has_attr("disabled")
    for value in (str(other.pk), "999999999", "x" * 500, "1\x00", ""):
        text = _refused(client, resource_request, {"action": "move", "slot": value}, expected_status=400)
        assert text
    _refused(client, resource_request, {"action": "shred"}, expected_status=400)
    assert client.get(status(resource_request) + "consultation/").status_code == 302


def test_the_same_time_again_or_after_too_many_changes_is_refused(booked):
    resource_request, first, other = booked
    with pytest.raises(consultation.Refused):
        consultation.move(resource_request, first)
    for _number in range(consultation.MAX_CHANGES):
        RequestEvent.objects.create(request=resource_request, kind=RequestEvent.Kind.CONSULTATION_MOVED)
    with pytest.raises(consultation.Refused) as refused:
        consultation.move(resource_request, other)
    assert str(consultation.MAX_CHANGES) in str(refused.value.message)


def test_refusals_in_arabic(client, booked):
    resource_request, first, other = booked
    ResourceRequest.objects.filter(pk=resource_request.pk).update(status=ResourceRequest.Status.DECLINED)
    resource_request.refresh_from_db()
    text = _refused(client, resource_request, {"action": "cancel"}, language="ar")
    assert any("\u0600" <= character <= "\u06ff" for character in text), text


def test_the_status_page_with_the_move_form_costs_a_bounded_number_of_queries(
    client, booked, django_assert_max_num_queries
):
    resource_request, first, other = booked
    for day in range(10, 16):
        ConsultationSlotFactory(start=in_days(day, 11), capacity=3)
    client.get(status(resource_request))
    with django_assert_max_num_queries(40):
        assert client.get(status(resource_request)).status_code == 200


def test_the_arabic_move_form_isolates_its_dates_and_hours(client, booked):
    resource_request, first, other = booked
    page = parse(client.get(status(resource_request, "ar")))
    label = select_one(page, f"label[for=move-slot-{other.pk}]")
    assert select(label, "bdi"), "the date in its own isolate"
    # The hours: Arabic's 12-hour clock writes "10:00 ص", so each time is an isolate of its own
    # (bidi.time_range); digits alone would be one left-to-right run.
    hours = [bdi.get_text() for bdi in select(label, "bdi")][1:]
    assert len(hours) == 2 and all(":" in hour for hour in hours), hours
    assert select_one(page, "html")["dir"] == "rtl"
    assert select_one(page, ".consultation-change h3").get_text(strip=True)
