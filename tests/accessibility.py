"""axe-core in a real browser, shared by every accessibility test module.

Each module `tests/test_accessibility*.py` has a `PAGES` dict: page type (app_label.Model, or a name for a
non-page view) -> URLs to scan (at least German and Arabic). `test_every_page_type_is_scanned` collects
them all and fails when a page type of the portal is in none.
"""

import importlib.util
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def scan(page):
    """The violations axe finds on the page as loaded, one line each (empty when there are none)."""
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:5]}"
        for violation in results.response["violations"]
    ]


def all_scanned_page_types():
    scanned = set()
    for path in sorted(Path(__file__).parent.glob("test_accessibility*.py")):
        spec = importlib.util.spec_from_file_location(f"_a11y_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        scanned |= set(getattr(module, "PAGES", {}))
    return scanned


def tab_to_submit_and_send(page, presses=20):
    """Go on with the Tab key to the form's submit button, as a keyboard user does, and press Enter.

    Fails when the button cannot be reached within `presses`; returns after the page has navigated."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    else:
        raise AssertionError("the submit button is not reachable with the Tab key")
    with page.expect_navigation():
        page.keyboard.press("Enter")
