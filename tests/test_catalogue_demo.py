"""The demo catalogue: enough believable resources, translated, with interesting availability; idempotent."""

import pytest
from django.core.management import call_command
from django.db.models import Count
from wagtail.models import Revision

from catalogue import availability
from catalogue.models import Grant, Reservation, Resource, ResourceIndexPage
from home.models import NavigationMenu
from taxonomy.models import ResourceCategory

pytestmark = pytest.mark.django_db


def german():
    return Resource.objects.filter(locale__language_code="de", live=True)


def test_at_least_thirty_resources_across_every_category_and_kind():
    assert german().count() >= 30
    categories = set(
        ResourceCategory.objects.filter(locale__language_code="de").values_list("slug", flat=True)
    )
    assert set(german().values_list("category__slug", flat=True)) == categories
    assert set(german().values_list("kind", flat=True)) == set(Resource.Kind.values)
    rooms = german().filter(kind=Resource.Kind.ROOM)
    assert rooms.values("district").distinct().count() >= 5
    assert rooms.filter(step_free=True).exists() and rooms.filter(step_free=False).exists()
    coaching_languages = {
        code for resource in german().filter(kind="coaching") for code in resource.languages
    }
    assert len(coaching_languages) >= 6


def test_every_resource_is_translated_into_english_turkish_and_arabic():
    for resource in german():
        translations = {
            t.locale.language_code: t
            for t in resource.get_translations().filter(live=True).select_related("locale")
        }
        assert set(translations) >= {"en", "tr", "ar"}, resource
        for code in ("en", "tr", "ar"):
            assert translations[code].title != resource.title or code == "en", (resource, code)
            assert translations[code].category.locale.language_code == code


def test_availability_is_interesting_today():
    statuses = [availability.availability_of(r).status for r in availability.with_availability(german())]
    assert statuses.count(availability.Status.EXHAUSTED) == 1
    assert statuses.count(availability.Status.FEW_LEFT) >= 2
    assert availability.Status.NOT_YET in statuses
    assert Reservation.objects.filter(status="approved").count() >= 15
    assert Grant.objects.values("resource").distinct().count() >= 6


def test_the_catalogue_is_first_in_the_main_menu():
    catalogue = ResourceIndexPage.objects.get(locale__language_code="de")
    menu = NavigationMenu.objects.get(slot="main", locale__language_code="de")
    assert menu.items[0].value["page"].pk == catalogue.pk
    assert (
        ResourceIndexPage.objects.filter(alias_of__isnull=True)
        .values("locale")
        .annotate(n=Count("pk"))
        .count()
        == 6
    )


def test_loading_again_changes_nothing():
    def snapshot():
        return (
            list(
                Resource.objects.order_by("pk").values_list(
                    "pk", "slug", "live", "latest_revision_id", "units", "budget"
                )
            ),
            list(Reservation.objects.order_by("pk").values_list("pk", "start", "end", "quantity", "status")),
            list(Grant.objects.order_by("pk").values_list("pk", "amount", "granted_on", "status")),
            Revision.objects.count(),
        )

    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before
