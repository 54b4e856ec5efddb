"""Issue 18, acceptance 3: a form's warnings name the site settings only to those who can
open them; an Editor is told what they can do themselves."""

import html

import pytest
from django.contrib.auth.models import Group

from staff.names import EDITORS
from tests.getinvolved.formhelpers import form_page_edit_data

pytestmark = pytest.mark.django_db


def submit_form_page(client, form):
    data = form_page_edit_data(form, "action-submit")
    response = client.post(f"/admin/pages/{form.pk}/edit/", data, follow=True)
    return html.unescape(response.content.decode()).replace("'", "’")


def test_an_editor_is_not_sent_to_the_settings(client, django_user_model, forms):
    editor = django_user_model.objects.create_user("ed", password="not-used")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    said = submit_form_page(client, forms["share"])
    assert (
        "Nobody on staff will hear of this form’s submissions: fill in its “To address” under "
        "“Who is notified of each submission”."
    ) in said
    assert "Settings → Site settings" not in said
