from django.db import migrations
from django.utils.text import slugify

# Dortmund's twelve city districts (Stadtbezirke).
DISTRICTS = [
    "Innenstadt-West",
    "Innenstadt-Nord",
    "Innenstadt-Ost",
    "Eving",
    "Scharnhorst",
    "Brackel",
    "Aplerbeck",
    "Hörde",
    "Hombruch",
    "Lütgendortmund",
    "Huckarde",
    "Mengede",
]


def create_districts(apps, schema_editor):
    District = apps.get_model("catalogue", "District")
    for name in DISTRICTS:
        slug = slugify(name.replace("ö", "oe").replace("ü", "ue"))
        District.objects.update_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(create_districts, migrations.RunPython.noop)]
