"""Map links (home/maps.py): a plain link to OpenStreetMap's search for a resource's pick-up point and a
partner organisation's address, nothing embedded; none where no address is written."""

import pytest
from markup import parse, select, select_one

from catalogue.models import Resource
from home.maps import address_in, map_url_for
from partners.models import PartnerOrganisation

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_an_address_is_found_in_the_pick_up_sentence_in_every_script():
    expected = "Beuthstraße 21, 44147 Dortmund"
    assert (
        address_in("VMDO-Büro, Beuthstraße 21, 44147 Dortmund – Ausgabe dienstags von 10 bis 16 Uhr")
        == expected
    )
    assert address_in("VMDO office, Beuthstraße 21, 44147 Dortmund – pick-up on Tuesdays") == expected
    assert address_in("مكتب VMDO، Beuthstraße 21، 44147 دورتموند – الاستلام يومي الثلاثاء") == expected
    assert address_in("Am Westpark 3a, 44135") == "Am Westpark 3a, 44135 Dortmund"
    assert address_in("Im VMDO-Büro oder online – wie es am besten passt.") == ""
    assert map_url_for("") == ""
    assert map_url_for("Beuthstraße 21, 44147 Dortmund") == (
        "https://www.openstreetmap.org/search?query=Beuthstra%C3%9Fe+21%2C+44147+Dortmund"
    )


@pytest.mark.parametrize("url", ["/de/ressourcen/beamer/", "/ar/resources/projector/"])
def test_a_pick_up_point_links_to_openstreetmap_and_embeds_nothing(client, url):
    html = page(client, url)
    link = select_one(parse(html), ".resource__access a.map-link")
    assert link is not None, url
    assert link["href"].startswith("https://www.openstreetmap.org/search?query=Beuthstra")
    assert "<iframe" not in html and "openstreetmap.org/" not in html.replace(link["href"], "")


def test_a_pick_up_place_without_an_address_gives_no_link(client):
    resource = Resource.objects.filter(locale__language_code="de", kind=Resource.Kind.ROOM).first()
    assert resource.pickup_place and resource.pickup_map_url == ""


def test_a_partners_address_links_to_the_map(client):
    partner = PartnerOrganisation.objects.get(locale__language_code="ar", slug="huckarde-community-garden")
    assert partner.street
    html = parse(page(client, "/ar/partners/huckarde-community-garden/"))
    links = select(html, ".partner__contact a.map-link")
    assert [link["href"] for link in links] == [partner.map_url]
    assert partner.map_url.startswith("https://www.openstreetmap.org/search?query=")
