"""Wiring into Wagtail's admin: the second factor's pages and menu entries. (The rules on
publishing, deleting and cancelling a review are the editorial app's.)"""

from django.urls import path, reverse
from wagtail import hooks

from . import twofactor, views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/verify/", views.verify, name="staff_two_factor_verify"),
        path("two-factor/", views.set_up, name="staff_two_factor_set_up"),
        path("two-factor/recovery-codes/", views.recovery_codes, name="staff_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("staff_two_factor_set_up"),
        "label": "Two-factor authentication",
        "help_text": "Ask for a code from your phone as well as your password when you sign in.",
    }


@hooks.register("construct_main_menu")
def hide_menu_until_second_factor(request, menu_items):
    # Someone setting up their authenticator sees the admin's frame but none of its areas:
    # every area would send them back here until they have.
    if twofactor.next_step(request.user) is not None:
        menu_items.clear()
