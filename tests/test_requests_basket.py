"""The request basket: adding from a resource's page, checks on adding, changing and removing lines."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from markup import select_one

from catalogue.availability import budget_left
from catalogue.factories import GrantFactory, ResourceFactory
from catalogue.models import Resource
from resource_requests.basket import SESSION_KEY
from resource_requests.pages import resource_request_url

pytestmark = pytest.mark.django_db

FORM = "/de/anfrage/"
BASKET = "/de/anfrage/basket/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def day(offset):
    """The day `offset` days after today in Dortmund, as the form takes it."""
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


class Day:
    """`day(offset)` worked out when the test runs: parameters are built at collection, which may have been
    before midnight."""

    def __init__(self, offset):
        self.offset = offset

    def __str__(self):
        return day(self.offset)

    def __repr__(self):
        return f"Day({self.offset})"


def german(slug):
    return Resource.objects.get(locale__language_code="de", slug=slug)


def add(client, resource, **data):
    return client.post(
        BASKET, {"resource": resource.pk, **{f"add-{key}": value for key, value in data.items()}}
    )


def basket_lines(client):
    return client.session.get(SESSION_KEY, [])


def test_resource_page_has_an_add_form_that_works_without_javascript(client):
    beamer = german("beamer")
    html = client.get("/de/ressourcen/beamer/").content.decode()
    form = select_one(html, "form.add-form")
    assert (form["method"], form["action"]) == ("post", BASKET)
    assert f'name="resource" value="{beamer.pk}"' in html
    for name in ("add-quantity", "add-start", "add-end"):
        assert f'name="{name}"' in html and f'<label for="id_{name}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    # money: an amount; coaching: nothing but the button
    assert 'name="add-amount"' in client.get("/de/ressourcen/flyer-und-plakate/").content.decode()
    coaching = client.get("/de/ressourcen/vereinsgruendung/").content.decode()
    assert (
        "add-form" in coaching
        and 'name="add-quantity"' not in coaching
        and 'name="add-amount"' not in coaching
    )


def test_adding_puts_the_line_into_the_session_basket_and_shows_it(client):
    beamer = german("beamer")
    response = add(client, beamer, quantity="2", start=day(25), end=day(27))
    assert response.status_code == 302 and response["Location"] == FORM + "#basket"
    [line] = basket_lines(client)
    assert line["key"] == str(beamer.translation_key)
    assert line["values"] == {"quantity": "2", "start": day(25), "end": day(27), "amount": ""}
    html = client.get(FORM).content.decode()
    assert "ist in Ihrer Anfrageliste" in html or "Beamer (Full HD)" in html
    assert f'name="item-{line["id"]}-quantity"' in html and 'value="2"' in html
    # Adding the same resource again replaces its line.
    add(client, beamer, quantity="1", start=day(26), end="")
    [line] = basket_lines(client)
    assert line["values"]["quantity"] == "1" and line["values"]["end"] == day(26)


def test_the_basket_survives_switching_language(client):
    add(client, german("beamer"), quantity="1", start=day(25))
    html = client.get("/ar/request/").content.decode()
    arabic = Resource.objects.get(
        locale__language_code="ar", translation_key=german("beamer").translation_key
    )
    assert arabic.title in html


@pytest.mark.parametrize(
    "slug, data, field, message",
    [
        ("beamer", {"quantity": "1", "start": "2001-01-01"}, "start", "Dieser Tag ist vorbei"),
        ("beamer", {"quantity": "1", "start": Day(30), "end": Day(28)}, "end", "vor dem ersten Tag"),
        ("beamer", {"quantity": "5", "start": Day(30)}, "quantity", "Es gibt nur 4 davon"),
        ("beamer", {"quantity": "2", "start": Day(0)}, "quantity", "nur 1 von 4 frei"),
        ("beamer", {"quantity": "1", "start": Day(30), "end": Day(45)}, "end", "höchstens für 7 Tage"),
        ("beamer", {"quantity": "1", "start": "31.02.2030"}, "start", "Bitte geben Sie ein Datum ein"),
        ("beamer", {"quantity": "viele", "start": Day(30)}, "quantity", "ganze Zahl"),
        ("beamer", {"quantity": "1", "start": Day(3000)}, "start", "Anfragen sind bis"),
        ("flyer-und-plakate", {"amount": "900"}, "amount", "Höchstens 800 € pro Anfrage"),
        ("verpflegung", {"amount": "100"}, "amount", "aufgebraucht"),
        ("flyer-und-plakate", {"amount": "12,345"}, "amount", "höchstens zwei Stellen"),
        ("flyer-und-plakate", {"amount": "<script>"}, "amount", "Betrag in Euro"),
    ],
)
def test_adding_checks_dates_units_and_money(client, slug, data, field, message):
    data = {name: str(value) for name, value in data.items()}
    response = add(client, german(slug), **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_add-{field}_error"' in html, html[html.find("error") - 300 : html.find("error") + 300]
    assert message in html
    assert basket_lines(client) == []
    # What was typed is still in the form.
    for value in data.values():
        assert f'value="{value}"' in html or "&lt;script&gt;" in html


def test_money_cannot_exceed_what_is_left(client):
    travel = german("fahrtkosten")  # at most 300 € per request
    GrantFactory(resource=travel, amount=budget_left(travel) - 200)  # 200 € left
    response = add(client, travel, amount="250")
    assert response.status_code == 400
    assert "Nur noch 200 € sind in diesem Budget übrig" in response.content.decode()


def test_money_accepts_a_comma_and_the_euro_sign(client):
    assert add(client, german("flyer-und-plakate"), amount="300,50 €").status_code == 302
    assert basket_lines(client)[0]["values"]["amount"] == "300.50"


def test_unknown_or_unpublished_resources_are_refused(client):
    for value in ("999999", "abc", "-1", "9" * 40, "", "beamer\x00", "9" * 5000):
        response = client.post(BASKET, {"resource": value, "add-quantity": "1"})
        assert response.status_code == 400, value
        assert "Wir konnten diese Ressource nicht finden" in response.content.decode()
    draft = ResourceFactory(live=False)
    assert (
        client.post(BASKET, {"resource": draft.pk, "add-quantity": "1", "add-start": day(20)}).status_code
        == 400
    )
    assert basket_lines(client) == []


def test_resource_parameter_offers_the_add_form_on_the_request_page(client):
    beamer = german("beamer")
    html = client.get(f"{FORM}?resource={beamer.pk}").content.decode()
    assert "Beamer (Full HD)" in html and 'name="add-quantity"' in html
    assert '<meta name="robots" content="noindex">' in html
    by_slug = client.get(f"{FORM}?resource=beamer").content.decode()
    assert 'name="add-quantity"' in by_slug and f'name="resource" value="{beamer.pk}"' in by_slug
    arabic = client.get("/ar/request/?resource=beamer").content.decode()
    translated = Resource.objects.get(locale__language_code="ar", translation_key=beamer.translation_key)
    assert f'name="resource" value="{translated.pk}"' in arabic, "a German slug finds the Arabic version"
    assert client.get(f"{FORM}?resource=%00&partner=%00").status_code == 200
    nonsense = client.get(f"{FORM}?resource=nichts").content.decode()
    assert "Wir konnten diese Ressource nicht finden" in nonsense
    assert resource_request_url(beamer) == f"/de/anfrage/?resource={beamer.pk}"


def test_changing_and_removing_lines_keeps_what_was_typed(client):
    add(client, german("beamer"), quantity="1", start=day(25))
    add(client, german("flyer-und-plakate"), amount="300")
    beamer_line, flyer_line = basket_lines(client)
    response = client.post(
        FORM,
        {
            "action": "update",
            f"item-{beamer_line['id']}-quantity": "2",
            f"item-{beamer_line['id']}-start": day(25),
            f"item-{beamer_line['id']}-end": day(26),
            f"item-{flyer_line['id']}-amount": "300",
            "remove": [flyer_line["id"]],
            "association_name": "Mein Verein <b>fett</b>",
            "plan_title": "Sommerfest",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ihre Anfrageliste wurde aktualisiert" in html
    assert 'value="Mein Verein &lt;b&gt;fett&lt;/b&gt;"' in html, "typed text kept, as text"
    assert 'value="Sommerfest"' in html
    assert "error-summary" not in html, "changing the basket shows no errors for the form"
    [line] = basket_lines(client)
    assert (
        line["id"] == beamer_line["id"]
        and line["values"]["quantity"] == "2"
        and line["values"]["end"] == day(26)
    )


def test_an_invalid_change_is_shown_by_its_field_and_not_saved(client):
    add(client, german("beamer"), quantity="1", start=day(25))
    [line] = basket_lines(client)
    response = client.post(
        FORM, {"action": "update", f"item-{line['id']}-quantity": "9", f"item-{line['id']}-start": day(25)}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_item-{line["id"]}-quantity_error"' in html
    assert basket_lines(client)[0]["values"]["quantity"] == "1"


def test_the_basket_has_a_limit(client, settings):
    settings.REQUESTS_BASKET_MAX_ITEMS = 2
    add(client, german("beamer"), quantity="1", start=day(25))
    add(client, german("leinwand"), quantity="1", start=day(25))
    response = add(client, german("laptop"), quantity="1", start=day(25))
    assert response.status_code == 400 and "höchstens 2 Ressourcen" in response.content.decode()
    assert len(basket_lines(client)) == 2


def test_a_resource_unpublished_meanwhile_leaves_the_basket_with_a_notice(client):
    add(client, german("beamer"), quantity="1", start=day(25))
    Resource.objects.filter(translation_key=german("beamer").translation_key).update(live=False)
    html = client.get(FORM).content.decode()
    assert "nicht mehr angeboten" in html
    assert basket_lines(client) == []


def test_basket_adding_is_rate_limited(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "request-basket": (2, 3600)}
    for _number in range(2):
        add(client, german("beamer"), quantity="1", start=day(25))
    blocked = add(client, german("beamer"), quantity="1", start=day(25))
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0
