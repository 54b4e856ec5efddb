"""The admin views the Membership team reads submissions in. Each checks the access policy
itself (access.py); none of them imports the models."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.contrib.forms.views import (
    DeleteSubmissionsView,
    FormPagesListView,
    SubmissionsListView,
)
from wagtail_modeladmin import views as modeladmin_views
from wagtail_modeladmin.helpers import DjangoORMSearchHandler

from . import answers, audit
from .access import SubmissionsAccessMixin
from .ids import valid_id
from .listing import AuditedExportIndexView

# URL names of the team's forms index (see wagtail_hooks.register_forms_index).
FORMS_INDEX = "getinvolved_forms_index"
FORMS_INDEX_RESULTS = "getinvolved_forms_index_results"

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google
# Sheets when a CSV is opened ("=HYPERLINK(...)", "+cmd|...", "@SUM(...)"), even after
# leading spaces. Tab and carriage return start formulas in some programs too.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Make a text cell inert in any spreadsheet program: prefix a quote to anything that
    would start a formula, and drop control characters that XLSX files cannot hold (openpyxl
    refuses them, which would make the whole export fail)."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.lstrip(" ").startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeSubmissionsListView(SubmissionsAccessMixin, SubmissionsListView):
    """Wagtail's listing of one form's submissions with its CSV and XLSX export, made safe to
    open, and refused outright to anyone outside the access policy. Interest form pages return
    it from ``get_submissions_list_view_class``, so Wagtail's own listing URLs serve it.

    Wagtail 8 neutralises formulas only in XLSX and only those starting with "=" (it stores
    them as text); its CSV export writes what members typed as it is. Every value of every
    export goes through preprocess_field_value, so fixing it there covers both formats."""

    forms_index_url_name = FORMS_INDEX  # the breadcrumb back to the forms the team can open

    def preprocess_field_value(self, field, value, export_format):
        # UK local times to the second and blanks for unanswered questions first (Wagtail
        # writes "None" and UTC times with microseconds), then made safe.
        value = answers.export_value(value, export_format)
        return spreadsheet_safe(super().preprocess_field_value(field, value, export_format))

    def get_context_data(self, **kwargs):
        # The listing reads as the CSV does: blanks, not "None", for questions added since.
        context = super().get_context_data(**kwargs)
        for row in context.get("data_rows", []):
            row["fields"] = [answers.export_value(value, "csv") for value in row["fields"]]
        return context

    def stream_csv(self, queryset):
        # A byte order mark first: without it Excel reads the UTF-8 as Windows-1252 and
        # garbles every accent ("Ã‰cole").
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def get_heading(self, queryset, field):
        # Headings are editors' field labels: safe to open whatever an editor typed, too.
        return spreadsheet_safe(super().get_heading(queryset, field))

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # Every download of members' answers is recorded: who, which form, how many rows.
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        audit.log_export(self.request, self.form_page, len(queryset), spreadsheet_format)
        return response


class MembershipFormsIndexView(SubmissionsAccessMixin, FormPagesListView):
    """The forms index the Forms menu item opens: Wagtail's own, at a URL of its own, opened
    by the access policy instead of page rights.

    Wagtail's index (at forms/, still there) requires some permission on pages, which the
    Membership team must not have; which forms it lists still comes from Wagtail's
    get_forms_for_user() and so from the policy's hook."""

    any_permission_required = None
    index_url_name = FORMS_INDEX
    index_results_url_name = FORMS_INDEX_RESULTS


# The "Interest submissions" modeladmin's views (wagtail_hooks.InterestSubmissionAdmin): the
# policy's refusal page first, then modeladmin's own permission checks (nobody adds or edits).
# The listing filters only by its declared filters and logs its exports (listing.py).
class SubmissionsIndexView(SubmissionsAccessMixin, AuditedExportIndexView):
    pass


class BadSelection(Exception):
    pass


class CheckedDeleteSubmissionsView(DeleteSubmissionsView):
    """Wagtail's deleting of a form's submissions (wagtail_hooks serves it at Wagtail's own
    URL) that first checks the ``selected-submissions`` ids: anything but ids (ids.py) sends
    the person back to the form's submissions with a message, where Wagtail gave a 500.
    Wagtail's own checks (who may delete) still come first."""

    def get_queryset(self):
        submission_class = self.page.get_submission_class()
        selected = self.request.GET.getlist("selected-submissions")
        if not all(valid_id(value, submission_class) for value in selected):
            raise BadSelection
        return super().get_queryset()

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except BadSelection:
            messages.error(
                request,
                "Those submissions could not be found, so nothing was deleted. "
                "Select the submissions to delete again.",
            )
            return redirect(reverse("wagtailforms:list_submissions", args=(self.page.id,)))


class ValidIdMixin:
    """For the modeladmin's views of one submission: an address whose id is not one (ids.py)
    is a 404, as an id of no submission is; modeladmin looked it up as it was (a 500)."""

    def __init__(self, model_admin, instance_pk):
        if not valid_id(unquote(instance_pk), model_admin.model):
            raise Http404("No such submission.")
        super().__init__(model_admin, instance_pk)


class SubmissionInspectView(SubmissionsAccessMixin, ValidIdMixin, modeladmin_views.InspectView):
    """One submission as the team reads it: the form and when, then each question in the
    form's own wording beside the member's answer, then the consent record."""

    def get_fields_dict(self):
        submission = self.instance
        fields = [
            {"label": "Form", "value": submission.page.title},
            {"label": "Submission date", "value": answers.uk_time_text(submission.submit_time)},
        ]
        fields += [
            {"label": question, "value": answer or "Not answered"}
            for question, answer in answers.answer_rows(submission)
        ]
        fields += [
            {"label": "Consent given at", "value": answers.uk_time_text(submission.consented_at)},
            {
                "label": "Privacy notice agreed to",
                "value": answers.notice_label(submission.consent_notice) or "Not recorded",
            },
        ]
        return fields


class FoldedSearchHandler(DjangoORMSearchHandler):
    """Search that ignores accents and case: the term is folded like the stored
    ``search_text`` (answers.fold), on any database."""

    def search_queryset(self, queryset, search_term, **kwargs):
        return super().search_queryset(queryset, answers.fold(search_term), **kwargs)


class SubmissionCreateView(SubmissionsAccessMixin, modeladmin_views.CreateView):
    pass


class SubmissionEditView(SubmissionsAccessMixin, ValidIdMixin, modeladmin_views.EditView):
    pass


class SubmissionDeleteView(SubmissionsAccessMixin, ValidIdMixin, modeladmin_views.DeleteView):
    pass
