"""The admin's shared behaviour: the views of every page type and of shared snippets, what
people are told after saving and at each approval step, the rules on deleting and on
cancelling a review, the editor's guide (Help menu, dashboard) and the dashboard's review
list. The publishing rule registers its own hooks (publishing.py, imported here)."""

from django.contrib import messages as django_messages  # the rules' refusals: plain text
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.snippets.models import register_snippet

from core import language_of_parts
from core.incomplete import incomplete_blocks

from . import deleting, drafts, guide, publishing, reviewing
from .admin_requests import back_from_bulk, is_autosave, publishes, warn_once
from .admin_views import (
    ReviewPanel,
    SharedCallToActionViewSet,
    SitePageViewSet,
    YourItemsInReviewPanel,
)
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
    named with why, only when this save adds one: on a live page, those the live page has too
    are not mentioned again (editing one paragraph says nothing about another block's video).
    A warning, never an error: the rest of the page is ready and may go live. Several are
    one banner; nothing on autosave."""
    if is_autosave(request):
        return
    already = getattr(request, "_incomplete_on_live_page", set())
    reasons = [
        reason
        for reason in incomplete_blocks(page.specific, request, for_warning=True)
        if reason not in already
    ]
    if len(reasons) == 1:
        warn_once(request, f"Visitors don't see this part of the page yet: {reasons[0]}")
    elif reasons:
        warn_once(
            request,
            format_html(
                "Visitors don't see these parts of the page yet:<ul>{}</ul>",
                format_html_join("", "<li>{}</li>", ((reason,) for reason in reasons)),
            ),
        )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def say_what_happens_after_submitting(request, obj):
    if is_autosave(request) or not request.POST.get("action-submit"):
        return
    if text := after_submitting(obj):
        messages.info(request, text)


# Deleting, and cancelling a review ------------------------------------------------------


@hooks.register("before_delete_page")
def keep_pages_in_review_and_others_drafts(request, page):
    message = deleting.refusal([page], request.user)
    if message:
        django_messages.error(request, message)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_pages_in_review_and_others_drafts_in_bulk(request, action_type, objects, action_class):
    if action_type != "delete":
        return None
    message = deleting.refusal(objects, request.user)
    if message:
        django_messages.error(request, message)
        return back_from_bulk(request, objects)
    return None


@hooks.register("construct_page_listing_buttons")
def offer_delete_only_where_allowed(buttons, page, user, context=None):
    # Wagtail offers Delete (in each row's ⋯ menu) wherever its permissions allow; the rule
    # in deleting.py refuses some of those, so the item is left out there.
    if not deleting.refusal([page], user):
        return
    delete_url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    for button in buttons:
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = [
                item
                for item in button.dropdown_buttons
                if not (item.url or "").startswith(delete_url)
            ]
    buttons[:] = [b for b in buttons if not (getattr(b, "url", "") or "").startswith(delete_url)]


@hooks.register("construct_page_action_menu")
def offer_cancel_only_to_submitter_and_publishers(menu_items, request, context):
    reviewing.hide_cancel(menu_items, request, context.get("page"))


@hooks.register("construct_snippet_action_menu")
def offer_snippet_cancel_only_to_submitter_and_publishers(menu_items, request, context):
    reviewing.hide_cancel(menu_items, request, context.get("instance"))


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def refuse_cancel_by_reviewers(request, obj):
    message = reviewing.refusal(request, obj)
    if message:
        django_messages.error(request, message)
        return redirect(publishing.edit_url(request, obj))
    return None


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
