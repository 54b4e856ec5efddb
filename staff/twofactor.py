"""Who must, and who may, use a second factor to sign in to the admin.

Required (settings.TWO_FACTOR_REQUIRED_GROUPS): superusers and the groups that can publish or
read members' submissions. Available to everyone else: anyone who has set up an
authenticator app is asked for a code at every sign-in, whatever their groups.
Development settings may exempt named accounts (the local admin); production exempts none
and always enforces (config/settings/production.py)."""

from django.conf import settings
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_NAME = "Authenticator app"


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


def pending_device(user):
    """The authenticator being set up (unconfirmed), created on first use: the same secret
    is shown until the member confirms it with a code."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


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
