"""The form editor in editors' words, in Chromium (acceptance 5 of issue 12): each question is
headed by its wording, a new one is added with "Add a question" and is optional, and a question
worded like another gets a plain error, on that question, naming it."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from staff.names import EDITORS
from tests.browser.admin import add_user, field, sign_in

pytestmark = pytest.mark.browser


def question(page, number):
    return page.locator("[data-inline-panel-child]:not(.deleted)").nth(number - 1)


def heading_of(question_panel):
    return question_panel.locator("[data-panel-heading-text]").first


def test_an_editor_is_told_which_question_repeats_anothers_wording(
    live_site, page, django_user_model
):
    from getinvolved.models import InterestFormPage

    call_command("setup_groups", stdout=io.StringIO())
    form = InterestFormPage.objects.get(slug="register-your-interest")
    labels = [form_field.label for form_field in form.form_fields.all()]
    region = labels.index("Region") + 1
    editor = add_user(django_user_model, "alex.editor", EDITORS)
    sign_in(page, live_site, *editor)
    page.goto(f"{live_site}/admin/pages/{form.get_parent().pk}/")
    page.get_by_role("link", name=form.title, exact=True).click()

    # Each question is headed by its number and wording, not "Form fields 5".
    expect(heading_of(question(page, region))).to_have_text(f"Question {region}: Region")
    page.get_by_role("button", name="Add a question").click()
    added = question(page, len(labels) + 1)
    heading = heading_of(added)
    expect(heading).to_have_text(f"Question {len(labels) + 1}: New question")
    expect(field(added, "Members must answer it", "checkbox")).not_to_be_checked()
    field(added, "Question").fill("Region")
    expect(heading).to_have_text(f"Question {len(labels) + 1}: Region")
    field(added, "Kind of answer", "combobox").select_option(label="Single line text")

    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="Save draft").click()

    expect(page.get_by_text("The page could not be saved due to validation errors")).to_be_visible()
    message = (
        f"Question {len(labels) + 1} has the same wording as question {region} (“Region”). "
        "Each question needs its own wording: change this one."
    )
    added = question(page, len(labels) + 1)
    expect(added.get_by_text(message)).to_be_visible()
    # Only the question the editor touched: the existing one is left alone.
    expect(page.get_by_text(re.compile("same wording"))).to_have_count(1)
    expect(page.get_by_text(re.compile(r"clean name|is already assigned"))).to_have_count(0)
    form.refresh_from_db()
    assert [f.label for f in form.get_latest_revision_as_object().form_fields.all()] == labels
