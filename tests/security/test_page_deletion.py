"""Deleting pages that are not live: only the page's owner or a Publisher (or a superuser)
may, and nobody but a superuser deletes a page waiting in review, one by one or in bulk. A
refusal says why, and nothing is deleted."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from home.models import HomePage
from staff.names import EDITORS, PUBLISHERS
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(starter_site, django_user_model):
    call_command("setup_groups", stdout=io.StringIO())
    found = {}
    for username, group in (("alex", EDITORS), ("blake", EDITORS), ("pat", PUBLISHERS)):
        found[username] = django_user_model.objects.create_user(username)
        found[username].groups.add(Group.objects.get(name=group))
    found["root"] = django_user_model.objects.create_superuser("root", "root@example.org")
    return found


def draft_by(user, title="Alex's draft"):
    page = StandardPageFactory(parent=HomePage.objects.get(), title=title, live=False, owner=user)
    page.save_revision(user=user)
    return page


def in_review(user):
    page = draft_by(user, title="Waiting for review")
    page.get_workflow().start(page, user)
    assert Page.objects.get(pk=page.pk).workflow_in_progress
    return page


def delete(client, user, page):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]), follow=True)


def bulk_delete(client, user, page):
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    return client.post(f"{url}?id={page.pk}&next=/admin/pages/", follow=True)


def said(response):
    return " ".join(str(message) for message in response.context["messages"])


@pytest.mark.parametrize("action", [delete, bulk_delete])
def test_an_editor_cannot_delete_another_editors_draft(client, people, action):
    page = draft_by(people["alex"])
    response = action(client, people["blake"], page)
    assert response.status_code == 200
    assert "“Alex's draft” is not live and was created by alex" in said(response)
    assert "only they or a Publisher can delete it" in said(response)
    assert Page.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize("action", [delete, bulk_delete])
def test_the_owner_and_a_publisher_can(client, people, action):
    own = draft_by(people["alex"])
    action(client, people["alex"], own)
    assert not Page.objects.filter(pk=own.pk).exists()
    other = draft_by(people["alex"], title="Another draft")
    action(client, people["pat"], other)
    assert not Page.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("action", [delete, bulk_delete])
def test_nobody_but_a_superuser_deletes_a_page_in_review(client, people, action):
    page = in_review(people["alex"])
    for username in ("blake", "alex", "pat"):
        response = action(client, people[username], page)
        assert response.status_code == 200
        assert "is waiting for Content review in its review, so it cannot be deleted" in said(
            response
        ), username
        assert Page.objects.filter(pk=page.pk).exists()
    action(client, people["root"], page)
    assert not Page.objects.filter(pk=page.pk).exists()


def test_the_confirmation_page_is_refused_too(client, people):
    page = draft_by(people["alex"])
    client.force_login(people["blake"])
    response = client.get(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
