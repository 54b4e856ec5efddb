"""What editors and approvers are told at each step of the approval workflow, for pages and
shared snippets alike: where the item is now, who acts next, and whether visitors see it.

Wagtail says "submitted for moderation" and, after the last approval in the editor, "updated";
after an approval on the dashboard it says nothing. The admin views and hooks that call these
functions (admin_views.py, wagtail_hooks.py) put the answer in a banner.
"""

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from wagtail.admin.utils import get_latest_str
from wagtail.models import TaskState, WorkflowState


def approvers(task):
    """Who approves ``task``: its groups' names, e.g. "Publishers"."""
    groups = getattr(task.specific, "groups", None)
    names = [group.name for group in groups.all()] if groups is not None else []
    return " or ".join(names) or "an administrator"


def step(task):
    return format_html("{} (by {})", task.name, approvers(task))


def steps_after(workflow_state):
    """The workflow's tasks still to be approved, in order, from the current one on."""
    tasks = list(workflow_state.workflow.tasks)
    current = workflow_state.current_task_state
    if current is None:
        return []
    ids = [task.pk for task in tasks]
    start = ids.index(current.task_id) if current.task_id in ids else 0
    return tasks[start:]


def noun(obj):
    return "page" if hasattr(obj, "get_url_parts") else str(obj._meta.verbose_name)


def after_submitting(obj):
    """Said to the editor who has just sent ``obj`` for approval."""
    # Fetched again: the editor's copy holds the workflow states from before it started.
    obj = type(obj)._default_manager.get(pk=obj.pk)
    state = obj.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return ""
    pending = steps_after(state)
    if not pending:
        return ""
    then = format_html_join("", ", then {}", ((step(task),) for task in pending[1:]))
    return format_html(
        "Next for “{}”: {}{}. Visitors see the {} only after the last step is approved.",
        get_latest_str(obj),
        step(pending[0]),
        then,
        "change" if obj.live else noun(obj),
    )


def after_action(obj, task_state):
    """Said to the person who has just acted on ``task_state`` (approved it or asked for
    changes), or "" if nothing happened (an invalid form, an action on another step)."""
    task_state.refresh_from_db()
    state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
    obj = type(obj)._default_manager.get(pk=obj.pk)
    title = get_latest_str(obj)
    if task_state.status == TaskState.STATUS_REJECTED:
        author = state.requested_by.get_full_name() or state.requested_by.get_username()
        return format_html(
            "You asked for changes to “{}”. It goes back to {}, who sees your comment on "
            "their dashboard; it comes back for {} when they submit it again. Nothing is "
            "published.",
            title,
            author,
            task_state.task.name,
        )
    if task_state.status != TaskState.STATUS_APPROVED:
        return ""
    if state.status == WorkflowState.STATUS_APPROVED:
        if obj.go_live_at and obj.go_live_at > timezone.now():
            return format_html(
                "“{}” is approved and scheduled: it goes live on {}.",
                title,
                timezone.localtime(obj.go_live_at).strftime("%d %B %Y at %H:%M"),
            )
        return format_html("“{}” is approved and published: visitors see it now.", title)
    pending = steps_after(state)
    if not pending:
        return ""
    return format_html(
        "You approved {} for “{}”. Next: {}. It is not published yet.",
        task_state.task.name,
        title,
        step(pending[0]),
    )
