"""Delete is offered in the Pages listing (each row's ⋯ menu) only where the deleting rule
(editorial/deleting.py) allows it: not on another Editor's draft page, nor on a page in review;
and the guide says the rule."""

import re

import pytest
from django.urls import reverse

from home.models import HomePage
from staff import roles
from tests.browser.guide import GUIDE
from tests.factories import StandardPageFactory
from tests.test_approval_feedback import member, workflow  # noqa: F401

pytestmark = pytest.mark.django_db


def listing(client, user, parent):
    client.force_login(user)
    return client.get(reverse("wagtailadmin_explore", args=[parent.pk])).content.decode()


def test_delete_is_offered_only_where_it_is_allowed(client, django_user_model, workflow):  # noqa: F811
    ed1 = member(django_user_model, "ed1", roles.EDITORS)
    ed2 = member(django_user_model, "ed2", roles.EDITORS)
    publisher = member(django_user_model, "pub", roles.PUBLISHERS)
    parent = HomePage.objects.get()
    draft = StandardPageFactory(parent=parent, title="Ed2's draft", live=False, owner=ed2)
    delete_url = reverse("wagtailadmin_pages:delete", args=[draft.pk])
    assert delete_url in listing(client, ed2, parent)  # their own draft
    assert delete_url in listing(client, publisher, parent)
    assert delete_url not in listing(client, ed1, parent)  # refused by the rule: not offered
    guide = re.sub(r"\s+", " ", GUIDE.read_text("utf-8"))
    assert "only the person who created it or a Publisher can delete it" in guide
