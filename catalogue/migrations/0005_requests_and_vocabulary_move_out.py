"""The request workflow moves to resource_requests, the vocabulary to taxonomy; resources point there.

State only: every table keeps its name, no row is touched. The content types follow in the new apps'
next migrations.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ('catalogue', '0004_requests'),
        ('engagement', '0002_vocabulary_in_taxonomy'),
        ('events', '0002_vocabulary_in_taxonomy'),
        ('partners', '0003_vocabulary_in_taxonomy'),
        ('resource_requests', '0001_initial'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='resource',
                    name='district',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='resources', to='taxonomy.district', verbose_name='district'),
                ),
                migrations.AlterField(
                    model_name='resourceengagementfield',
                    name='engagement_field',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='taxonomy.engagementfield', verbose_name='engagement field'),
                ),
                migrations.AlterField(
                    model_name='resource',
                    name='category',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='resources', to='taxonomy.resourcecategory', verbose_name='resource category'),
                ),
                migrations.DeleteModel(
                    name='RequestEvent',
                ),
                migrations.DeleteModel(
                    name='RequestItem',
                ),
                migrations.DeleteModel(
                    name='ResourceRequest',
                ),
                migrations.DeleteModel(
                    name='ConsultationSlot',
                ),
                migrations.DeleteModel(
                    name='RequestCounter',
                ),
                migrations.DeleteModel(
                    name='RequestPage',
                ),
                migrations.DeleteModel(
                    name='EngagementField',
                ),
                migrations.DeleteModel(
                    name='ResourceCategory',
                ),
                migrations.DeleteModel(
                    name='District',
                ),
            ],
        ),
    ]
