"""The vocabulary now lives in the taxonomy app: the relations point there (state only; same tables).
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ('engagement', '0001_initial'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='engagementexamplepage',
                    name='district',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='engagement_examples', to='taxonomy.district', verbose_name='district'),
                ),
                migrations.AlterField(
                    model_name='engagementexamplepage',
                    name='engagement_fields',
                    field=modelcluster.fields.ParentalManyToManyField(related_name='engagement_examples', to='taxonomy.engagementfield', verbose_name='engagement fields'),
                ),
            ],
        ),
    ]
