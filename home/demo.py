"""Demo content of the home app: home page, programme pages, legal pages, the Leichte Sprache section
(German only), navigation, contact data.

Sample data for local use and tests. The legal pages carry placeholder particulars that must be replaced
before the portal goes public; they say so on the page. The texts are in `demo/home.toml`; this module
turns its records into pages.
"""

from home.demo_support import stream
from home.models import HomePage, LegalPage, NavigationMenu, PortalSettings, StandardPage

ORDER = 0


PAGE_TYPES = {"home": HomePage, "standard": StandardPage, "legal": LegalPage}


def load(loader):
    data = loader.data("home")
    loader.registry["footer_menu_note"] = data["footer_menu"]["note"]

    settings = PortalSettings.load()
    if not settings.email:
        for name, value in data["settings"].items():
            setattr(settings, name, value)
        settings.save()

    documents = {}

    def resolve(value):
        """Block values of the data file as StreamField data: generated pictures and documents by id."""
        if isinstance(value, dict) and "generated_image" in value:
            return loader.image(value["generated_image"], motif=value["motif"]).pk
        if isinstance(value, dict) and "demo_document" in value:
            key = value["demo_document"]
            if key not in documents:
                document = data["document"][key]
                documents[key] = loader.document(document["title"], document["lines"])
            return documents[key].pk
        if isinstance(value, dict) and not hasattr(value, "de"):
            return {name: resolve(item) for name, item in value.items()}
        if isinstance(value, list):
            return [resolve(item) for item in value]
        return value

    pages = {}
    home = None
    for entry in data["page"]:
        fields = {
            name: value
            for name, value in entry.items()
            if name not in ("slug", "type", "slugs", "body", "parent", "everyday")
        }
        if "body" in entry:
            fields["body"] = stream([(block["type"], resolve(block["value"])) for block in entry["body"]])
        if "everyday" in entry:  # Leichte Sprache: the same topic in everyday language
            fields["everyday_page"] = pages[entry["everyday"]]
        model = PAGE_TYPES[entry["type"]]
        if model is HomePage:
            home = loader.site_root(model, entry["slug"], **fields)
            loader.registry["home_page"] = home
        else:
            parent = pages[entry["parent"]] if "parent" in entry else home
            pages[entry["slug"]] = loader.page(parent, model, entry["slug"], **fields)
    pages = {home.slug: home, **pages}

    # Slugs of translated pages: wagtail-localize turns them into ASCII, so give readable ones.
    for entry in data["page"]:
        for language, target in entry.get("slugs", {}).items():
            loader.memory.add(entry["slug"], language, target)

    for page in pages.values():
        if not getattr(page, "easy_read", False):  # Leichte Sprache is German only: aliases elsewhere
            loader.translate(page)

    if settings.privacy_page_id is None:  # forms that collect personal data link to it
        settings.privacy_page = pages["datenschutz"]
        settings.save()

    loader.registry.setdefault("main_menu", []).extend(
        [pages["ueber-das-programm"], pages["so-funktionierts"]]
    )
    loader.registry.setdefault("footer_menu", []).extend(
        [pages["impressum"], pages["datenschutz"], pages["barrierefreiheit"]]
    )


def build_menus(loader):
    """Called by the command after every app's loader, so each can add its index page to the menus."""
    main = loader.snippet(
        NavigationMenu,
        {"slot": NavigationMenu.Slot.MAIN},
        items=stream(
            [("link", {"page": page.pk, "url": "", "label": ""}) for page in loader.registry["main_menu"]]
        ),
    )
    footer = loader.snippet(
        NavigationMenu,
        {"slot": NavigationMenu.Slot.FOOTER},
        items=stream(
            [("link", {"page": page.pk, "url": "", "label": ""}) for page in loader.registry["footer_menu"]]
        ),
        note=loader.registry["footer_menu_note"],
    )
    for menu in (main, footer):
        loader.translate(menu)
