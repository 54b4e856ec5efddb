"""Reviewing without surprises (issue 18, acceptance 2 without a browser): a Reviewer approves
from inside the page editor and lands on their dashboard with no permission error; a request
for changes shows the reviewer's name and comment on the Editor's dashboard and at the top of
the page editor; "Awaiting your review" comes first, with no empty columns."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from staff import roles
from staff.names import SIGN_OFF
from tests.test_approval_feedback import edit_form_data, messages_of
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

NO_PERMISSION = "Sorry, you do not have permission to access this area"


@pytest.fixture
def people(starter_site, django_user_model):
    call_command("setup_groups", stdout=io.StringIO())
    found = {}
    for name, group in [
        ("ed", roles.EDITORS),
        ("rev", roles.REVIEWERS),
        ("pub", roles.PUBLISHERS),
    ]:
        user = django_user_model.objects.create_user(name, password="not-used")
        user.first_name, user.last_name = name.title(), "Person"
        user.save()
        user.groups.add(Group.objects.get(name=group))
        found[name] = user
    return found


def submitted_theme(client, editor):
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    client.force_login(editor)
    data = edit_form_data(client, theme, title="Theme 3: agency, revised")
    client.post(reverse("wagtailadmin_pages:edit", args=[theme.pk]), {**data, "action-submit": "1"})
    return theme


def act_in_editor(client, user, theme, action, comment=""):
    client.force_login(user)
    data = edit_form_data(client, ThemePage.objects.get(pk=theme.pk))
    data.update(
        {
            "action-workflow-action": "1",
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps({"comment": comment} if comment else {}),
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[theme.pk]), data, follow=True)


def test_a_reviewer_approving_in_the_editor_lands_on_the_dashboard(client, people):
    theme = submitted_theme(client, people["ed"])
    response = act_in_editor(client, people["rev"], theme, "approve")
    assert response.redirect_chain[-1][0] == "/admin/"
    said = " ".join(messages_of(response))
    assert NO_PERMISSION not in said
    assert "You approved Content review" in said
    assert ThemePage.objects.get(pk=theme.pk).current_workflow_task.name == SIGN_OFF


def test_the_reviewers_comment_and_name_reach_the_editor(client, people):
    theme = submitted_theme(client, people["ed"])
    act_in_editor(client, people["rev"], theme, "reject", comment="Name the school's region.")
    client.force_login(people["ed"])
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    row = dashboard.find(id="objects-in-workflow-section").get_text(" ", strip=True)
    assert "Rev Person asked for changes at Content review: “Name the school's region.”" in row
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[theme.pk]))
    said = " ".join(messages_of(editor))
    assert "Rev Person asked for changes at Content review: “Name the school's region.”" in said


@pytest.mark.parametrize("who", ["rev", "pub"])
def test_awaiting_your_review_comes_first_without_empty_columns(client, people, who):
    submitted_theme(client, people["ed"])
    if who == "pub":
        act_in_editor(
            client, people["rev"], ThemePage.objects.get(slug="belonging-and-agency"), "approve"
        )
    client.force_login(people[who])
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panels = [section["id"] for section in dashboard.select("section[id$='-section']")]
    assert panels[0] == "awaiting-review-section", panels
    review = dashboard.find(id="awaiting-review-section")
    headings = [th.get_text(strip=True) for th in review.select("thead th")]
    assert "Language" not in headings and "Privacy and access" not in headings
    for row in review.select("tbody tr"):
        cells = row.find_all("td")
        assert all(cell.get_text(strip=True) or cell.find(["svg", "button"]) for cell in cells), row
