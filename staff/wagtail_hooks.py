"""Wiring into Wagtail's admin: the second factor's pages and menu entries, the publishing
rule (publishing.py), the deleting rule (deleting.py) and who may cancel a review
(reviewing.py)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from editorial import deleting, publishing, reviewing

from . import twofactor, views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/verify/", views.verify, name="staff_two_factor_verify"),
        path("two-factor/", views.set_up, name="staff_two_factor_set_up"),
        path("two-factor/recovery-codes/", views.recovery_codes, name="staff_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("staff_two_factor_set_up"),
        "label": "Two-factor authentication",
        "help_text": "Ask for a code from your phone as well as your password when you sign in.",
    }


@hooks.register("construct_main_menu")
def hide_menu_until_second_factor(request, menu_items):
    # Someone setting up their authenticator sees the admin's frame but none of its areas:
    # every area would send them back here until they have.
    if twofactor.next_step(request.user) is not None:
        menu_items.clear()


@hooks.register("before_edit_page")
def refuse_publishing_others_drafts_before_saving(request, page):
    # Wagtail's page editor saves the posted revision, in the publisher's name, before
    # ``before_publish_page`` runs: refused there, it would leave a draft by the Publisher
    # beside the one that stopped them. So a posted Publish is refused here, before the save.
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    return keep_others_drafts_on_the_workflow(request, page)


@hooks.register("construct_page_action_menu")
def offer_publish_only_where_allowed(menu_items, request, context):
    page = context.get("page")
    if context.get("view") == "edit" and publishing.refusal([page], request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_publish_page")
def keep_others_drafts_on_the_workflow(request, page):
    message = publishing.refusal([page], request.user)
    if message:
        messages.error(request, message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_publish")
def keep_others_snippet_drafts_on_the_workflow(request, obj):
    # Wagtail has saved the publisher's own revision by now: it stays, as a draft.
    message = publishing.refusal([obj], request.user)
    if message:
        messages.error(request, message)
        return redirect(AdminURLFinder(request.user).get_edit_url(obj) or "wagtailadmin_home")
    return None


def back_from_bulk(request, objects):
    """Where a refused bulk action sends people: the listing they came from (``next``, if it
    is on this site), else the first page's parent, else the dashboard."""
    if url := get_valid_next_url_from_request(request):
        return redirect(url)
    if isinstance(objects[0], Page):
        return redirect("wagtailadmin_explore", objects[0].get_parent().pk)
    return redirect("wagtailadmin_home")


@hooks.register("before_bulk_action")
def keep_others_drafts_on_the_workflow_in_bulk(request, action_type, objects, action_class):
    if action_type != "publish":
        return None
    message = publishing.refusal(objects, request.user)
    if message:
        messages.error(request, message)
        return back_from_bulk(request, objects)
    return None


@hooks.register("before_delete_page")
def keep_pages_in_review_and_others_drafts(request, page):
    message = deleting.refusal([page], request.user)
    if message:
        messages.error(request, message)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_pages_in_review_and_others_drafts_in_bulk(request, action_type, objects, action_class):
    if action_type != "delete":
        return None
    message = deleting.refusal(objects, request.user)
    if message:
        messages.error(request, message)
        return back_from_bulk(request, objects)
    return None


@hooks.register("construct_page_action_menu")
def offer_cancel_only_to_submitter_and_publishers(menu_items, request, context):
    reviewing.hide_cancel(menu_items, request, context.get("page"))


@hooks.register("construct_snippet_action_menu")
def offer_snippet_cancel_only_to_submitter_and_publishers(menu_items, request, context):
    reviewing.hide_cancel(menu_items, request, context.get("instance"))


@hooks.register("before_edit_page")
def refuse_cancel_by_reviewers(request, page):
    message = reviewing.refusal(request, page)
    if message:
        messages.error(request, message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_edit_snippet")
def refuse_snippet_cancel_by_reviewers(request, obj):
    message = reviewing.refusal(request, obj)
    if message:
        messages.error(request, message)
        return redirect(AdminURLFinder(request.user).get_edit_url(obj) or "wagtailadmin_home")
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
