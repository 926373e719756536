"""Cooperation topics and target groups move to the taxonomy app, and the partners' relations point there.

State only: the tables keep their names (`partners_cooperationtopic`, `partners_targetgroup`).
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ('partners', '0002_spoken_languages'),
        ('events', '0002_vocabulary_in_taxonomy'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='partnerorganisation',
                    name='district',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.district', verbose_name='district of the address'),
                ),
                migrations.AlterField(
                    model_name='partnerorganisation',
                    name='districts',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='The district of the address is added automatically.', related_name='partners', to='taxonomy.district', verbose_name='active in districts'),
                ),
                migrations.AlterField(
                    model_name='partnerorganisation',
                    name='engagement_fields',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='partners', to='taxonomy.engagementfield', verbose_name='engagement fields'),
                ),
                migrations.AlterField(
                    model_name='partnerorganisation',
                    name='looks_for',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='looked_for_by', to='taxonomy.cooperationtopic', verbose_name='looks for'),
                ),
                migrations.AlterField(
                    model_name='partnerorganisation',
                    name='offers',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='offered_by', to='taxonomy.cooperationtopic', verbose_name='offers for cooperation'),
                ),
                migrations.AlterField(
                    model_name='partnerorganisation',
                    name='target_groups',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='partners', to='taxonomy.targetgroup', verbose_name='target groups'),
                ),
                migrations.DeleteModel(
                    name='CooperationTopic',
                ),
                migrations.DeleteModel(
                    name='TargetGroup',
                ),
            ],
        ),
    ]
