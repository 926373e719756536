"""Resource detail pages, the meter and the month calendar, the home page's catalogue sections."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from markup import alternates, card_links, html, links, select, select_one, text, texts

from catalogue import availability
from catalogue.factories import ResourceFactory
from catalogue.models import ProgrammeRules, Reservation, Resource, ResourceEngagementField
from taxonomy.factories import EngagementFieldFactory
from taxonomy.models import ResourceCategory

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en", "tr", "ar", "uk", "pl"]


def main(page):
    return page.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_detail_shows_the_resource_in_english(client):
    page = html(client.get("/en/resources/projector/"))
    beamer = Resource.objects.get(locale__language_code="en", slug="projector")
    assert "<h1>Projector (full HD)</h1>" in page
    assert '<p class="status status--few_left"><span class="status__label">Only a few left</span></p>' in page
    meter = select_one(page, "meter.availability__meter[aria-labelledby]")
    assert (meter["min"], meter["max"], meter["value"]) == ("0", "4", "1")
    assert "1 of 4 free" in text(page)
    assert '<form class="form add-form" method="post" action="/en/request/basket/"' in page
    assert f'name="resource" value="{beamer.pk}"' in page
    assert "Request this resource" in page and "Add to my request" in page
    facts = text(select_one(page, "dl.facts"))
    assert (
        "Number of units 4" in facts and "Longest lending period 7 days" in facts and "Deposit €100" in facts
    )
    assert 'href="/en/resources/?engagement=bildung"' in page
    assert "Lending agreement (template)" in page and any(
        re.fullmatch(r"/documents/\d+/.+\.pdf", href) for href in links(page, "a[download]")
    )


def test_arabic_resource_has_its_own_slug_and_german_slugs_lead_there(client):
    page = html(client.get("/ar/resources/projector/"))
    assert "<h1>جهاز عرض (Full HD)</h1>" in page
    assert '<html lang="ar" dir="rtl">' in page
    assert "notice--language" not in page
    response = client.get("/ar/resources/beamer/")
    assert response.status_code == 301 and response["Location"] == "/ar/resources/projector/"


def test_untranslated_resource_stands_in_german(client):
    page = html(client.get("/uk/resources/beamer/"))
    assert '<html lang="uk" dir="ltr">' in page
    assert 'class="notice notice--language"' in page
    assert '<h1 lang="de" dir="ltr">Beamer (Full HD)</h1>' in page
    assert "Обладнання й техніка" in page  # the category in Ukrainian


def test_language_switcher_links_the_resource_in_every_language(client):
    page = html(client.get("/de/ressourcen/beamer/"))
    assert alternates(page) == {
        "de": "/de/ressourcen/beamer/",
        "x-default": "/de/ressourcen/beamer/",
        "en": "/en/resources/projector/",
        "tr": "/tr/kaynaklar/projeksiyon-cihazi/",
        "ar": "/ar/resources/projector/",
        "uk": "/uk/resources/beamer/",
        "pl": "/pl/zasoby/beamer/",
    }
    for url in set(alternates(page).values()):
        assert client.get(url).status_code == 200, url


def test_unknown_resource_is_a_404_in_the_visitors_language(client):
    response = client.get("/ar/resources/gibt-es-nicht/")
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_calendar_is_a_table_with_months_as_links(client):
    today = availability.today()
    page = html(client.get("/en/resources/sound-system/"))
    calendar = select_one(page, "section.calendar")
    assert text(select_one(calendar, "caption")).endswith("free units per day, of 2")
    assert len(select(calendar, 'th[scope="col"] > abbr[title]')) == 7
    assert not select(calendar, '[rel~="prev"]'), "no months in the past"
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    assert f"?month={following:%Y-%m}#calendar" in links(calendar, '[rel~="next"]')
    booked = Reservation.objects.get(reference="DEMO-R-06").start  # both units taken that day
    month_page = (
        page
        if booked.month == today.month
        else html(client.get(f"/en/resources/sound-system/?month={booked:%Y-%m}"))
    )
    cell = select_one(month_page, f'time[datetime="{booked.isoformat()}"]').find_parent("td")
    assert "booked up" in text(cell) and texts(cell, ".calendar__free") == ["0"]
    next_month = html(client.get(f"/en/resources/sound-system/?month={following:%Y-%m}"))
    assert 'rel="prev"' in next_month
    assert f'<time datetime="{following.isoformat()}"' in next_month


@pytest.mark.parametrize("month", ["2001-01", "13-2026", "2026-99", "9999-12", "x" * 500])
def test_calendar_months_out_of_range_show_this_month_with_a_message(client, month):
    page = html(client.get(f"/en/resources/sound-system/?month={month}"))
    today = availability.today()
    assert f'<time datetime="{today.isoformat()}"' in page
    assert "The calendar shows the months from now until" in page


def test_money_resource_shows_budget_and_the_programme_rules(client):
    page = html(client.get("/en/resources/flyers-and-posters/"))
    assert "€1,200 of €6,000 left" in text(page)
    rules = text(select_one(page, "ul.rules"))
    assert "Up to €500 the House of Resources team decides." in rules
    assert "Above €500 a jury decides, and taking part in the application workshop is required." in rules
    assert "two comparable quotes" in rules
    assert "logos" in rules
    assert "calendar" not in main(page)
    settings = ProgrammeRules.load()
    settings.decision_threshold = Decimal(750)
    settings.save()
    assert "Up to €750 the House of Resources team decides." in html(
        client.get("/en/resources/flyers-and-posters/")
    )


def test_jury_rules_only_where_a_request_can_exceed_the_threshold(client):
    page = html(client.get("/en/resources/catering/"))  # at most €250 per request
    rules = text(select_one(page, "ul.rules"))
    assert "team decides" in rules and "jury" not in rules
    assert '<span class="status__label">Exhausted</span>' in page


def test_coaching_lists_its_languages_in_their_own_names(client):
    page = html(client.get("/en/resources/founding-an-association/"))
    assert '<li><bdi lang="tr">Türkçe</bdi></li>' in page and '<li><bdi lang="ar">العربية</bdi></li>' in page
    assert "calendar__table" not in page


def test_related_resources_are_other_resources_of_the_kind(client):
    page = html(client.get("/de/ressourcen/seminarraum-nordstadt/"))
    related = card_links(select_one(page, "section.related-resources"), "resource")
    assert 1 <= len(related) <= 3
    assert "/de/ressourcen/seminarraum-nordstadt/" not in related


def test_markup_in_fields_is_shown_as_text(client):
    resource = ResourceFactory(
        title="<script>alert('x')</script>Zelt",
        slug="zelt-mit-markup",
        summary='<img src=x onerror="alert(1)">',
        pickup_place="<b>Hof</b>",
        category=ResourceCategory.objects.get(locale__language_code="de", slug="weiteres"),
    )
    resource.save_revision().publish()
    page = html(client.get("/de/ressourcen/zelt-mit-markup/"))
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>Hof</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;Zelt" in page


def test_detail_queries_do_not_grow_with_engagement_fields(client):
    resource = ResourceFactory(
        slug="viele-felder",
        category=ResourceCategory.objects.get(locale__language_code="de", slug="weiteres"),
    )
    url = "/de/ressourcen/viele-felder/"

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries.captured_queries)

    ResourceEngagementField.objects.create(resource=resource, engagement_field=EngagementFieldFactory())
    one = count()
    for _ in range(5):
        ResourceEngagementField.objects.create(resource=resource, engagement_field=EngagementFieldFactory())
    assert count() == one <= 40


def test_home_page_offers_the_categories_and_featured_resources(client):
    page = html(client.get("/en/"))
    categories = select_one(page, "section.home-catalogue")
    for category in ResourceCategory.objects.filter(locale__language_code="en"):
        count = Resource.objects.filter(
            live=True, locale__language_code="en", category__slug=category.slug
        ).count()
        assert f"/en/resources/?category={category.slug}" in links(categories)
        assert f"{count} offer" in text(categories)
    featured = card_links(select_one(page, "section.home-featured"), "resource")
    assert "/en/resources/projector/" in featured and len(featured) == 4
