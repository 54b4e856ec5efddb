"""Issue 18: an Editor's draft (autosaved or saved) that stops a Publisher publishing can be
thrown away. The Publisher is offered "Discard draft" in the editor; afterwards the page is
its live version again and the Publisher's own change publishes. Editors cannot discard."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from editorial.drafts import DISCARD_URL_NAME
from staff import roles
from tests.test_approval_feedback import edit_form_data, messages_of
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="not-used")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_publisher_throws_away_an_editors_draft_then_publishes(
    client, django_user_model, starter_site
):
    call_command("setup_groups", stdout=io.StringIO())
    editor = member(django_user_model, "ed", roles.EDITORS)
    publisher = member(django_user_model, "pub", roles.PUBLISHERS)
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    live_title = theme.title
    edit_url = reverse("wagtailadmin_pages:edit", args=[theme.pk])
    discard_url = reverse(DISCARD_URL_NAME, args=[theme.pk])

    client.force_login(editor)
    client.post(edit_url, edit_form_data(client, theme, title="An experiment"))
    assert client.get(discard_url, follow=True).redirect_chain  # not for Editors
    assert ThemePage.objects.get(pk=theme.pk).get_latest_revision().user == editor

    client.force_login(publisher)
    editor_page = client.get(edit_url)
    offer = BeautifulSoup(editor_page.content, "html.parser").find("a", string="Discard draft")
    assert offer is not None and offer["href"] == discard_url
    assert "This page has changes by ed that visitors do not see yet" in " ".join(
        messages_of(editor_page)
    )
    assert "Throw away every change" in client.get(discard_url).content.decode()
    said = messages_of(client.post(discard_url, follow=True))
    assert f"The draft of “{live_title}” was thrown away" in " ".join(said)

    theme = ThemePage.objects.get(pk=theme.pk)
    assert not theme.has_unpublished_changes
    assert theme.latest_revision_id == theme.live_revision_id
    assert theme.get_latest_revision_as_object().title == live_title

    data = edit_form_data(client, theme, title=f"{live_title}, corrected")
    published = client.post(edit_url, {**data, "action-publish": "1"}, follow=True)
    assert "have not been approved" not in " ".join(messages_of(published))
    assert ThemePage.objects.get(pk=theme.pk).title == f"{live_title}, corrected"
