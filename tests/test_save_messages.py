"""Saving a draft in the page editor says it is a draft and whether visitors see it, rather
than Wagtail's "Page '…' has been updated." (said even of a new case study's first draft)."""

import pytest
from django.urls import reverse

from casestudies.models import CaseStudyPage
from staff import roles
from tests.test_approval_feedback import edit_form_data, member, messages_of, workflow  # noqa: F401
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def test_save_draft_says_draft(client, django_user_model, workflow):  # noqa: F811
    editor = member(django_user_model, "ed", roles.EDITORS)
    client.force_login(editor)
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    url = reverse("wagtailadmin_pages:edit", args=[theme.pk])
    said = messages_of(client.post(url, edit_form_data(client, theme), follow=True))
    assert f"“{theme.title}” is saved as a draft. Visitors still see the live page." in said
    assert not any("has been updated" in m for m in said)

    new = CaseStudyPage.objects.first()
    new.unpublish()
    url = reverse("wagtailadmin_pages:edit", args=[new.pk])
    said = messages_of(client.post(url, edit_form_data(client, new), follow=True))
    assert f"“{new.title}” is saved as a draft. Visitors do not see it yet." in said
