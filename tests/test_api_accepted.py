"""The values filters accept, from the database and the date (api/accepted.py): the served document
enumerates exactly what the server accepts, in every language, and follows what editors publish."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale

from taxonomy.factories import EngagementFieldFactory
from taxonomy.models import ResourceCategory

pytestmark = pytest.mark.django_db

OPENAPI = "/api/v3/openapi.json"


def parameter(client, path, name):
    document = client.get(OPENAPI).json()
    found = next(item for item in document["paths"][path]["get"]["parameters"] if item["name"] == name)
    schema = found["schema"]
    if schema.get("type") == "array":
        return schema["items"]
    return next(option for option in schema.get("anyOf", [schema]) if option.get("type") != "null")


def test_filters_enumerate_what_exists_and_follow_what_editors_publish(client):
    live = list(ResourceCategory.objects.filter(live=True).values_list("slug", flat=True).distinct())
    assert set(parameter(client, "/api/v3/resources/", "category")["enum"]) == set(live)
    before = client.get(OPENAPI)["ETag"]
    assert client.get("/api/v3/resources/?category=weiteres&lang=ar").status_code == 200

    for category in ResourceCategory.objects.filter(slug="weiteres"):
        category.unpublish()

    assert "weiteres" not in parameter(client, "/api/v3/resources/", "category")["enum"]
    assert client.get(OPENAPI)["ETag"] != before
    refused = client.get("/api/v3/resources/?category=weiteres&lang=ar")
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["loc"] == ["query", "category"]


@pytest.mark.parametrize("lang", ["de", "ar", "uk"])
def test_a_term_published_in_one_language_only_is_one_value_in_every_language(client, lang):
    """Slugs are the same in every language; a filter takes what any language offers, whatever `lang`."""
    EngagementFieldFactory(
        name="رياضة", slug="sport-nur-arabisch", locale=Locale.objects.get(language_code="ar")
    )
    for path, name in [
        ("/api/v3/partners/", "field"),
        ("/api/v3/events/", "field"),
        ("/api/v3/examples/", "field"),
    ]:
        assert "sport-nur-arabisch" in parameter(client, path, name)["enum"]
        response = client.get(f"{path}?{name}=sport-nur-arabisch&lang={lang}")
        assert response.status_code == 200, (path, response.content)
    assert client.get(f"/api/v3/partners/?field=sport-nicht-da&lang={lang}").status_code == 422


def test_the_event_months_are_both_lists_months(client):
    months = parameter(client, "/api/v3/events/", "month")["enum"]
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    assert this_month.strftime("%Y-%m") in months
    assert last_month.strftime("%Y-%m") in months
    for when in ("upcoming", "past"):
        assert client.get(f"/api/v3/events/?when={when}&month={last_month:%Y-%m}").status_code == 200
        assert client.get(f"/api/v3/events/?when={when}&month=1999-01").status_code == 422


def test_resource_days_are_today_or_later_in_the_document_and_on_the_server(client):
    pattern = parameter(client, "/api/v3/resources/", "start")["pattern"]
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    assert re.fullmatch(pattern, today.isoformat())
    assert not re.fullmatch(pattern, yesterday.isoformat())
    assert client.get(f"/api/v3/resources/?start={today}").status_code == 200
    assert client.get(f"/api/v3/resources/?start={yesterday}").status_code == 422
    months = parameter(client, "/api/v3/resources/{resource_id}/", "month")["enum"]
    assert months[0] == today.strftime("%Y-%m") and len(months) == 25
