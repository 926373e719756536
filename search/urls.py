"""Public search URLs, inside the language prefix; the path is translated: /de/suche/, /en/search/, ..."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    # Translators: part of the search page's address; lower case ASCII letters, ending with "/".
    path(_("search/"), views.search, name="search"),
    # Translators: address of the search suggestions; begins with the translation of "search/".
    path(_("search/suggestions/"), views.suggestions, name="search_suggestions"),
]
