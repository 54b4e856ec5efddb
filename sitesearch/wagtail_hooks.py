"""Reports → Searches that found nothing: the daily counts (models.py), for every member of
staff who can use the admin: they hold no personal data. Only wordings searched at least
twice a day are listed (REPORTED_FROM_HITS). Promoted results are Wagtail's own
(Settings → Promoted search results); setup_groups gives Editors and Publishers that right."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from .models import UnansweredSearch

# The report lists a wording only once it was searched at least twice that day. Each client
# may add only a few new wordings a day (counting.py), and most made-up text is typed once:
# this keeps one-off spam (and one-off typos) out of what editors read. Counting distinct
# clients instead would mean storing something about each, which the count avoids.
REPORTED_FROM_HITS = 2


class UnansweredSearchesReport(ReportView):
    page_title = "Searches that found nothing"
    header_icon = "search"
    index_url_name = "sitesearch_unanswered"
    index_results_url_name = "sitesearch_unanswered_results"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-date"
    columns = [
        Column("query_string", label="Searched for", sort_key="query_string"),
        DateColumn("date", label="Day", sort_key="date"),
        NumberColumn("hits", label="Searches", sort_key="hits"),
    ]
    list_export = ["query_string", "date", "hits"]
    export_headings = {"query_string": "Searched for", "date": "Day", "hits": "Searches"}

    def get_base_queryset(self):
        reported = UnansweredSearch.objects.filter(hits__gte=REPORTED_FROM_HITS)
        return reported.order_by("-date", "-hits", "query_string")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/searches-that-found-nothing/",
            UnansweredSearchesReport.as_view(),
            name="sitesearch_unanswered",
        ),
        path(
            "reports/searches-that-found-nothing/results/",
            UnansweredSearchesReport.as_view(results_only=True),
            name="sitesearch_unanswered_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_menu_item():
    return MenuItem(
        "Searches that found nothing",
        reverse("sitesearch_unanswered"),
        name="searches-that-found-nothing",
        icon_name="search",
        order=1310,
    )
