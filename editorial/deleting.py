"""The deleting rule Wagtail's permissions cannot express. Wagtail lets anyone who may edit
pages delete any page that is not live, whoever wrote it, even while it waits in review.
Here, for everyone but superusers:

- a page waiting in review (its Two-step approval in progress) is never deleted: the review
  is finished or cancelled first;
- a page that is not live is deleted only by its owner (who created it) or by someone who may
  publish it (a Publisher).

Each rule covers the pages below the one deleted too, since they go with it. Enforced for the
page's own Delete (``before_delete_page``) and for bulk deleting (``before_bulk_action``) in
wagtail_hooks.py."""

from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page

IN_REVIEW = (
    "“{title}” is waiting for {task} in its review, so it cannot be deleted. Nothing was "
    "deleted: it can be deleted once the review is finished or cancelled."
)
NOT_YOURS = (
    "“{title}” is not live and was created by {owner}: only they or a Publisher can delete "
    "it. Nothing was deleted."
)


def _owner(page):
    return get_user_display_name(page.owner) if page.owner_id else "someone else"


def refusal(pages, user):
    """The message refusing ``user`` the deletion of ``pages`` (with everything below them),
    or None if it is allowed."""
    if user.is_superuser:
        return None
    for page in pages:
        if not isinstance(page, Page):
            continue  # snippets, images…: their own permissions decide
        for candidate in Page.objects.descendant_of(page, inclusive=True).select_related("owner"):
            if candidate.workflow_in_progress:
                task = candidate.current_workflow_task
                return IN_REVIEW.format(
                    title=candidate.title, task=task.name if task else "approval"
                )
            if (
                not candidate.live
                and candidate.owner_id != user.pk
                and not candidate.permissions_for_user(user).can_publish()
            ):
                return NOT_YOURS.format(title=candidate.title, owner=_owner(candidate))
    return None
