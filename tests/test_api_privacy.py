"""Never leaked through the API: unpublished pages and snippets, drafts, private (view-restricted) pages,
images in private collections – not even to a logged-in editor's browser. And no write endpoints."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from home.demo_support import stream
from home.factories import StandardPageFactory
from home.models import HomePage
from taxonomy.factories import EngagementFieldFactory
from taxonomy.models import EngagementField

pytestmark = pytest.mark.django_db


def home():
    return HomePage.objects.get(locale__language_code="de")


def all_page_ids(client):
    body = client.get("/api/v3/pages/?limit=100").json()
    ids = [item["id"] for item in body["items"]]
    while body["next"]:
        body = client.get(body["next"]).json()
        ids += [item["id"] for item in body["items"]]
    return set(ids)


def assert_hidden(client, page):
    assert page.pk not in all_page_ids(client)
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/find/?html_path=/de/{page.slug}/").status_code == 404
    assert client.get(f"/api/v3/pages/?slug={page.slug}").json()["count"] == 0
    # As for a page that was never there (a 404 naming the parameter): nothing tells them apart.
    hidden = client.get(f"/api/v3/pages/?child_of={page.pk}")
    missing = client.get(f"/api/v3/pages/?child_of={2**31 - 1}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["errors"][0]["msg"].replace(str(page.pk), "N") == missing.json()["errors"][0][
        "msg"
    ].replace(str(2**31 - 1), "N")


@pytest.fixture
def editor_client(client):
    """A logged-in superuser's browser: the API must still answer as for anyone."""
    user = get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "x" * 16)
    client.force_login(user)
    return client


def test_unpublished_pages_never_appear(client, editor_client):
    withdrawn = StandardPageFactory(parent=home(), slug="zurueckgezogen", title="Zurückgezogen")
    withdrawn.unpublish()
    assert_hidden(client, withdrawn)
    assert_hidden(editor_client, withdrawn)


def test_drafts_never_appear(client, editor_client):
    published = StandardPageFactory(parent=home(), slug="entwurf", title="Veröffentlichter Titel")
    published.title = "Geheimer Entwurf"
    published.save_revision()  # a draft on top of the published version
    for viewer in (client, editor_client):
        assert viewer.get(f"/api/v3/pages/{published.pk}/").json()["title"] == "Veröffentlichter Titel"
        listed = viewer.get("/api/v3/pages/?slug=entwurf").json()["items"]
        assert [item["title"] for item in listed] == ["Veröffentlichter Titel"]


@pytest.mark.parametrize("restriction", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_private_pages_and_their_children_never_appear(client, editor_client, restriction):
    private = StandardPageFactory(parent=home(), slug="intern", title="Intern")
    child = StandardPageFactory(parent=private, slug="intern-kind", title="Internes Kind")
    PageViewRestriction.objects.create(page=private, restriction_type=restriction, password="geheim-genug")
    for viewer in (client, editor_client):
        for hidden in (private, child):
            assert hidden.pk not in all_page_ids(viewer)
            assert viewer.get(f"/api/v3/pages/{hidden.pk}/").status_code == 404
        assert viewer.get("/api/v3/pages/find/?html_path=/de/intern/intern-kind/").status_code == 404


def test_links_to_private_pages_are_left_out(client):
    private = StandardPageFactory(parent=home(), slug="vertraulich", title="Vertraulich")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    block = {
        "title": "Mehr",
        "text": "",
        "link": {"page": private.pk, "url": ""},
        "button_label": "Weiter",
    }
    linking = StandardPageFactory(parent=home(), slug="mit-link", body=stream([("call_to_action", block)]))
    body = client.get(f"/api/v3/pages/{linking.pk}/").json()
    assert body["body"][0]["value"]["link"]["page"] is None
    assert "Vertraulich" not in str(body)


def test_images_in_private_collections_are_left_out(client):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="geheim-genug"
    )
    get_image_model().objects.update(collection=private)
    about = Page.objects.get(slug="ueber-das-programm", locale__language_code="de")
    body = client.get(f"/api/v3/pages/{about.pk}/").json()
    figure = next(block for block in body["body"] if block["type"] == "image")["value"]
    assert figure["image"] is None
    assert "/media/images/" not in str(body)


def test_unpublished_and_draft_snippets_never_appear(client):
    EngagementFieldFactory(slug="noch-nicht", name="Noch nicht veröffentlicht", live=False)
    for language in ("de", "ar", "pl"):
        slugs = {
            item["slug"] for item in client.get(f"/api/v3/engagement-fields/?lang={language}").json()["items"]
        }
        assert "noch-nicht" not in slugs and "kulturelle-vielfalt" in slugs, language
        assert client.get(f"/api/v3/engagement-fields/noch-nicht/?lang={language}").status_code == 404
    # Each language's version is published on its own (as pages are): withdrawn in German, gone in German.
    withdrawn = EngagementField.objects.get(slug="umwelt", locale__language_code="de")
    withdrawn.unpublish()
    assert client.get("/api/v3/engagement-fields/umwelt/?lang=de").status_code == 404

    drafted = EngagementField.objects.get(slug="bildung", locale__language_code="de")
    drafted.name = "Geheimer Entwurf"
    drafted.save_revision()
    assert (
        client.get("/api/v3/engagement-fields/bildung/").json()["name"] == "Bildung in Schule und Ausbildung"
    )


def test_wagtail_write_and_admin_endpoints_are_not_offered(client):
    assert client.post("/api/v3/pages/", {}, content_type="application/json").status_code == 405
    assert client.patch(f"/api/v3/pages/{home().pk}/", {}, content_type="application/json").status_code == 405
    assert client.delete(f"/api/v3/pages/{home().pk}/").status_code == 405
    for path in (
        "/api/v3/sites/",
        "/api/v3/whoami/",
        "/api/v3/schema/",
        f"/api/v3/pages/{home().pk}/revisions/",
    ):
        assert client.get(path).status_code == 404, path
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    methods = {method for operations in paths.values() for method in operations}
    assert methods == {"get", "post"}
    writable = {path for path, operations in paths.items() if set(operations) - {"get"}}
    assert writable == {"/api/v3/requests/"}, "submitting a request is the only write"


def test_a_page_password_typed_on_the_web_site_unlocks_nothing_in_the_api(client):
    private = StandardPageFactory(parent=home(), slug="passwort", title="Mit Passwort")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim-genug"
    )
    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    assert client.get("/de/passwort/").status_code == 200, "the web site lets this browser in"
    response = client.get(f"/api/v3/pages/{private.pk}/")
    assert response.status_code == 404
    listed = client.get("/api/v3/pages/?slug=passwort")
    assert listed.json()["count"] == 0
    assert "Cookie" not in listed.get("Vary", "")
    assert "sessionid" not in listed.cookies, "the browser's session is left alone"
    assert client.get("/de/passwort/").status_code == 200
