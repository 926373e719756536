"""The VMDO team's roles (home/roles.py): a member of each group logs in and tries what the others do.

Redaktion edits and translates but does not publish; Moderation also publishes; Beratungsteam sees the
request inbox and nothing else. Each check goes through the admin's own views, page by page and snippet by
snippet, as the groups come out of the migrations (docs/roles.md says how to add a person).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.admin.viewsets import viewsets
from wagtail.models import Locale, Page

from catalogue.models import Grant, Reservation, Resource
from home import roles
from home.models import NavigationMenu, OutgoingEmail
from partners.models import PartnerContactMessage, PartnerOrganisation
from resource_requests.factories import make_request
from resource_requests.models import ConsultationSlot, ResourceRequest
from search.models import SynonymGroup
from taxonomy.models import CooperationTopic, EngagementField, ResourceCategory, TargetGroup

pytestmark = pytest.mark.django_db

EDITORIAL_SNIPPETS = [
    Resource,
    PartnerOrganisation,
    ResourceCategory,
    EngagementField,
    TargetGroup,
    CooperationTopic,
    NavigationMenu,
    SynonymGroup,
]
REQUEST_MODELS = [ResourceRequest, ConsultationSlot]
NOBODYS_BUT_ADMINS = [OutgoingEmail]


def log_in_as(client, group_name):
    """A new person, added to the group as docs/roles.md says (Settings → Users → Roles)."""
    user = get_user_model().objects.create_user(f"mitglied-{group_name.lower()}", "m@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


def viewset_for(model):
    return next(viewset for viewset in viewsets.viewsets if getattr(viewset, "model", None) is model)


def may_open(client, url):
    """True when the admin shows the view; False when it turns the person away (403 or back home)."""
    response = client.get(url)
    if response.status_code == 200:
        return True
    assert response.status_code in (302, 403), (url, response.status_code)
    if response.status_code == 302:
        assert response.url in (reverse("wagtailadmin_home"), "/admin/"), (url, response.url)
    return False


def german(model):
    return model.objects.filter(locale=Locale.get_default()).order_by("pk").first()


def edit_url(obj):
    return reverse(viewset_for(type(obj)).get_url_name("edit"), args=[obj.pk])


def publish_button_shown(client, url):
    return 'name="action-publish"' in client.get(url).content.decode()


def test_the_migrations_create_the_three_groups():
    assert set(Group.objects.filter(name__in=roles.ROLES).values_list("name", flat=True)) == set(roles.ROLES)


@pytest.mark.parametrize("model", EDITORIAL_SNIPPETS)
@pytest.mark.parametrize("group", [roles.REDAKTION, roles.MODERATION])
def test_editorial_roles_list_add_and_edit_every_editorial_snippet(client, group, model):
    log_in_as(client, group)
    viewset = viewset_for(model)
    assert may_open(client, viewset.menu_url)
    assert may_open(client, reverse(viewset.get_url_name("add")))
    assert may_open(client, edit_url(german(model)))


@pytest.mark.parametrize("model", EDITORIAL_SNIPPETS)
def test_redaktion_does_not_publish_snippets_moderation_does(client, model):
    obj = german(model)
    redaktion = log_in_as(client, roles.REDAKTION)
    assert not publish_button_shown(client, edit_url(obj))
    assert not redaktion.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")
    client.logout()
    moderation = log_in_as(client, roles.MODERATION)
    assert publish_button_shown(client, edit_url(obj))
    assert moderation.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


@pytest.mark.parametrize("slug", ["impressum", "datenschutz", "ressourcen", "partner"])
def test_redaktion_edits_pages_without_publishing_moderation_publishes(client, slug):
    page = Page.objects.get(locale=Locale.get_default(), slug=slug)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    redaktion = log_in_as(client, roles.REDAKTION)
    assert may_open(client, edit)
    assert may_open(client, reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    assert page.permissions_for_user(redaktion).can_edit()
    assert not page.permissions_for_user(redaktion).can_publish()
    assert not publish_button_shown(client, edit)
    client.logout()
    moderation = log_in_as(client, roles.MODERATION)
    assert page.permissions_for_user(moderation).can_publish()
    assert publish_button_shown(client, edit)


@pytest.mark.parametrize("group", [roles.REDAKTION, roles.MODERATION])
def test_editorial_roles_manage_images_and_documents_and_translate(client, group):
    log_in_as(client, group)
    for name in ("wagtailimages:index", "wagtailimages:add", "wagtaildocs:index", "wagtaildocs:add"):
        assert may_open(client, reverse(name)), name
    resource = german(Resource)
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["catalogue", "resource", resource.pk]
    )
    assert may_open(client, submit)
    assert submit in client.get(edit_url(resource)).content.decode(), "a Translate action in the edit view"
    page = Page.objects.get(locale=Locale.get_default(), slug="impressum")
    assert may_open(client, reverse("wagtail_localize:submit_page_translation", args=[page.pk]))


@pytest.mark.parametrize("group", [roles.REDAKTION, roles.MODERATION])
def test_editorial_roles_see_no_requests_and_no_outbox(client, group):
    log_in_as(client, group)
    for model in [*REQUEST_MODELS, *NOBODYS_BUT_ADMINS]:
        assert not may_open(client, viewset_for(model).menu_url), model


def test_only_moderation_reads_partner_contact_messages(client):
    log_in_as(client, roles.REDAKTION)
    assert not may_open(client, viewset_for(PartnerContactMessage).menu_url)
    client.logout()
    log_in_as(client, roles.MODERATION)
    assert may_open(client, viewset_for(PartnerContactMessage).menu_url)


def test_beratungsteam_works_the_request_inbox_with_personal_data(client):
    sample = make_request(contact_name="Leyla Demir", email="leyla@example.org")
    log_in_as(client, roles.BERATUNGSTEAM)
    for model in [*REQUEST_MODELS, Reservation, Grant]:
        assert may_open(client, viewset_for(model).menu_url), model
    html = client.get(reverse("resource_request:inspect", args=[sample.pk])).content.decode()
    assert "Leyla Demir" in html and "leyla@example.org" in html
    assert reverse("resource_request:decline_all", args=[sample.pk]) in html, "the decision buttons"
    assert may_open(client, reverse(viewset_for(ConsultationSlot).get_url_name("add")))


def test_beratungsteam_sees_nothing_else(client):
    log_in_as(client, roles.BERATUNGSTEAM)
    for model in [*EDITORIAL_SNIPPETS, PartnerContactMessage, *NOBODYS_BUT_ADMINS]:
        assert not may_open(client, viewset_for(model).menu_url), model
    page = Page.objects.get(locale=Locale.get_default(), slug="impressum")
    assert not may_open(client, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert not may_open(client, reverse("wagtailimages:index"))
    resource = german(Resource)
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["catalogue", "resource", resource.pk]
    )
    assert not may_open(client, submit)


def test_submitting_a_translation_needs_change_permission_on_the_source(client):
    """The hole of issue 13: `submit_translation` alone let anyone publish a German copy as Polish."""
    user = get_user_model().objects.create_user("uebersetzer", "u@example.org", "x" * 16)
    group = Group.objects.create(name="Nur übersetzen")
    group.permissions.add(
        *Group.objects.get(name=roles.REDAKTION).permissions.filter(codename="submit_translation")
    )
    group.permissions.add(
        *Group.objects.get(name=roles.REDAKTION).permissions.filter(codename="access_admin")
    )
    user.groups.add(group)
    client.force_login(user)
    resource = german(Resource)
    polish = Locale.objects.get(language_code="pl")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["catalogue", "resource", resource.pk])
    assert not may_open(client, url)
    response = client.post(url, {"locales": [polish.pk]})
    assert response.status_code in (302, 403)
    assert not Resource.objects.filter(translation_key=resource.translation_key, locale=polish).exists()
    page = Page.objects.get(locale=Locale.get_default(), slug="impressum")
    assert not may_open(client, reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
