"""Sample content in bulk (Beispieldaten) for the search benchmark: what the apps' generators share.

`manage.py generate_bulk_content --resources 10000 --partners 2000` scales the demo up so `make bench` can
measure search at a size the demo content does not reach. Each app that has content to scale has a
`bulk.py` (like `demo.py`): `OPTION` (the command's option, e.g. "resources"), `DEFAULT`, `HELP` and
`generate(count, vocabulary)`; the command finds them (`generators()`). Here: the vocabulary they point
at, stable translation keys, batches, and the occasions their texts mention.

Everything is deterministic: object number *n* always gets the same text, slug and numbers. Running again
with the same numbers creates nothing; larger numbers add what is missing (use a database of its own:
nothing removes it again). Rows are written with `bulk_create` in batches – no `save()`, no signals – so
the search entries are built afterwards in one go (`update_index`), not one object at a time.
"""

import importlib
import uuid
from dataclasses import dataclass

from django.apps import apps
from wagtail.models import Locale

from taxonomy.models import CooperationTopic, District, EngagementField, ResourceCategory, TargetGroup

BATCH = 500
TRANSLATED_EVERY = 4
SEED = 7

OCCASIONS = [
    ("Vereinsfeste", "association festivals", "dernek şenlikleri", "احتفالات الجمعيات"),
    ("Workshops", "workshops", "atölyeler", "ورش العمل"),
    ("Elternabende", "parents' evenings", "veli toplantıları", "لقاءات أولياء الأمور"),
    ("Kulturabende", "cultural evenings", "kültür akşamları", "الأمسيات الثقافية"),
    ("Hausaufgabenhilfe", "homework help", "ödev yardımı", "المساعدة في الواجبات المدرسية"),
    ("Nachbarschaftstreffen", "neighbourhood meetings", "komşuluk buluşmaları", "لقاءات الجيران"),
    ("Sprachkurse", "language courses", "dil kursları", "دورات اللغة"),
    ("Sportturniere", "sports tournaments", "spor turnuvaları", "البطولات الرياضية"),
]

OCCASION_COLUMN = {"de": 0, "en": 1, "tr": 2, "ar": 3}


@dataclass
class Vocabulary:
    """The terms generated content points at, per language (translation key -> term)."""

    locales: dict
    categories: dict
    fields: dict
    districts: list
    topics: dict
    groups: dict

    @classmethod
    def load(cls):
        locales = {locale.language_code: locale for locale in Locale.objects.all()}

        def by_language(model):
            terms = {}
            for term in model.objects.filter(live=True).select_related("locale").order_by("pk"):
                terms.setdefault(term.locale.language_code, {})[term.slug] = term
            return terms

        return cls(
            locales=locales,
            categories=by_language(ResourceCategory),
            fields=by_language(EngagementField),
            districts=list(District.objects.order_by("slug")),
            topics=by_language(CooperationTopic),
            groups=by_language(TargetGroup),
        )

    def term(self, terms, language, slug):
        """The term in `language`, the German one where it is not translated."""
        return terms.get(language, {}).get(slug) or terms["de"][slug]


def stable_key(kind, number):
    """A stable translation key per generated object (the same every run)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"hor-portal-bulk/{kind}/{number}")


def chunks(objects):
    for start in range(0, len(objects), BATCH):
        yield objects[start : start + BATCH]


def generators():
    """Every installed app's `bulk` module (`<app>/bulk.py`), in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.bulk")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.bulk":
                raise
            continue
        if hasattr(module, "generate"):
            found.append(module)
    return found
