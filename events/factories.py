"""factory_boy factories for events (wagtail-factories). Pass `parent=` (an EventIndexPage)."""

import datetime

import factory
import wagtail_factories

from events import dates
from events.models import EventPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A published event next week, 18:00 to 20:00 Dortmund time. Relations: pass lists."""

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    slug = factory.Sequence(lambda n: f"veranstaltung-{n}")
    summary = "Eine Veranstaltung für die Tests."
    kind = EventPage.Kind.WORKSHOP
    start_date = factory.LazyFunction(lambda: dates.today() + datetime.timedelta(days=7))
    start_time = datetime.time(18)
    end_time = datetime.time(20)
    languages = factory.LazyFunction(lambda: ["de"])

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def engagement_fields(self, create, terms):
        if terms:
            self.engagement_fields = terms
            self.save_revision().publish()
