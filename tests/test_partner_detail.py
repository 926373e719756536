"""A partner's page: content in every language, related partners, JSON-LD, hidden e-mail addresses."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from markup import json_ld

from partners.factories import PartnerOrganisationFactory
from partners.models import PartnerOrganisation
from taxonomy.models import District, EngagementField

pytestmark = pytest.mark.django_db

GARDEN = "/de/partner/nachbarschaftsgarten-huckarde-ev/"
HIDDEN = "/de/partner/antidiskriminierungsnetz-ruhr-mitte/"


def german(slug):
    return PartnerOrganisation.objects.get(slug=slug, locale__language_code="de")


def test_page_shows_everything_about_the_partner(client):
    partner = german("nachbarschaftsgarten-huckarde-ev")
    response = client.get(GARDEN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Nachbarschaftsgarten Huckarde e.V.</h1>" in html
    for text in [
        "Zivilgesellschaftliche Organisation",
        "Auf einer ehemaligen Brachfläche",
        "Umwelt",
        "Kulturelle Vielfalt",
        "Ältere Menschen",  # target group
        "Technik und Material",  # offers
        "Projektpartnerschaft",  # looks for
        "Kurdisch",  # a language spoken
        "Urbanusstraße 8",
        "44369 Dortmund",
        "Sa 11–15 Uhr und nach Vereinbarung",
        partner.website,
        f'href="mailto:{partner.email}"',
        'href="tel:+4923100000',
        "Beispieleintrag",
    ]:
        assert text in html, text
    assert 'href="/de/partner/?field=umwelt"' in html, "terms lead back to the finder"
    assert 'href="/de/partner/?district=huckarde"' in html


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/en/partners/huckarde-community-garden/", "Huckarde Community Garden"),
        ("/tr/ortaklar/huckarde-komsuluk-bahcesi-dernegi/", "Huckarde Komşuluk Bahçesi Derneği"),
        ("/ar/partners/huckarde-community-garden/", "حديقة الجيران في هوكارده"),
    ],
)
def test_translated_pages(client, url, name):
    html = client.get(url).content.decode()
    assert f'dir="auto">{name}</h1>' in html
    assert "notice--language" not in html


def test_untranslated_partner_is_shown_in_german_with_a_notice(client):
    response = client.get("/uk/partner/nachbarschaftsgarten-huckarde-ev/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="uk"' in html
    assert '<h1 lang="de" dir="ltr">Nachbarschaftsgarten Huckarde e.V.</h1>' in html
    assert "notice--language" in html


def test_a_slug_of_another_language_leads_to_this_languages_page(client):
    response = client.get("/ar/partners/nachbarschaftsgarten-huckarde-ev/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/partners/huckarde-community-garden/"


@pytest.mark.parametrize(
    "url",
    [
        "/de/partner/gibt-es-nicht/",
        "/ar/partners/gibt-es-nicht/",
        "/de/partner/" + "x" * 3000 + "/",
        "/de/partner/%3Cscript%3E/",
    ],
)
def test_unknown_partner_is_a_404(client, url):
    assert client.get(url).status_code == 404


def test_language_links_point_at_each_translation(client):
    html = client.get(GARDEN).content.decode()
    assert 'hreflang="en" href="http://testserver/en/partners/huckarde-community-garden/"' in html
    assert 'hreflang="ar" href="http://testserver/ar/partners/huckarde-community-garden/"' in html
    assert 'href="/uk/partner/nachbarschaftsgarten-huckarde-ev/" lang="uk"' in html


def test_json_ld_describes_the_organisation(client):
    partner = german("nachbarschaftsgarten-huckarde-ev")
    data = json_ld(client.get(GARDEN).content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "Organization"
    assert data["name"] == partner.name
    assert data["url"] == partner.website
    assert data["mainEntityOfPage"] == "http://testserver" + GARDEN
    assert data["email"] == partner.email
    assert data["telephone"] == partner.phone
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Urbanusstraße 8",
        "postalCode": "44369",
        "addressLocality": "Dortmund",
        "addressCountry": "DE",
    }
    assert {"@type": "AdministrativeArea", "name": "Dortmund-Huckarde"} in data["areaServed"]
    assert set(data["knowsLanguage"]) == {"de", "tr", "ar", "ku"}
    assert data["logo"].startswith("http://testserver/")


def test_json_ld_cannot_be_broken_out_of(client):
    partner = PartnerOrganisationFactory(
        name="Verein </script><script>alert(1)</script> & Co", description="a < b"
    )
    html = client.get(f"/de/partner/{partner.slug}/").content.decode()
    data = json_ld(html)
    assert data["name"] == "Verein </script><script>alert(1)</script> & Co"
    assert "<script>alert(1)" not in html


def test_hidden_email_is_nowhere_in_the_page(client):
    partner = german("antidiskriminierungsnetz-ruhr-mitte")
    assert partner.hide_email and partner.email
    for url in (
        HIDDEN,
        "/ar/partners/ruhr-mitte-anti-discrimination-network/",
        "/uk/partner/antidiskriminierungsnetz-ruhr-mitte/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert partner.email not in html, url
        assert partner.email.split("@")[1] not in html.replace(partner.website, ""), url
        assert "email" not in json_ld(html)
        assert 'id="contact"' in html, "people can still write through the portal"


def test_related_partners_share_fields_and_district(client):
    partner = german("quartiersbuero-nordstadt")
    response = client.get("/de/partner/quartiersbuero-nordstadt/")
    related = response.context["related"]
    assert 0 < len(related) <= 4
    fields = set(partner.engagement_fields.values_list("slug", flat=True))
    districts = set(partner.districts.values_list("slug", flat=True))
    assert all(item.pk != partner.pk for item in related)
    for item in related:
        shares_field = fields & {term.slug for term in item.engagement_fields.all()}
        shares_district = districts & {district.slug for district in item.districts.all()}
        assert shares_field or shares_district, item
    first = related[0]
    assert fields & {term.slug for term in first.engagement_fields.all()}, "same fields and ..."
    assert districts & {district.slug for district in first.districts.all()}, "... same district come first"
    html = response.content.decode()
    assert f'href="/de/partner/{first.slug}/"' in html


def test_no_placeholders_where_there_is_nothing_to_show(client):
    """The engagement examples and upcoming events of a partner appear only when there are some
    (tests/test_engagement.py and tests/test_event_listing.py check them where there are)."""
    html = client.get("/de/partner/gesamtschule-am-buschweg/").content.decode()
    for word in ("Engagementbeispiele mit", "Veranstaltungen dieser", "demnächst", "TODO"):
        assert word not in html
    garden = client.get(GARDEN).content.decode()
    assert "demnächst" not in garden and "TODO" not in garden


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_queries_do_not_grow_with_what_the_partner_has(client):
    few = PartnerOrganisationFactory(
        name="Wenig",
        engagement_fields=[EngagementField.objects.get(slug="umwelt", locale__language_code="de")],
    )
    many = PartnerOrganisationFactory(
        name="Viel",
        engagement_fields=list(EngagementField.objects.filter(locale__language_code="de")),
        districts=list(District.objects.all()),
    )
    assert queries(client, f"/de/partner/{few.slug}/") == queries(client, f"/de/partner/{many.slug}/") <= 45


def test_sitemap_lists_every_partner_page_with_its_language_versions(client):
    xml = client.get("/sitemap.xml").content.decode()
    german = PartnerOrganisation.objects.filter(locale__language_code="de", live=True)
    for partner in german:
        assert f"<loc>http://testserver/de/partner/{partner.slug}/</loc>" in xml, partner.slug
    entry = xml[xml.index("<loc>http://testserver/de/partner/nachbarschaftsgarten-huckarde-ev/</loc>") :]
    entry = entry[: entry.index("</url>")]
    assert 'hreflang="ar" href="http://testserver/ar/partners/huckarde-community-garden/"' in entry
    assert 'hreflang="uk" href="http://testserver/uk/partner/nachbarschaftsgarten-huckarde-ev/"' in entry
    # Pages keep their own alternates.
    finder_entry = xml[xml.index("<loc>http://testserver/de/partner/</loc>") :]
    finder_entry = finder_entry[: finder_entry.index("</url>")]
    assert 'hreflang="en" href="http://testserver/en/partners/"' in finder_entry
    assert "huckarde" not in finder_entry
