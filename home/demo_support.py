"""Machinery for `load_demo_content`: build German content once, translate it through wagtail-localize.

Each app that contributes demo content has a `demo.py` with `ORDER` (int) and `load(loader)`; the command
calls them in order with one `DemoLoader`. Content is written in German (the source language) with its
translations next to it, as `loader.text(de=..., en=..., tr=..., ar=...)`. The German text builds the
objects; every translation goes into a translation memory. `loader.translate(obj)` then does what a
translator does in the admin: export the object's PO file from wagtail-localize for each language, fill
in what the memory knows, import the PO file and publish the translation. Pages that are not translated
into a language get wagtail-localize aliases (`synchronize_trees`), so every language's tree is complete.

Everything is idempotent: objects are looked up by a stable key before they are created, translations
are made only where none exists, and nothing that already exists is changed, so a second run (and any
edits an editor made in between) leaves the database as it was.
"""

import html
import io
import logging
import math
import time
import tomllib
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, models
from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler as modelsearch_post_save
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize import tasks as localize_jobs
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from home import demo_pictures
from home.models import NavigationMenu
from search import sync as search_sync
from search.models import SearchEntry

logger = logging.getLogger(__name__)

DEMO_COLLECTION_NOTE = "Beispieldaten / sample data"


class DemoDataMissing(Exception):
    """The `demo/` folder (or one of its files) is not there: the demo needs a checkout of the repository."""


def demo_data_dir():
    """The demo content's data files: `demo/` at the top of the repository (not an installed package)."""
    return Path(settings.BASE_DIR) / "demo"


class Text(dict):
    """One piece of text in several languages; str() is the German source."""

    def __str__(self):
        return self["de"]

    @property
    def de(self):
        return self["de"]


@dataclass
class TranslationMemory:
    """German source segment -> translation, per language."""

    entries: dict = field(default_factory=dict)

    def add(self, source, language, target):
        if source and target:
            self.entries.setdefault(language, {})[source] = target

    def get(self, language, source):
        return self.entries.get(language, {}).get(source)

    def knows(self, language, source):
        return source in self.entries.get(language, {})


@dataclass
class DemoStats:
    created: int = 0
    translated: int = 0
    missing_segments: list = field(default_factory=list)


class DemoLoader:
    """What an app's `demo.load(loader)` works with."""

    def __init__(self, stdout=None, steps=0):
        self.memory = TranslationMemory()
        self.stats = DemoStats()
        self.stdout = stdout
        self.progress = Progress(stdout, self.stats, steps)
        self.source_language = settings.LANGUAGE_CODE
        self.languages = [code for code, _name in settings.LANGUAGES]
        self.target_languages = [code for code in self.languages if code != self.source_language]
        self.registry = {}  # shared between app loaders: e.g. "home_page", "engagement_fields"

    # --- Text and translation memory ---------------------------------------------------------------

    def text(self, de, **translations):
        """German text with its translations; registers each pair (and each paragraph of rich text)."""
        value = Text(de=de, **translations)
        for language, target in translations.items():
            self._remember(de, language, target)
        return value

    def _remember(self, source, language, target):
        self.memory.add(source.strip(), language, target.strip())
        # wagtail-localize keeps plain-text fields HTML-escaped in its strings ("Geräte &amp; Technik").
        self.memory.add(
            html.escape(source.strip(), quote=False), language, html.escape(target.strip(), quote=False)
        )
        # Rich text is translated paragraph by paragraph (wagtail-localize splits it into segments).
        source_parts = _html_segments(source)
        target_parts = _html_segments(target)
        if source_parts and len(source_parts) == len(target_parts):
            for source_part, target_part in zip(source_parts, target_parts, strict=True):
                self.memory.add(source_part, language, target_part)

    def data(self, name):
        """The records of `demo/<name>.toml`, with every translated text as a `Text` in the memory.

        A table of languages with a German entry (`title = {de = "…", en = "…"}`) is one text and its
        translations; everything else is returned as TOML reads it.
        """
        path = demo_data_dir() / f"{name}.toml"
        try:
            with path.open("rb") as file:
                records = tomllib.load(file)
        except FileNotFoundError:
            raise DemoDataMissing(
                f"The demo content's data file {path} is missing. The demo is read from the `demo/` folder "
                "of a checkout of the repository (it is not part of an installed package)."
            ) from None
        return self._texts(records)

    def _texts(self, value):
        if isinstance(value, dict):
            if self.source_language in value and value.keys() <= set(self.languages):
                return self.text(**value)
            return {key: self._texts(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._texts(item) for item in value]
        return value

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    # --- Locales -------------------------------------------------------------------------------------

    def ensure_locales(self):
        for code in self.languages:
            Locale.objects.get_or_create(language_code=code)

    def locale(self, language):
        return Locale.objects.get(language_code=language)

    # --- Pages ---------------------------------------------------------------------------------------

    def page(self, parent, model, slug, **fields):
        """The German child page of `parent` with this slug; created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = model(slug=slug, locale=parent.locale, **{k: _plain(v) for k, v in fields.items()})
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.stats.created += 1
        self.progress.tick()
        return page

    def site_root(self, model, slug, **fields):
        """The German home page at the top of the tree, set as the default site's root."""
        root = Page.get_first_root_node()
        source_locale = self.locale(self.source_language)
        home = model.objects.filter(depth=2, locale=source_locale).first()
        if home is None:
            home = model(slug=slug, locale=source_locale, **{k: _plain(v) for k, v in fields.items()})
            root.add_child(instance=home)
            home.save_revision().publish()
            self.stats.created += 1
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
        elif site.root_page_id != home.id:
            # Wagtail's migrations create a default site at localhost:80; make it this portal's.
            old_root = site.root_page
            address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            site.hostname = address.hostname or site.hostname
            site.port = address.port or (443 if address.scheme == "https" else 80)
            site.root_page = home
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()
            # Wagtail's initial "Welcome to your new Wagtail site!" page is no longer reachable.
            if old_root.specific_class is Page and old_root.depth == 2:
                old_root.delete()
        return home

    def synchronize_trees(self):
        """Give every language a complete tree: aliases of German pages that are not translated yet.

        The `LocaleSynchronization` rows also tell wagtail-localize to add an alias in every language
        whenever an editor creates a German page later.
        """
        source = self.locale(self.source_language)
        for code in self.target_languages:
            locale = self.locale(code)
            _sync, created = LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": source}
            )
            # Creating the row synchronises the tree already (wagtail-localize's post_save handler, run in
            # place by its default job backend); only an existing row needs it done here.
            if not created or not isinstance(localize_jobs.background, localize_jobs.ImmediateBackend):
                synchronize_tree(source, locale)

    # --- Snippets ------------------------------------------------------------------------------------

    def snippet(self, model, lookup, publish=True, **fields):
        """A German snippet found by `lookup` (a dict of fields) or created, saved as a published revision."""
        source_locale = self.locale(self.source_language)
        existing = model.objects.filter(locale=source_locale, **lookup).first()
        if existing is not None:
            return existing
        obj = model(locale=source_locale, **{k: _plain(v) for k, v in {**lookup, **fields}.items()})
        if hasattr(obj, "live") and not publish:
            obj.live = False
        obj.save()
        if hasattr(obj, "save_revision"):
            revision = obj.save_revision()
            if publish and hasattr(revision, "publish"):
                revision.publish()
        self.stats.created += 1
        self.progress.tick()
        return obj

    # --- Translation through wagtail-localize --------------------------------------------------------

    def translate(self, obj, languages=None):
        """Translate `obj` into each language whose memory covers all its segments, as a translator would.

        A language for which the memory lacks any segment is left untranslated (pages then get an alias,
        i.e. they are shown in German with a notice), never published half-translated.
        """
        languages = self.target_languages if languages is None else languages
        source, _created = TranslationSource.get_or_create_from_instance(obj)
        for language in languages:
            locale = self.locale(language)
            existing = obj.get_translation_or_none(locale)
            if existing is not None and not getattr(existing, "alias_of_id", None):
                continue
            translation, _ = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            po = translation.export_po()
            missing = []
            for entry in po:
                if entry.obsolete:
                    continue
                target = self.memory.get(language, entry.msgid.strip())
                if target is None:
                    missing.append(entry.msgid)
                else:
                    entry.msgstr = target
            if missing:
                self.stats.missing_segments.extend((str(obj), language, msgid) for msgid in missing)
                if language in ("en", "tr", "ar"):
                    logger.warning("demo: %s has %d untranslated segments in %s", obj, len(missing), language)
                translation.delete()
                continue
            translation.import_po(po)
            translation.save_target(publish=True)
            self.stats.translated += 1
            self.progress.tick()

    # --- Media ---------------------------------------------------------------------------------------

    def image(self, title, colours=(), shapes=3, size=(1200, 800), motif=None):
        """A generated picture (no stock photos, no downloads), found by title when it exists: a flat
        illustration of `motif` (home/demo_pictures.py), else an abstract one in `colours` (logos)."""
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            return existing
        seed = zlib.crc32(title.encode())
        if motif:
            picture = demo_pictures.draw(motif, size, seed)
        else:
            picture = self._abstract_picture(colours, shapes, size, seed)
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=80, optimize=True)
        image = Image(title=title, file=ContentFile(buffer.getvalue(), name=f"demo-{seed:x}.jpg"))
        image.save()
        return image

    @staticmethod
    def _abstract_picture(colours, shapes, size, seed):
        picture = PILImage.new("RGB", size, colours[0])
        draw = ImageDraw.Draw(picture)
        width, height = size
        for index in range(shapes):
            angle = (seed >> (index * 3)) % 360
            radius = int(min(size) * (0.25 + 0.1 * index))
            cx = int(width / 2 + math.cos(math.radians(angle)) * width / 4)
            cy = int(height / 2 + math.sin(math.radians(angle)) * height / 4)
            draw.ellipse(
                (cx - radius, cy - radius, cx + radius, cy + radius),
                fill=colours[1 + index % (len(colours) - 1)],
            )
        return picture

    def document(self, title, lines):
        """A small generated PDF (text only) for downloads, found by title when it exists."""
        Document = get_document_model()
        existing = Document.objects.filter(title=title).first()
        if existing is not None:
            return existing
        document = Document(
            title=title, file=ContentFile(_pdf(title, lines), name=f"{_file_slug(title)}.pdf")
        )
        document.save()
        return document

    def is_complete(self):
        """Whether a run finished on this database: then a new run would find everything and change nothing.

        A run ends with the menus (translated into every language), the aliases that make every language's
        page tree as large as the German one, and the search entries. Checked in a few queries, so that
        `make run` starts in seconds the second time; `load_demo_content --full` walks every object.
        """
        languages = set(self.languages)
        menus = set(NavigationMenu.objects.values_list("slot", "locale__language_code"))
        if menus != {(slot, code) for slot in NavigationMenu.Slot.values for code in languages}:
            return False
        pages = dict(
            Page.objects.filter(depth__gt=1)
            .values_list("locale__language_code")
            .annotate(count=models.Count("pk"))
            .values_list("locale__language_code", "count")
        )
        if not pages.get(self.source_language) or any(
            pages.get(code) != pages[self.source_language] for code in languages
        ):
            return False
        return SearchEntry.objects.exists()

    def run(self, loaders):
        """Load every app's content, then derive the search entries, indexes and references once.

        Saving a page or snippet normally recomputes its search entries, indexes it into every search
        backend and updates Wagtail's reference index, each in a task of its own; wagtail-localize saves
        every object again for each translation. While the demo loads, all of that is switched off (it
        cost two thirds of the loading time) and done once at the end, as `update_index` and
        `rebuild_references_index` do after a deploy. Nothing is derived when nothing was created.
        """
        # Deliberately not one transaction: Wagtail's on-commit hooks would then run after all the
        # translations with page objects loaded before them and undo the tree's child counts. Each
        # step commits on its own; an interrupted run is completed by running the command again.
        self.ensure_locales()
        with deferred_indexing(), relaxed_sync():
            for loader in loaders:
                self.progress.step(getattr(loader, "NAME", None) or _loader_name(loader))
                loader.load(self)
            self.progress.step("aliases for untranslated pages")
            self.synchronize_trees()
            self.progress.done()
        if self.stats.created or self.stats.translated or not _search_entries_exist():
            self.progress.message("search entries, search indexes and references")
            rebuild_derived_data()
        return self.stats


class Progress:
    """One line per step with a live count of what was made: loading takes a while on a fresh database.

    On a terminal the step's line is rewritten in place as objects and translations are made; in a log
    (not a terminal) each step gets one line when it ends. Silent without an output stream.
    """

    def __init__(self, stdout, stats, steps=0):
        self.stdout = stdout
        self.stats = stats
        self.steps = steps
        self.number = 0
        self.name = None
        self.started = time.monotonic()
        self.live = stdout is not None and stdout.isatty()
        self._last_draw = 0.0

    def step(self, name):
        self._end_step()
        self.number += 1
        self.name = name
        self._step_started = time.monotonic()
        self._step_counts = (self.stats.created, self.stats.translated)
        self.tick(force=True)

    def _line(self):
        created = self.stats.created - self._step_counts[0]
        translated = self.stats.translated - self._step_counts[1]
        total = f"/{self.steps}" if self.steps else ""
        seconds = time.monotonic() - self._step_started
        return (
            f"  [{self.number}{total}] {self.name}: {created} objects, {translated} translations"
            f" ({seconds:.0f} s)"
        )

    def tick(self, force=False):
        if not self.live or self.name is None:
            return
        now = time.monotonic()
        if force or now - self._last_draw > 0.2:
            self._last_draw = now
            self.stdout.write(f"\r\033[K{self._line()}", ending="")
            self.stdout.flush()

    def _end_step(self):
        if self.stdout is None or self.name is None:
            return
        if self.live:
            self.stdout.write(f"\r\033[K{self._line()}")
        else:
            self.stdout.write(self._line())
        self.name = None

    def done(self):
        self._end_step()

    def message(self, text):
        if self.stdout is not None:
            self.stdout.write(f"  {text} …")


@contextmanager
def deferred_indexing():
    """Saves inside update neither search entries, search indexes nor the reference index.

    The caller rebuilds them afterwards (`rebuild_derived_data`). Deletions still go through, so nothing
    stale is left behind by an object removed meanwhile.
    """
    indexed = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in indexed:
        post_save.disconnect(modelsearch_post_save, sender=model)
    try:
        with search_sync.paused(), disable_reference_index_auto_update():
            yield
    finally:
        for model in indexed:
            post_save.connect(modelsearch_post_save, sender=model)


@contextmanager
def relaxed_sync():
    """On SQLite, commit without waiting for the disk each time (thousands of commits while loading).

    In WAL mode `synchronous=NORMAL` keeps the database consistent; a power cut may lose the last commits,
    which the next run makes again. Other databases are left alone, and so is a load inside a transaction
    (a test's: SQLite refuses to change the setting there, and nothing is written to disk before the end).
    """
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        previous = cursor.execute("PRAGMA synchronous").fetchone()[0]
        cursor.execute("PRAGMA synchronous=NORMAL")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous={int(previous)}")


def rebuild_derived_data():
    """What a deploy runs after loading data: search entries and indexes, then the reference index."""
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)


def _search_entries_exist():
    return SearchEntry.objects.exists()


def _loader_name(loader):
    module = getattr(loader, "__name__", "") or type(loader).__name__
    return module.removesuffix(".demo").replace("_", " ")


def _plain(value):
    """German source values: Text -> its German string, recursively through lists and dicts."""
    if isinstance(value, Text):
        return value.de
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def stream(blocks):
    """Raw StreamField data from (block type, value) pairs whose values may hold Text objects.

    Lists become ListBlock items in Wagtail's current format ({"type": "item", "value": ..., "id": ...});
    wagtail-localize only finds the translatable text inside list items in that format.
    """
    import json
    import uuid

    def raw(value):
        if isinstance(value, list | tuple):
            return [{"type": "item", "value": raw(item), "id": str(uuid.uuid4())} for item in value]
        if isinstance(value, dict) and not isinstance(value, Text):
            return {key: raw(item) for key, item in value.items()}
        return _plain(value)

    return json.dumps(
        [{"type": kind, "value": raw(value), "id": str(uuid.uuid4())} for kind, value in blocks]
    )


def _html_segments(html):
    """Split simple rich text into the block-level pieces wagtail-localize translates one by one."""
    import re

    parts = re.findall(r"<(p|li|h2|h3|h4)[^>]*>(.*?)</\1>", html, flags=re.S)
    return [content.strip() for _tag, content in parts if content.strip()]


def _file_slug(title):
    from django.utils.text import slugify

    return slugify(title.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"))


def _pdf(title, lines):
    """A valid one-page PDF with Helvetica text (Latin-1), built by hand: no PDF library needed."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content_lines = ["BT", "/F1 16 Tf", "56 780 Td", f"({escape(title)}) Tj", "/F1 11 Tf", "0 -28 Td"]
    for line in lines:
        content_lines.append(f"({escape(line)}) Tj")
        content_lines.append("0 -16 Td")
    content_lines.append("ET")
    stream = "\n".join(content_lines).encode("latin-1", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return output.getvalue()
