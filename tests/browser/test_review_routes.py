"""Issue 18, acceptance 2: a Reviewer approves from inside the page editor and from the
dashboard and sees no permission error; a Reviewer asks for changes with a comment, and the
Editor sees that comment and the Reviewer's name on their dashboard and in the page editor."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from staff.names import EDITORS, REVIEWERS
from tests.browser.admin import add_user, sign_in, sign_out
from themes.models import ThemePage

pytestmark = pytest.mark.browser

NO_PERMISSION = "Sorry, you do not have permission to access this area"


def submit(theme, user, title):
    theme.title = title
    theme.save_revision(user=user)
    theme.get_workflow().start(theme, user)


def test_reviewers_approve_from_anywhere_and_editors_see_their_comment(
    live_site, page, django_user_model
):
    call_command("setup_groups", stdout=io.StringIO())
    editor = add_user(django_user_model, "erin.editor", EDITORS)
    reviewer = add_user(django_user_model, "ravi.reviewer", REVIEWERS)
    editor_user = django_user_model.objects.get(username="erin.editor")
    themes = list(ThemePage.objects.live().order_by("path")[:3])
    titles = ["Theme A revised", "Theme B revised", "Theme C revised"]
    for theme, title in zip(themes, titles, strict=True):
        submit(theme, editor_user, title)

    sign_in(page, live_site, *reviewer)
    review = page.get_by_role("region", name="Awaiting your review")
    for title in titles:
        expect(review.get_by_role("row", name=re.compile(title))).to_be_visible()

    # From inside the page editor.
    review.get_by_role("link", name=titles[0]).click()
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_text(f"You approved Content review for “{titles[0]}”.")).to_be_visible()
    expect(page).to_have_url(live_site + "/admin/")
    expect(page.get_by_text(NO_PERMISSION)).to_have_count(0)

    # From the dashboard.
    row = review.get_by_role("row", name=re.compile(titles[1]))
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_text(f"You approved Content review for “{titles[1]}”.")).to_be_visible()
    expect(page.get_by_text(NO_PERMISSION)).to_have_count(0)

    # Asking for changes, with a comment.
    row = review.get_by_role("row", name=re.compile(titles[2]))
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Request changes").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox").fill("Name the school's region in the summary.")
    dialog.get_by_role("button", name=re.compile("Request changes")).click()
    expect(page.get_by_text(f"You asked for changes to “{titles[2]}”.")).to_be_visible()
    expect(page.get_by_text(NO_PERMISSION)).to_have_count(0)
    sign_out(page, reviewer[0])

    sign_in(page, live_site, *editor)
    said = (
        "ravi.reviewer asked for changes at Content review: "
        "“Name the school's region in the summary.”"
    )
    mine = page.locator("#objects-in-workflow-section")
    expect(mine.get_by_role("row", name=re.compile(titles[2]))).to_contain_text(said)
    mine.get_by_role("link", name=titles[2]).click()
    expect(page.locator(".messages")).to_contain_text(said)
