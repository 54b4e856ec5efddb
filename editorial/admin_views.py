"""Wagtail's page and snippet views, telling people what happens next after each approval step.

Wagtail's own views approve without a word on the dashboard and say "updated" after the last
approval in the editor. These subclasses add the outcome (workflow_messages.py): the next
step and who takes it, or that the item is now published. Registered through Wagtail's
viewsets: ``SitePageViewSet`` for every page type (casestudies extends it for its listing),
``SharedContentViewSet``'s views for shared snippets.
"""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import ReusableCallToAction

from .admin_history import RestrictedHistoryView
from .drafts import offer_discard
from .workflow_messages import after_action


class OutcomeMessageMixin:
    """For Wagtail's workflow action views (the dashboard's Approve, Request changes…)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if text := after_action(self.object, self.task_state):
            messages.success(request, text)
        return response


class PageWorkflowActionView(OutcomeMessageMixin, WorkflowActionView):
    pass


class SnippetWorkflowActionView(OutcomeMessageMixin, snippets.WorkflowActionView):
    pass


class PageEditView(EditView):
    def perform_workflow_action(self):
        self.acted_on = self.page.current_workflow_task_state
        return super().perform_workflow_action()

    def redirect_away(self):
        # Wagtail goes back to the page's parent in the page listing (or to ``next``): a
        # Reviewer, who may open a page only while it waits for them, would land on "Sorry,
        # you do not have permission to access this area". They go back to their dashboard.
        if self.action_name == "perform_workflow_action" and not has_page_rights(self.request):
            return redirect("wagtailadmin_home")
        return super().redirect_away()

    def get(self, request, *args, **kwargs):
        if note := changes_requested(self.page):
            messages.warning(request, note)
        offer_discard(request, self.page)
        return super().get(request, *args, **kwargs)

    def add_save_confirmation_message(self):
        # After an approval in the editor Wagtail would say "Page '…' has been updated."
        if self.action_name == "perform_workflow_action":
            if text := after_action(self.page, self.acted_on):
                messages.success(self.request, text)
                return
        # Wagtail says "Page '…' has been updated." even for a new page's first draft.
        if self.action_name == "save" and not self.is_reverting:
            messages.success(self.request, saved_as_draft(self.page))
            return
        super().add_save_confirmation_message()


def saved_as_draft(page):
    if page.live:
        return f"“{page.title}” is saved as a draft. Visitors still see the live page."
    return f"“{page.title}” is saved as a draft. Visitors do not see it yet."


def has_page_rights(request):
    """Whether the user may open the page listings (Editors, Publishers), unlike Reviewers."""
    return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change"])


def changes_requested(obj):
    """The reviewer's request for changes, with their name and comment, while ``obj`` waits
    for its author to change it ("" otherwise). Wagtail keeps it three clicks deep."""
    state = getattr(obj, "current_workflow_state", None)
    task_state = state.current_task_state if state else None
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return ""
    by = task_state.finished_by
    name = (by.get_full_name() or by.get_username()) if by else "A reviewer"
    comment = task_state.get_comment()
    said = f": “{comment}”" if comment else " (without a comment)"
    return f"{name} asked for changes at {task_state.task.name}{said}"


class SnippetEditView(snippets.EditView):
    def workflow_action_action(self):
        self.acted_on = self.object.current_workflow_task_state
        return super().workflow_action_action()

    def get_success_message(self, instance=None):
        if self.action == "workflow-action" and (text := after_action(self.object, self.acted_on)):
            return text
        return super().get_success_message(instance)

    def get_success_url(self):
        # As for pages: approvers without rights on the snippet go back to their dashboard.
        if self.action == "workflow-action" and not self.permission_policy.user_has_permission(
            self.request.user, "view"
        ):
            return reverse("wagtailadmin_home")
        return super().get_success_url()

    def get(self, request, *args, **kwargs):
        if note := changes_requested(self.object):
            messages.warning(request, note)
        return super().get(request, *args, **kwargs)


class SitePageViewSet(PageViewSet):
    """The views of every page type (Wagtail routes each page's URLs to its type's viewset)."""

    name = "site_pages"
    edit_view_class = PageEditView
    history_view_class = RestrictedHistoryView
    workflow_action_view_class = PageWorkflowActionView


class SharedCallToActionViewSet(SnippetViewSet):
    """Snippets → Shared calls to action: drafts, preview, history and approval."""

    model = ReusableCallToAction
    icon = "pick"
    list_display = ["name", "heading", UpdatedAtColumn(), LiveStatusTagColumn()]
    search_fields = ["name", "heading", "text"]
    edit_view_class = SnippetEditView
    workflow_action_view_class = SnippetWorkflowActionView


class ReviewPanel(WorkflowObjectsToModeratePanel):
    """The dashboard's "Awaiting your review", saying for each item whether it is new or a
    change to something visitors see now."""

    template_name = "editorial/awaiting_review.html"
    order = 10  # first, above the guide: what waits for Reviewers and Publishers

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            obj = state["obj"]
            name = "page" if isinstance(obj, Page) else obj._meta.verbose_name
            state["kind"] = f"Change to a live {name}" if obj.live else f"New {name}"
        return context


class YourItemsInReviewPanel(UserObjectsInWorkflowModerationPanel):
    """The dashboard's "Your pages and snippets in a workflow", with the reviewer's name and
    comment on each item sent back for changes."""

    template_name = "editorial/your_items_in_review.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["workflow_states"] = [
            (state, changes_requested(state.content_object)) for state in context["workflow_states"]
        ]
        return context
