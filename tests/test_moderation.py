"""Moderation of catalogue entries (issue 13): resources, partners and the vocabulary go through Wagtail's
moderation workflow like pages, and its e-mails go through the outbox (home/workflow_mail.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from catalogue.factories import ResourceFactory
from home import roles
from home.models import OutgoingEmail
from partners.models import PartnerOrganisation
from taxonomy.models import CooperationTopic, EngagementField, ResourceCategory, TargetGroup

pytestmark = pytest.mark.django_db


def mails_to(user):
    return [email for email in OutgoingEmail.objects.all() if user.email in email.recipients]


def member(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize(
    "model", [PartnerOrganisation, ResourceCategory, EngagementField, TargetGroup, CooperationTopic]
)
def test_catalogue_entries_are_under_the_moderation_workflow(model):
    workflow = model.objects.first().get_workflow()
    assert workflow is not None and workflow.active
    assert workflow.tasks.filter(groupapprovaltask__groups__name=roles.MODERATION).exists()


def test_redaktion_submits_moderation_approves_and_the_mails_wait_in_the_outbox(client):
    editor = member(roles.REDAKTION, "redakteurin")
    moderator = member(roles.MODERATION, "moderator")
    resource = ResourceFactory(title="Neuer Beamer", live=False)
    resource.save_revision(user=editor)
    resource.get_workflow().start(resource, editor)  # what "Submit for moderation" does

    waiting = mails_to(moderator)
    assert len(waiting) == 1, list(OutgoingEmail.objects.values_list("recipients", "subject"))
    assert "Neuer Beamer" in waiting[0].subject
    assert mail.outbox == [], "nothing went to the mail server directly"

    client.force_login(moderator)
    assert "Neuer Beamer" in client.get(reverse("wagtailadmin_home")).content.decode(), "awaiting review"
    task_state = resource.current_workflow_task_state
    response = client.post(
        reverse(
            "wagtailsnippets_catalogue_resource:workflow_action", args=[resource.pk, "approve", task_state.pk]
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    resource.refresh_from_db()
    assert resource.live
    assert mails_to(editor), "the approval"


def test_redaktion_cannot_approve(client):
    editor = member(roles.REDAKTION, "redakteurin")
    other = member(roles.REDAKTION, "redakteur")
    resource = ResourceFactory(title="Neuer Raum", live=False)
    resource.save_revision(user=editor)
    resource.get_workflow().start(resource, editor)
    client.force_login(other)
    task_state = resource.current_workflow_task_state
    client.post(
        reverse(
            "wagtailsnippets_catalogue_resource:workflow_action", args=[resource.pk, "approve", task_state.pk]
        ),
        {"comment": ""},
    )
    resource.refresh_from_db()
    assert not resource.live
