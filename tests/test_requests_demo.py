"""The request form's demo content: a translated request page in the menu, consultation times over the next
weeks (some fully booked) and sample requests in different states, all marked as sample data."""

import pytest
from django.utils import timezone

from home.models import NavigationMenu
from resource_requests.models import ConsultationSlot, RequestPage, ResourceRequest, with_bookings

pytestmark = pytest.mark.django_db


def test_request_page_is_in_the_main_menu_in_every_language():
    for language in ("de", "ar", "uk"):
        menu = NavigationMenu.objects.get(slot="main", locale__language_code=language)
        pages = [link["page"] for link in menu.links() if link["page"] is not None]
        assert any(isinstance(page.specific, RequestPage) for page in pages), language


def test_consultation_times_over_the_next_weeks_some_full():
    upcoming = list(with_bookings(ConsultationSlot.objects.filter(start__gt=timezone.now(), is_sample=True)))
    assert len(upcoming) >= 10
    assert any(slot.is_full for slot in upcoming) and any(not slot.is_full for slot in upcoming)
    assert {slot.mode for slot in upcoming} == {"in_person", "video", "phone"}
    assert all(slot.place for slot in upcoming if slot.mode == "in_person")


def test_sample_requests_in_different_states():
    samples = ResourceRequest.objects.filter(is_sample=True)
    assert set(samples.values_list("status", flat=True)) >= {
        "received",
        "in_consultation",
        "approved",
        "partly_approved",
        "declined",
    }
    assert all("(Beispiel)" in name for name in samples.values_list("association_name", flat=True))
    approved = samples.get(status="approved")
    assert all(item.reservation_id or item.grant_id for item in approved.items.all())
