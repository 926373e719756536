"""Many counts of a listing in one query, many vocabulary relations of a page in one (issue 14,
home/listing/together.py): the same answers as one query each, in fewer queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.listing import facets as event_facets
from events.models import EventPage
from home.listing import together
from partners.models import PartnerOrganisation
from partners.views import detail_vocabulary, find_partner, with_details
from taxonomy.models import District

pytestmark = pytest.mark.django_db

PARTNER = "nachbarschaftsgarten-huckarde-ev"


def relations(partner):
    return {name: [obj.pk for obj in getattr(partner, name).all()] for name in detail_vocabulary()}


@pytest.mark.parametrize("page_cache_seconds", [0, 300])
def test_a_partners_vocabulary_is_what_djangos_prefetch_gives(settings, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    expected = with_details(PartnerOrganisation.objects.in_language("de")).get(slug=PARTNER)
    partner, _slug = find_partner(PARTNER, "de", details=True)
    assert relations(partner) == relations(expected)
    assert any(relations(partner).values())  # the demo partner has vocabulary to compare


def test_the_vocabulary_of_many_partners_costs_one_query_once_kept(settings):
    settings.PAGE_CACHE_SECONDS = 300
    partners = list(PartnerOrganisation.objects.in_language("de")[:10])
    together.prefetch_vocabulary(partners, detail_vocabulary())  # keeps the vocabulary itself
    partners = list(PartnerOrganisation.objects.in_language("de")[:10])
    with CaptureQueriesContext(connection) as queries:
        together.prefetch_vocabulary(partners, detail_vocabulary())
        shown = [relations(partner) for partner in partners]
    assert len(queries.captured_queries) == 1
    assert shown == [
        relations(partner) for partner in with_details(PartnerOrganisation.objects.in_language("de"))[:10]
    ]


def test_counts_together_are_the_counts_one_by_one():
    events = EventPage.objects.live()
    months = sorted({event.start_date.replace(day=1) for event in events})[:3]
    facets = event_facets(months)
    answers = together.count([facet.count_part(events) for facet in facets])
    together_counts = [facet.read_counts(answer) for facet, answer in zip(facets, answers, strict=True)]
    one_by_one = [facet.counts(events) for facet in facets]
    assert together_counts == one_by_one
    assert any(sum(counts.values()) for counts in one_by_one)


def test_a_part_that_matches_nothing_counts_zero():
    nothing = District.objects.filter(pk__in=[])  # Django raises EmptyResultSet when it builds the SQL
    answers = together.count([together.total(nothing), together.total(District.objects.all())])
    assert answers[0] == {}
    assert answers[1]["n"] == District.objects.count() > 0
