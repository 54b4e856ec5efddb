"""A Publisher opening a page that holds an Editor's unapproved draft is not offered Publish,
and a Publish posted anyway is refused before anything is saved: no draft is left in the
Publisher's name, so the Discard draft screen names only the Editor."""

import pytest
from django.urls import reverse

from editorial.drafts import DISCARD_URL_NAME
from staff import roles
from tests.test_approval_feedback import edit_form_data, member, messages_of, workflow  # noqa: F401
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def test_publish_is_neither_offered_nor_saved_over_an_editors_draft(
    client,
    django_user_model,
    workflow,  # noqa: F811
):
    editor = member(django_user_model, "ed1", roles.EDITORS)
    publisher = member(django_user_model, "pub", roles.PUBLISHERS)
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    edit_url = reverse("wagtailadmin_pages:edit", args=[theme.pk])
    client.force_login(editor)
    client.post(edit_url, edit_form_data(client, theme, title="An experiment"))
    revisions = theme.revisions.count()

    client.force_login(publisher)
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    data = edit_form_data(client, theme, title="Published over it")
    response = client.post(edit_url, {**data, "action-publish": "1"}, follow=True)
    assert any("have not been approved" in m for m in messages_of(response))
    theme = ThemePage.objects.get(pk=theme.pk)
    assert theme.revisions.count() == revisions  # nothing saved in the Publisher's name
    assert theme.title != "Published over it"
    discard = client.get(reverse(DISCARD_URL_NAME, args=[theme.pk])).content.decode()
    assert "since it was last published, by ed1?" in " ".join(discard.split())
