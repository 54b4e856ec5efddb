"""Who may cancel a running review. Wagtail lets anyone who may approve the current step
cancel the whole workflow, and tells nobody why: a Reviewer could quietly drop an Editor's
submission. Here only the person who submitted it (or the page's owner), someone who may
publish it (a Publisher) and superusers may; a Reviewer uses Request changes, whose comment
reaches the Editor. Enforced for the editor's menu (``construct_page_action_menu``,
``construct_snippet_action_menu``) and for a posted cancel (``before_edit_page``,
``before_edit_snippet``) in wagtail_hooks.py."""

from wagtail.models import Page

CANCEL_ACTION = "action-cancel-workflow"
REFUSED = (
    "Only the person who submitted “{title}” or a Publisher can cancel its review. To send "
    "it back, use Request changes: your comment reaches the Editor. Nothing was cancelled."
)


def may_publish(obj, user):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    meta = obj._meta
    return user.has_perm(f"{meta.app_label}.publish_{meta.model_name}")


def may_cancel(obj, user):
    state = getattr(obj, "current_workflow_state", None)
    if state is None or user.is_superuser:
        return True  # nothing to cancel, or Wagtail's own rule
    return (
        user == state.requested_by or user == getattr(obj, "owner", None) or may_publish(obj, user)
    )


def refusal(request, obj):
    """The message refusing a posted cancel of ``obj``'s review, or None."""
    if request.method != "POST" or not request.POST.get(CANCEL_ACTION):
        return None
    if may_cancel(obj, request.user):
        return None
    return REFUSED.format(title=getattr(obj, "title", obj))


def hide_cancel(menu_items, request, obj):
    if obj is not None and not may_cancel(obj, request.user):
        menu_items[:] = [item for item in menu_items if item.name != CANCEL_ACTION]
