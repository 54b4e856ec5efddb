"""The admin pages for the second factor (verifying a code at sign-in, setting up an
authenticator app) and the page shown when sign-in is locked."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from . import twofactor
from .forms import CodeForm

WRONG_CODE = (
    "That code was not right, or has expired. Enter the code your authenticator app shows now."
)
WAIT = "Too many wrong codes. Wait a minute, then enter the code your app shows."


def next_url(request):
    """Where to go once the second factor is given: the page asked for, if it is ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """Ask a signed-in member of staff for the code from their authenticator app."""
    device = twofactor.confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            form.add_error("code", WAIT)
        elif device.verify_token(form.cleaned_data["code"]):
            otp_login(request, device)
            return redirect(next_url(request))
        else:
            form.add_error("code", WRONG_CODE)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "staff/two_factor_verify.html",
        {"form": form, "next": next_url(request)},
        status=status,
    )


def qr_code_svg(data):
    """The QR code of ``data`` as inline SVG markup (no image request, nothing to host), on
    a white background so that it scans in the admin's dark theme too."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=20)
    markup = image.to_string(encoding="unicode")
    # Name it for screen readers; the key below it is the text alternative.
    return mark_safe(  # noqa: S308 - generated here from our own data
        markup.replace(
            "<svg ", '<svg role="img" aria-label="QR code for your authenticator app" ', 1
        )
    )


@never_cache
@sensitive_post_parameters("code")
def set_up(request):
    """Add an authenticator app: scan the QR code (or type the key), then confirm a code."""
    user = request.user
    if twofactor.has_device(user):
        return render(
            request,
            "staff/two_factor_set_up.html",
            {"device": twofactor.confirmed_device(user), "required": twofactor.required(user)},
        )
    device = twofactor.pending_device(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(
                request,
                "Two-factor authentication is on. You will be asked for a code each time you "
                "sign in.",
            )
            return redirect(next_url(request))
        form.add_error("code", WRONG_CODE)
    key = b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "staff/two_factor_set_up.html",
        {
            "form": form,
            "qr_code": qr_code_svg(device.config_url),
            "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            "required": twofactor.required(user),
            "next": next_url(request),
        },
        status=400 if form.is_bound else 200,
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in attempt while the account or address is locked
    (AXES_LOCKOUT_CALLABLE): the sign-in page's look, saying why and for how long."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = format_html(
        "Too many failed sign-in attempts for this account or from this connection. For your "
        "security, signing in is paused for {} minutes, even with the right password. If you "
        "need access sooner, ask a site administrator to unlock your account.",
        minutes,
    )
    return render(request, "staff/locked_out.html", {"message": message}, status=429)
