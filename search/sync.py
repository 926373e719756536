"""Keep the search entries in step with the content, and every search backend in step with the entries.

When a searchable object is saved or deleted (publishing, unpublishing, translating, a changed stock: all
of them save), its *translation group* – the object and its translations, which share a translation key
– is scheduled. After the transaction commits, one background task per content type recomputes the
group's entries for every language (the translation where there is one, the German original otherwise),
writes only what changed, and indexes the changed entries into every backend with AUTO_UPDATE (the
database backend and Elasticsearch). A failing Elasticsearch is logged and reported by /healthz; the
database backend is still written, so search can fall back to it.

Code that changes searchable data without `save()` (queryset `.update()`) calls `schedule_object(obj)`.
"""

import logging
import threading
import uuid
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import post_page_move

from home import page_cache

from . import health
from .backends import search_backends
from .models import SearchEntry, SearchEntryFacet
from .registry import EntryData, adapter_for_kind, adapter_for_model, adapters, batch

logger = logging.getLogger(__name__)

BATCH_SIZE = 250
_state = threading.local()


# --- Scheduling -----------------------------------------------------------------------------------


def schedule(kind, translation_key):
    """Recompute the entries of one translation group once the current transaction has committed."""
    schedule_many(kind, [translation_key])


def schedule_many(kind, translation_keys):
    """Recompute the entries of these translation groups once the current transaction has committed."""
    if getattr(_state, "paused", False):
        return
    pending = getattr(_state, "pending", None)
    if pending is None:
        pending = _state.pending = set()
    pending.update((kind, str(key)) for key in translation_keys)
    # Every call registers the flush; the first to run takes everything pending, later ones find
    # nothing. Keys left by a rolled-back transaction are recomputed with the next commit (harmless).
    transaction.on_commit(_flush)


@contextmanager
def paused():
    """Changes made inside schedule nothing (bulk loading; the caller rebuilds the entries afterwards)."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def schedule_object(obj):
    adapter = adapter_for_model(type(obj))
    key = getattr(obj, "translation_key", None)
    if adapter is not None and key is not None:
        schedule(adapter.kind, key)


def _flush():
    pending = getattr(_state, "pending", None)
    if not pending:
        return
    _state.pending = set()
    by_kind = defaultdict(set)
    for kind, key in pending:
        by_kind[kind].add(key)
    from .tasks import sync_search_entries

    for kind, keys in sorted(by_kind.items()):
        sync_search_entries.enqueue(kind, sorted(keys))


# --- Computing entries ----------------------------------------------------------------------------


@dataclass
class SyncStats:
    created: int = 0
    updated: int = 0
    deleted: int = 0

    def __iadd__(self, other):
        self.created += other.created
        self.updated += other.updated
        self.deleted += other.deleted
        return self


def _languages():
    """locale id -> language code, for the configured languages that have a locale."""
    configured = [code for code, _name in settings.LANGUAGES]
    return dict(Locale.objects.filter(language_code__in=configured).values_list("id", "language_code"))


def sync(kind, keys, index=True):
    """Bring the entries of these translation groups up to date; index what changed unless told not to."""
    keys = [key if isinstance(key, uuid.UUID) else uuid.UUID(str(key)) for key in keys]
    language_of_locale = _languages()
    stats = SyncStats()
    for start in range(0, len(keys), BATCH_SIZE):
        stats += _sync_batch(
            adapter_for_kind(kind), keys[start : start + BATCH_SIZE], language_of_locale, index
        )
    return stats


def _desired_entries(adapter, keys, language_of_locale):
    """(entries the groups should have, keys that belong to another adapter and are left alone)."""
    desired, foreign = {}, set()
    if adapter is None:
        return desired, foreign
    source_locale = next(
        (locale_id for locale_id, code in language_of_locale.items() if code == settings.LANGUAGE_CODE), None
    )
    groups = defaultdict(list)
    for obj in adapter.get_queryset().filter(translation_key__in=keys):
        # A page type with an adapter of its own is that adapter's business, not the generic one's.
        if adapter_for_model(type(obj)) is adapter:
            groups[obj.translation_key].append(obj)
        else:
            foreign.add(obj.translation_key)
    content_types = ContentType.objects.get_for_models(
        *{type(obj) for group in groups.values() for obj in group}
    )
    with batch():
        for key, group in groups.items():
            by_locale = {obj.locale_id: obj for obj in group}
            for locale_id, language in language_of_locale.items():
                obj = by_locale.get(locale_id) or by_locale.get(source_locale)
                if obj is None:
                    continue
                with translation.override(language):
                    content_type_id = content_types[type(obj)].pk
                    data = adapter.build(obj, language, group, language_of_locale, content_type_id)
                if data is not None:
                    desired[(key, language)] = data
    return desired, foreign


def _sync_batch(adapter, keys, language_of_locale, index):
    desired, foreign = _desired_entries(adapter, keys, language_of_locale)
    existing = {
        (entry.translation_key, entry.language): entry
        for entry in SearchEntry.objects.filter(translation_key__in=keys).prefetch_related("facets")
    }
    created, updated = [], []
    for entry_key, data in desired.items():
        entry = existing.pop(entry_key, None)
        if entry is None:
            created.append(SearchEntry(translation_key=entry_key[0], language=entry_key[1]))
            _apply(created[-1], data)
        elif EntryData.of(entry) != data:
            _apply(entry, data)
            updated.append(entry)
    removed = [entry for entry in existing.values() if entry.translation_key not in foreign]
    if not (created or updated or removed):
        return SyncStats()

    with transaction.atomic():
        SearchEntry.objects.bulk_create(created)
        if updated:
            SearchEntry.objects.bulk_update(updated, [*EntryData.FIELDS, "updated_at"])
            SearchEntryFacet.objects.filter(entry__in=updated).delete()
        SearchEntryFacet.objects.bulk_create(
            SearchEntryFacet(entry=entry, name=name, value=value)
            for entry in [*created, *updated]
            for name, value in sorted(entry._facet_values)
        )
        if removed:
            SearchEntry.objects.filter(pk__in=[entry.pk for entry in removed]).delete()
    if index:
        index_entries([entry.pk for entry in [*created, *updated]], removed)
    # bulk_create / bulk_update send no signals: the search pages change now, once the index has it.
    page_cache.invalidate()
    return SyncStats(created=len(created), updated=len(updated), deleted=len(removed))


def _apply(entry, data):
    for name in EntryData.FIELDS:
        setattr(entry, name, getattr(data, name))
    entry.updated_at = timezone.now()
    entry._facet_values = data.facets


def index_entries(entry_ids, removed=()):
    """Write entries into (and remove deleted ones from) every backend that is kept up to date."""
    entries = list(SearchEntry.objects.filter(pk__in=entry_ids).prefetch_related("facets"))
    for name, backend in search_backends(auto_update_only=True):
        try:
            if entries:
                backend.add_bulk(SearchEntry, entries)
            for entry in removed:
                backend.delete(entry)
        except Exception as error:
            if not backend.catch_indexing_errors:
                raise
            health.report_failure(name, error)
            logger.warning(
                "search: %d entries could not be written to the %r backend (%s); run `manage.py "
                "update_index` once it is back",
                len(entries) + len(removed),
                name,
                health.describe(error),
            )


def _all_keys(adapter):
    keys = set(adapter.get_queryset().values_list("translation_key", flat=True))
    keys |= set(SearchEntry.objects.filter(kind=adapter.kind).values_list("translation_key", flat=True))
    return sorted(keys, key=str)


def rebuild_entries(index=False):
    """Recompute every entry of every searchable content type (what `update_index` does first)."""
    stats = SyncStats()
    kinds = []
    for adapter in adapters():
        kinds.append(adapter.kind)
        stats += sync(adapter.kind, _all_keys(adapter), index=index)
    stale = SearchEntry.objects.exclude(kind__in=kinds)
    stats.deleted += stale.count()
    stale.delete()
    return stats


def refresh_entries(kinds=None):
    """Recompute the entries of content types whose entries change with the date alone; index what changed.

    `kinds`: the content types to refresh (default: every adapter with `changes_daily`). Entries that are
    still right are neither written nor indexed, so a daily run costs little.
    """
    stats = SyncStats()
    for adapter in adapters():
        if (adapter.kind in kinds) if kinds else adapter.changes_daily:
            stats += sync(adapter.kind, _all_keys(adapter), index=True)
    return stats


# --- Signals --------------------------------------------------------------------------------------


def _object_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_object(instance)


def _watcher(adapter, related):
    """A signal receiver: an instance of a watched model changed, so the entries it feeds are recomputed."""

    def changed(sender, instance, raw=False, **kwargs):
        if raw:
            return
        try:
            objects = related(instance)
        except ObjectDoesNotExist:  # deleted together with what it pointed at
            return
        if isinstance(objects, models.Model):
            objects = [objects]
        keys = [obj.translation_key for obj in objects or () if obj is not None]
        if keys:
            schedule_many(adapter.kind, keys)

    return changed


def _subtree_changed(page):
    """A moved or (un)restricted page: its URL or visibility changed, and its descendants' with it."""
    pages = Page.objects.descendant_of(page, inclusive=True).values_list("translation_key", "content_type_id")
    for key, content_type_id in pages:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        adapter = adapter_for_model(model) if model is not None else None
        if adapter is not None:
            schedule(adapter.kind, key)


def _page_moved(sender, instance, **kwargs):
    _subtree_changed(instance)


def _restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.page_id:
        _subtree_changed(instance.page)


def connect_signals():
    post_save.connect(_object_changed, dispatch_uid="search-entries-save")
    post_delete.connect(_object_changed, dispatch_uid="search-entries-delete")
    post_page_move.connect(_page_moved, dispatch_uid="search-entries-page-move")
    post_save.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="search-entries-restriction"
    )
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="search-entries-restriction-delete"
    )
    for adapter in adapters():
        for model, related in adapter.watched_models().items():
            receiver = _watcher(adapter, related)
            uid = f"search-entries-{adapter.kind}-{model._meta.label_lower}"
            post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}-save")
            post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}-delete")
