"""Take the screenshots in docs/screenshots/ from a running demo site, with Debian's Chromium (Playwright).

    .venv/bin/python manage.py runserver 8125 &          # the demo site (make run, or any database)
    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8125 [page ...]

Each page in German and Arabic at 390 px (the first screen, 390 × 900) and at 1280 px (the whole page),
as `docs/screenshots/<page>-<language>-<width>.png`. Without page names, every page of PAGES.

The request form is shown with two resources of different kinds in its basket (added through the
resources' own "add to my request" forms, as a visitor does). The status page needs a request's private
link: run the script with the demo site's database settings (the same environment as the server, e.g.
DATABASE_URL) and it takes the demo's first request with a consultation (`status`); without them the
status page is left out with a line saying so.
"""

import datetime
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"

PAGES = {
    "home": {"de": "/de/", "ar": "/ar/"},
    "resources": {"de": "/de/ressourcen/", "ar": "/ar/resources/"},
    "resource": {"de": "/de/ressourcen/beamer/", "ar": "/ar/resources/projector/"},
    "easy-read": {"de": "/de/leichte-sprache/", "ar": "/ar/leichte-sprache/"},
    "partners": {"de": "/de/partner/", "ar": "/ar/partners/"},
    "example": {
        "de": "/de/engagement/fest-fuer-den-nordmarkt/",
        "ar": "/ar/engagement/festival-for-the-nordmarkt/",
    },
}
PAGES["request"] = {"de": "/de/anfrage/", "ar": "/ar/request/"}
# What goes into the basket before the request form is taken: (resource page, how many or empty).
BASKET = {"de": ["/de/ressourcen/beamer/", "/de/ressourcen/seminarraum-nordstadt/"]}
BASKET["ar"] = ["/ar/resources/projector/", "/ar/resources/seminar-room-nordstadt/"]
WIDTHS = {390: False, 1280: True}  # width: whole page?


def status_paths():
    """{language: path} of a demo request's status page, read from the demo database; {} without one."""
    try:
        import django

        sys.path.insert(0, str(OUT.parent.parent))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
        django.setup()
        from resource_requests.models import ResourceRequest
        from resource_requests.pages import status_url

        found = ResourceRequest.objects.exclude(slot=None).order_by("pk").first()
        if found is None:
            return {}
        return {language: status_url(found, absolute=False, language=language) for language in ("de", "ar")}
    except Exception as error:  # no database reachable: the other pages still come
        print(f"status page left out: {error}")
        return {}


def fill_basket(page, base, language):
    """Put the basket's resources into the request, through each resource page's own form (one unit, a
    day two weeks ahead)."""
    day = (datetime.date.today() + datetime.timedelta(days=14)).isoformat()
    for path in BASKET[language]:
        page.goto(base + path, wait_until="networkidle")
        form = page.locator(".add-to-request form")
        if form.count() == 0:
            continue
        for name, value in (("add-quantity", "1"), ("add-start", day), ("add-end", day)):
            field = form.locator(f'input[name="{name}"]')
            if field.count() and field.is_visible() and not field.input_value():
                field.fill(value)
        form.locator('button[type="submit"]').first.click()
        page.wait_for_load_state("networkidle")


def main(base, names):
    names = names or [*PAGES, "status"]
    if "status" in names:
        PAGES["status"] = status_paths()  # before Playwright: Django refuses its event loop
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name in names:
            for language, path in PAGES[name].items():
                for width, full_page in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": 900})
                    page = context.new_page()
                    if name == "request":
                        fill_basket(page, base, language)
                    response = page.goto(base + path, wait_until="networkidle")
                    if response.status != 200:
                        raise SystemExit(f"{path}: {response.status}")
                    target = OUT / f"{name}-{language}-{width}.png"
                    page.screenshot(path=str(target), full_page=full_page)
                    context.close()
                    print(target.relative_to(OUT.parent.parent))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), sys.argv[2:])
