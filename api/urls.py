"""/api/: the API (api.main), and problem JSON for any other address below it."""

from django.urls import path, re_path

from . import views
from .main import api

urlpatterns = [
    path("v3/", api.urls),
    re_path(r"^", views.not_found),
]
