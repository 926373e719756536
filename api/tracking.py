"""Recording what the change feed (`/api/v3/changes/`) lists: a `Change` row for every change a visitor
of the API could see, written from model signals in the same transaction as the change.

Why not Wagtail's audit log: it records what editors do in the admin (and `log_action=True` calls), not
a `delete()` or `save()` from code, a management command or a data migration, and a deleted object
leaves no row to point at. A small table of our own, written by the models' own signals, catches every
way in – and keeps the id, type and languages of what is gone (a "tombstone").

What counts (every item type an API endpoint lists: pages of any type, events, examples, resources,
partners, the vocabularies):
- `published`: an item became visible – first published, published again after being withdrawn, its
  page no longer behind a view restriction;
- `changed`: a visible item was saved again (published anew, edited by code, its page moved);
- `withdrawn`: an item stopped being visible – `unpublished`, `deleted`, or made `private` (a view
  restriction on its page or above it). Drafts, saved revisions and other bookkeeping saves are not
  changes a visitor sees and are not recorded.

Languages: each entry lists the languages a visitor sees the item in (`languages`). A page is one
language version each (untranslated pages are aliases of their own). A German original of a snippet
(resource, partner, term) also stands in for every language it has no live translation in, so it is
reported in those too – when it is withdrawn, it is gone in all of them.

`detail_path` is the item's API address at that moment (the feed adds `?lang=` and the host); the
addresses come from the endpoints themselves (`api.main.ENDPOINTS`).
"""

import datetime
import threading

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.urls import reverse
from wagtail.models import DraftStateMixin, Page, PageViewRestriction, TranslatableMixin
from wagtail.signals import post_page_move

from .language import LANGUAGE_CODES
from .models import Change

# Saves with only these fields are bookkeeping (a draft revision, a lock), nothing a visitor sees.
BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
    "approved_go_live_at",
    "search_description",
}
# Detail routes whose parameter is the item's id rather than its slug.
ID_PARAMETERS = {"resources": "resource_id", "partners": "partner_id"}

_local = threading.local()
_types = None


class ItemType:
    def __init__(self, name, url_name, parameter, attribute):
        self.name = name
        self.url_name = url_name
        self.parameter = parameter
        self.attribute = attribute

    def detail_path(self, obj):
        try:
            return reverse(f"api:{self.url_name}", kwargs={self.parameter: getattr(obj, self.attribute)})
        except Exception:  # noqa: BLE001 – a slug the route does not take: no address, still a change
            return ""


PAGES = ItemType("pages", "pages_detail", "page_id", "pk")


def item_types():
    """{model: ItemType} of every item type the API lists, from its endpoints (read once)."""
    global _types
    if _types is None:
        from .listed_pages import ListedPages
        from .main import ENDPOINTS

        found = {}
        for endpoint in ENDPOINTS:
            model = getattr(endpoint, "model", None)
            if model is None:
                continue
            if isinstance(endpoint, ListedPages):
                found[model] = ItemType(endpoint.path, f"{endpoint.name}_detail", "page_id", "pk")
            elif endpoint.path in ID_PARAMETERS:
                found[model] = ItemType(
                    endpoint.path, f"{endpoint.name}_detail", ID_PARAMETERS[endpoint.path], "pk"
                )
            else:
                found[model] = ItemType(endpoint.path, f"{endpoint.name}_detail", "slug", endpoint.lookup)
        _types = found
    return _types


def type_names():
    return sorted({"pages", *(item.name for item in item_types().values())})


def _type_of(model):
    if issubclass(model, Page):
        return item_types().get(model, PAGES)
    return item_types().get(model)


def _visible_languages(obj):
    """The languages a visitor sees `obj` in (see the module's docstring)."""
    if not isinstance(obj, TranslatableMixin):
        return list(LANGUAGE_CODES)
    code = obj.locale.language_code
    if isinstance(obj, Page) or code != settings.LANGUAGE_CODE:
        return [code]
    versions = type(obj)._default_manager.filter(translation_key=obj.translation_key).exclude(pk=obj.pk)
    if isinstance(obj, DraftStateMixin):
        versions = versions.filter(live=True)
    translated = set(versions.values_list("locale__language_code", flat=True))
    return [language for language in LANGUAGE_CODES if language == code or language not in translated]


def record(obj, kind, reason="", item_type=None):
    if item_type is None:
        model = (obj.specific_class or Page) if isinstance(obj, Page) else type(obj)
        item_type = _type_of(model)
    if item_type is None:
        return None
    return Change.objects.create(
        kind=kind,
        reason=reason,
        item_type=item_type.name,
        item_id=obj.pk,
        detail_path="" if kind == Change.Kind.WITHDRAWN else item_type.detail_path(obj),
        locale=obj.locale.language_code if isinstance(obj, TranslatableMixin) else "",
        languages=",{},".format(",".join(_visible_languages(obj))),
    )


def _is_live(obj):
    return obj.live if isinstance(obj, DraftStateMixin) else True


def _is_public(page):
    return not page.get_view_restrictions().exists()


# --- Signals -------------------------------------------------------------------------------------------


# Models that are not translatable but listed (`_tracked` asks the endpoints only about candidates, so
# saves of other models, and migrations' historical models, never load the API).
PLAIN_ITEMS = {"taxonomy.District", "partners.SpokenLanguage"}


def _tracked(sender):
    if issubclass(sender, Page):
        return True
    if not (issubclass(sender, TranslatableMixin) or sender._meta.label in PLAIN_ITEMS):
        return False
    return sender in item_types()


def before_save(sender, instance, raw=False, **kwargs):
    if raw or not _tracked(sender) or instance.pk is None or not isinstance(instance, DraftStateMixin):
        return
    was = sender._default_manager.filter(pk=instance.pk).values_list("live", flat=True).first()
    instance._api_was_live = bool(was)


def after_save(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or not _tracked(sender):
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING:
        return
    was_live = False if created else instance.__dict__.pop("_api_was_live", True)
    now_live = _is_live(instance)
    if isinstance(instance, Page) and (now_live or was_live) and not _is_public(instance):
        return  # behind a view restriction: no visitor of the API sees it either way
    if now_live:
        change = record(instance, Change.Kind.CHANGED if was_live else Change.Kind.PUBLISHED)
        if change is not None:
            _stamp(instance, change.at)
    elif was_live:
        record(instance, Change.Kind.WITHDRAWN, Change.Reason.UNPUBLISHED)


def _stamp(instance, at):
    """`last_published_at` (the items' `meta.last_modified`, what `updated_since` compares) follows every
    change a visitor sees – also a live item created or edited by code, which Wagtail leaves unstamped."""
    if not isinstance(instance, DraftStateMixin | Page):
        return
    current = instance.last_published_at
    if current is None or current < at - datetime.timedelta(seconds=1):
        type(instance)._default_manager.filter(pk=instance.pk).update(last_published_at=at)
        instance.last_published_at = at


def before_delete(sender, instance, **kwargs):
    """Whether a page about to be deleted is live, from the database: Wagtail's own `pre_delete` handler
    unpublishes the instance in memory first (`commit=False`), so `post_delete` sees it as a draft."""
    if sender is Page:
        _deleting()[instance.pk] = Page.objects.filter(pk=instance.pk, live=True).exists()


def after_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        if sender is not Page:
            return  # the same page again, as its specific type: once is enough
        if _deleting().pop(instance.pk, False):
            record(instance, Change.Kind.WITHDRAWN, Change.Reason.DELETED)
    elif _tracked(sender) and _is_live(instance):
        record(instance, Change.Kind.WITHDRAWN, Change.Reason.DELETED)


def _deleting():
    """{page id: was live} of the pages being deleted in this thread."""
    if not hasattr(_local, "deleting"):
        _local.deleting = {}
    return _local.deleting


def _live_subtree(page, *, except_restriction):
    """The live pages at and below `page` not behind any view restriction but `except_restriction`."""
    others = list(
        PageViewRestriction.objects.exclude(pk=except_restriction.pk).values_list("page__path", flat=True)
    )
    pages = Page.objects.filter(path__startswith=page.path, live=True).select_related("locale").specific()
    return [item for item in pages if not any(item.path.startswith(path) for path in others)]


def restriction_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    for page in _live_subtree(instance.page, except_restriction=instance):
        record(page, Change.Kind.WITHDRAWN, Change.Reason.PRIVATE)


def restriction_deleted(sender, instance, **kwargs):
    if instance.page_id in _deleting():
        return  # the page goes with it: its deletion is the change
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    for item in _live_subtree(page, except_restriction=instance):
        record(item, Change.Kind.PUBLISHED)


def moved(sender, instance, **kwargs):
    """A moved page has new web addresses below it too (the page itself was saved: `after_save`)."""
    page = Page.objects.filter(pk=instance.pk).first()
    if page is None or not page.live or not _is_public(page):
        return
    below = Page.objects.filter(path__startswith=page.path, live=True).exclude(pk=page.pk)
    for item in below.select_related("locale").specific():
        record(item, Change.Kind.CHANGED)


def connect():
    pre_save.connect(before_save, dispatch_uid="api.tracking.before_save")
    post_save.connect(after_save, dispatch_uid="api.tracking.after_save")
    pre_delete.connect(before_delete, dispatch_uid="api.tracking.before_delete")
    post_delete.connect(after_delete, dispatch_uid="api.tracking.after_delete")
    post_save.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid="api.tracking.restricted")
    post_delete.connect(
        restriction_deleted, sender=PageViewRestriction, dispatch_uid="api.tracking.unrestricted"
    )
    post_page_move.connect(moved, dispatch_uid="api.tracking.moved")
