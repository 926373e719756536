"""Moving the vocabulary to `taxonomy` and the requests to `resource_requests` loses nothing.

The database is migrated back to where main stood before the move (catalogue 0004, partners 0002, events
and engagement 0001, no taxonomy, no resource_requests); a request with items, a reservation, a grant, a
consultation time, vocabulary terms, a revision, a translation source and a group permission are made
there through the historical models; then the database is migrated forward again. Every row must still
be there with its relations, and the content types (with everything pointing at them: pages, revisions,
translations, permissions) must carry the new app labels.

These tests commit for real (`transaction=True`), so afterwards every table is emptied. They keep a
serialized copy of the migrated database (`serialized_rollback`) between tests and, when the module is
done, put the worker's database back as a fresh clone of the demo template (`reset_database`), so tests
that run later find the site as before.
"""

import datetime
import uuid
from decimal import Decimal

import pytest
from conftest import reset_database
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Page, Revision
from wagtail_localize.models import TranslatableObject, TranslationSource

from catalogue.models import Grant, Reservation, Resource
from partners.models import PartnerOrganisation
from resource_requests.models import (
    ConsultationSlot,
    RequestCounter,
    RequestEvent,
    RequestItem,
    RequestPage,
    ResourceRequest,
)
from taxonomy.models import CooperationTopic, District, EngagementField, ResourceCategory, TargetGroup

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Where main stood before the apps moved: the latest migrations of the apps that held the models then.
BEFORE = [
    ("catalogue", "0004_requests"),
    ("partners", "0002_spoken_languages"),
    ("events", "0001_initial"),
    ("engagement", "0001_initial"),
    ("resource_requests", None),
    ("taxonomy", None),
]
MOVED = {
    "taxonomy": {
        "catalogue": ["district", "engagementfield", "resourcecategory"],
        "partners": ["cooperationtopic", "targetgroup"],
    },
    "resource_requests": {
        "catalogue": [
            "requestpage",
            "consultationslot",
            "resourcerequest",
            "requestitem",
            "requestevent",
            "requestcounter",
        ]
    },
}


@pytest.fixture(scope="module", autouse=True)
def site_back_afterwards(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        reset_database()


def migrate(targets, *, latest=False):
    """Migrate to `targets`; the historical models of the state the database is then in.

    Content types changed labels, so their cache is emptied. Back at the latest state it is filled again
    for every model: putting the serialized database back after the test saves rows whose signals look
    content types up, and a lookup the cache does not answer would write a row of its own first.
    """
    MigrationExecutor(connection).migrate(targets)
    ContentType.objects.clear_cache()
    if latest:
        ContentType.objects.get_for_models(*django_apps.get_models(), for_concrete_models=False)
    return MigrationExecutor(connection)._create_project_state(with_applied_migrations=True).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def moved_content_types():
    """{(new app label, model): content type id} of every model that moved, as the database has them now."""
    found = {}
    for new_label, sources in MOVED.items():
        for old_label, models in sources.items():
            for model in models:
                row = ContentType.objects.filter(app_label__in=[old_label, new_label], model=model).first()
                if row is not None:
                    found[(new_label, model)] = (row.pk, row.app_label)
    return found


def pointing_at(content_type_ids):
    """How many rows of the tables that refer to content types point at each of these ids."""
    return {
        pk: (
            Page.objects.filter(content_type_id=pk).count(),
            Revision.objects.filter(content_type_id=pk).count()
            + Revision.objects.filter(base_content_type_id=pk).count(),
            TranslatableObject.objects.filter(content_type_id=pk).count(),
            TranslationSource.objects.filter(specific_content_type_id=pk).count(),
            ContentType.objects.get(pk=pk).permission_set.count(),
        )
        for pk in content_type_ids
    }


def make_old_data(apps):
    """A request with everything it touches, made the way main's code stored it."""
    Locale = apps.get_model("wagtailcore", "Locale")
    german = Locale.objects.get(language_code="de")
    OldContentType = apps.get_model("contenttypes", "ContentType")

    district = apps.get_model("catalogue", "District").objects.get(slug="hoerde")
    field = apps.get_model("catalogue", "EngagementField").objects.create(
        name="Umzug", slug="umzug-test", locale=german, translation_key=uuid.uuid4()
    )
    category = apps.get_model("catalogue", "ResourceCategory").objects.create(
        name="Umzugskartons",
        slug="umzugskartons-test",
        icon="equipment",
        locale=german,
        translation_key=uuid.uuid4(),
    )
    group = apps.get_model("partners", "TargetGroup").objects.create(
        name="Umziehende", slug="umziehende-test", locale=german, translation_key=uuid.uuid4()
    )
    topic = apps.get_model("partners", "CooperationTopic").objects.create(
        name="Tragehilfe", slug="tragehilfe-test", locale=german, translation_key=uuid.uuid4()
    )
    partner = apps.get_model("partners", "PartnerOrganisation").objects.create(
        name="Umzugshilfe Hörde",
        slug="umzugshilfe-hoerde-test",
        kind="civil-society",
        description="Hilft beim Umzug.",
        district=district,
        locale=german,
        translation_key=uuid.uuid4(),
    )
    # modelcluster's relations wait for a ClusterableModel's save(); historical models are plain: write
    # the rows of the relation tables themselves.
    for name, term in (
        ("districts", district),
        ("engagement_fields", field),
        ("target_groups", group),
        ("offers", topic),
    ):
        relation = partner._meta.get_field(name)
        relation.remote_field.through.objects.create(
            **{relation.m2m_field_name(): partner, relation.m2m_reverse_field_name(): term}
        )

    Resource = apps.get_model("catalogue", "Resource")
    boxes = Resource.objects.create(
        title="Umzugskartons",
        slug="umzugskartons-test",
        summary="Fünfzig Kartons.",
        kind="lendable",
        units=50,
        category=category,
        district=district,
        locale=german,
        translation_key=uuid.uuid4(),
    )
    money = Resource.objects.create(
        title="Zuschuss für den Transporter",
        slug="transporter-test",
        summary="Bis 200 €.",
        kind="money",
        budget=Decimal("1000"),
        category=category,
        locale=german,
        translation_key=uuid.uuid4(),
    )
    apps.get_model("catalogue", "ResourceEngagementField").objects.create(
        resource=boxes, engagement_field=field, locale=german, translation_key=uuid.uuid4()
    )
    day = timezone.localdate() + datetime.timedelta(days=30)
    reservation = apps.get_model("catalogue", "Reservation").objects.create(
        resource=boxes, quantity=20, start=day, end=day, status="approved", reference="HOR-TEST-00001"
    )
    grant = apps.get_model("catalogue", "Grant").objects.create(
        resource=money, amount=Decimal("150.00"), status="approved", reference="HOR-TEST-00001"
    )
    slot = apps.get_model("catalogue", "ConsultationSlot").objects.create(
        start=timezone.now() + datetime.timedelta(days=7), place="VMDO e.V.", languages="de,tr", capacity=2
    )
    request = apps.get_model("catalogue", "ResourceRequest").objects.create(
        reference="HOR-TEST-00001",
        token="t" * 43,
        status="approved",
        language="de",
        association_name="Nachbarschaftsverein Hörde e.V.",
        contact_name="Ayşe Yılmaz",
        email="ayse@example.org",
        consultation_language="tr",
        plan_title="Umzug des Vereinsheims",
        plan_description="Wir ziehen um.",
        district=district,
        engagement_field=field,
        slot=slot,
        consent_at=timezone.now(),
    )
    request.partners.add(partner)
    boxes_line = apps.get_model("catalogue", "RequestItem").objects.create(
        request=request,
        position=0,
        resource=boxes,
        resource_title=boxes.title,
        kind="lendable",
        quantity=20,
        start=day,
        end=day,
        status="approved",
        approved_quantity=20,
        reservation=reservation,
    )
    money_line = apps.get_model("catalogue", "RequestItem").objects.create(
        request=request,
        position=1,
        resource=money,
        resource_title=money.title,
        kind="money",
        amount=Decimal("150.00"),
        status="approved",
        approved_amount=Decimal("150.00"),
        grant=grant,
    )
    apps.get_model("catalogue", "RequestEvent").objects.create(
        request=request, kind="item_approved", item=boxes_line
    )
    apps.get_model("catalogue", "RequestCounter").objects.update_or_create(year=2099, defaults={"last": 41})

    # What points at the moved models by content type: a revision, a translation source, a permission.
    field_type = OldContentType.objects.get_or_create(app_label="catalogue", model="engagementfield")[0]
    request_type = OldContentType.objects.get_or_create(app_label="catalogue", model="resourcerequest")[0]
    apps.get_model("wagtailcore", "Revision").objects.create(
        content_type=field_type,
        base_content_type=field_type,
        object_id=str(field.pk),
        created_at=timezone.now(),
        content={"name": "Umzug"},
        object_str="Umzug",
    )
    translatable = apps.get_model("wagtail_localize", "TranslatableObject").objects.create(
        translation_key=field.translation_key, content_type=field_type
    )
    apps.get_model("wagtail_localize", "TranslationSource").objects.create(
        object=translatable,
        specific_content_type=field_type,
        locale=german,
        object_repr="Umzug",
        content_json="{}",
        schema_version="0004_requests",
        last_updated_at=timezone.now(),
    )
    Permission = apps.get_model("auth", "Permission")
    personal, _created = Permission.objects.get_or_create(
        content_type=request_type,
        codename="view_personal_data",
        defaults={"name": "Can see the contact details of requests (consultation)"},
    )
    team = apps.get_model("auth", "Group").objects.create(name="Beratung (Test)")
    team.permissions.add(personal)

    return {
        "district": district.pk,
        "field": field.pk,
        "category": category.pk,
        "group": group.pk,
        "topic": topic.pk,
        "partner": partner.pk,
        "boxes": boxes.pk,
        "money": money.pk,
        "reservation": reservation.pk,
        "grant": grant.pk,
        "slot": slot.pk,
        "request": request.pk,
        "boxes_line": boxes_line.pk,
        "money_line": money_line.pk,
    }


def test_moving_the_apps_keeps_every_row_relation_and_content_type():
    target = latest()
    try:
        old_apps = migrate(BEFORE)
        made = make_old_data(old_apps)
        before_types = moved_content_types()
        for (new_label, model), (_pk, label) in before_types.items():
            assert label != new_label, (model, "back where main had it")
        assert ("taxonomy", "engagementfield") in before_types and (
            "resource_requests",
            "requestpage",
        ) in before_types
        # Wagtail's and wagtail-localize's tables are the same in both states: read with today's models.
        before_pointing = pointing_at(pk for pk, _label in before_types.values())
        counts_before = {
            model: old_apps.get_model(app, model).objects.count()
            for app, models in (
                (
                    "catalogue",
                    ["District", "EngagementField", "ResourceCategory", "ResourceRequest", "RequestItem"],
                ),
                ("catalogue", ["RequestEvent", "ConsultationSlot", "RequestPage", "Reservation", "Grant"]),
                ("partners", ["TargetGroup", "CooperationTopic"]),
            )
            for model in models
        }
    finally:
        migrate(target, latest=True)

    # Every row is still there, through the models' new homes.
    for model in (District, EngagementField, ResourceCategory, TargetGroup, CooperationTopic):
        assert model.objects.count() == counts_before[model.__name__], model
    for model in (
        ResourceRequest,
        RequestItem,
        RequestEvent,
        ConsultationSlot,
        RequestPage,
        Reservation,
        Grant,
    ):
        assert model.objects.count() == counts_before[model.__name__], model

    # ... with its relations.
    request = ResourceRequest.objects.get(pk=made["request"])
    assert request.reference == "HOR-TEST-00001" and request.contact_name == "Ayşe Yılmaz"
    assert request.district_id == made["district"] and request.engagement_field_id == made["field"]
    assert request.slot == ConsultationSlot.objects.get(pk=made["slot"]) and request.slot.languages == [
        "de",
        "tr",
    ]
    assert list(request.partners.values_list("pk", flat=True)) == [made["partner"]]
    boxes_line, money_line = request.items.order_by("position")
    assert (boxes_line.pk, money_line.pk) == (made["boxes_line"], made["money_line"])
    assert boxes_line.reservation == Reservation.objects.get(pk=made["reservation"])
    assert boxes_line.reservation.resource_id == made["boxes"] == boxes_line.resource_id
    assert money_line.grant == Grant.objects.get(pk=made["grant"]) and money_line.grant.amount == Decimal(
        "150.00"
    )
    assert Reservation.objects.get(pk=made["reservation"]).request_item == boxes_line
    assert request.events.get().item == boxes_line
    assert RequestCounter.objects.get(year=2099).last == 41
    boxes = Resource.objects.get(pk=made["boxes"])
    assert boxes.category == ResourceCategory.objects.get(pk=made["category"])
    assert boxes.district.slug == "hoerde"
    assert [link.engagement_field_id for link in boxes.engagement_field_links.all()] == [made["field"]]
    partner = PartnerOrganisation.objects.get(pk=made["partner"])
    assert list(partner.target_groups.values_list("pk", flat=True)) == [made["group"]]
    assert list(partner.offers.values_list("pk", flat=True)) == [made["topic"]]
    assert list(partner.engagement_fields.values_list("pk", flat=True)) == [made["field"]]
    assert list(partner.districts.values_list("slug", flat=True)) == ["hoerde"]

    # The content types moved in place: same ids, new labels, and everything pointing at them still does.
    after_types = moved_content_types()
    for key, (pk, _label) in before_types.items():
        assert after_types[key] == (pk, key[0]), key
    assert pointing_at(pk for pk, _label in before_types.values()) == before_pointing
    field_type = ContentType.objects.get_for_model(EngagementField)
    assert field_type.app_label == "taxonomy"
    field = EngagementField.objects.get(pk=made["field"])
    assert Revision.objects.get(content_type=field_type, object_id=str(field.pk)).content == {"name": "Umzug"}
    source = TranslationSource.objects.get(object__translation_key=field.translation_key)
    assert source.specific_content_type == field_type and source.object.content_type == field_type
    assert not source.schema_out_of_date(), "the fields did not change: no warning for translators"
    assert ContentType.objects.get_for_model(ResourceRequest).app_label == "resource_requests"
    assert not ContentType.objects.filter(
        app_label="catalogue", model__in=["resourcerequest", "district"]
    ).exists()
    team = Group.objects.get(name="Beratung (Test)")
    assert [f"{p.content_type.app_label}.{p.codename}" for p in team.permissions.all()] == [
        "resource_requests.view_personal_data"
    ]
    page = RequestPage.objects.first()
    assert page is not None and page.specific_class is RequestPage
