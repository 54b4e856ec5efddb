"""Steps in the Wagtail admin that several browser tests take, done as a person would."""

import re

from django.contrib.auth.models import Group
from playwright.sync_api import expect


def add_user(django_user_model, username, group_name):
    password = f"{username}-password-1"
    user = django_user_model.objects.create_user(username, password=password)
    user.groups.add(Group.objects.get(name=group_name))
    return username, password


def sign_in(page, live_site, username, password):
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_site + "/admin/")
    expect(page.get_by_role("button", name=username, exact=True)).to_be_visible()


def sign_out(page, username):
    page.get_by_role("button", name=username, exact=True).click()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def field(scope, label, role="textbox"):
    """A form field by its visible label; required fields' labels end with '*'."""
    return scope.get_by_role(role, name=re.compile(rf"^{re.escape(label)}\*?$"))


def menu(scope):
    """The open drop-down menu in ``scope`` (Wagtail marks its content with this attribute)."""
    return scope.locator('[data-w-dropdown-target="content"]')
