"""The guide's "Finding your way around" says exactly which menu items each role sees: each
role's top-level items and the items under them (Help's aside), as the admin builds its menu
for a member of that group after ``manage.py setup_groups``."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

from staff.names import EDITORS, MEMBERSHIP_TEAM, PUBLISHERS, REVIEWERS
from tests.browser.guide import GUIDE

pytestmark = pytest.mark.django_db

BOLD = re.compile(r"\*\*([^*]+)\*\*")


def guide_says(role):
    """(top-level items, every item named) in the guide's bullet for ``role``."""
    text = GUIDE.read_text("utf-8")
    section = text.split("## Finding your way around", 1)[1].split("\n## ", 1)[0]
    bullet = re.search(rf"\n  - \*\*{role}\*\* see: (.*?)(?=\n  - |\n- |\Z)", section, re.S)
    assert bullet, f"The guide does not say what {role} see"
    words = re.sub(r"\s+", " ", bullet.group(1))
    first_sentence = re.sub(r"\([^)]*\)", "", words.split(". ", 1)[0])
    return set(BOLD.findall(first_sentence)), set(BOLD.findall(words))


def menu_for(user):
    request = RequestFactory().get("/admin/")
    request.user, request.session = user, SessionStore()
    top, named = set(), set()
    for item in admin_menu.menu_items_for_request(request):
        top.add(str(item.label))
        named.add(str(item.label))
        if hasattr(item, "menu") and item.label != "Help":
            named |= {str(sub.label) for sub in item.menu.menu_items_for_request(request)}
    return top, named


@pytest.mark.parametrize("role", [EDITORS, REVIEWERS, PUBLISHERS, MEMBERSHIP_TEAM])
def test_the_guide_lists_each_roles_menu(role, starter_site, django_user_model):
    call_command("setup_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user(role.lower().replace(" ", "-"))
    user.groups.add(Group.objects.get(name=role))
    user = django_user_model.objects.get(pk=user.pk)  # no cached permissions
    shown_top, shown = menu_for(user)
    said_top, said = guide_says(role)
    assert said_top == shown_top, f"{role}: the guide says {said_top}, the menu has {shown_top}"
    assert said == shown, f"{role}: the guide names {said}, the menu has {shown}"
