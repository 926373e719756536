"""Take the screenshots in docs/screenshots/ from a running demo site, with Debian's Chromium (Playwright).

    .venv/bin/python manage.py runserver 8125 &          # the demo site (make run, or any database)
    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8125 [page ...]

Each page in German and Arabic at 390 px (the first screen, 390 × 900) and at 1280 px (the whole page),
as `docs/screenshots/<page>-<language>-<width>.png`. Without page names, every page of PAGES.
"""

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
WIDTHS = {390: False, 1280: True}  # width: whole page?


def main(base, names):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name in names or PAGES:
            for language, path in PAGES[name].items():
                for width, full_page in WIDTHS.items():
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    response = page.goto(base + path, wait_until="networkidle")
                    if response.status != 200:
                        raise SystemExit(f"{path}: {response.status}")
                    target = OUT / f"{name}-{language}-{width}.png"
                    page.screenshot(path=str(target), full_page=full_page)
                    page.close()
                    print(target.relative_to(OUT.parent.parent))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), sys.argv[2:])
