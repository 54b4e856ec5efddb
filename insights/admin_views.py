"""The two reports under Reports in the admin: "Page views" for comms (anyone who edits
pages) and "Form responses" for the Membership team (and superusers). Each shows its tables
as bar charts with the figures beside them, and downloads each table as CSV (?export=slug)."""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

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

    def dispatch(self, request, *args, **kwargs):
        # Wagtail answers PermissionDenied in the admin: back to the dashboard, with a
        # "no permission" message.
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

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
        "browser, whether it came from the site's cache or not. Only the total per page and "
        "day is kept, and the name of the site a visitor came from."
    )

    def get_tables(self, weeks):
        return reports.page_view_tables(weeks)


class FormResponsesReport(ReportView):
    page_title = "Form responses"
    allowed = staticmethod(may_read_form_responses)
    filename = "form-responses"
    intro = "How many members sent each interest form, counted from the submissions kept."

    def get_tables(self, weeks):
        return reports.submission_tables(weeks)
