"""Wagtail's page and snippet views, telling people what happens next after each approval step.

Wagtail's own views approve without a word on the dashboard and say "updated" after the last
approval in the editor. These subclasses add the outcome (workflow_messages.py): the next
step and who takes it, or that the item is now published. Registered through Wagtail's
viewsets: ``SitePageViewSet`` for every page type (casestudies extends it for its listing),
``SharedContentViewSet``'s views for shared snippets.
"""

from wagtail.admin import messages
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_history import RestrictedHistoryView
from .models import ReusableCallToAction
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

    def add_save_confirmation_message(self):
        # After an approval in the editor Wagtail would say "Page '…' has been updated."
        if self.action_name == "perform_workflow_action":
            if text := after_action(self.page, self.acted_on):
                messages.success(self.request, text)
                return
        super().add_save_confirmation_message()


class SnippetEditView(snippets.EditView):
    def workflow_action_action(self):
        self.acted_on = self.object.current_workflow_task_state
        return super().workflow_action_action()

    def get_success_message(self, instance=None):
        if self.action == "workflow-action" and (text := after_action(self.object, self.acted_on)):
            return text
        return super().get_success_message(instance)


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

    template_name = "core/admin/awaiting_review.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            obj = state["obj"]
            name = "page" if isinstance(obj, Page) else obj._meta.verbose_name
            state["kind"] = f"Change to a live {name}" if obj.live else f"New {name}"
        return context
