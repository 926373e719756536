"""Links to OpenStreetMap for places the portal names: a plain link to OpenStreetMap's search, no embedded map
and nothing loaded from another site until the visitor follows it (PRODUCT.md: no third-party embeds).

Event venues have their address in fields (`EventPage.map_url`); a resource's pick-up place is a sentence an
editor writes in each language ("VMDO-Büro, Beuthstraße 21, 44147 Dortmund – Ausgabe dienstags ..."), so
the address is found in it: a street with its number, then a five-digit postcode and the town. A sentence
without such an address ("in the VMDO office or online") gives no link.
"""

import re
from urllib.parse import urlencode

SEARCH = "https://www.openstreetmap.org/search"
TOWN = "Dortmund"

# "Beuthstraße 21, 44147 Dortmund", "Am Markt 3a, 44135", "Beuthstraße 21، 44147 دورتموند" (Arabic comma).
ADDRESS = re.compile(
    r"(?P<street>[A-ZÄÖÜ][A-Za-zÄÖÜäöüß.\-]*(?: [A-Za-zÄÖÜäöüß.\-]+)*? \d{1,4} ?[a-zA-Z]?)\s*[,،]\s*"
    r"(?P<postcode>\d{5})(?: (?P<town>[A-ZÄÖÜ][A-Za-zÄÖÜäöüß\-]+))?"
)


def search_url(query):
    """OpenStreetMap's search for `query`; "" for an empty one."""
    query = " ".join(query.split())
    return f"{SEARCH}?{urlencode({'query': query})}" if query else ""


def postal_address_url(street, postcode, city):
    """OpenStreetMap's search for an address kept in fields (event venues, partner organisations); "" when
    all are empty."""
    town = " ".join(part for part in (postcode, city) if part)
    return search_url(", ".join(part for part in (street, town) if part))


def address_in(text):
    """The first postal address written in `text` as "street number, postcode town" (the town in Latin
    letters; Dortmund where it is written in another script or left out); "" where there is none."""
    found = ADDRESS.search(text or "")
    if not found:
        return ""
    return f"{found['street'].strip()}, {found['postcode']} {found['town'] or TOWN}"


def map_url_for(text):
    """A map link for the address written in `text`, "" without one."""
    return search_url(address_in(text))
