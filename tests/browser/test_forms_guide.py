"""Forms in the real Wagtail admin in Chromium: an Editor changes a form and sends the
change for approval; the Membership team finds a form's submissions and downloads them.

On the way it takes the screenshots of the admin that docs/editors-guide.md shows.
"""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

from staff.names import EDITORS, MEMBERSHIP_TEAM, WORKFLOW_NAME
from tests.browser.admin import add_user, field, sign_in, sign_out
from tests.getinvolved.formhelpers import register_answers, submit

pytestmark = pytest.mark.browser

FORM = "Register your interest"
NEW_FIELD = "Phase of your school"
PHASES = ["Primary", "Secondary", "All-through", "Special"]


@pytest.fixture
def register_form(live_site):
    from getinvolved.models import InterestFormPage

    call_command("setup_groups", stdout=io.StringIO())
    return InterestFormPage.objects.get(slug="register-your-interest")


def test_editor_changes_a_form_and_the_membership_team_downloads_its_submissions(
    live_site, register_form, page, django_user_model, guide_screenshots
):
    # A member has sent the form (as the public form does: token first, then the answers).
    response = submit(Client(), register_form, register_answers())
    assert response.status_code == 302, response.content.decode()[:500]
    editor = add_user(django_user_model, "alex.editor", EDITORS)
    team = add_user(django_user_model, "morgan.membership", MEMBERSHIP_TEAM)

    # The Editor adds a question to the form, from the page tree.
    sign_in(page, live_site, *editor)
    page.goto(f"{live_site}/admin/pages/{register_form.get_parent().pk}/")
    page.get_by_role("link", name=FORM, exact=True).click()
    expect(page.get_by_role("heading", name="Questions", exact=True)).to_be_visible()
    page.get_by_role("button", name="Add a question").click()
    new_field = page.locator('section[id^="inline_child_form_fields-"]').last
    field(new_field, "Question").fill(NEW_FIELD)
    field(new_field, "Hint").fill("Optional: helps us group similar schools.")
    field(new_field, "Kind of answer", "combobox").select_option(label="Drop down")
    field(new_field, "Choices").fill("\n".join(PHASES))
    # New questions are optional: nothing to untick.
    expect(new_field.get_by_label("Members must answer it")).not_to_be_checked()
    guide_screenshots.take(new_field, "form-new-field.png")

    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name=f"Submit to {WORKFLOW_NAME}").click()
    expect(page.get_by_text(f"Page '{FORM}' has been submitted for moderation.")).to_be_visible()
    sign_out(page, editor[0])

    # Members see the new question only once a Publisher approves the change.
    page.goto(live_site + register_form.url)
    expect(page.get_by_label(NEW_FIELD)).to_have_count(0)
    register_form.refresh_from_db()
    draft = register_form.get_latest_revision_as_object()
    assert NEW_FIELD in [form_field.label for form_field in draft.form_fields.all()]

    # The Membership team finds the form's submissions under "Forms" and downloads them.
    sign_in(page, live_site, *team)
    page.get_by_role("link", name="Forms", exact=True).click()
    page.get_by_role("link", name=FORM, exact=True).click()
    expect(page.get_by_role("cell", name="Sam Member")).to_be_visible()
    actions = page.get_by_role("navigation", name="Actions")
    actions.get_by_role("button", name="Actions").click()
    download_csv = page.get_by_role("link", name="Download CSV")
    expect(page.get_by_role("link", name="Download XLSX")).to_be_visible()
    guide_screenshots.take(page, "form-submissions-download.png", hide=None)

    with page.expect_download() as download:
        download_csv.click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig"))))
    assert [(row["Your name"], row["Email address"]) for row in rows] == [
        ("Sam Member", "sam@example.org")
    ]
