from django.db import migrations

# The languages partners can pick (partners.models.LANGUAGE_CHOICES), in the order the finder shows them.
CODES = ["de", "en", "tr", "ar", "uk", "pl", "ku", "ru", "fa", "fr", "bg", "ro", "el", "it", "es", "sq", "bcs", "ti", "dgs"]


def create_languages(apps, schema_editor):
    SpokenLanguage = apps.get_model("partners", "SpokenLanguage")
    for position, code in enumerate(CODES):
        SpokenLanguage.objects.update_or_create(code=code, defaults={"sort_order": position})


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [migrations.RunPython(create_languages, migrations.RunPython.noop)]
