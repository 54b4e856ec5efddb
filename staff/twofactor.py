"""Who must, and who may, use a second factor to sign in to the admin, and the
authenticator being set up.

Required (settings.TWO_FACTOR_REQUIRED_GROUPS): superusers and the groups that can publish or
read members' submissions. Available to everyone else: anyone who has set up an
authenticator app is asked for a code at every sign-in, whatever their groups.
Development settings may exempt named accounts (the local admin); production exempts none
and always enforces (config/settings/production.py).

The secret of an authenticator being set up lives only in the signed-in session that showed
it, for settings.TWO_FACTOR_SET_UP_SECONDS: nothing is stored for the account until a code
from it is confirmed, so a secret someone else saw (another session, an abandoned set-up)
can never become the account's authenticator."""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from .forms import SIX_DIGITS

AUTHENTICATOR_NAME = "Authenticator app"
SET_UP_SESSION_KEY = "staff_two_factor_set_up"


def enforced():
    return settings.TWO_FACTOR_ENFORCED


def exempt(user):
    return user.get_username() in settings.TWO_FACTOR_EXEMPT_USERNAMES


def required(user):
    """Whether ``user`` may not use the admin without a second factor."""
    if exempt(user):
        return False
    return (
        user.is_superuser
        or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()
    )


def has_device(user):
    return any(True for _ in devices_for_user(user, confirmed=True))


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def _unexpired_secret(request):
    pending = request.session.get(SET_UP_SESSION_KEY)
    if not isinstance(pending, dict) or pending.get("user") != request.user.pk:
        return None, pending is not None
    shown_at = pending.get("shown_at")
    if not isinstance(shown_at, int | float) or not isinstance(pending.get("key"), str):
        return None, True
    if time.time() - shown_at >= settings.TWO_FACTOR_SET_UP_SECONDS:
        return None, True
    return pending["key"], False


def secret_being_set_up(request):
    """(device, expired): the authenticator this session is setting up, as an unsaved
    device, and whether the one shown before has expired (a new secret replaces it)."""
    key, expired = _unexpired_secret(request)
    if key is None:
        key = random_hex(20)
        request.session[SET_UP_SESSION_KEY] = {
            "key": key,
            "user": request.user.pk,
            "shown_at": time.time(),
        }
    device = TOTPDevice(user=request.user, name=AUTHENTICATOR_NAME, key=key, confirmed=True)
    return device, expired


def confirm_set_up(request, device, code):
    """Save ``device`` (from secret_being_set_up) as the account's authenticator if ``code``
    is right for it and its secret is still this session's; True if so. Verified here, not
    with device.verify_token(), which would save the unconfirmed device on a wrong code."""
    key, _ = _unexpired_secret(request)
    if key is None or key != device.key or not SIX_DIGITS.fullmatch(code):
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if not totp.verify(int(code), device.tolerance):
        return False
    device.last_t = totp.t()
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user).delete()  # abandoned older set-ups
        device.save()
    del request.session[SET_UP_SESSION_KEY]
    return True


def remove_all_devices(user):
    """Remove every device of ``user``, confirmed or not (authenticators, recovery codes):
    the reset for a lost phone. Returns how many."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    return len(devices)


def end_sessions(user):
    """Sign ``user`` out everywhere: delete each stored session signed in as them (sessions
    are kept in the database). Returns how many. Done with a reset, so that a session that
    has the password but not the lost phone cannot set up its own authenticator."""
    ended = 0
    for session in Session.objects.iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            session.delete()
            ended += 1
    return ended


def next_step(user):
    """What a signed-in, not yet verified ``user`` must do before using the admin: "verify"
    (enter a code), "set-up" (add an authenticator first) or None (nothing)."""
    if not enforced() or user.is_verified():
        return None
    if has_device(user):
        return "verify"
    if required(user):
        return "set-up"
    return None
