"""The vocabulary now lives in the taxonomy app: the relations point there (state only; same tables).
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ('events', '0001_initial'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='eventpage',
                    name='district',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='events', to='taxonomy.district', verbose_name='district'),
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='engagement_fields',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='events', to='taxonomy.engagementfield', verbose_name='engagement fields'),
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='target_groups',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='events', to='taxonomy.targetgroup', verbose_name='target groups'),
                ),
            ],
        ),
    ]
