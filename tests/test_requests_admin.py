"""Requests in the admin: inbox with filters and export, a request's page with its decisions and history,
consultation times, the dashboard, and contact details only for editors with the consultation permission."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from markup import parse, select_one, text, texts
from openpyxl import load_workbook

from catalogue.factories import ResourceFactory
from catalogue.models import StockStatus
from resource_requests import service
from resource_requests.factories import ConsultationSlotFactory, in_days, item, make_request
from resource_requests.models import ConsultationSlot, ResourceRequest

pytestmark = pytest.mark.django_db

DAY = timezone.localdate() + datetime.timedelta(days=20)


def editor_with(client, *codenames, username="redaktion"):
    """A non-superuser editor with admin access and the given permissions on requests."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x" * 16)
    group = Group.objects.create(name=f"Gruppe {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label="resource_requests")
        )
    user.groups.add(group)
    client.force_login(user)
    return user


@pytest.fixture
def consultant(client):
    return editor_with(client, "view_resourcerequest", "change_resourcerequest", "view_personal_data")


@pytest.fixture
def projector():
    return ResourceFactory(title="Testbeamer", units=2)


@pytest.fixture
def sample(projector):
    return make_request(
        [item(projector, 1, DAY)], contact_name="Leyla Demir", email="leyla@example.org", phone="0231 999"
    )


def test_inbox_lists_and_filters_requests(client, consultant, sample, projector):
    money = ResourceFactory(money=True, budget=Decimal(2000), max_amount_per_request=Decimal(500))
    other = make_request([item(money, amount=Decimal(100))], association_name="Zweiter Verein", language="ar")
    url = reverse("resource_request:index")
    page = client.get(url).content.decode()
    assert sample.reference in page and other.reference in page
    by_resource = client.get(url, {"resource": str(projector.translation_key)}).content.decode()
    assert sample.reference in by_resource and other.reference not in by_resource
    by_language = client.get(url, {"language": "ar"}).content.decode()
    assert other.reference in by_language and sample.reference not in by_language
    service.change_status(other, ResourceRequest.Status.IN_CONSULTATION, None)
    by_status = client.get(url, {"status": "in_consultation"}).content.decode()
    assert other.reference in by_status and sample.reference not in by_status
    by_category = client.get(url, {"category": money.category.slug}).content.decode()
    assert other.reference in by_category and sample.reference not in by_category
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert sample.reference not in client.get(url, {"received_from": tomorrow}).content.decode()
    assert sample.reference in client.get(url, {"received_to": tomorrow}).content.decode()


def test_the_inbox_needs_no_query_per_request(client, consultant, projector, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("resource_request:index")
    make_request([item(projector, 1, DAY)])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _number in range(8):
        make_request([item(projector, 1, DAY)], slot=ConsultationSlotFactory())
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many.captured_queries) <= len(few.captured_queries) + 1, "a slot join at most"


def test_request_page_shows_basket_history_and_contact(client, consultant, sample):
    html = client.get(reverse("resource_request:inspect", args=[sample.pk])).content.decode()
    assert sample.reference in html and "Testbeamer" in html
    assert "Leyla Demir" in html and "leyla@example.org" in html and "0231 999" in html
    assert reverse("resource_request:approve", args=[sample.pk, sample.items.get().pk]) in html
    assert "an jedem Tag 2 frei" in html, "what is left for the requested days"
    assert "Eingegangen" in html


def booked_today(**changes):
    """A request for a consultation today, whatever the time of day the test runs at.

    Booking needs two hours' notice, so the time is booked some days ahead and then moved to today."""
    slot = ConsultationSlotFactory()
    booked = make_request(slot=slot, **changes)
    start, _end = service.today_range()
    ConsultationSlot.objects.filter(pk=slot.pk).update(start=start + datetime.timedelta(hours=12))
    return booked


def test_editors_without_the_consultation_permission_see_no_personal_data(client, sample):
    editor_with(client, "view_resourcerequest", "change_resourcerequest", username="lager")
    html = client.get(reverse("resource_request:inspect", args=[sample.pk])).content.decode()
    assert sample.reference in html and "Testbeamer" in html
    assert "Leyla Demir" not in html and "leyla@example.org" not in html and "0231 999" not in html
    assert "verborgen" in html
    export = client.get(reverse("resource_request:index"), {"export": "csv"})
    body = b"".join(export.streaming_content).decode()
    assert sample.reference in body and "leyla@example.org" not in body and "Leyla" not in body
    # The dashboard does not show them either.
    booked_today(contact_name="Yusuf Kaya", phone="0231 555")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "catalogue-requests" in dashboard and "Yusuf Kaya" not in dashboard
    assert "Heute keine Beratungen" not in dashboard, "today's consultation is listed, without the name"


def test_export_as_csv_and_xlsx_with_contact_data_for_consultants(client, consultant, sample):
    url = reverse("resource_request:index")
    response = client.get(url, {"export": "csv"})
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, *data = rows
    assert "E-Mail" in header or "e-mail" in [cell.lower() for cell in header]
    row = next(row for row in data if row[0] == sample.reference)
    assert "leyla@example.org" in row and any("Testbeamer" in cell for cell in row)
    xlsx = client.get(url, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    values = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    assert any(sample.reference in row for row in values)


def test_approving_in_the_admin_creates_the_reservation(client, consultant, sample):
    line = sample.items.get()
    response = client.post(
        reverse("resource_request:approve", args=[sample.pk, line.pk]), {"quantity": "1", "confirmed": "1"}
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.status == "approved" and line.reservation.status == StockStatus.APPROVED
    assert line.decided_by.username == "redaktion"
    html = client.get(reverse("resource_request:inspect", args=[sample.pk])).content.decode()
    assert "redaktion" in html, "the history says who"


def test_declining_with_a_reason_and_messages_in_the_admin(client, consultant, sample):
    line = sample.items.get()
    base = reverse("resource_request:inspect", args=[sample.pk])
    response = client.post(
        reverse("resource_request:decline", args=[sample.pk, line.pk]), {"reason": ""}, follow=True
    )
    assert "Begründung" in response.content.decode()
    client.post(
        reverse("resource_request:decline", args=[sample.pk, line.pk]),
        {"reason": "Schon verliehen.", "confirmed": "1"},
    )
    client.post(
        reverse("resource_request:message", args=[sample.pk]),
        {"text": "Rufen Sie uns gern an.", "confirmed": "1"},
    )
    client.post(
        reverse("resource_request:status", args=[sample.pk]),
        {"status": "done", "note": "", "notify": "on", "confirmed": "1"},
    )
    sample.refresh_from_db()
    assert sample.status == "done" and sample.items.get().decision_note == "Schon verliehen."
    html = client.get(base).content.decode()
    assert "Schon verliehen." in html and "Rufen Sie uns gern an." in html
    status_page = client.get(f"/de/anfrage/status/{sample.token}/").content.decode()
    assert "Rufen Sie uns gern an." in status_page and "Schon verliehen." in status_page


def test_actions_need_the_change_permission_and_post(client, sample):
    editor_with(client, "view_resourcerequest", "view_personal_data", username="nurlesen")
    line = sample.items.get()
    # Wagtail answers a refused admin action with a redirect to the dashboard and a message.
    refused = client.post(reverse("resource_request:approve", args=[sample.pk, line.pk]))
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    client.post(reverse("resource_request:message", args=[sample.pk]), {"text": "x"})
    assert not sample.events.filter(kind="message").exists()
    assert client.get(reverse("resource_request:approve", args=[sample.pk, line.pk])).status_code == 302
    line.refresh_from_db()
    assert line.status == "open"
    html = client.get(reverse("resource_request:inspect", args=[sample.pk])).content.decode()
    assert reverse("resource_request:approve", args=[sample.pk, line.pk]) not in html


def test_nobody_adds_or_edits_requests_in_the_admin(client, consultant):
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("resource_request:add")
    with pytest.raises(NoReverseMatch):
        reverse("resource_request:edit", args=[1])


def test_consultation_times_are_managed_in_the_admin(client):
    user = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "x" * 16)
    client.force_login(user)
    url = reverse("resource_requests_consultation_slot:add")
    start = in_days(9, 14)
    local = timezone.localtime(start)
    data = {
        "start": local.strftime("%Y-%m-%d %H:%M"),
        "duration": "45",
        "mode": "video",
        "capacity": "2",
        "place": "",
        "languages": ["de", "ar"],
        "published": "on",
        "note": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, texts(response, ".error-message")
    slot = ConsultationSlot.objects.get(start=start)
    assert slot.languages == ["de", "ar"] and slot.capacity == 2
    # In person needs a place; the capacity cannot drop below the bookings.
    data.update(mode="in_person")
    assert client.post(url, data).status_code == 200
    make_request(slot=slot)
    make_request(slot=slot)
    edit = client.post(
        reverse("resource_requests_consultation_slot:edit", args=[slot.pk]),
        {**data, "mode": "video", "capacity": "1"},
    )
    assert edit.status_code == 200 and "2 Plätze sind schon gebucht" in edit.content.decode()
    listing = client.get(reverse("resource_requests_consultation_slot:index")).content.decode()
    assert "2 von 2 gebucht" in listing


def test_dashboard_shows_new_requests_and_todays_consultations(client, consultant, sample):
    booked = booked_today(association_name="Heute-Verein", contact_name="Yusuf Kaya")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = text(select_one(html, "#catalogue-requests-section"))
    assert sample.reference in panel and booked.reference in panel
    assert "Heute-Verein" in panel and "Yusuf Kaya" in panel
    assert "neue Anfrage" in panel
    today = panel.split("Heutige Beratungen", 1)[1]
    assert booked.reference in today and "Yusuf Kaya" in today


def test_the_requests_menu_is_in_the_admin(client, consultant):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("resource_request:index") in html


def test_a_booked_consultation_time_cannot_be_deleted(client):
    user = get_user_model().objects.create_superuser("chef", "chef@example.org", "x" * 16)
    client.force_login(user)
    slot = ConsultationSlotFactory()
    make_request(slot=slot)
    response = client.post(reverse("resource_requests_consultation_slot:delete", args=[slot.pk]))
    assert response.status_code in (200, 302)
    assert ConsultationSlot.objects.filter(pk=slot.pk).exists(), "a booking is never lost"
    free = ConsultationSlotFactory()
    assert (
        client.post(reverse("resource_requests_consultation_slot:delete", args=[free.pk])).status_code == 302
    )
    assert not ConsultationSlot.objects.filter(pk=free.pk).exists()


def test_the_summary_and_the_decisions_open_the_request_page(client, consultant, sample):
    html = client.get(reverse("resource_request:inspect", args=[sample.pk])).content.decode()
    summary = text(select_one(html, "#summary"))
    assert "1 Ressource angefragt: 1 offen, 0 bewilligt, 0 abgelehnt" in summary, summary
    approve = reverse("resource_request:approve", args=[sample.pk, sample.items.get().pk])
    order = [
        html.index('id="summary"'),
        html.index(approve),
        html.index('id="details"'),
        html.index("Leyla Demir"),
    ]
    assert order == sorted(order), "summary, decisions, then the association's details"


def test_a_decision_that_mails_the_association_asks_first(client, consultant, sample):
    line = sample.items.get()
    url = reverse("resource_request:approve", args=[sample.pk, line.pk])
    asking = client.post(url, {"quantity": "1", "note": "Bis Freitag abholen."})
    assert asking.status_code == 200
    page = parse(asking.content.decode())
    assert "leyla@example.org" in text(page), "who will get the e-mail"
    hidden = {
        field["name"]: field["value"]
        for field in page.select("form.request-admin__confirm input[type=hidden]")
    }
    assert hidden["quantity"] == "1" and hidden["note"] == "Bis Freitag abholen."
    assert page.select_one("button[name=confirmed][value='1']") is not None
    line.refresh_from_db()
    assert line.status == "open", "nothing decided before the confirmation"
    assert client.post(url, {**hidden, "confirmed": "1"}).status_code == 302
    line.refresh_from_db()
    assert line.status == "approved" and line.decision_note == "Bis Freitag abholen."


def test_a_status_change_without_notice_needs_no_confirmation(client, consultant, sample):
    response = client.post(
        reverse("resource_request:status", args=[sample.pk]), {"status": "in_consultation", "note": ""}
    )
    assert response.status_code == 302
    sample.refresh_from_db()
    assert sample.status == "in_consultation"
