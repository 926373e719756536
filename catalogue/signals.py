"""Keep a resource's numbers the same in every language as soon as the German entry is published.

wagtail-localize copies synchronised fields (units, budget, dates, contact data ...) into a translation
only when the translation is next updated. For availability that is too late: an Arabic visitor would
see last week's number of projectors. So when the source resource is published, its synchronised
fields are written into its translations straight away, and wagtail-localize's copy of the source is
refreshed, so a translator publishing later does not bring the old numbers back. Texts are untouched:
they still go through translation.
"""

from wagtail_localize.models import TranslationSource

from catalogue.models import Resource


def synchronize_translations(sender, instance, **kwargs):
    if not isinstance(instance, Resource):
        return
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is None:
        return  # not the source of any translation (or itself a translation)
    fields = [Resource._meta.get_field(name) for name in Resource.SYNCHRONIZED]
    values = {field.attname: getattr(instance, field.attname) for field in fields if field.concrete}
    Resource.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk).update(**values)
    source.update_from_db()
