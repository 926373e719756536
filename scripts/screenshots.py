"""Screenshots of the key pages at a phone's and a desktop's width, in German and Arabic, for
docs/screenshots/ (issue reviews and the README's tour). Against a running portal with the demo content:

    make run                                   # in one terminal
    .venv/bin/python scripts/screenshots.py    # in another; or: … scripts/screenshots.py http://host:port

Needs Chromium (Debian's package, as the browser tests). Full-page PNGs, named <page>-<language>-<width>.png.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
WIDTHS = (390, 1280)
# page -> its address in German and in Arabic
PAGES = {
    "home": ("/de/", "/ar/"),
    "resources": ("/de/ressourcen/", "/ar/resources/"),
    "resource": ("/de/ressourcen/beamer/", "/ar/resources/projector/"),
    "partners": ("/de/partner/", "/ar/partners/"),
    "easy-read": ("/de/leichte-sprache/", "/ar/leichte-sprache/"),
}


def main(base_url):
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
            page = context.new_page()
            for name, addresses in PAGES.items():
                for language, address in zip(("de", "ar"), addresses, strict=True):
                    response = page.goto(base_url.rstrip("/") + address, wait_until="load")
                    if response is None or response.status >= 400:
                        print(f"skipped {address}: {response.status if response else 'no answer'}")
                        continue
                    path = OUT / f"{name}-{language}-{width}.png"
                    page.screenshot(path=path, full_page=True)
                    print(path.relative_to(OUT.parent.parent))
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
