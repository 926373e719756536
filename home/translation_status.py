"""What is missing or outdated in each language, for the admin's dashboard.

*Missing*: a live German page with no published translation in the language (only the alias that shows
the German page), or a live German snippet (resource, partner, term) with no live translation.
*Outdated*: a live translation published before its German source was last published – the German text
changed after the translation was made. Snippet models are found through Wagtail's snippet registry, so
this module (ground floor) names no domain app. Each kind of content is counted in a few grouped queries.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.urls import reverse
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

SHOWN = 5  # items listed per language and state; the rest are counted


@dataclass
class LanguageStatus:
    locale: Locale
    missing: list = field(default_factory=list)
    outdated: list = field(default_factory=list)
    missing_count: int = 0
    outdated_count: int = 0


def translatable_snippet_models():
    return [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and issubclass(model, DraftStateMixin)
    ]


def _sources(model, source_locale):
    queryset = model._default_manager.filter(locale=source_locale, live=True)
    if issubclass(model, Page):
        # Leichte Sprache is German by nature: its pages wait for no translation (docs/languages.md).
        queryset = queryset.exclude(standardpage__easy_read=True)
    return queryset


def _missing(model, source_locale, locale):
    """German live objects without a live, real (not alias) version in `locale`."""
    versions = model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale=locale, live=True
    )
    if issubclass(model, Page):
        versions = versions.filter(alias_of__isnull=True)
    queryset = _sources(model, source_locale)
    if issubclass(model, Page):
        queryset = queryset.filter(depth__gt=1, alias_of__isnull=True)
    return queryset.exclude(Exists(versions))


def _outdated(model, source_locale, locale):
    """Live versions in `locale` (None: every other language) published before their German source was
    last published."""
    source_published = _sources(model, source_locale).filter(translation_key=OuterRef("translation_key"))
    queryset = model._default_manager.filter(live=True).exclude(locale=source_locale)
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    if issubclass(model, Page):
        queryset = queryset.filter(alias_of__isnull=True)
    return queryset.annotate(
        source_published_at=Subquery(source_published.values("last_published_at")[:1])
    ).filter(last_published_at__lt=F("source_published_at"))


@dataclass
class Item:
    title: str
    kind: str
    url: str


def translate_url(obj, locale):
    """Where an editor starts the translation of `obj` into `locale` (the language preselected)."""
    if isinstance(obj, Page):
        url = reverse("wagtail_localize:submit_page_translation", args=[obj.pk])
    else:
        meta = obj._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, obj.pk]
        )
    return f"{url}?select_locale={locale.language_code}"


def edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("edit"), args=[obj.pk])


def item(obj, url):
    kind = obj.specific_class._meta.verbose_name if isinstance(obj, Page) else obj._meta.verbose_name
    return Item(
        title=str(obj.get_admin_display_title() if isinstance(obj, Page) else obj), kind=kind, url=url
    )


def _counts(model, source_locale):
    """({locale id: missing}, {locale id: outdated}) for one model, in three grouped queries."""
    sources = _sources(model, source_locale)
    if issubclass(model, Page):
        sources = sources.filter(depth__gt=1, alias_of__isnull=True)
    total = sources.count()
    versions = model._default_manager.filter(live=True, translation_key__in=sources.values("translation_key"))
    if issubclass(model, Page):
        versions = versions.filter(alias_of__isnull=True)
    translated = dict(
        versions.exclude(locale=source_locale)
        .order_by()
        .values("locale_id")
        .annotate(n=Count("translation_key", distinct=True))
        .values_list("locale_id", "n")
    )
    outdated = dict(
        _outdated(model, source_locale, None)
        .order_by()
        .values("locale_id")
        .annotate(n=Count("pk"))
        .values_list("locale_id", "n")
    )
    return {pk: total - translated.get(pk, 0) for pk in _locale_ids(source_locale)}, outdated


def _locale_ids(source_locale):
    return Locale.objects.exclude(pk=source_locale.pk).values_list("pk", flat=True)


def language_statuses():
    """[LanguageStatus] for every language but German: pages and translatable snippets together. The
    counts take three grouped queries per kind of content; the few listed items a query each where some
    are missing or outdated."""
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    statuses = {
        locale.pk: LanguageStatus(locale=locale)
        for locale in Locale.objects.exclude(pk=source_locale.pk).order_by("pk")
    }
    for model in [Page, *translatable_snippet_models()]:
        missing_counts, outdated_counts = _counts(model, source_locale)
        for pk, status in statuses.items():
            status.missing_count += missing_counts.get(pk, 0)
            status.outdated_count += outdated_counts.get(pk, 0)
            if missing_counts.get(pk) and len(status.missing) < SHOWN:
                found = _missing(model, source_locale, status.locale)[: SHOWN - len(status.missing)]
                status.missing += [item(obj, translate_url(obj, status.locale)) for obj in found]
            if outdated_counts.get(pk) and len(status.outdated) < SHOWN:
                found = _outdated(model, source_locale, status.locale)[: SHOWN - len(status.outdated)]
                status.outdated += [item(obj, edit_url(obj)) for obj in found]
    return list(statuses.values())
