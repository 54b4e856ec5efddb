"""Editors write and submit, Publishers approve and publish, through a two-step workflow."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Workflow

from sitesetup.roles import WORKFLOW_NAME, WORKFLOW_STEPS, ensure_editorial_roles
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(starter_site):
    return ensure_editorial_roles()


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


def test_roles_and_workflow_are_created_once(roles):
    ensure_editorial_roles()
    assert Group.objects.filter(name__in=["Editors", "Publishers"]).count() == 2
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert [t.name for t in workflow.tasks] == WORKFLOW_STEPS
    theme = ThemePage.objects.first()
    assert theme.get_workflow() == workflow


def test_editor_cannot_publish(client, django_user_model, roles):
    editor = login(client, django_user_model, "Editors")
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


def test_editor_submits_and_publisher_approves_both_steps(client, django_user_model, roles):
    login(client, django_user_model, "Editors")
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    data = edit_post_data(client, theme)
    data["title"] = "Theme 3: agency, revised"
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[theme.pk]), data)
    assert response.status_code == 302
    theme.refresh_from_db()
    state = theme.current_workflow_state
    assert state and state.status == "in_progress"
    assert theme.title == "Theme 3: belonging and agency"

    client.logout()
    login(client, django_user_model, "Publishers")
    for step in WORKFLOW_STEPS:
        state.refresh_from_db()
        task_state = state.current_task_state
        assert task_state.task.name == step
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[theme.pk, "approve", task_state.pk],
        )
        response = client.post(url, {"comment": ""})
        assert response.status_code in (200, 302)
    theme.refresh_from_db()
    assert theme.title == "Theme 3: agency, revised"
    assert theme.live and not theme.has_unpublished_changes


def test_publisher_can_publish(client, django_user_model, roles):
    publisher = login(client, django_user_model, "Publishers")
    theme = ThemePage.objects.get(slug="belonging-and-culture")
    assert theme.permissions_for_user(publisher).can_publish()


def test_membership_team_cannot_edit_pages(client, django_user_model, roles):
    call_command("setup_groups", stdout=io.StringIO())
    group = Group.objects.get(name="Membership team")
    user = django_user_model.objects.create_user("member-team", password="not-used")
    user.groups.add(group)
    client.force_login(user)
    for page in Page.objects.filter(depth__gt=1):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code in (302, 403), page


def test_case_study_listing_shows_pages_waiting_for_approval(client, django_user_model, roles):
    from casestudies.models import CaseStudyPage

    editor = login(client, django_user_model, "Editors")
    helston = CaseStudyPage.objects.get(slug="helston-community-college")
    helston.save_revision(user=editor)
    helston.get_workflow().start(helston, editor)
    body = client.get("/admin/casestudies/casestudypage/?q=Helston").content.decode()
    assert "In moderation" in body
