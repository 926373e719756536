"""Districts' names in the scripts of other languages (Arabic, Ukrainian ...), see taxonomy.District."""

from django.db import migrations, models

from home.migration_support import sources_stay_current


class Migration(migrations.Migration):

    dependencies = [
        ('taxonomy', '0003_roles'),
    ]

    operations = [
        migrations.AddField(
            model_name='district',
            name='name_ar',
            field=models.CharField(blank=True, help_text='Leave empty where the language writes the German name.', max_length=60, verbose_name='name in Arabic'),
        ),
        migrations.AddField(
            model_name='district',
            name='name_en',
            field=models.CharField(blank=True, help_text='Leave empty where the language writes the German name.', max_length=60, verbose_name='name in English'),
        ),
        migrations.AddField(
            model_name='district',
            name='name_pl',
            field=models.CharField(blank=True, help_text='Leave empty where the language writes the German name.', max_length=60, verbose_name='name in Polish'),
        ),
        migrations.AddField(
            model_name='district',
            name='name_tr',
            field=models.CharField(blank=True, help_text='Leave empty where the language writes the German name.', max_length=60, verbose_name='name in Turkish'),
        ),
        migrations.AddField(
            model_name='district',
            name='name_uk',
            field=models.CharField(blank=True, help_text='Leave empty where the language writes the German name.', max_length=60, verbose_name='name in Ukrainian'),
        ),
        migrations.AlterField(
            model_name='district',
            name='name',
            field=models.CharField(help_text='The official German name.', max_length=60, unique=True, verbose_name='name'),
        ),
        # Only the districts (not translatable) changed: the terms' translation sources stay current.
        sources_stay_current("taxonomy", "0003_roles", "0004_district_names_in_other_scripts"),
    ]
