"""Availability of every line of a basket at once: two queries, however many lines there are.

The rules stay in `catalogue.availability` (free units per day, budget left); this only fetches the
approved reservations and grants of all the basket's resources together and hands each resource its
share. Used to show and check a basket; approving an item reads the database afresh under a lock.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum

from catalogue import availability
from catalogue.models import Grant, Reservation, StockStatus


class StockSnapshot:
    def __init__(self, resources, start=None, end=None):
        resources = [resource for resource in resources if resource is not None]
        unit_keys = {r.translation_key for r in resources if r.counts_units}
        money_keys = {r.translation_key for r in resources if r.counts_money}
        self._reservations = defaultdict(list)
        if unit_keys:
            rows = Reservation.objects.filter(
                resource__translation_key__in=unit_keys, status=StockStatus.APPROVED
            )
            if start is not None and end is not None:
                rows = rows.filter(start__lte=end, end__gte=start)
            for row in rows.values("resource__translation_key", "start", "end", "quantity"):
                self._reservations[row["resource__translation_key"]].append(row)
        self._granted = {}
        if money_keys:
            self._granted = dict(
                Grant.objects.filter(resource__translation_key__in=money_keys, status=StockStatus.APPROVED)
                .order_by()
                .values_list("resource__translation_key")
                .annotate(total=Sum("amount"))
            )

    def free_units_by_day(self, resource, start, end):
        """{day: free units} for the period, as `catalogue.availability.free_units_by_day` says."""
        return availability.free_units_by_day(
            resource, start, end, reservations=self._reservations.get(resource.translation_key, [])
        )

    def budget_left(self, resource):
        granted = self._granted.get(resource.translation_key) or Decimal(0)
        return (resource.budget or Decimal(0)) - granted
