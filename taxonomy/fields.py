"""Small model fields the catalogue needs."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# Languages a coaching can be offered in: more than the portal's own six, because associations bring
# many more. Each name is written in its own language and script, so every visitor recognises theirs
# (no translation needed, and none wanted).
OFFER_LANGUAGES = {
    "de": "Deutsch",
    "en": "English",
    "tr": "Türkçe",
    "ar": "العربية",
    "uk": "Українська",
    "pl": "Polski",
    "ru": "Русский",
    "fa": "فارسی",
    "ku": "Kurdî (Kurmancî)",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "el": "Ελληνικά",
    "bg": "Български",
    "ro": "Română",
    "sq": "Shqip",
    "bs": "Bosanski",
    "ti": "ትግርኛ",
    "so": "Soomaali",
}


class LanguageListField(models.CharField):
    """A short list of language codes ("de,tr,ar"), edited as checkboxes.

    Stored as comma-separated text so it works the same on SQLite and PostgreSQL; Python sees a list.
    The choices live in the form field, not on the model field: Django would otherwise validate the
    whole list against them as if it were one choice.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 120)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    @staticmethod
    def _split(value):
        if value is None:
            return []
        if isinstance(value, list | tuple):
            return [code for code in value if code]
        return [code.strip() for code in str(value).split(",") if code.strip()]

    def from_db_value(self, value, expression, connection):
        return self._split(value)

    def to_python(self, value):
        return self._split(value)

    def get_prep_value(self, value):
        return ",".join(self._split(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        unknown = [code for code in self._split(value) if code not in OFFER_LANGUAGES]
        if unknown:
            raise ValidationError(_("Unknown language code: %(codes)s"), params={"codes": ", ".join(unknown)})
        if not self.blank and not self._split(value):
            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        # The max_length validator would measure the list, not the stored text.
        if len(self.get_prep_value(value)) > self.max_length:
            raise ValidationError(_("Too many languages."))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=list(OFFER_LANGUAGES.items()),
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=kwargs.get("widget") or forms.CheckboxSelectMultiple,
        )
