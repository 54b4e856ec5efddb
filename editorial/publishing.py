"""The publishing rule, in one place: what Wagtail's permissions cannot express about who
publishes directly.

- A page or snippet (the shared call to action) waiting in a running review is published
  only by the review's last step.
- A page or snippet holding someone else's unpublished changes reaches the public only through
  the Two-step approval workflow (a Reviewer, then a Publisher): a Publisher publishes their
  own changes directly, never another person's.

Superusers may publish anything directly (``publishes_past_the_workflow``, the one exemption
of both). Enforced by the hooks below for the page editor (``before_edit_page`` for a posted
Publish, ``before_publish_page``), the snippet editor (``before_publish``), bulk publishing
(``before_bulk_action``) and the editors' action menus, which leave Publish out where it would
be refused. Approving the workflow's last step publishes without passing through any of them.
Registered when editorial/wagtail_hooks.py imports this module."""

from django.contrib import messages as django_messages  # the rules' refusals: plain text
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_user_display_name, get_valid_next_url_from_request
from wagtail.models import Page

from staff.names import WORKFLOW_NAME

from .admin_requests import back_from_bulk


def publishes_past_the_workflow(user):
    """Administrators only: everyone else publishes others' changes, and anything in review,
    through the workflow's last step."""
    return user.is_superuser


REFUSED = (
    "“{title}” has changes by {authors} that have not been approved. Send it to the "
    f"{WORKFLOW_NAME} workflow (Submit to {WORKFLOW_NAME}) instead of publishing it directly."
)


def other_authors(obj, user):
    """Names (full name, else username) of the people other than ``user`` whose changes to
    ``obj`` (a page or a snippet with revisions) are not live yet: revisions saved since the
    live one (all of them for one never published). Revisions with no author (the starter
    content loader, scheduled publishing) are not anyone's draft."""
    if not hasattr(obj, "revisions"):
        return []  # no revisions, no drafts: nothing to publish but what is live
    revisions = obj.revisions.exclude(user=None).exclude(user=user)
    if getattr(obj, "live_revision_id", None):
        revisions = revisions.filter(pk__gt=obj.live_revision_id)
    people = get_user_model().objects.filter(pk__in=revisions.values("user"))
    return sorted({get_user_display_name(person) for person in people})


def refusal(objects, user):
    """The message refusing ``user`` the direct publication of ``objects`` (pages with their
    draft descendants, which bulk publishing may include, or snippets), or None if it is
    allowed."""
    if publishes_past_the_workflow(user):
        return None
    for obj in objects:
        candidates = [obj]
        if isinstance(obj, Page):
            candidates += Page.objects.descendant_of(obj).not_live()
        for candidate in candidates:
            authors = other_authors(candidate, user)
            if authors:
                return REFUSED.format(title=candidate, authors=", ".join(authors))
    return None


def edit_url(request, obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return AdminURLFinder(request.user).get_edit_url(obj) or reverse("wagtailadmin_home")


# A running review -------------------------------------------------------------------------


def in_review(obj, user):
    return getattr(obj, "workflow_in_progress", False) and not publishes_past_the_workflow(user)


def refuse_publishing_in_review(request, obj):
    if not in_review(obj, request.user):
        return None
    task = obj.current_workflow_task
    messages.error(
        request,
        f"“{obj}” was saved as a draft but not published: it is waiting for {task.name}. It "
        "is published when the last step of the review is approved.",
    )
    return redirect(edit_url(request, obj))


@hooks.register("before_publish_page")
def refuse_publishing_a_page_in_review(request, page):
    return refuse_publishing_in_review(request, page)


@hooks.register("before_publish")
def refuse_publishing_a_snippet_in_review(request, obj):
    return refuse_publishing_in_review(request, obj)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_in_review(request, action_type, objects, action_class):
    if action_type != "publish":
        return None
    waiting = [obj for obj in objects if in_review(obj, request.user)]
    if waiting:
        messages.error(
            request,
            f"Nothing was published: “{waiting[0]}” is waiting for its review. Pages in "
            "review are published when the last step is approved.",
        )
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return None


# Someone else's changes -------------------------------------------------------------------


@hooks.register("before_edit_page")
def refuse_publishing_others_drafts_before_saving(request, page):
    # Wagtail's page editor saves the posted revision, in the publisher's name, before
    # ``before_publish_page`` runs: refused there, it would leave a draft by the Publisher
    # beside the one that stopped them. So a posted Publish is refused here, before the save.
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    return keep_others_drafts_on_the_workflow(request, page)


@hooks.register("before_publish_page")
@hooks.register("before_publish")
def keep_others_drafts_on_the_workflow(request, obj):
    # For a snippet, Wagtail has saved the publisher's own revision by now: it stays, a draft.
    message = refusal([obj], request.user)
    if message:
        django_messages.error(request, message)
        return redirect(edit_url(request, obj))
    return None


@hooks.register("before_bulk_action")
def keep_others_drafts_on_the_workflow_in_bulk(request, action_type, objects, action_class):
    if action_type != "publish":
        return None
    message = refusal(objects, request.user)
    if message:
        django_messages.error(request, message)
        return back_from_bulk(request, objects)
    return None


# The editors' menus offer Publish only where it is allowed ---------------------------------


def hide_publish(menu_items, request, obj, view=None):
    if in_review(obj, request.user) or (view == "edit" and refusal([obj], request.user)):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("construct_page_action_menu")
def hide_page_publish_where_refused(menu_items, request, context):
    hide_publish(menu_items, request, context.get("page"), context.get("view"))


@hooks.register("construct_snippet_action_menu")
def hide_snippet_publish_in_review(menu_items, request, context):
    hide_publish(menu_items, request, context.get("instance"))
