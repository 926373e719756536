"""Admin forms shared by page types that point at translatable snippets (engagement examples, events)."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale


class LocalizedChoicesPageForm(WagtailAdminPageForm):
    """Offer translatable terms, partners and resources in the page's own language only.

    Without this every choice appears once per language ("Umwelt", "Environment", "Çevre" ...). What is
    chosen already stays offered. List the fields in `Meta`-less form subclasses as `localized_fields`.
    """

    localized_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if locale_id is None and self.parent_page is not None:
            locale_id = self.parent_page.locale_id
        if locale_id is None:
            locale_id = Locale.get_default().pk
        for name in self.localized_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            if self.instance.pk:
                value = getattr(self.instance, name)
                current = (
                    [obj.pk for obj in value.all()] if hasattr(value, "all") else [getattr(value, "pk", None)]
                )
            else:
                current = []
            field.queryset = field.queryset.filter(
                Q(locale_id=locale_id) | Q(pk__in=[pk for pk in current if pk])
            )
