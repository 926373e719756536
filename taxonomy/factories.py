"""factory_boy factories for the shared vocabulary: engagement fields, resource categories, cooperation
topics and target groups (live German terms)."""

import factory
from wagtail.models import Locale

from taxonomy.models import CooperationTopic, EngagementField, ResourceCategory, TargetGroup


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


class CooperationTopicFactory(TaxonomyTermFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")

    class Meta:
        model = CooperationTopic


class TargetGroupFactory(TaxonomyTermFactory):
    name = factory.Sequence(lambda n: f"Zielgruppe {n}")
    slug = factory.Sequence(lambda n: f"zielgruppe-{n}")

    class Meta:
        model = TargetGroup
