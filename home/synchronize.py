"""Keep a page's facts the same in every language as soon as the German page is published.

wagtail-localize copies synchronised fields (dates, places left, cancelled, district, relations ...) into
a translation only when that translation is next updated. For an event that is too late: an Arabic
visitor would still see a cancelled event as taking place, or last week's places left. So when the
source page is published, the fields its model lists in `SYNCHRONIZED` are written into its live
translations straight away (aliases follow by themselves: Wagtail updates them on publish), and
wagtail-localize's copy of the source is refreshed, so a translator publishing later does not bring the
old values back. Where a fact really changed, the translation takes the source's `last_published_at`,
so what is built from it (an event's `.ics` LAST-MODIFIED and SEQUENCE, the sitemap's lastmod) tells
calendars and crawlers that the page changed. Texts are untouched: they still go through translation. The catalogue does the same for
resources (`catalogue/signals.py`).

A page model opts in by listing `SYNCHRONIZED` and connecting `synchronize_page_translations` to
`wagtail.signals.page_published` in its app's `ready()`.
"""

from wagtail_localize.models import TranslationSource


def synchronize_page_translations(sender, instance, **kwargs):
    model = type(instance)
    names = getattr(model, "SYNCHRONIZED", None)
    if not names:
        return
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is None:
        return  # not the source of any translation (or itself a translation)
    fields = [model._meta.get_field(name) for name in names]
    related = {
        field.name: list(getattr(instance, field.name).all()) for field in fields if field.many_to_many
    }
    translations = model.objects.filter(
        translation_key=instance.translation_key, alias_of__isnull=True
    ).exclude(pk=instance.pk)
    for translation in translations:
        changed = facts_differ(translation, instance, fields, related)
        if not changed:
            continue  # nothing to copy: no write, and no change for the API's change feed
        for field in fields:
            if field.many_to_many:
                setattr(translation, field.name, related[field.name])
            else:
                setattr(translation, field.attname, getattr(instance, field.attname))
        update_fields = [field.name for field in fields]
        translation.last_published_at = instance.last_published_at
        update_fields.append("last_published_at")
        translation.save(clean=False, update_fields=update_fields)
    source.update_from_db()


def facts_differ(translation, source, fields, related):
    """Does any synchronised fact of `translation` differ from the source's (before it is copied)?

    Related objects that are translated themselves (a partner, terms) count as the same when they are
    versions of each other: a translation may point at the Arabic partner where the source names the
    German one."""
    for field in fields:
        if field.many_to_many:
            mine = {_identity(obj) for obj in getattr(translation, field.name).all()}
            if mine != {_identity(obj) for obj in related[field.name]}:
                return True
        elif field.is_relation:
            if _identity(getattr(translation, field.name)) != _identity(getattr(source, field.name)):
                return True
        elif getattr(translation, field.attname) != getattr(source, field.attname):
            return True
    return False


def _identity(obj):
    """What makes a related object the same in every language: its translation key, else its key."""
    if obj is None:
        return None
    return getattr(obj, "translation_key", None) or obj.pk
