"""The insights app in the admin: its two reports in the Reports menu, shown to those who may
read them; and the privacy notice's statement about the page-view counter."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import (
    FORM_RESPONSES,
    PAGE_VIEWS,
    FormResponsesReport,
    PageViewsReport,
    may_read_form_responses,
    may_read_page_views,
)
from .privacy import counter_statement


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("insights/page-views/", PageViewsReport.as_view(), name=PAGE_VIEWS),
        path("insights/form-responses/", FormResponsesReport.as_view(), name=FORM_RESPONSES),
    ]


class ReportMenuItem(MenuItem):
    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_reports_menu_item")
def register_page_views_menu_item():
    return ReportMenuItem(
        "Page views",
        reverse(PAGE_VIEWS),
        name="page-views",
        icon_name="view",
        order=900,
        allowed=may_read_page_views,
    )


@hooks.register("register_reports_menu_item")
def register_form_responses_menu_item():
    return ReportMenuItem(
        "Form responses",
        reverse(FORM_RESPONSES),
        name="form-responses",
        icon_name="form",
        order=910,
        allowed=may_read_form_responses,
    )


# The privacy notice (getinvolved/privacy.py) adds the sections this hook returns: it cannot
# import this app, and needs no change when the counter's wording does.
hooks.register("privacy_notice_sections", counter_statement)
