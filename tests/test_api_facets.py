"""The facet machinery every list endpoint shares (api/facets.py): values, labels, filtering, counting."""

import pytest

from api.errors import APIError
from api.facets import Facet, apply_facets, field_choices, object_choices, term_choices
from home.listing import localized
from taxonomy.factories import EngagementFieldFactory
from taxonomy.models import District, EngagementField, ResourceCategory

pytestmark = pytest.mark.django_db


def test_term_choices_are_in_the_language_with_german_standing_in():
    EngagementFieldFactory(name="Sport und Bewegung", slug="sport", sort_order=99)
    EngagementFieldFactory(name="Noch nicht", slug="entwurf", live=False)
    labels = {choice.value: choice.label for choice in term_choices(EngagementField)("ar")}
    assert labels["umwelt"] == "البيئة"
    assert labels["sport"] == "Sport und Bewegung"
    assert "entwurf" not in labels
    assert list(labels)[:2] == ["kulturelle-vielfalt", "kinder-und-jugend"], "in the editors' order"


def test_object_and_field_choices():
    districts = object_choices(District)("ar")
    assert len(districts) == 12 and {choice.value for choice in districts} >= {"eving", "hoerde"}
    icons = {choice.value: choice.label for choice in field_choices(ResourceCategory, "icon")("tr")}
    assert set(icons) == set(ResourceCategory.Icon.values)
    assert icons["room"] != "Rooms", "labels in the requested language"


def test_each_facet_is_counted_with_the_other_facets_applied():
    icon = Facet("icon", "icon", label="Symbol", choices=field_choices(ResourceCategory, "icon"))
    kind = Facet("kind", "slug", label="Art", choices=term_choices(ResourceCategory))
    queryset = localized(ResourceCategory.objects.filter(live=True), "de")
    selected = {"icon": ["room"], "kind": ["raeume", "weiteres"]}
    filtered, results = apply_facets(queryset, [icon, kind], selected, "de")
    assert [category.slug for category in filtered] == ["raeume"]
    icon_counts, kind_counts = (
        {choice.value: choice.count for choice in result.choices} for result in results
    )
    assert icon_counts["room"] == 1 and icon_counts["other"] == 1 and icon_counts["money"] == 0
    assert kind_counts["raeume"] == 1 and kind_counts["weiteres"] == 0
    assert [choice.value for choice in results[0].choices if choice.selected] == ["room"]


def test_unknown_values_are_refused_naming_the_parameter():
    icon = Facet("icon", "icon", label="Symbol", choices=field_choices(ResourceCategory, "icon"))
    with pytest.raises(APIError) as raised:
        apply_facets(ResourceCategory.objects.all(), [icon], {"icon": ["room", "castle"]}, "de")
    assert raised.value.status == 422
    assert raised.value.errors[0]["loc"] == ["query", "icon"] and "castle" in raised.value.errors[0]["msg"]
