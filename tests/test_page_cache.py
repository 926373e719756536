"""The page cache (home/page_cache.py): what is kept, what never is, HTTP validators, and every way a kept
page goes stale being invalidated (docs/caching.md)."""

import datetime
import pickle
import time

import pytest
import search_support
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from markup import card_titles, select_one
from test_requests_form import fill_basket, form_data, with_lines
from wagtail.models import Page, PageViewRestriction

from catalogue import availability
from catalogue.factories import ReservationFactory
from catalogue.models import Grant, Resource
from home import page_cache
from home.models import NavigationMenu, PortalSettings
from partners.models import PartnerOrganisation
from resource_requests import service
from resource_requests.factories import ConsultationSlotFactory, item, make_request
from search import sync as search_sync
from search.models import SearchTerm
from taxonomy.models import EngagementField

pytestmark = pytest.mark.django_db

PAGE = "/de/so-funktionierts/"
BEAMER = "/de/ressourcen/beamer/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MAX_AGE = 45
    cache.clear()  # rate limits of the form tests
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks, restore_search_index):
    """Run what the block commits, as the end of a real request or admin action does. What it indexes
    reaches Elasticsearch, which the test's rollback does not: put back afterwards, so a later test
    (a browser test searching for the projector) finds the demo content as it was."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def add_beamer(client):
    """Put the projector into the visitor's basket, as its page's form does."""
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    start = (timezone.localdate() + datetime.timedelta(days=40)).isoformat()
    response = client.post(
        "/de/anfrage/basket/",
        {"resource": resource.pk, "add-quantity": "1", "add-start": start, "add-end": start},
    )
    assert response.status_code == 302
    return response


def kept(client, url):
    """Fetch `url` until it comes from the cache; the page as kept."""
    first = client.get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    return second.content.decode()


def fresh(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get("Location")
    if status == 200:
        assert response["X-Page-Cache"] == "miss", "the change must invalidate the kept page"
    return response.content.decode()


# --- What is kept -----------------------------------------------------------------------------------


def test_a_visitors_page_is_kept_and_served_without_queries(client, django_assert_num_queries):
    page = kept(client, PAGE)
    with django_assert_num_queries(0):
        again = client.get(PAGE)
    assert again["X-Page-Cache"] == "hit" and again.content.decode() == page
    assert "<h1" in page


def test_head_is_answered_from_the_kept_page(client):
    kept(client, PAGE)
    assert client.head(PAGE)["X-Page-Cache"] == "hit"


def test_the_key_has_the_query_string_and_the_language(client):
    kept(client, "/de/ressourcen/")
    assert client.get("/de/ressourcen/?engagement=bildung")["X-Page-Cache"] == "miss"
    assert client.get("/en/resources/")["X-Page-Cache"] == "miss"
    assert client.get("/de/ressourcen/")["X-Page-Cache"] == "hit"


def test_the_day_change_in_dortmund_starts_fresh_pages(client, monkeypatch):
    kept(client, PAGE)
    tomorrow = page_cache.today() + datetime.timedelta(days=1)
    monkeypatch.setattr(page_cache, "today", lambda: tomorrow)
    assert client.get(PAGE)["X-Page-Cache"] == "miss"
    # 23:30 UTC in winter is already the next day in Dortmund.
    late = datetime.datetime(2026, 12, 2, 23, 30, tzinfo=datetime.UTC)
    assert page_cache.dortmund_date(late) == datetime.date(2026, 12, 3)


def test_nothing_is_kept_when_switched_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(PAGE)
    response = client.get(PAGE)
    assert "X-Page-Cache" not in response and "Cache-Control" not in response


# --- What never is ----------------------------------------------------------------------------------


def test_a_visitor_with_a_basket_gets_a_private_page(client):
    kept(client, BEAMER)
    add_beamer(client)
    response = client.get(BEAMER)
    assert response["X-Page-Cache"] == "bypass"
    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in response["Vary"]


def test_a_signed_in_editor_is_never_served_from_the_cache(client, admin_client):
    kept(client, PAGE)
    response = admin_client.get(PAGE)
    assert response["X-Page-Cache"] == "bypass" and "private" in response["Cache-Control"]


def test_admin_posts_errors_and_private_answers_are_not_kept(client, admin_client):
    assert "X-Page-Cache" not in admin_client.get("/admin/")
    assert client.get("/de/gibt-es-nicht/").status_code == 404
    assert client.get("/de/gibt-es-nicht/")["X-Page-Cache"] == "bypass"
    # The page after sending a request says `private, no-store` itself: never kept.
    sent = client.get("/de/anfrage/gesendet/")
    assert sent["Cache-Control"] == "private, no-store"
    assert client.get("/de/anfrage/gesendet/")["X-Page-Cache"] == "bypass"
    # A form sent with errors is a POST: answered, not kept, and the next GET is the empty form.
    response = client.post("/de/anfrage/", form_data(association_name=""))
    assert response.status_code == 400 and response["X-Page-Cache"] == "bypass"
    assert client.get("/de/anfrage/")["X-Page-Cache"] == "miss"


def test_a_page_that_sets_a_message_is_not_kept(client):
    # Adding to the basket redirects with a message; the page showing it is the visitor's own.
    add_beamer(client)
    assert client.get("/de/anfrage/")["X-Page-Cache"] == "bypass"


# --- CSRF tokens ------------------------------------------------------------------------------------


def kept_entries():
    """The pages the (local memory) pages cache holds, as stored."""
    return [pickle.loads(value) for key, value in caches["pages"]._cache.items() if ":page:" in key]  # noqa: S301


def test_each_visitor_gets_their_own_csrf_token_from_the_kept_page():
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(BEAMER).content.decode()
    first_token = select_one(first_page, "form.add-form input[name=csrfmiddlewaretoken]")["value"]
    (entry,) = kept_entries()
    assert page_cache.CSRF_PLACEHOLDER.encode() in entry["content"]
    assert first_token.encode() not in entry["content"]
    response = second.get(BEAMER)
    assert response["X-Page-Cache"] == "hit"
    page = response.content.decode()
    assert page_cache.CSRF_PLACEHOLDER not in page
    token = select_one(page, "form.add-form input[name=csrfmiddlewaretoken]")["value"]
    assert token != first_token
    assert "csrftoken" in response.cookies, "the visitor's own token comes with its cookie"
    assert "private" in response["Cache-Control"] and "ETag" not in response
    # The token works for this visitor: the basket takes the resource (a redirect, not 403).
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    start = (timezone.localdate() + datetime.timedelta(days=40)).isoformat()
    added = second.post(
        "/de/anfrage/basket/",
        {
            "resource": resource.pk,
            "add-quantity": "1",
            "add-start": start,
            "add-end": start,
            "csrfmiddlewaretoken": token,
        },
    )
    assert added.status_code == 302


# --- HTTP -------------------------------------------------------------------------------------------


def test_kept_pages_have_validators_and_answer_304(client):
    kept(client, PAGE)
    response = client.get(PAGE)
    assert response["Cache-Control"] == "public, max-age=45"
    assert "Cookie" in response["Vary"]
    etag, modified = response["ETag"], response["Last-Modified"]
    not_modified = client.get(PAGE, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert client.get(PAGE, headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(PAGE, headers={"If-None-Match": '"other"'}).status_code == 200


def test_the_first_answer_already_has_the_validators(client):
    response = client.get(PAGE)
    assert response["X-Page-Cache"] == "miss" and response["ETag"] and response["Last-Modified"]
    assert client.get(PAGE, headers={"If-None-Match": response["ETag"]}).status_code == 304


# --- Invalidation: every way a kept page goes stale -------------------------------------------------


def test_publishing_a_page(client, committed):
    kept(client, PAGE)
    page = Page.objects.get(url_path__endswith="/so-funktionierts/", locale__language_code="de").specific
    page.title = "So funktioniert es jetzt"
    with committed():
        page.save_revision().publish()
    assert "So funktioniert es jetzt" in fresh(client, PAGE)


def test_unpublishing_a_page_in_the_admin(client, admin_client, committed):
    kept(client, PAGE)
    page = Page.objects.get(url_path__endswith="/so-funktionierts/", locale__language_code="de")
    with committed():
        assert admin_client.post(f"/admin/pages/{page.pk}/unpublish/").status_code == 302
    fresh(client, PAGE, status=404)


def test_deleting_a_page_in_the_admin(client, admin_client, committed):
    kept(client, PAGE)
    page = Page.objects.get(url_path__endswith="/so-funktionierts/", locale__language_code="de")
    with committed():
        assert admin_client.post(f"/admin/pages/{page.pk}/delete/").status_code == 302
    fresh(client, PAGE, status=404)


def test_moving_a_page(client, committed):
    kept(client, PAGE)
    page = Page.objects.get(url_path__endswith="/so-funktionierts/", locale__language_code="de")
    target = Page.objects.get(url_path__endswith="/impressum/", locale__language_code="de")
    with committed():
        page.move(target, pos="last-child")
    # Wagtail leaves a redirect from the old address to the new one.
    response = client.get(PAGE)
    assert response.status_code == 301 and response["Location"] == "/de/impressum/so-funktionierts/"


def test_publishing_a_resource(client, committed):
    kept(client, BEAMER)
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    resource.title = "Beamer mit Leinwand"
    with committed():
        resource.save_revision().publish()
    assert "Beamer mit Leinwand" in fresh(client, BEAMER)


def test_a_resources_validity_dates(client, committed):
    kept(client, BEAMER)
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    resource.available_until = timezone.localdate() - datetime.timedelta(days=1)
    with committed():
        resource.save_revision().publish()
    assert "status--no_longer" in fresh(client, BEAMER)


def test_unpublishing_a_partner(client, committed):
    url = "/de/partner/nachbarschaftsgarten-huckarde-ev/"
    kept(client, url)
    partner = PartnerOrganisation.objects.get(
        locale__language_code="de", slug="nachbarschaftsgarten-huckarde-ev"
    )
    with committed():
        partner.unpublish()
    fresh(client, url, status=404)


def test_restricting_a_page_and_lifting_it(client, committed):
    """A visitor's miss takes the page's route and view restrictions kept per generation: a restriction
    saved or deleted starts a new one."""
    kept(client, PAGE)
    page = Page.objects.get(url_path__endswith="/so-funktionierts/", locale__language_code="de")
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    response = client.get(PAGE)
    assert response.status_code == 302 and "login" in response["Location"]
    with committed():
        restriction.delete()
    fresh(client, PAGE)


def test_a_visitor_with_a_basket_is_routed_by_what_is_kept_and_sees_a_password_restriction(client, committed):
    """A visitor the cache may not serve (a basket) is routed with the route and the restrictions kept
    per generation – no query for the site or the path – and the restriction itself is still checked
    against their own session."""
    add_beamer(client)
    assert client.get(PAGE)["X-Page-Cache"] == "bypass"
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PAGE).status_code == 200
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]
    page = Page.objects.get(url_path__endswith="/so-funktionierts/", locale__language_code="de")
    with committed():
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-nur-fuer-den-test"
        )
    response = client.get(PAGE)
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
    assert response["X-Page-Cache"] == "bypass"


def test_a_new_slug_reroutes(client, committed):
    """The route kept for an address goes with the generation: the old address of a renamed page leads
    to the new one (Wagtail's automatic redirect), which is the page."""
    kept(client, PAGE)
    page = Page.objects.get(url_path__endswith="/so-funktionierts/", locale__language_code="de").specific
    page.slug = "so-geht-es"
    with committed():
        page.save_revision().publish()
    old = client.get(PAGE)
    assert old.status_code == 301 and old["Location"] == "/de/so-geht-es/"
    fresh(client, "/de/so-geht-es/")


def test_renaming_a_vocabulary_term(client, committed):
    kept(client, "/de/ressourcen/")
    field = EngagementField.objects.get(locale__language_code="de", slug="bildung")
    field.name = "Bildung und Schule (neu)"
    with committed():
        field.save_revision().publish()
    assert "Bildung und Schule (neu)" in fresh(client, "/de/ressourcen/")


def test_changing_a_menu(client, committed):
    kept(client, PAGE)
    menu = NavigationMenu.objects.get(slot="main", locale__language_code="de")
    links = list(menu.items.raw_data)
    links[0]["value"]["label"] = "Ganz neu"
    menu.items = links
    with committed():
        menu.save()
    assert "Ganz neu" in fresh(client, PAGE)


def test_changing_the_contact_data(client, committed):
    kept(client, PAGE)
    contact = PortalSettings.load()
    contact.phone = "+49 231 99 88 77"
    with committed():
        contact.save()
    assert "+49 231 99 88 77" in fresh(client, PAGE)


def meter(page):
    return select_one(page, "meter.availability__meter")["value"]


def test_a_reservation(client, committed):
    before = meter(kept(client, BEAMER))
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    today = timezone.localdate()
    with committed():
        ReservationFactory(resource=resource, start=today, end=today, quantity=1, status="approved")
    assert meter(fresh(client, BEAMER)) == str(int(before) - 1)


def test_a_grant(client, committed):
    url = "/de/ressourcen/flyer-und-plakate/"
    page = kept(client, url)
    resource = Resource.objects.get(locale__language_code="de", slug="flyer-und-plakate")
    with committed():
        Grant.objects.create(resource=resource, amount=100, status="approved")
    assert fresh(client, url) != page


def test_a_request_decision(client, admin_user, committed):
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    stored = make_request([item(resource, quantity=1, start=timezone.localdate())])
    before = meter(kept(client, BEAMER))
    with committed():
        service.approve_item(stored.items.get(), admin_user, notify=False)
    assert meter(fresh(client, BEAMER)) != before


def test_booking_a_consultation_slot(client, committed):
    slot = ConsultationSlotFactory(start=timezone.now() + datetime.timedelta(days=6), capacity=1)
    page = kept(client, "/de/anfrage/")
    assert not select_one(page, f"#id_slot_{slot.pk}").has_attr("disabled")
    visitor = Client()
    lines = fill_basket(visitor)
    with committed():
        visitor.post("/de/anfrage/", with_lines(form_data(slot), lines))
    assert select_one(fresh(client, "/de/anfrage/"), f"#id_slot_{slot.pk}").has_attr("disabled")


def test_searches_served_from_the_cache_are_still_counted(client):
    kept(client, "/de/suche/?q=beamer")
    assert SearchTerm.objects.get(query="beamer", language="de").searches == 2


def test_counting_a_search_does_not_invalidate(client):
    kept(client, "/de/suche/?q=garten")
    kept_page = caches["pages"].get(page_cache.GENERATION_KEY)
    client.get("/de/suche/?q=fahrrad")
    assert caches["pages"].get(page_cache.GENERATION_KEY) == kept_page


def test_every_model_of_the_portals_apps_is_watched_except_the_ignored():
    labels = {model._meta.label_lower for model in page_cache.watched_models()}
    for label in (
        "catalogue.reservation",
        "catalogue.grant",
        "resource_requests.consultationslot",
        "home.navigationmenu",
    ):
        assert label in labels
    assert "search.searchterm" not in labels and "home.outgoingemail" not in labels
    assert "wagtailcore.page" in labels and "wagtailimages.rendition" not in labels


def test_an_evicted_generation_starts_above_every_earlier_one():
    old = page_cache.generation()
    time.sleep(0.001)
    caches["pages"].delete(page_cache.GENERATION_KEY)
    assert page_cache.generation() > old
    page_cache.bump()
    caches["pages"].delete(page_cache.GENERATION_KEY)
    page_cache.bump()
    assert page_cache.generation() > old


def test_an_answer_that_used_a_csp_nonce_is_not_kept(rf):
    """A nonce (django-csp, production) belongs to one answer: a page whose template used it is not kept."""
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore
    from django.http import HttpResponse

    def view(request):
        request._csp_nonce = "abc123"
        return HttpResponse('<script nonce="abc123"></script>', content_type="text/html; charset=utf-8")

    middleware = page_cache.PageCacheMiddleware(view)
    for _ in range(2):
        request = rf.get("/de/nonce/")
        request.user, request.session = AnonymousUser(), SessionStore()
        response = middleware(request)
        assert response["X-Page-Cache"] == "bypass"
    assert kept_entries() == []


def test_search_entries_synced_in_bulk(client, settings, committed):
    """The search entries are written with bulk_create/bulk_update, which send no signals: the sync itself
    invalidates. (The title is changed with `update()` here, so nothing else does.)"""
    settings.WAGTAILSEARCH_BACKENDS = search_support.database_backends()
    url = "/de/suche/?q=Zauberwürfel"
    assert "Beamer mit Zauberwürfel" not in select_one(kept(client, url), "main").get_text()
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    Resource.objects.filter(pk=resource.pk).update(title="Beamer mit Zauberwürfel")
    assert client.get(url)["X-Page-Cache"] == "hit"
    with committed():
        search_sync.sync("resource", [resource.translation_key])
    assert "Beamer mit Zauberwürfel" in select_one(fresh(client, url), "main").get_text()


# --- Cards kept per generation ({% keptfragment %}) -------------------------------------------------------


def beamer_card(page):
    return next(card for card in page.split("<article")[1:] if 'href="/de/ressourcen/beamer/"' in card)


def test_a_card_is_rendered_once_per_generation_and_again_after_an_edit(client, committed, settings):
    """A page the cache misses reuses the cards other pages rendered in this generation; an edit starts a
    new one, so every card shows it."""
    settings.PORTAL_PAGE_SIZE = 100
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    assert "Beamer" in beamer_card(fresh(client, "/de/ressourcen/"))
    # Changed without a signal (nothing starts a new generation): the card rendered before is reused.
    Resource.objects.filter(pk=resource.pk).update(title="Beamer (unbemerkt)")
    page = fresh(client, "/de/ressourcen/?category=geraete-und-technik")
    assert "Beamer (unbemerkt)" not in beamer_card(page)
    # Published in the admin's way: a new generation, the card rendered again on every page.
    resource.refresh_from_db()
    resource.title = "Beamer mit Leinwand"
    with committed():
        resource.save_revision().publish()
    for url in ("/de/ressourcen/", "/de/ressourcen/?category=geraete-und-technik"):
        assert "Beamer mit Leinwand" in beamer_card(fresh(client, url))


def test_a_card_shows_the_availability_of_the_listings_period(client, settings):
    """One generation, two periods: the same resource's card says what is free in each (the availability
    is part of what a kept card is chosen by)."""
    settings.PORTAL_PAGE_SIZE = 100
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    busy = timezone.localdate() + datetime.timedelta(days=50)
    quiet = busy + datetime.timedelta(days=7)
    ReservationFactory(resource=resource, start=busy, end=busy, quantity=1, status="approved")
    url = "/de/ressourcen/?category=geraete-und-technik&start={day}&end={day}"
    on_busy = meter(beamer_card(fresh(client, url.format(day=busy))))
    on_quiet = meter(beamer_card(fresh(client, url.format(day=quiet))))
    assert int(on_busy) < int(on_quiet)
    for day, shown in ((busy, on_busy), (quiet, on_quiet)):
        assert int(shown) == availability.availability_of(resource, day, day).left


def test_a_reservation_takes_a_resource_out_of_a_period_it_no_longer_has_free(client, committed, settings):
    """The keys of what can be had in a period are kept per generation: a reservation starts a new one."""
    settings.PORTAL_PAGE_SIZE = 100
    resource = Resource.objects.get(locale__language_code="de", slug="beamer")
    day = timezone.localdate() + datetime.timedelta(days=60)
    url = f"/de/ressourcen/?start={day}&end={day}"
    assert resource.title in card_titles(fresh(client, url), "resource")
    with committed():
        ReservationFactory(resource=resource, start=day, end=day, quantity=resource.units, status="approved")
    assert resource.title not in card_titles(fresh(client, url + "&sort=name"), "resource")
    assert resource.title not in card_titles(fresh(client, url), "resource")
