"""Throwing a draft away: "Discard draft" makes the live version the page's latest again.

Autosave keeps every experiment as a draft, and a Publisher may not publish a page holding
someone else's unapproved draft (publishing.py). Wagtail has no discard: its "Review
this version" then "Replace current draft" adds one more draft on top. So Publishers (who
may publish the page) are offered this action on the editor, beside the draft's authors:
the revisions saved since the live one are deleted, except any a review has recorded (those
stay in the workflow's history), and the live revision becomes the latest again.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page

DISCARD_URL_NAME = "core_discard_draft"


def draft_authors(page, user):
    """The people other than ``user`` with changes to live ``page`` not published yet."""
    if not page.live or not page.live_revision_id:
        return []
    revisions = page.revisions.filter(pk__gt=page.live_revision_id).exclude(user=None)
    people = get_user_model().objects.filter(pk__in=revisions.exclude(user=user).values("user"))
    return sorted({get_user_display_name(person) for person in people})


def may_discard(page, user):
    return (
        page.live
        and page.has_unpublished_changes
        and not page.workflow_in_progress
        and page.permissions_for_user(user).can_publish()
    )


def offer_discard(request, page):
    """On the editor: a Publisher whom someone else's draft stops from publishing."""
    authors = draft_authors(page, request.user)
    if authors and may_discard(page, request.user):
        messages.warning(
            request,
            f"This page has changes by {', '.join(authors)} that visitors do not see yet. "
            "Send it for approval, or throw those changes away to go back to the live page.",
            buttons=[messages.button(reverse(DISCARD_URL_NAME, args=[page.pk]), "Discard draft")],
        )


def discard(page):
    with transaction.atomic():
        newer = page.revisions.filter(pk__gt=page.live_revision_id)
        newer.filter(task_states__isnull=True).delete()
        Page.objects.filter(pk=page.pk).update(
            latest_revision=page.live_revision_id,
            has_unpublished_changes=False,
            draft_title=page.title,
        )


def discard_draft(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if not may_discard(page, request.user):
        messages.error(
            request,
            f"“{page.title}” has no draft you can throw away: only Publishers can, for a live "
            "page with changes that are not in review.",
        )
        return redirect(edit_url)
    if request.method == "POST":
        discard(page)
        messages.success(
            request,
            f"The draft of “{page.title}” was thrown away: the page is its live version again.",
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "editorial/discard_draft.html",
        {"page": page, "edit_url": edit_url, "authors": draft_authors(page, None)},
    )
