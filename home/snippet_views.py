"""The admin views of translatable snippets (resources, partners, the vocabulary, menus): listings German
first, with a language and a status column and a search box that works on every database and engine; and a
"Translate" action in the edit view's header."""

from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn, LocaleColumn
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import EditView, IndexView
from wagtail.snippets.widgets import AdminSnippetChooser


def language_and_status():
    """The columns an editor needs in a listing that mixes six languages and drafts."""
    return [LocaleColumn(label=_("Language")), LiveStatusTagColumn(label=_("Status"))]


class SourceLanguageFirstIndexView(IndexView):
    """A snippet listing that shows the German entries until the editor chooses another language (or
    "all"): the same entry in six languages in one list is hard to find one's way in."""

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "locale" not in self.request.GET:
            data = kwargs["data"].copy()
            data["locale"] = settings.LANGUAGE_CODE
            kwargs["data"] = data
        return kwargs


class TranslateActionEditView(EditView):
    """The edit view with "Translate" among the header's actions, for those who may translate this entry
    (submit permission and the right to change it, as home/localize.py checks again)."""

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        user = self.request.user
        if user.has_perm(
            "wagtail_localize.submit_translation"
        ) and self.permission_policy.user_has_permission(user, "change"):
            meta = self.object._meta
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, self.object.pk],
            )
            buttons.append(Button(_("Translate"), url=url, icon_name="globe", priority=40))
        return buttons

    def run_before_hook(self):
        """A translation waiting for review opens in Wagtail's own editor, not wagtail-localize's.

        There the moderator sees the submitted text and the workflow's actions (approve, request changes);
        wagtail-localize's editor cannot show a snippet in a workflow (its status panel lacks the views'
        addresses and fails). See home/localize.py, `submit_translation_for_review`.
        """
        if (
            getattr(self.object, "workflow_in_progress", False)
            and self.object.locale_id != Locale.get_default().pk
        ):
            return None
        return super().run_before_hook()


def _named(text, model):
    """`text` % the model's name, translated when it is shown (not when the form class is built)."""
    return lazy(lambda: gettext(text) % {"object": model._meta.verbose_name}, str)()


class AdminLanguageSnippetChooser(AdminSnippetChooser):
    """The chooser widget in a form (e.g. the resource category) with its button texts in the admin user's
    language: Wagtail formats them once, when the form class is built, in the server's language."""

    def __init__(self, model=None, **kwargs):
        super().__init__(model=model, **kwargs)
        self.choose_one_text = _named(gettext_noop("Choose %(object)s"), self.model)
        self.choose_another_text = _named(gettext_noop("Choose another %(object)s"), self.model)
        self.link_to_chosen_text = _named(gettext_noop("Edit this %(object)s"), self.model)


class AdminLanguageChooserViewSet(SnippetChooserViewSet):
    """The chooser of a snippet (e.g. the resource category in the resource form) in the admin user's
    language: Wagtail sets these three texts with `gettext` when its module is imported, so they stay in
    the server's default language (German) whatever language the person chose ("Auswählen resource
    category" in the English admin). Lazy, they follow the person's language."""

    choose_one_text = _("Choose")
    choose_another_text = _("Choose another")
    edit_item_text = _("Edit")
    base_widget_class = AdminLanguageSnippetChooser


class TranslatedSnippetListing:
    """Mixin for the viewsets of translatable snippets: German first (`SourceLanguageFirstIndexView`), a
    "Translate" action in the edit view (`TranslateActionEditView`), the chooser in the admin's language
    (`AdminLanguageChooserViewSet`), and the search box asks the database, not the index.

    With a search backend Wagtail passes the viewset's `search_fields` to the index, which SQLite's FTS5
    table does not have as columns (500 "no such column: summary"), and Elasticsearch cannot combine with
    the listing's filters on relations and annotations (category, districts, availability). Editors look
    for an entry by (part of) its name in a few hundred rows: `icontains` on `search_fields` finds it on
    every database and engine, and keeps the filters and ordering as they are.
    """

    search_backend_name = None
    index_view_class = SourceLanguageFirstIndexView
    edit_view_class = TranslateActionEditView
    chooser_viewset_class = AdminLanguageChooserViewSet
