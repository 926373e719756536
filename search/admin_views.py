"""The admin report "Search terms": what visitors searched for, per language, and what found nothing."""

import datetime

import django_filters
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from . import stats
from .models import SearchTerm

PERIODS = (
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
    ("365", _("Last year")),
)


class SearchTermReportFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"), choices=PERIODS, method="filter_period", empty_label=_("All kept data")
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    without_results = django_filters.BooleanFilter(label=_("Found nothing"), method="filter_without_results")

    class Meta:
        model = SearchTerm
        fields = ["period", "language", "without_results"]

    def filter_period(self, queryset, name, value):
        since = timezone.localdate() - datetime.timedelta(days=int(value) - 1)
        return queryset.filter(day__gte=since)

    def filter_without_results(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(without_results__gt=0) if value else queryset.filter(without_results=0)


class SearchTermReportView(ReportView):
    """Counts per search term and language, most searched first; filterable and exportable."""

    model = SearchTerm
    permission_policy = ModelPermissionPolicy(SearchTerm)
    permission_required = "view"
    page_title = _("Search terms")
    header_icon = "search"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    filterset_class = SearchTermReportFilterSet
    is_searchable = True
    search_fields = ["query"]
    default_ordering = "-searches_total"
    columns = [
        Column("query", label=_("Search term"), sort_key="query"),
        Column("language_name", label=_("Language"), sort_key="language"),
        NumberColumn("searches_total", label=_("Searches"), sort_key="searches_total"),
        NumberColumn("without_results", label=_("Found nothing"), sort_key="without_results"),
        DateColumn("last_day", label=_("Last searched"), sort_key="last_day"),
    ]
    list_export = ["query", "language", "searches_total", "without_results", "last_day"]
    export_headings = {
        "query": _("Search term"),
        "language": _("Language"),
        "searches_total": _("Searches"),
        "without_results": _("Found nothing"),
        "last_day": _("Last searched"),
    }

    def get_queryset(self):
        stats.flush()  # this process's counts of the last second (search.stats) are in the report too
        return (
            SearchTerm.objects.values("query", "language")
            .annotate(
                searches_total=Sum("searches"),
                without_results=Sum("searches_without_results"),
                last_day=Max("day"),
            )
            .order_by("-searches_total", "query")
        )

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        for row in rows:
            try:
                row["language_name"] = translation.get_language_info(row["language"])["name_translated"]
            except KeyError:
                row["language_name"] = row["language"]
        return rows
