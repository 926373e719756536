"""factory_boy factories for the catalogue's vocabulary."""

import factory
from wagtail.models import Locale

from catalogue.models import EngagementField, ResourceCategory


class TaxonomyTermFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Begriff {n}")
    slug = factory.Sequence(lambda n: f"begriff-{n}")
    description = "Eine kurze Beschreibung."
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        abstract = True


class EngagementFieldFactory(TaxonomyTermFactory):
    class Meta:
        model = EngagementField


class ResourceCategoryFactory(TaxonomyTermFactory):
    icon = ResourceCategory.Icon.OTHER

    class Meta:
        model = ResourceCategory
