"""The page the admin shows someone the access policy (access.py) refuses: in the admin's own
layout, with the reason, whom to ask and the way back, instead of Wagtail's bare redirect to
the dashboard with "Sorry, you do not have permission to access this area."."""

from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from staff.names import MEMBERSHIP_TEAM

REASON = (
    f"Only the {MEMBERSHIP_TEAM} can read members' answers to the forms: they hold people's "
    "names, email addresses and schools."
)
WHOM_TO_ASK = (
    f"If your work needs an answer, ask someone in the {MEMBERSHIP_TEAM}. If you should be in "
    f"that team, ask an administrator to add you to the “{MEMBERSHIP_TEAM}” group under "
    "Settings → Groups."
)


class SubmissionsRefusedView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "getinvolved/admin/refused.html"
    page_title = "You cannot open form submissions"
    header_icon = "lock"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "reason": REASON, "whom": WHOM_TO_ASK}

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)


refused_view = SubmissionsRefusedView.as_view()


def refusal(request):
    """The refusal page, with 403 Forbidden: whatever was asked (a listing, an export, a
    deletion) is not done."""
    response = refused_view(request)
    response.status_code = 403
    return response
