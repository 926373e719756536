"""Translating in the admin: only with the right to change the source, and live only when a person publishes.

wagtail-localize's own views let anyone with `wagtail_localize.submit_translation` translate any page or
snippet (and publish a German copy as Polish in one step). The portal serves these views at the same
addresses (registered before wagtail-localize's, `home/wagtail_hooks.py`) with two differences:

- Submitting or updating a translation needs the right to change the source (for a page: `can_edit`; for
  a snippet: its `change` permission); publishing the updated translations at once needs `publish`.
- With `WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False` a new translation is a draft. A snippet
  draft is simply not live, so visitors get the German original with the notice. A page, though, exists
  in every language as an *alias* of the German page (`LocaleSynchronization`), and wagtail-localize turns
  that alias into an ordinary live page holding the German text – which would then be served as if it
  were Arabic. So a page that was an alias before the translation was submitted stays one until a person
  publishes the translation (`keep_aliases`); its draft lives in the translation editor, which
  `translation_editor_for_alias` opens instead of Wagtail's "this page is an alias" screen.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation, submit_translations, update_translations


def can_change(user, instance):
    """May `user` change `instance` (a page or a snippet) in the admin?"""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return ModelPermissionPolicy(type(instance)).user_has_permission(user, "change")


def can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return ModelPermissionPolicy(type(instance)).user_has_permission(user, "publish")


def aliases_below(page):
    """{alias page id: source page id} of the aliases of `page` and of the pages below it (a subtree may
    be translated together with its root)."""
    return dict(
        Page.objects.filter(
            alias_of__path__startswith=page.path, alias_of__depth__gte=page.depth
        ).values_list("pk", "alias_of_id")
    )


def keep_aliases(aliases):
    """Make the pages that were aliases aliases again (wagtail-localize converted them into drafts).

    The converted page holds the German text anyway; as an alias it is shown as German, with the notice,
    and kept in step when the German page changes. Publishing the translation converts it for good.
    """
    converted = Page.objects.filter(pk__in=aliases, alias_of__isnull=True).values_list("pk", flat=True)
    for pk in converted:
        Page.objects.filter(pk=pk).update(alias_of_id=aliases[pk])


class ChangePermissionRequired:
    """Mixin for wagtail-localize's submit views: the object's change permission, on top of theirs."""

    def dispatch(self, request, *args, **kwargs):
        if not can_change(request.user, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SubmitPageTranslationView(ChangePermissionRequired, submit_translations.SubmitPageTranslationView):
    def form_valid(self, form):
        aliases = aliases_below(self.object)
        response = super().form_valid(form)
        keep_aliases(aliases)
        return response


class SubmitSnippetTranslationView(
    ChangePermissionRequired, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """ "Sync translations": change permission on the source; "publish immediately" needs publish too."""

    def dispatch(self, request, *args, **kwargs):
        source = self.get_object().get_source_instance()
        if not can_change(request.user, source):
            raise PermissionDenied
        if (
            request.method == "POST"
            and request.POST.get("publish_translations")
            and not can_publish(request.user, source)
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def translation_editor_for_alias(request, page):
    """`before_edit_page`: an alias whose translation has been submitted opens in the translation editor."""
    if not page.alias_of_id:
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )
    if translation is None or translation.source.locale_id == page.locale_id:
        return None
    return edit_translation.edit_translation(request, translation, page)
