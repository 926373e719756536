"""factory_boy factories for the home app's pages (wagtail-factories)."""

import factory
import wagtail_factories

from home import blocks as home_blocks
from home.models import StandardPage


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Abschnitt {n}")
    level = "h2"

    class Meta:
        model = home_blocks.HeadingBlock


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    slug = factory.Sequence(lambda n: f"inhaltsseite-{n}")
    intro = "Eine kurze Einleitung."
    body = wagtail_factories.StreamFieldFactory({"heading": factory.SubFactory(HeadingBlockFactory)})

    class Meta:
        model = StandardPage
