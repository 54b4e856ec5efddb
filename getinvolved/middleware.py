from django.core.exceptions import PermissionDenied

from .wagtail_hooks import can_view_submissions

# The admin views that show members' answers, by URL name.
SUBMISSION_VIEWS = {
    "wagtailforms:list_submissions",
    "wagtailforms:list_submissions_results",
    "wagtailforms:delete_submissions",
    "getinvolved_forms_index",
    "getinvolved_forms_index_results",
    "getinvolved_interestsubmission_modeladmin_index",
    "getinvolved_interestsubmission_modeladmin_inspect",
}


class SubmissionsAccessMiddleware:
    """Answer 403 Forbidden to signed-in staff outside the Membership team on any URL that
    shows submissions.

    The filter_form_submissions_for_user hook already hides every submission from them, but
    Wagtail's admin turns a refusal into a redirect to the dashboard; a plain 403 makes the
    refusal unambiguous to people, scripts and tests. Signed-out visitors are left to the
    admin's own redirect to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in SUBMISSION_VIEWS:
            return None
        if request.user.is_authenticated and not can_view_submissions(request.user):
            raise PermissionDenied
        return None
