"""The request workflow moves here from catalogue: the models only, in Django's state.

The tables stay where they are, under their old names (`Meta.db_table`); nothing is done to the database.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import home.models
import resource_requests.models
import taxonomy.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ('catalogue', '0004_requests'),
        ('partners', '0002_spoken_languages'),
        ('taxonomy', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='RequestCounter',
                    fields=[
                        ('year', models.PositiveSmallIntegerField(primary_key=True, serialize=False)),
                        ('last', models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        'db_table': 'catalogue_requestcounter',
                        'verbose_name': 'reference counter',
                        'verbose_name_plural': 'reference counters',
                    },
                ),
                migrations.CreateModel(
                    name='RequestPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, max_length=800, verbose_name='introduction')),
                        ('consent_text', models.TextField(blank=True, help_text="The sentence next to the consent box. Empty: the portal's standard wording.", max_length=600, verbose_name='consent')),
                        ('privacy_notice', wagtail.fields.RichTextField(blank=True, help_text="Who processes the data, why, on which legal basis, for how long, and the visitor's rights. Shown next to the form. Empty: the portal's standard notice.", verbose_name='privacy notice (Art. 13 GDPR)')),
                        ('next_steps', models.TextField(blank=True, help_text='Shown on the confirmation page and in the confirmation e-mail.', max_length=800, verbose_name='what happens next')),
                    ],
                    options={
                        'db_table': 'catalogue_requestpage',
                        'verbose_name': 'request form',
                        'verbose_name_plural': 'request forms',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, home.models.TranslationFallbackMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='ResourceRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reference', models.CharField(max_length=20, unique=True, verbose_name='reference number')),
                        ('token', models.CharField(default=resource_requests.models.new_token, max_length=64, unique=True, verbose_name='status link secret')),
                        ('status', models.CharField(choices=[('received', 'Received'), ('in_consultation', 'In consultation'), ('approved', 'Approved'), ('partly_approved', 'Partly approved'), ('declined', 'Declined'), ('done', 'Done')], db_index=True, default='received', max_length=20, verbose_name='status')),
                        ('language', models.CharField(help_text='E-mails to the association use it.', max_length=10, verbose_name='language of the form')),
                        ('source', models.CharField(choices=[('web', 'Web form'), ('api', 'API')], default='web', max_length=10, verbose_name='sent through')),
                        ('association_name', models.CharField(max_length=200, verbose_name='association')),
                        ('register_number', models.CharField(blank=True, max_length=40, verbose_name='register number')),
                        ('contact_name', models.CharField(max_length=120, verbose_name='contact person')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                        ('phone', models.CharField(blank=True, max_length=40, verbose_name='phone')),
                        ('consultation_language', models.CharField(choices=[('de', 'Deutsch'), ('en', 'English'), ('tr', 'Türkçe'), ('ar', 'العربية'), ('uk', 'Українська'), ('pl', 'Polski'), ('ru', 'Русский'), ('fa', 'فارسی'), ('ku', 'Kurdî (Kurmancî)'), ('fr', 'Français'), ('es', 'Español'), ('it', 'Italiano'), ('el', 'Ελληνικά'), ('bg', 'Български'), ('ro', 'Română'), ('sq', 'Shqip'), ('bs', 'Bosanski'), ('ti', 'ትግርኛ'), ('so', 'Soomaali')], max_length=10, verbose_name='preferred language for the consultation')),
                        ('plan_title', models.CharField(max_length=200, verbose_name='what is planned')),
                        ('plan_description', models.TextField(max_length=4000, verbose_name='description of the plan')),
                        ('plan_start', models.DateField(blank=True, null=True, verbose_name='from')),
                        ('plan_end', models.DateField(blank=True, null=True, verbose_name='until')),
                        ('participants', models.PositiveIntegerField(blank=True, null=True, verbose_name='expected participants')),
                        ('other_partners', models.TextField(blank=True, max_length=500, verbose_name='other partners')),
                        ('callback', models.BooleanField(default=False, verbose_name='asks to be called back')),
                        ('callback_times', models.CharField(blank=True, max_length=200, verbose_name='best times to call')),
                        ('consent_at', models.DateTimeField(verbose_name='consent given')),
                        ('is_sample', models.BooleanField(default=False, verbose_name='sample data')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='received')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='last change')),
                        ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                        ('anonymised_at', models.DateTimeField(blank=True, null=True, verbose_name='personal data removed')),
                    ],
                    options={
                        'db_table': 'catalogue_resourcerequest',
                        'verbose_name': 'request',
                        'verbose_name_plural': 'requests',
                        'ordering': ['-created_at', '-pk'],
                        'permissions': [('view_personal_data', 'Can see the contact details of requests (consultation)')],
                    },
                ),
                migrations.CreateModel(
                    name='ConsultationSlot',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('start', models.DateTimeField(verbose_name='starts at')),
                        ('duration', models.PositiveSmallIntegerField(default=45, validators=[django.core.validators.MinValueValidator(10), django.core.validators.MaxValueValidator(480)], verbose_name='duration (minutes)')),
                        ('mode', models.CharField(choices=[('in_person', 'In person'), ('video', 'Video call'), ('phone', 'By phone')], default='in_person', max_length=20, verbose_name='how')),
                        ('place', models.CharField(blank=True, help_text="Where to come, e.g. 'VMDO office, Beuthstraße 21'. For video calls: how the link comes.", max_length=200, verbose_name='place')),
                        ('languages', taxonomy.fields.LanguageListField(blank=True, default='de', max_length=120, verbose_name='languages of the consultation')),
                        ('capacity', models.PositiveSmallIntegerField(default=1, help_text='How many associations can book this time.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(50)], verbose_name='places')),
                        ('published', models.BooleanField(default=True, help_text='Unticked: kept, but nobody can book it.', verbose_name='offered in the form')),
                        ('note', models.TextField(blank=True, help_text='No personal data.', max_length=500, verbose_name='internal note')),
                        ('is_sample', models.BooleanField(default=False, verbose_name='sample data')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ],
                    options={
                        'db_table': 'catalogue_consultationslot',
                        'verbose_name': 'consultation time',
                        'verbose_name_plural': 'consultation times',
                        'ordering': ['start', 'pk'],
                        'indexes': [models.Index(fields=['published', 'start'], name='slot_published_start')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('capacity__gte', 1)), name='slot_at_least_one_place')],
                    },
                ),
                migrations.CreateModel(
                    name='RequestItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                        ('resource_title', models.CharField(max_length=140, verbose_name='resource')),
                        ('kind', models.CharField(max_length=20, verbose_name='kind of offer')),
                        ('quantity', models.PositiveIntegerField(blank=True, null=True, verbose_name='units')),
                        ('start', models.DateField(blank=True, null=True, verbose_name='from')),
                        ('end', models.DateField(blank=True, null=True, verbose_name='until (inclusive)')),
                        ('amount', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name='amount (€)')),
                        ('status', models.CharField(choices=[('open', 'Open'), ('approved', 'Approved'), ('declined', 'Declined')], default='open', max_length=10, verbose_name='decision')),
                        ('approved_quantity', models.PositiveIntegerField(blank=True, null=True, verbose_name='units approved')),
                        ('approved_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name='amount approved (€)')),
                        ('decision_note', models.TextField(blank=True, max_length=1000, verbose_name='reason given')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                        ('grant', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='request_item', to='catalogue.grant')),
                        ('reservation', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='request_item', to='catalogue.reservation')),
                        ('resource', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='request_items', to='catalogue.resource', verbose_name='resource')),
                    ],
                    options={
                        'db_table': 'catalogue_requestitem',
                        'verbose_name': 'requested resource',
                        'verbose_name_plural': 'requested resources',
                        'ordering': ['request', 'position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='RequestEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('received', 'Received'), ('status', 'Status changed'), ('item_approved', 'Resource approved'), ('item_declined', 'Resource declined'), ('message', 'Message to the association')], max_length=20, verbose_name='what')),
                        ('status', models.CharField(blank=True, choices=[('received', 'Received'), ('in_consultation', 'In consultation'), ('approved', 'Approved'), ('partly_approved', 'Partly approved'), ('declined', 'Declined'), ('done', 'Done')], max_length=20, verbose_name='status')),
                        ('text', models.TextField(blank=True, max_length=4000, verbose_name='text')),
                        ('public', models.BooleanField(default=False, verbose_name='shown to the association')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='when')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                        ('item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='resource_requests.requestitem', verbose_name='resource')),
                    ],
                    options={
                        'db_table': 'catalogue_requestevent',
                        'verbose_name': 'request history entry',
                        'verbose_name_plural': 'request history',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.AddField(
                    model_name='resourcerequest',
                    name='district',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.district', verbose_name='district'),
                ),
                migrations.AddField(
                    model_name='resourcerequest',
                    name='engagement_field',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.engagementfield', verbose_name='engagement field'),
                ),
                migrations.AddField(
                    model_name='resourcerequest',
                    name='partners',
                    field=models.ManyToManyField(blank=True, related_name='+', to='partners.partnerorganisation', verbose_name='partners involved'),
                ),
                migrations.AddField(
                    model_name='resourcerequest',
                    name='slot',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='requests', to='resource_requests.consultationslot', verbose_name='consultation time'),
                ),
                migrations.AddField(
                    model_name='requestitem',
                    name='request',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='resource_requests.resourcerequest', verbose_name='request'),
                ),
                migrations.AddField(
                    model_name='requestevent',
                    name='request',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='resource_requests.resourcerequest', verbose_name='request'),
                ),
                migrations.AddConstraint(
                    model_name='resourcerequest',
                    constraint=models.CheckConstraint(condition=models.Q(('plan_end__isnull', True), ('plan_start__isnull', True), ('plan_end__gte', models.F('plan_start')), _connector='OR'), name='request_plan_in_order'),
                ),
                migrations.AddConstraint(
                    model_name='requestitem',
                    constraint=models.CheckConstraint(condition=models.Q(('end__isnull', True), ('start__isnull', True), ('end__gte', models.F('start')), _connector='OR'), name='request_item_in_order'),
                ),
            ],
        ),
    ]
