"""The admin pages for the second factor (verifying a code or a recovery code at sign-in,
setting up an authenticator app, recovery codes) and the page shown when sign-in is
locked."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from . import recovery, twofactor
from .forms import CodeForm, RecoveryCodeForm

WRONG_CODE = (
    "That code was not right, or has expired. Enter the code your authenticator app shows now."
)
WAIT = "Too many wrong codes. Wait a minute, then enter the code your app shows."
WRONG_RECOVERY_CODE = (
    "That recovery code was not right, or has been used. Each code works once: try another."
)
WAIT_RECOVERY = "Too many wrong recovery codes. Wait a minute, then try again."


def expired_message():
    minutes = settings.TWO_FACTOR_SET_UP_SECONDS // 60
    return (
        f"The key shown before has expired (keys last {minutes} minutes). In your "
        "authenticator app, delete the account you added, then scan this new QR code."
    )


def next_url(request):
    """Where to go once the second factor is given: the page asked for, if it is ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("code", "recovery_code")
def verify(request):
    """Ask a signed-in member of staff for the code from their authenticator app, or for one
    of their recovery codes if they have lost their phone."""
    device = twofactor.confirmed_device(request.user)
    spare = recovery.device_for(request.user)
    if (device is None and spare is None) or request.user.is_verified():
        return redirect(next_url(request))
    using_recovery = "recovery_code" in request.POST
    form = CodeForm(None if using_recovery else (request.POST or None))
    recovery_form = RecoveryCodeForm(request.POST if using_recovery else None)
    if form.is_valid():
        allowed, _ = device.verify_is_allowed() if device else (True, None)
        if device is None:
            form.add_error("code", WRONG_CODE)
        elif not allowed:
            form.add_error("code", WAIT)
        elif device.verify_token(form.cleaned_data["code"]):
            otp_login(request, device)
            return redirect(next_url(request))
        else:
            form.add_error("code", WRONG_CODE)
    if recovery_form.is_valid():
        code = recovery_form.cleaned_data["recovery_code"]  # as stored: "abcdefgh"
        allowed, _ = spare.verify_is_allowed() if spare else (True, None)
        if not allowed:
            recovery_form.add_error("recovery_code", WAIT_RECOVERY)
        elif spare is not None and spare.verify_token(code):
            otp_login(request, spare)
            messages.warning(
                request,
                f"You signed in with a recovery code, which now no longer works. "
                f"{recovery.unused_count(request.user)} unused codes are left: make new ones "
                "from Account → More actions → Two-factor authentication (the menu under your "
                "name), and if your phone is lost, ask a site administrator to reset your "
                "authenticator.",
            )
            return redirect(next_url(request))
        else:
            recovery_form.add_error("recovery_code", WRONG_RECOVERY_CODE)
    status = 400 if form.is_bound or recovery_form.is_bound else 200
    return render(
        request,
        "staff/two_factor_verify.html",
        {"form": form, "recovery_form": recovery_form, "next": next_url(request)},
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
    """Add an authenticator app: scan the QR code (or type the key), then confirm a code.
    The key is this session's alone and lasts TWO_FACTOR_SET_UP_SECONDS (twofactor.py)."""
    user = request.user
    if twofactor.has_device(user):
        return render(
            request,
            "staff/two_factor_set_up.html",
            {
                "device": twofactor.confirmed_device(user),
                "required": twofactor.required(user),
                "verified": user.is_verified(),
                "recovery_codes_left": recovery.unused_count(user),
            },
        )
    device, expired = twofactor.secret_being_set_up(request)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if expired:
            form.add_error("code", expired_message())
        elif twofactor.confirm_set_up(request, device, form.cleaned_data["code"]):
            otp_login(request, device)
            recovery.make_new_codes(request)  # the next page says it is on, and shows them
            return redirect(
                f"{reverse('staff_recovery_codes')}?{urlencode({'next': next_url(request)})}"
            )
        else:
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
            "minutes": settings.TWO_FACTOR_SET_UP_SECONDS // 60,
            "expired": expired_message() if expired and not form.is_bound else "",
            "next": next_url(request),
        },
        status=400 if form.is_bound else 200,
    )


@never_cache
def recovery_codes(request):
    """Show the recovery codes just made, once; a POST replaces them with new ones. Only a
    session that has given its second factor may see or make them."""
    if not request.user.is_verified():
        return redirect("staff_two_factor_set_up")
    if request.method == "POST":
        recovery.make_new_codes(request)
        return redirect("staff_recovery_codes")
    return render(
        request,
        "staff/recovery_codes.html",
        {
            "codes": recovery.take_new_codes(request),
            "replaced": recovery.replaced_old_codes(request),
            "left": recovery.unused_count(request.user),
            "next": next_url(request),
        },
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
