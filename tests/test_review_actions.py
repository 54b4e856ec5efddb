"""The review's actions in the page editor, as the guide names them: the last step's buttons
("Approve and Publish") and who may cancel a running review (the submitter and Publishers,
not Reviewers, whose Request changes reaches the Editor with a comment)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from staff import roles
from tests.browser.guide import GUIDE
from tests.test_approval_feedback import approve, member, messages_of, workflow  # noqa: F401
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

CANCEL = 'name="action-cancel-workflow"'


@pytest.fixture
def people(django_user_model, workflow):  # noqa: F811
    return {
        "editor": member(django_user_model, "ed", roles.EDITORS),
        "reviewer": member(django_user_model, "rev", roles.REVIEWERS),
        "publisher": member(django_user_model, "pub", roles.PUBLISHERS),
    }


@pytest.fixture
def submitted(people):
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    theme.title = "Waiting for review"
    theme.save_revision(user=people["editor"])
    theme.get_workflow().start(theme, people["editor"])
    return theme


def editor_page(client, user, page):
    client.force_login(user)
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()


def action_labels(html):
    footer = BeautifulSoup(html, "html.parser")
    return {
        re.sub(r"\s+", " ", button.get_text(" ", strip=True))
        for button in footer.select("button[data-workflow-action-name]")
    }


def test_the_last_steps_buttons_are_the_ones_the_guide_names(client, people, submitted):
    approve(client, people["reviewer"], submitted, "wagtailadmin_pages:workflow_action")
    labels = action_labels(editor_page(client, people["publisher"], submitted))
    assert {"Approve and Publish", "Approve with comment and Publish"} <= labels, labels
    guide = re.sub(r"\s+", " ", GUIDE.read_text("utf-8"))
    section = guide.split("## Approving a page", 1)[1].split("\n## ", 1)[0]
    for label in ("Approve and Publish", "Approve with comment and Publish", "Approve"):
        assert f"**{label}**" in section


def test_a_reviewer_is_not_offered_cancel_and_cannot_post_it(client, people, submitted):
    page = editor_page(client, people["reviewer"], submitted)
    assert "Request changes" in page and CANCEL not in page
    edit_url = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    response = client.post(edit_url, {"action-cancel-workflow": "1"}, follow=True)
    assert any("Nothing was cancelled" in m for m in messages_of(response))
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress


def test_the_submitter_and_publishers_may_cancel_and_the_guide_says_so(client, people, submitted):
    assert CANCEL in editor_page(client, people["editor"], submitted)
    approve(client, people["reviewer"], submitted, "wagtailadmin_pages:workflow_action")
    assert CANCEL in editor_page(client, people["publisher"], submitted)
    guide = re.sub(r"\s+", " ", GUIDE.read_text("utf-8"))
    assert "**Cancel workflow**" in guide
    assert "Reviewers cannot cancel" in guide
