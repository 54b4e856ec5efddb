"""The shared call to action in the real admin (acceptance 2 of issue 12): an Editor changes
it under Snippets and submits the change; visitors keep seeing the approved version on every
page until both steps are approved, and each approver is told what happens next."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from core.models import ReusableCallToAction
from staff import roles
from tests.browser.admin import add_user, field, sign_in, sign_out

pytestmark = pytest.mark.browser

# The group approving the first step, by its name in staff/names.py.
REVIEWERS = getattr(roles, "REVIEWERS", roles.PUBLISHERS)
NEW_HEADING = "Join the conversation"
PAGES_SHOWING_IT = ["/", "/belonging-and-leadership/"]


def public_headings(page, live_site):
    headings = []
    for path in PAGES_SHOWING_IT:
        page.goto(live_site + path)
        headings.append(page.locator("aside.cta h2").first.inner_text())
    return headings


def approve_from_dashboard(page, name):
    review = page.get_by_role("region", name="Awaiting your review")
    row = review.get_by_role("row", name=re.compile(re.escape(name)))
    expect(row).to_contain_text("Change to a live shared call to action")
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()


def test_a_change_to_the_shared_call_to_action_is_public_only_once_approved(
    live_site, page, django_user_model
):
    call_command("setup_groups", stdout=io.StringIO())
    cta = ReusableCallToAction.objects.get(name="Get involved")
    approved = cta.heading
    editor = add_user(django_user_model, "alex.editor", roles.EDITORS)
    reviewer = add_user(django_user_model, "rene.reviewer", REVIEWERS)
    publisher = add_user(django_user_model, "priya.publisher", roles.PUBLISHERS)

    # The Editor finds it under Snippets, as the guide says, and changes its heading.
    sign_in(page, live_site, *editor)
    page.get_by_role("link", name="Snippets", exact=True).click()
    page.get_by_role("link", name=re.compile("^Shared calls to action")).click()
    page.get_by_role("link", name="Get involved", exact=True).click()
    field(page, "Heading").fill(NEW_HEADING)
    footer = page.get_by_role("navigation", name="Actions (footer)")
    expect(footer.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name=f"Submit to {roles.WORKFLOW_NAME}").click()
    expect(page.get_by_text(re.compile("Next for “Get involved”: Content review"))).to_be_visible()
    sign_out(page, editor[0])

    assert public_headings(page, live_site) == [approved] * len(PAGES_SHOWING_IT)

    # The first approval says what comes next, and publishes nothing.
    sign_in(page, live_site, *reviewer)
    approve_from_dashboard(page, "Get involved")
    expect(
        page.get_by_text("You approved Content review for “Get involved”. Next: Sign-off")
    ).to_be_visible()
    sign_out(page, reviewer[0])
    assert public_headings(page, live_site) == [approved] * len(PAGES_SHOWING_IT)

    # The last one publishes it, and says so.
    sign_in(page, live_site, *publisher)
    approve_from_dashboard(page, "Get involved")
    expect(
        page.get_by_text("“Get involved” is approved and published: visitors see it now.")
    ).to_be_visible()
    sign_out(page, publisher[0])
    assert public_headings(page, live_site) == [NEW_HEADING] * len(PAGES_SHOWING_IT)
