"""Messages about other people's drafts name them as people (their full name), not by their
username: the deleting and publishing refusals and the Discard draft screen."""

import pytest
from django.urls import reverse

from editorial import deleting, publishing
from editorial.drafts import DISCARD_URL_NAME
from home.models import HomePage
from staff import roles
from tests.factories import StandardPageFactory
from tests.test_approval_feedback import edit_form_data, member, workflow  # noqa: F401
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def named(user, first, last):
    user.first_name, user.last_name = first, last
    user.save()
    return user


def test_refusals_and_discard_name_people(client, django_user_model, workflow):  # noqa: F811
    ed1 = member(django_user_model, "ed1", roles.EDITORS)
    ed2 = named(member(django_user_model, "ed2", roles.EDITORS), "Bea", "Jones")
    publisher = member(django_user_model, "pub", roles.PUBLISHERS)

    draft = StandardPageFactory(parent=HomePage.objects.get(), live=False, owner=ed2)
    assert "was created by Bea Jones:" in deleting.refusal([draft], ed1)

    theme = ThemePage.objects.get(slug="belonging-and-agency")
    edit_url = reverse("wagtailadmin_pages:edit", args=[theme.pk])
    client.force_login(ed2)
    client.post(edit_url, edit_form_data(client, theme, title="An experiment"))
    theme = ThemePage.objects.get(pk=theme.pk)
    assert "has changes by Bea Jones that" in publishing.refusal([theme], publisher)
    client.force_login(publisher)
    editor = " ".join(client.get(edit_url).content.decode().split())
    assert "This page has changes by Bea Jones that visitors" in editor
    discard = " ".join(
        client.get(reverse(DISCARD_URL_NAME, args=[theme.pk])).content.decode().split()
    )
    assert "last published, by Bea Jones?" in discard and "ed2" not in discard
