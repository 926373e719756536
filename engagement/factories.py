"""factory_boy factories for engagement examples (wagtail-factories). Pass `parent=` (an EngagementIndexPage)."""

import factory
import wagtail_factories

from engagement.models import EngagementExamplePage


class EngagementExamplePageFactory(wagtail_factories.PageFactory):
    """A published example; relations (engagement fields, partners, resources) as lists."""

    title = factory.Sequence(lambda n: f"Beispiel {n}")
    slug = factory.Sequence(lambda n: f"beispiel-{n}")
    association = factory.Sequence(lambda n: f"Testverein {n} e.V.")
    summary = "Ein Beispiel für die Tests."
    story = "<p>Was der Verein gemacht hat.</p>"
    year = 2025

    class Meta:
        model = EngagementExamplePage
        skip_postgeneration_save = True

    @factory.post_generation
    def relations(self, create, values):
        """`relations={"engagement_fields": [...], "partners": [...], "resources": [...]}`"""
        if values:
            for name, items in values.items():
                setattr(self, name, items)
            self.save_revision().publish()
