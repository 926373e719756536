"""Editors submit a translation for review; a moderator's approval makes it live (issue 13, home/localize.py).

Redaktion may translate but not publish. The translation editor offers "Submit for review": the translated
content becomes a draft revision of the translation, in the moderation workflow, and nothing visitors see
changes until Moderation approves it. A translation with texts still untranslated cannot be submitted.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from markup import parse
from wagtail.models import Locale, Page, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

from catalogue.models import Resource
from home import roles

pytestmark = pytest.mark.django_db


def member(client, group, name, language="en"):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=group))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    client.force_login(user)
    return user


def translate_every_text(translation, prefix):
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": f"{prefix.lower()}-{segment.string.data}"
                if segment.context.path == "slug"
                else f"{prefix} {segment.string.data}"
            },
        )


def messages_of(response):
    """[(level tag, text)] of the messages shown on the page the request ended on."""
    return [(message.level_tag, str(message.message)) for message in response.context["messages"]]


def submit(client, translation, edit_url):
    return client.post(
        reverse("portal_submit_translation_for_review", args=[translation.pk]),
        {"next": edit_url},
        follow=True,
    )


def test_redaktion_submits_a_resource_translation_and_moderation_approves_it(client):
    beamer = Resource.objects.get(locale=Locale.get_default(), slug="beamer")
    polish = Locale.objects.get(language_code="pl")
    member(client, roles.REDAKTION, "redakteurin")
    response = client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["catalogue", "resource", beamer.pk]),
        {"locales": [polish.pk]},
    )
    assert response.status_code == 302
    target = Resource.objects.get(translation_key=beamer.translation_key, locale=polish)
    translation = Translation.objects.get(source__object_id=beamer.translation_key, target_locale=polish)
    edit = reverse("wagtailsnippets_catalogue_resource:edit", args=[target.pk])
    editor_page = parse(client.get(edit).content.decode())
    assert editor_page.select_one(".js-translation-editor") is not None
    form = editor_page.select_one(
        f'form[action="{reverse("portal_submit_translation_for_review", args=[translation.pk])}"]'
    )
    assert form is not None and form.select_one("button[type=submit]").get_text() == "Submit for review"

    # Nothing translated yet: refused, nothing in the workflow.
    refused = submit(client, translation, edit)
    assert [level for level, text in messages_of(refused) if "not translated into Polish yet" in text] == [
        "error"
    ]
    assert not WorkflowState.objects.filter(
        object_id=str(target.pk), base_content_type__model="resource"
    ).exists()

    translate_every_text(translation, "PL")
    submitted = submit(client, translation, edit)
    assert submitted.redirect_chain[-1][0] == edit
    target.refresh_from_db()
    assert not target.live, "not live before a moderator approves"
    assert target.workflow_in_progress, messages_of(submitted)
    assert target.latest_revision.content["title"] == f"PL {beamer.title}"
    assert [level for level, text in messages_of(submitted) if "submitted for review" in text] == ["success"]
    # The entry opens in Wagtail's editor now, with the submitted text and its place in the workflow.
    waiting = parse(client.get(edit).content.decode())
    assert waiting.select_one("#id_title")["value"] == f"PL {beamer.title}"
    assert waiting.select_one(".js-translation-editor") is None
    page = client.get("/pl/zasoby/beamer/").content.decode()
    assert "PL Beamer" not in page

    # Moderation approves from the workflow's action: the translation is live, in Polish.
    member(client, roles.MODERATION, "moderatorin")
    task_state = target.current_workflow_task_state
    approve = reverse(
        "wagtailsnippets_catalogue_resource:workflow_action", args=[target.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    target.refresh_from_db()
    assert target.live and target.title == f"PL {beamer.title}" and not target.workflow_in_progress
    assert target.slug == "pl-beamer"
    assert f"PL {beamer.title}" in client.get("/pl/zasoby/pl-beamer/").content.decode()


def test_a_page_translation_stays_the_german_alias_until_approved(client):
    imprint = Page.objects.get(locale=Locale.get_default(), slug="impressum")
    polish = Locale.objects.get(language_code="pl")
    member(client, roles.REDAKTION, "redakteur")
    assert (
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[imprint.pk]), {"locales": [polish.pk]}
        ).status_code
        == 302
    )
    target = Page.objects.get(translation_key=imprint.translation_key, locale=polish)
    translation = Translation.objects.get(source__object_id=imprint.translation_key, target_locale=polish)
    translate_every_text(translation, "PL")
    edit = reverse("wagtailadmin_pages:edit", args=[target.pk])
    submit(client, translation, edit)
    target.refresh_from_db()
    assert target.alias_of_id == imprint.pk, "visitors still get the German page, marked as German"
    assert target.workflow_in_progress
    assert "PL " not in client.get("/pl/impressum/").content.decode()

    member(client, roles.MODERATION, "moderator")
    task_state = target.current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk])
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    target.refresh_from_db()
    assert target.alias_of_id is None and target.live and target.title.startswith("PL ")
    html = client.get(target.url).content.decode()
    assert "PL " in html and "notice--language" not in html


def test_only_those_who_may_change_the_translation_submit_it(client):
    beamer = Resource.objects.get(locale=Locale.get_default(), slug="beamer")
    polish = Locale.objects.get(language_code="pl")
    member(client, roles.REDAKTION, "redaktion-a")
    client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["catalogue", "resource", beamer.pk]),
        {"locales": [polish.pk]},
    )
    translation = Translation.objects.get(source__object_id=beamer.translation_key, target_locale=polish)
    translate_every_text(translation, "PL")
    member(client, roles.BERATUNGSTEAM, "beratung")
    response = client.post(reverse("portal_submit_translation_for_review", args=[translation.pk]))
    assert response.status_code in (302, 403)
    target = Resource.objects.get(translation_key=beamer.translation_key, locale=polish)
    assert not target.workflow_in_progress
    assert client.get(reverse("portal_submit_translation_for_review", args=[translation.pk])).status_code in (
        302,
        403,
        405,
    )
