"""The example client of docs/api.md (docs/examples/client.py), run as it is against the suite's server:
Arabic resources free next week, a consultation held in Arabic booked, the request's status read."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from resource_requests.factories import ConsultationSlotFactory, in_days
from resource_requests.models import ResourceRequest

CLIENT = Path(settings.BASE_DIR) / "docs" / "examples" / "client.py"


@pytest.fixture
def arabic_time(django_db_blocker):
    """A consultation time in Arabic, committed so the server process sees it; removed afterwards."""
    with django_db_blocker.unblock():
        slot = ConsultationSlotFactory(start=in_days(2, 8, 5), languages=["ar"], capacity=2)
    yield slot
    with django_db_blocker.unblock():
        ResourceRequest.objects.filter(slot=slot).delete()
        slot.delete()


def test_the_documented_client_lists_and_books(portal_server, arabic_time, django_db_blocker):
    run = subprocess.run(  # noqa: S603 - this repository's own example
        [sys.executable, str(CLIENT), portal_server], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert "resources free" in lines[0] and int(lines[0].split()[0]) > 0
    assert any(line.startswith("request HOR-") for line in lines), run.stdout
    reference = next(line.split()[1] for line in lines if line.startswith("request HOR-"))
    with django_db_blocker.unblock():
        stored = ResourceRequest.objects.get(reference=reference)
        try:
            assert "ar" in stored.slot.languages, "the soonest time held in Arabic"
            assert stored.language == "ar" and stored.source == "api" and stored.items.count() == 1
        finally:
            stored.delete()
    assert lines[-1].startswith("status: ")


def test_docs_api_quotes_the_example_client():
    docs = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text()
    assert CLIENT.read_text().strip() in docs
