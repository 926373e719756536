"""factory_boy factories for partner organisations and their vocabulary."""

import factory
from wagtail.models import Locale

from partners.models import PartnerOrganisation
from taxonomy.factories import TaxonomyTermFactory
from taxonomy.models import CooperationTopic, TargetGroup


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


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    """A live German partner. Relations: pass lists, e.g. `districts=[...]`, `engagement_fields=[...]`."""

    name = factory.Sequence(lambda n: f"Testorganisation {n}")
    kind = PartnerOrganisation.Kind.CIVIL_SOCIETY
    description = "Eine Organisation für die Tests."
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = PartnerOrganisation
