"""Keeps a signed-in member of staff out of the admin until they have given their second
factor. Installed after django-otp's OTPMiddleware, which tells whether this session's user
has been verified."""

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from . import twofactor

# The admin pages someone part-way through signing in may still open.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_icons",
    "staff_two_factor_verify",
    "staff_two_factor_set_up",
}
STEP_URL_NAMES = {"verify": "staff_two_factor_verify", "set-up": "staff_two_factor_set_up"}


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.second_factor_needed(request) or self.get_response(request)

    def second_factor_needed(self, request):
        """A redirect to the verification or set-up page, or None to carry on."""
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None  # the public site shows nothing that needs a second factor
        user = request.user
        if not user.is_authenticated:
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.url_name in OPEN_URL_NAMES:
            return None
        step = twofactor.next_step(user)
        if step is None:
            return None
        target = reverse(STEP_URL_NAMES[step])
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
