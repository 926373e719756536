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

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.signals import page_published
from wagtail_localize.models import MissingRelatedObjectError, MissingTranslationError, Translation
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


def review_state(user, translation, instance):
    """What the translation editor offers `user` for review: None, or a dict for the template."""
    if not isinstance(instance, Page) and not hasattr(instance, "get_workflow"):
        return None
    workflow = instance.get_workflow()
    if workflow is None or not workflow.active or not can_change(user, instance):
        return None
    return {
        "url": reverse("portal_submit_translation_for_review", args=[translation.pk]),
        "waiting": instance.workflow_in_progress,
        "can_publish": can_publish(user, instance),
    }


@require_POST
def submit_translation_for_review(request, translation_id):
    """The translation editor's "Submit for review": the translated content as a draft revision of the
    translation, in the moderation workflow; nothing visitors see changes until a moderator approves.

    wagtail-localize can only publish (or save a draft that takes a live translation offline, or turns a
    page's alias into a live page holding German), so the draft is made from its ephemeral translated
    instance: only the revision and the "latest revision" columns are written, the live row stays as it is.
    Approving publishes that revision (an alias becomes the translated page then). Every text must be
    translated first: a reviewer must not approve German text as Arabic.
    """
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    instance = translation.get_target_instance()
    state = review_state(request.user, translation, instance)
    if state is None or not translation.enabled:
        raise PermissionDenied
    back = request.POST.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
        back = reverse("wagtailadmin_home")
    language = translation.target_locale.get_display_name()
    if state["waiting"]:
        messages.warning(
            request,
            _("'%(title)s' in %(language)s is waiting for review already.")
            % {"title": instance, "language": language},
        )
        return redirect(back)
    missing = (
        translation.source.stringsegment_set.annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .count()
    )
    if missing:
        messages.error(
            request,
            ngettext(
                "One text of '%(title)s' is not translated into %(language)s yet. Translate it, then submit.",
                "%(count)d texts of '%(title)s' are not translated into %(language)s yet. Translate them, then submit.",
                missing,
            )
            % {"count": missing, "title": instance, "language": language},
        )
        return redirect(back)
    try:
        draft = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=False
        )
    except (MissingTranslationError, MissingRelatedObjectError):
        messages.error(
            request,
            _(
                "'%(title)s' links to an entry that has no %(language)s version yet. Translate that entry first."
            )
            % {"title": instance, "language": language},
        )
        return redirect(back)
    if isinstance(draft, Page):
        draft.alias_of_id = None  # in the revision only: publishing it makes the page a page of its own
    try:
        with transaction.atomic():
            draft.save_revision(user=request.user, log_action=True)
            draft.get_workflow().start(draft, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("'%(title)s' in %(language)s cannot be submitted: %(errors)s")
            % {"title": instance, "language": language, "errors": "; ".join(error.messages)},
        )
        return redirect(back)
    messages.success(
        request,
        _("'%(title)s' in %(language)s was submitted for review. It goes live when a moderator approves it.")
        % {"title": draft, "language": language},
    )
    return redirect(back)


def alias_becomes_its_translation(sender, instance, revision=None, alias=False, **kwargs):
    """`page_published`: an approved translation of a page that is still the German page's alias stops
    being one (Wagtail keeps `alias_of` when it publishes a revision; the revision made by
    `submit_translation_for_review` says the page is no alias any more). Aliases updated because the German
    page was published (`alias=True`) are left alone."""
    if alias or revision is None or not instance.alias_of_id or str(revision.object_id) != str(instance.pk):
        return
    if revision.content.get("alias_of") is None:
        Page.objects.filter(pk=instance.pk).update(alias_of_id=None)
        instance.alias_of_id = None


def connect():
    page_published.connect(alias_becomes_its_translation, dispatch_uid="portal_alias_becomes_its_translation")
