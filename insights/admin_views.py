"""The two reports under Reports in the admin: "Page views" for comms (anyone who edits
pages) and "Form responses" for the Membership team (and superusers). Each shows its tables
as bar charts with the figures beside them, and downloads each table as CSV (?export=slug)."""

from django.conf import settings
from django.shortcuts import render
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from staff.names import EDITORS, MEMBERSHIP_TEAM, PUBLISHERS

from . import reports
from .charts import csv_response

PAGE_VIEWS = "insights_page_views"
FORM_RESPONSES = "insights_form_responses"
# The permission the Membership team holds (getinvolved's access policy checks the same).
VIEW_SUBMISSIONS = "getinvolved.view_interestsubmission"


def may_read_page_views(user):
    """Comms: anyone who can add, change or publish pages."""
    return bool(
        user.is_active
        and (
            user.is_superuser
            or PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})
        )
    )


def may_read_form_responses(user):
    return bool(user.is_active and (user.is_superuser or user.has_perm(VIEW_SUBMISSIONS)))


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "insights/report.html"
    header_icon = "table"
    allowed = staticmethod(lambda user: False)
    intro = ""
    filename = ""
    # Who may read the report and whom to ask, for those who may not (in place of Wagtail's
    # "Sorry, you do not have permission to access this area." on the dashboard).
    refusal_reason = ""
    whom_to_ask = ""

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            return self.refusal(request)
        return super().dispatch(request, *args, **kwargs)

    def refusal(self, request):
        """The admin's layout with the reason and whom to ask; 403, nothing shown or sent."""
        context = {
            "page_title": f"You cannot open {self.page_title}",
            "header_title": f"You cannot open {self.page_title}",
            "header_icon": "lock",
            "reason": self.refusal_reason,
            "whom": self.whom_to_ask,
        }
        return render(request, "insights/refused.html", context, status=403)

    def get_breadcrumbs_items(self):
        # As Wagtail's own reports: Home, then this report's name (the visible heading).
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        self.weeks = reports.weeks_from(request.GET.get("weeks"))
        self.tables = self.get_tables(self.weeks)
        wanted = request.GET.get("export")
        for table in self.tables:
            if wanted == table.slug:
                return csv_response(table, f"{self.filename}-{table.slug}-{self.weeks}-weeks")
        return super().get(request, *args, **kwargs)

    def get_tables(self, weeks):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tables=self.tables,
            weeks=self.weeks,
            week_choices=reports.WEEK_CHOICES,
            intro=self.intro,
            **kwargs,
        )


class PageViewsReport(ReportView):
    page_title = "Page views"
    allowed = staticmethod(may_read_page_views)
    filename = "page-views"
    intro = (
        "Counted by the site itself, without cookies: each time a page is opened in a "
        "browser, whether it came from the site's cache or not. Only totals are kept: views "
        "per page and day, and per referring site and day, stored by that site's host name "
        "(such as news.example.org). Nothing about the visitor is stored. A referring site "
        f"is listed only with {settings.INSIGHTS_MIN_REFERRER_VIEWS} or more views in the "
        "weeks shown."
    )
    refusal_reason = "Only people who write or publish pages can see page views."
    whom_to_ask = (
        "Ask someone in communications for the figures, or ask an administrator to add you "
        f"to the “{EDITORS}” or “{PUBLISHERS}” group under Settings → Groups."
    )

    def get_tables(self, weeks):
        return reports.page_view_tables(weeks)


class FormResponsesReport(ReportView):
    page_title = "Form responses"
    allowed = staticmethod(may_read_form_responses)
    filename = "form-responses"
    intro = "How many members sent each interest form, counted from the submissions kept."
    refusal_reason = f"Only the {MEMBERSHIP_TEAM} can see how many members sent each form."
    whom_to_ask = (
        f"Ask someone in the {MEMBERSHIP_TEAM} for the figures. If you should be in that team, "
        f"ask an administrator to add you to the “{MEMBERSHIP_TEAM}” group under Settings → "
        "Groups."
    )

    def get_tables(self, weeks):
        return reports.submission_tables(weeks)
