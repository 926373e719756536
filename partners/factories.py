"""factory_boy factories for partner organisations (their terms: taxonomy.factories)."""

import factory
from wagtail.models import Locale

from partners.models import PartnerOrganisation


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
