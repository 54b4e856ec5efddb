"""Editors write and submit, Reviewers approve the first step, Publishers the second, which
publishes. tests/security/test_permission_matrix.py pins every group's rights."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow

from staff.names import (
    CONTENT_REVIEW,
    EDITORS,
    PUBLISHERS,
    REVIEWERS,
    SIGN_OFF,
    WORKFLOW_NAME,
    WORKFLOW_STEPS,
)
from staff.roles import ensure_roles
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(starter_site):
    return ensure_roles()


def login(client, django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name.lower(), password="not-used")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


def edit_post_data(client, page):
    """The edit form's current values, as the browser would post them back."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value in (None, "") or hasattr(field, "queryset"):
            continue
        data[name] = value
    data.update({"title": page.title, "slug": page.slug, "body-count": "0"})
    return data


def approve(client, page, task_state):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def test_roles_and_workflow_are_created_once(roles):
    ensure_roles()
    assert Group.objects.filter(name__in=[EDITORS, REVIEWERS, PUBLISHERS]).count() == 3
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert [t.name for t in workflow.tasks] == WORKFLOW_STEPS
    theme = ThemePage.objects.first()
    assert theme.get_workflow() == workflow


def test_editor_cannot_publish(client, django_user_model, roles):
    editor = login(client, django_user_model, EDITORS)
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    assert not theme.permissions_for_user(editor).can_publish()
    data = edit_post_data(client, theme)
    data["title"] = "Edited by an editor"
    data["action-publish"] = "action-publish"
    edit_url = reverse("wagtailadmin_pages:edit", args=[theme.pk])
    response = client.post(edit_url, data)
    # The form was accepted (an invalid one would leave the title unchanged too), but only
    # as a draft: Wagtail saves instead of publishing for someone who may not publish.
    assert response.status_code == 302 and response.url == edit_url
    theme.refresh_from_db()
    assert theme.title == "Theme 3: belonging and agency"  # live version unchanged
    assert theme.has_unpublished_changes
    assert theme.get_latest_revision_as_object().title == "Edited by an editor"


def test_a_reviewer_then_a_publisher_approve_and_neither_can_do_the_others_step(
    client, django_user_model, roles
):
    login(client, django_user_model, EDITORS)
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    data = edit_post_data(client, theme)
    data["title"] = "Theme 3: agency, revised"
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[theme.pk]), data)
    assert response.status_code == 302
    theme.refresh_from_db()
    state = theme.current_workflow_state
    assert state and state.status == "in_progress"
    assert state.current_task_state.task.name == CONTENT_REVIEW

    # A Publisher cannot approve the first step: it is the Reviewers'.
    client.logout()
    login(client, django_user_model, PUBLISHERS)
    approve(client, theme, state.current_task_state)
    state.refresh_from_db()
    assert state.current_task_state.task.name == CONTENT_REVIEW
    assert state.current_task_state.status == "in_progress"

    client.logout()
    login(client, django_user_model, REVIEWERS)
    assert approve(client, theme, state.current_task_state).status_code in (200, 302)
    state.refresh_from_db()
    assert state.current_task_state.task.name == SIGN_OFF
    theme.refresh_from_db()
    assert theme.title == "Theme 3: belonging and agency"  # not published after one approval

    # The Reviewer cannot approve the second step as well.
    approve(client, theme, state.current_task_state)
    state.refresh_from_db()
    assert state.current_task_state.task.name == SIGN_OFF
    assert state.current_task_state.status == "in_progress"

    client.logout()
    client.force_login(django_user_model.objects.get(username=PUBLISHERS.lower()))
    assert approve(client, theme, state.current_task_state).status_code in (200, 302)
    theme.refresh_from_db()
    assert theme.title == "Theme 3: agency, revised"
    assert theme.live and not theme.has_unpublished_changes


def test_publisher_can_publish(client, django_user_model, roles):
    publisher = login(client, django_user_model, PUBLISHERS)
    theme = ThemePage.objects.get(slug="belonging-and-culture")
    assert theme.permissions_for_user(publisher).can_publish()


def test_case_study_listing_shows_pages_waiting_for_approval(client, django_user_model, roles):
    from casestudies.models import CaseStudyPage

    editor = login(client, django_user_model, EDITORS)
    helston = CaseStudyPage.objects.get(slug="helston-community-college")
    helston.save_revision(user=editor)
    helston.get_workflow().start(helston, editor)
    # The "Case studies" menu item opens the index page's listing.
    body = client.get("/admin/case-studies/", follow=True).content.decode()
    assert "live + in moderation" in body
