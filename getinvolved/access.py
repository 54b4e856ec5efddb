"""Who may read members' submissions in the admin: the one policy, and its adapters for each
kind of view that shows submissions.

The policy: active superusers, and anyone holding the "view interest submission" permission
(`manage.py setup_groups` gives it to the Membership team and to nobody else). Wagtail would
let anyone who can edit a form page read its submissions; Editors build the forms but must
not read members' answers, so access follows the permission instead.

Every view enforces it itself:
- Wagtail's own forms views (index, each form's listing and export, deleting submissions) ask
  Wagtail's ``filter_form_submissions_for_user`` hook, answered here by
  ``forms_user_may_read`` (registered in wagtail_hooks.py);
- the app's own views (views.py) use ``SubmissionsAccessMixin``;
- the "Interest submissions" modeladmin uses ``SubmissionPermissionHelper``, and its views
  the mixin too (views.py), so that they refuse with the same page.
The app's views and the modeladmin's answer a refusal with refusals.py's page: 403, in the
admin's layout, saying why and whom to ask. Wagtail's own views that refuse (deleting
submissions) raise PermissionDenied, which Wagtail answers by sending the person back to the
dashboard with "Sorry, you do not have permission to access this area.". Signed-out visitors
are sent to the login page before any view runs.
"""

from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page
from wagtail_modeladmin.helpers import PermissionHelper

VIEW_SUBMISSIONS = "getinvolved.view_interestsubmission"


def can_view_submissions(user):
    """The policy: whether ``user`` may list, export and delete members' submissions."""
    return bool(user.is_active and (user.is_superuser or user.has_perm(VIEW_SUBMISSIONS)))


def forms_user_may_read(user, editable_forms):
    """Wagtail's ``filter_form_submissions_for_user`` hook: the form pages whose submissions
    ``user`` may read. Wagtail starts from the forms the user can edit; the policy replaces
    that: nothing for people outside it, every form for those inside it (the Membership team
    edits no pages)."""
    if not can_view_submissions(user):
        return editable_forms.none()
    return Page.objects.filter(content_type__in=get_form_types())


class SubmissionsAccessMixin:
    """For class-based admin views that show submissions: refuse anyone outside the policy
    before the view does anything else, with the page that says why."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_submissions(request.user):
            # Imported here: this module is imported while models load, the admin's views
            # only once they have.
            from .refusals import refusal

            return refusal(request)
        return super().dispatch(request, *args, **kwargs)


class SubmissionPermissionHelper(PermissionHelper):
    """The policy for the "Interest submissions" modeladmin. Read-only: the team lists and
    inspects submissions there; nobody adds or edits answers, and deleting happens in each
    form's own listing."""

    def user_can_list(self, user):
        return can_view_submissions(user)

    def user_can_inspect_obj(self, user, obj):
        return can_view_submissions(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False
