"""A member of each group, added as docs/roles.md says, does their job in a real browser (issue 13).

Redaktion changes a resource and submits it for moderation (the form shows only the chosen kind's facts);
Moderation approves it, and it is live; Beratungsteam opens a request with the requester's contact data and
is kept out of the catalogue. The people and the resource are committed for the portal's server process
and removed afterwards.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from catalogue.factories import ResourceFactory
from catalogue.models import Resource
from home import roles
from resource_requests.factories import make_request
from resource_requests.models import ResourceRequest

PASSWORD = "browser-" + "x" * 12


@pytest.fixture(scope="module")
def team(django_db_setup, django_db_blocker):
    """One person per group, a resource in the catalogue and a request in the inbox (committed). Asked for
    before the browser: Django's database calls refuse to run beside Playwright's event loop."""
    with django_db_blocker.unblock():
        people = {}
        for group_name in roles.ROLES:
            user = get_user_model().objects.create_user(
                f"browser-{group_name.lower()}", f"{group_name.lower()}@example.org", PASSWORD
            )
            user.groups.add(Group.objects.get(name=group_name))
            people[group_name] = user
        resource = ResourceFactory(title="Browser-Testbeamer", slug="browser-testbeamer")
        resource.save_revision().publish()
        request = make_request(contact_name="Browser Leyla", email="browser-leyla@example.org")
    yield people, resource, request
    with django_db_blocker.unblock():
        ResourceRequest.objects.filter(pk=request.pk).delete()
        Resource.objects.filter(pk=resource.pk).delete()
        get_user_model().objects.filter(pk__in=[user.pk for user in people.values()]).delete()


def log_in(page, portal_server, user):
    page.goto(portal_server + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


@pytest.mark.browser
def test_redaktion_edits_and_submits_moderation_approves(team, portal_server, browser):
    people, resource, _request = team
    edit = f"{portal_server}/admin/snippets/catalogue/resource/edit/{resource.pk}/"

    editor = browser.new_context(locale="de-DE").new_page()
    log_in(editor, portal_server, people[roles.REDAKTION])
    editor.goto(edit)
    editor.fill("textarea[name=summary], input[name=summary]", "Im Browser geändert.")
    editor.locator(".w-tabs__list [role=tab]").nth(1).click()  # "Angaben je nach Art"
    lending = editor.locator('[data-w-rules*="lendable"]')
    money = editor.locator('[data-w-rules*="money"]')
    rooms = editor.locator("""[data-w-rules='{"kind": ["room"]}']""")
    lending.wait_for(state="visible")
    assert money.is_hidden() and rooms.is_hidden(), "a lendable item's form hides the other kinds' facts"
    # The kind is chosen on the first tab; choosing it while this one is open shows the effect at once.
    editor.locator("select[name=kind]").select_option("room", force=True)
    rooms.wait_for(state="visible")
    assert money.is_hidden() and editor.locator('[data-w-rules*="coaching"]').is_hidden()
    editor.locator("select[name=kind]").select_option("lendable", force=True)
    lending.wait_for(state="visible")
    assert editor.locator("footer button[name=action-publish]").count() == 0, "Redaktion does not publish"
    editor.locator("footer button.w-dropdown__toggle").click()
    editor.click("footer button[name=action-submit]")
    editor.wait_for_load_state()

    moderator = browser.new_context(locale="de-DE").new_page()
    log_in(moderator, portal_server, people[roles.MODERATION])
    assert "Browser-Testbeamer" in moderator.content(), "the dashboard lists what awaits review"
    moderator.goto(edit)
    moderator.locator("footer button.w-dropdown__toggle").click()
    with moderator.expect_navigation():
        moderator.click(
            "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        )
    approved = moderator.context.request.get(f"{portal_server}/api/v3/resources/?lang=de&limit=100")
    summaries = {item["title"]: item.get("summary") for item in approved.json()["items"]}
    assert summaries.get("Browser-Testbeamer") == "Im Browser geändert.", summaries.get("Browser-Testbeamer")


@pytest.mark.browser
def test_beratungsteam_works_the_inbox_and_nothing_else(team, portal_server, browser_page):
    people, _resource, request = team
    log_in(browser_page, portal_server, people[roles.BERATUNGSTEAM])
    browser_page.goto(portal_server + reverse("resource_request:inspect", args=[request.pk]))
    assert browser_page.get_by_text("Browser Leyla").first.is_visible()
    assert browser_page.get_by_text("browser-leyla@example.org").first.is_visible()
    browser_page.goto(f"{portal_server}/admin/snippets/catalogue/resource/")
    assert "Browser-Testbeamer" not in browser_page.content()
