"""The embedded default of `make run`: SQLite and the database search backend, no services at all."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHECK = textwrap.dedent(
    """
    from django.conf import settings
    from django.test import Client
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    backend = get_search_backend()
    assert type(backend).__module__.startswith("modelsearch.backends.database"), type(backend)
    client = Client()
    for url in ["/de/", "/de/impressum/", "/en/legal-notice/", "/ar/privacy/", "/uk/datenschutz/"]:
        response = client.get(url, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, (url, response.status_code)
    german = Locale.objects.get(language_code="de")
    hits = list(Page.objects.live().filter(locale=german).search("Datenschutz"))
    assert any(page.slug == "datenschutz" for page in hits), hits
    # The portal's search page and suggestions on SQLite FTS5, in German and Arabic.
    html = client.get("/de/suche/?q=Datenschutz&language=de", HTTP_HOST="127.0.0.1").content.decode()
    assert 'class="search-result__title"><a href="/de/datenschutz/"' in html, html
    html = client.get("/ar/search/?q=حماية البيانات", HTTP_HOST="127.0.0.1").content.decode()
    assert 'class="search-result__title"><a href="/ar/privacy/"' in html
    suggestions = client.get("/de/suche/vorschlaege/?q=Barri", HTTP_HOST="127.0.0.1").json()["suggestions"]
    assert suggestions[0]["url"] == "/de/barrierefreiheit/", suggestions
    print("EMBEDDED-OK")
    """
)


def test_make_run_path_works_on_sqlite_with_database_search(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }

    def manage(*args):
        result = subprocess.run(  # noqa: S603 - fixed command
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    manage("migrate", "--no-input", "-v0")
    first = manage("load_demo_content")
    assert "translations" in first
    second = manage("load_demo_content")
    assert "0 objects created, 0 translations" in second
    assert "EMBEDDED-OK" in manage("shell", "-c", CHECK)
