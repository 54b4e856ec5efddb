"""Approval with feedback: what people are told at each step, the review list saying new or
change, nobody but an administrator publishing past a running review, and the shared call to
action going through the same approval as pages."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from core.models import ReusableCallToAction
from staff import roles
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

# The group approving each step, by its name in staff/names.py (Publishers approve both
# where the roles module has no separate reviewers).
REVIEWERS = getattr(roles, "REVIEWERS", roles.PUBLISHERS)


@pytest.fixture
def workflow(starter_site):
    call_command("setup_groups", stdout=io.StringIO())


def member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="not-used")
    user.groups.add(Group.objects.get(name=group))
    return user


def messages_of(response):
    return [
        BeautifulSoup(str(m), "html.parser").get_text(" ", strip=True)
        for m in response.context["messages"]
    ]


def edit_form_data(client, page, **changes):
    """The page editor's current values, as the browser posts them back, with ``changes``."""
    form = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).context["form"]
    data = {
        name: form.initial.get(name, field.initial)
        for name, field in form.fields.items()
        if form.initial.get(name, field.initial) is not None and not hasattr(field, "queryset")
    }
    return {**data, "slug": page.slug, "summary": page.summary, "body-count": "0", **changes}


def approve(client, user, obj, url_name):
    client.force_login(user)
    task_state = type(obj).objects.get(pk=obj.pk).current_workflow_task_state
    url = reverse(url_name, args=[obj.pk, "approve", task_state.pk])
    return client.post(url, {"comment": "", "next": "/admin/"}, follow=True)


def test_each_step_says_what_happens_next(client, django_user_model, workflow):
    editor = member(django_user_model, "ed", roles.EDITORS)
    reviewer = member(django_user_model, "rev", REVIEWERS)
    publisher = member(django_user_model, "pub", roles.PUBLISHERS)
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[theme.pk])
    data = edit_form_data(client, theme, title="Theme 3: agency, revised")
    submitted = messages_of(client.post(edit_url, {**data, "action-submit": "1"}, follow=True))
    assert any("Next for “Theme 3: agency, revised”: Content review" in m for m in submitted)
    assert any("Visitors see the change only after the last step" in m for m in submitted)

    # The review list says what kind of item waits.
    client.force_login(reviewer)
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    review_list = dashboard.find(id="awaiting-review-section").get_text(" ", strip=True)
    assert "Theme 3: agency, revised" in review_list
    assert "Change to a live page" in review_list

    first = messages_of(approve(client, reviewer, theme, "wagtailadmin_pages:workflow_action"))
    assert any(
        "You approved Content review for “Theme 3: agency, revised”. Next: Sign-off (by "
        f"{roles.PUBLISHERS}). It is not published yet." in m
        for m in first
    ), first
    theme.refresh_from_db()
    assert theme.title == "Theme 3: belonging and agency"

    last = messages_of(approve(client, publisher, theme, "wagtailadmin_pages:workflow_action"))
    assert any("is approved and published: visitors see it now" in m for m in last), last
    theme.refresh_from_db()
    assert theme.title == "Theme 3: agency, revised" and theme.live


def test_only_an_administrator_publishes_past_a_running_review(client, django_user_model, workflow):
    editor = member(django_user_model, "ed", roles.EDITORS)
    reviewer = member(django_user_model, "rev", REVIEWERS)
    publisher = member(django_user_model, "pub", roles.PUBLISHERS)
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    theme.title = "Waiting for review"
    theme.save_revision(user=editor)
    theme.get_workflow().start(theme, editor)
    if REVIEWERS != roles.PUBLISHERS:
        approve(client, reviewer, theme, "wagtailadmin_pages:workflow_action")

    # At Sign-off the Publisher approves; "Publish" (which would end the review) is not offered…
    client.force_login(publisher)
    edit_url = reverse("wagtailadmin_pages:edit", args=[theme.pk])
    editor_page = client.get(edit_url).content.decode()
    assert 'data-workflow-action-name="approve"' in editor_page
    assert 'name="action-publish"' not in editor_page
    # …and posting it anyway publishes nothing.
    data = edit_form_data(client, theme, title="Published past the review")
    response = client.post(edit_url, {**data, "action-publish": "1"}, follow=True)
    assert any("not" in m and "approv" in m for m in messages_of(response)), messages_of(response)
    theme.refresh_from_db()
    assert theme.title == "Theme 3: belonging and agency"
    assert theme.workflow_in_progress

    admin = django_user_model.objects.create_superuser("root", password="not-used")
    client.force_login(admin)
    assert 'name="action-publish"' in client.get(edit_url).content.decode()


def test_a_change_to_the_shared_call_to_action_waits_for_approval(
    client, django_user_model, workflow
):
    editor = member(django_user_model, "ed", roles.EDITORS)
    reviewer = member(django_user_model, "rev", REVIEWERS)
    publisher = member(django_user_model, "pub", roles.PUBLISHERS)
    cta = ReusableCallToAction.objects.get(name="Get involved")
    edit_url = reverse("wagtailsnippets_core_reusablecalltoaction:edit", args=[cta.pk])
    client.force_login(editor)
    editor_page = client.get(edit_url).content.decode()
    assert "Submit to Two-step approval" in editor_page
    assert 'name="action-publish"' not in editor_page
    data = {
        "name": cta.name,
        "heading": "Join the conversation",
        "text": cta.text,
        "link_text": cta.link_text,
        "page": cta.page_id or "",
        "url": cta.url,
        "action-submit": "1",
    }
    response = client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    cta.refresh_from_db()
    assert cta.heading != "Join the conversation" and cta.workflow_in_progress

    def public_heading():
        return BeautifulSoup(client.get("/").content, "html.parser").select_one("aside.cta h2")

    client.logout()
    assert public_heading().get_text() == cta.heading

    url_name = "wagtailsnippets_core_reusablecalltoaction:workflow_action"
    approve(client, reviewer, cta, url_name)
    client.logout()
    assert public_heading().get_text() == cta.heading
    last = messages_of(approve(client, publisher, cta, url_name))
    assert any("is approved and published" in m for m in last), last
    client.logout()
    assert public_heading().get_text() == "Join the conversation"
