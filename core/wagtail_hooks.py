"""The admin's shared behaviour: the views of every page type and of shared snippets, what
people are told after saving and at each approval step, who may publish past a review, the
editor's guide (Help menu, dashboard) and the dashboard's review list."""

from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.snippets.models import register_snippet

from . import drafts, guide, language_of_parts
from .admin_requests import is_autosave, publishes, warn_once
from .admin_views import (
    ReviewPanel,
    SharedCallToActionViewSet,
    SitePageViewSet,
    YourItemsInReviewPanel,
)
from .incomplete import incomplete_blocks, warn_about_incomplete_blocks
from .workflow_messages import after_submitting

register_snippet(SharedCallToActionViewSet)

# "CY" and "EN" in the rich-text toolbar: a Welsh or an English phrase (WCAG 3.1.2).
hooks.register("register_rich_text_features", language_of_parts.register)


@hooks.register("register_admin_viewset")
def register_page_views():
    # Registered for Page: the views of every page type without a viewset of its own.
    return SitePageViewSet()


# After saving ---------------------------------------------------------------------------


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_missing_sharing_fields(request, page):
    """Remind whoever publishes which Promote-tab fields are empty: the moment they matter,
    told to the person who can add them (a Publisher, never a Reviewer, never at each
    submission). The page still works (templates fall back to the summary and the page's own
    image), so this is a warning rather than a validation error."""
    page = page.specific
    if not publishes(request, page) or not hasattr(page, "missing_sharing_fields"):
        return
    missing = page.missing_sharing_fields()
    if missing:
        promote = reverse("wagtailadmin_pages:edit", args=[page.pk]) + "#tab-promote"
        warn_once(
            request,
            f"Search engines and social media will show “{page.title}” without a "
            f"{' or '.join(missing)}: they use the summary and the page's own image instead.",
            buttons=[messages.button(promote, "Add them on the Promote tab")],
        )


@hooks.register("before_edit_page")
def note_what_the_live_page_lacks(request, page):
    """Before a save: the incomplete blocks of the live page (its row holds the live
    content), so that the warnings after it name only what the save adds."""
    if request.method == "POST" and not is_autosave(request) and page.live:
        live = type(page.specific)._default_manager.filter(pk=page.pk).first()
        request._incomplete_on_live_page = set(incomplete_blocks(live, request)) if live else set()


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_incomplete_blocks_that_matter(request, page):
    """Blocks visitors do not see yet (a video without its address…: core/incomplete.py),
    mentioned only when this save adds one: on a live page, those the live page has too are
    not mentioned again (editing one paragraph says nothing about another block's video)."""
    already = getattr(request, "_incomplete_on_live_page", set())
    warn_about_incomplete_blocks(request, page, already)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def say_what_happens_after_submitting(request, obj):
    if is_autosave(request) or not request.POST.get("action-submit"):
        return
    if text := after_submitting(obj):
        messages.info(request, text)


# Publishing past a running review --------------------------------------------------------


def may_publish_past_review(user):
    """Administrators only: everyone else publishes through the workflow's last step."""
    return user.is_superuser


def refuse_publishing_in_review(request, obj, edit_url):
    if not getattr(obj, "workflow_in_progress", False) or may_publish_past_review(request.user):
        return None
    task = obj.current_workflow_task
    messages.error(
        request,
        f"“{obj}” was saved as a draft but not published: it is waiting for {task.name}. It "
        "is published when the last step of the review is approved.",
    )
    return redirect(edit_url)


@hooks.register("before_publish_page")
def refuse_publishing_a_page_in_review(request, page):
    return refuse_publishing_in_review(
        request, page, reverse("wagtailadmin_pages:edit", args=[page.pk])
    )


@hooks.register("before_publish")
def refuse_publishing_a_snippet_in_review(request, obj):
    return refuse_publishing_in_review(request, obj, AdminURLFinder(request.user).get_edit_url(obj))


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_in_review(request, action_type, objects, action_class):
    if action_type != "publish" or may_publish_past_review(request.user):
        return None
    in_review = [obj for obj in objects if getattr(obj, "workflow_in_progress", False)]
    if in_review:
        messages.error(
            request,
            f"Nothing was published: “{in_review[0]}” is waiting for its review. Pages in "
            "review are published when the last step is approved.",
        )
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return None


def hide_publish_in_review(menu_items, request, obj):
    if getattr(obj, "workflow_in_progress", False) and not may_publish_past_review(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("construct_page_action_menu")
def hide_page_publish_in_review(menu_items, request, context):
    hide_publish_in_review(menu_items, request, context.get("page"))


@hooks.register("construct_snippet_action_menu")
def hide_snippet_publish_in_review(menu_items, request, context):
    hide_publish_in_review(menu_items, request, context.get("instance"))


# The editor's guide and the dashboard ----------------------------------------------------


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [
        path("guide/", guide.EditorsGuideView.as_view(), name=guide.GUIDE_URL_NAME),
        path("guide/images/<str:name>", guide.guide_image, name=guide.GUIDE_IMAGE_URL_NAME),
    ]


@hooks.register("register_admin_urls")
def register_discard_draft_url():
    return [
        path(
            "pages/<int:page_id>/discard-draft/",
            drafts.discard_draft,
            name=drafts.DISCARD_URL_NAME,
        )
    ]


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return guide.GuideMenuItem()


@hooks.register("construct_help_menu")
def keep_help_on_this_site(request, menu_items):
    # Wagtail's "Editor Guide" and "What's new" open wagtail.org, about Wagtail in general.
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new")
    ]


@hooks.register("construct_homepage_panels")
def add_guide_and_review_panels(request, panels):
    ours = {
        WorkflowObjectsToModeratePanel: ReviewPanel,
        UserObjectsInWorkflowModerationPanel: YourItemsInReviewPanel,
    }
    panels[:] = [ours[type(panel)]() if type(panel) in ours else panel for panel in panels]
    panels.append(guide.GuidePanel())
