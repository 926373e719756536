"""factory_boy factories for the catalogue: resources, reservations and grants (terms: taxonomy.factories)."""

import datetime
from decimal import Decimal

import factory
from wagtail.models import Locale

from catalogue.models import Grant, Reservation, Resource, ResourceEngagementField, StockStatus
from taxonomy.factories import ResourceCategoryFactory


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published German resource; an item to borrow unless told otherwise."""

    title = factory.Sequence(lambda n: f"Ressource {n}")
    slug = factory.Sequence(lambda n: f"ressource-{n}")
    summary = "Eine kurze Beschreibung der Ressource."
    category = factory.SubFactory(ResourceCategoryFactory)
    kind = Resource.Kind.LENDABLE
    units = 4
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    class Params:
        room = factory.Trait(kind=Resource.Kind.ROOM, units=1, capacity=30)
        money = factory.Trait(
            kind=Resource.Kind.MONEY, units=None, budget=Decimal(5000), max_amount_per_request=Decimal(1000)
        )
        coaching = factory.Trait(kind=Resource.Kind.COACHING, units=None, format=Resource.Format.IN_PERSON)

    @factory.post_generation
    def engagement_fields(self, create, fields):
        for position, field in enumerate(fields or []):
            ResourceEngagementField.objects.create(resource=self, engagement_field=field, sort_order=position)


class ReservationFactory(factory.django.DjangoModelFactory):
    resource = factory.SubFactory(ResourceFactory)
    quantity = 1
    start = factory.LazyFunction(datetime.date.today)
    end = factory.LazyAttribute(lambda reservation: reservation.start)
    status = StockStatus.APPROVED

    class Meta:
        model = Reservation


class GrantFactory(factory.django.DjangoModelFactory):
    resource = factory.SubFactory(ResourceFactory, money=True)
    amount = Decimal(500)
    status = StockStatus.APPROVED

    class Meta:
        model = Grant
