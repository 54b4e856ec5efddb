"""Recovery codes (django-otp's static device): made when an authenticator is set up, shown
once, each signs in once in place of a code from the phone; the member can replace them all
with new ones. Between being made and being shown, new codes wait in the session only."""

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

DEVICE_NAME = "Recovery codes"
HOW_MANY = 10
SESSION_KEY = "staff_new_recovery_codes"
REPLACED_KEY = "staff_recovery_codes_replaced"


def make_new_codes(request):
    """Replace the member's recovery codes with new ones, to be shown once (take_new_codes)."""
    user = request.user
    codes = [StaticToken.random_token() for _ in range(HOW_MANY)]
    with transaction.atomic():
        replaced, _ = StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    request.session[SESSION_KEY] = codes
    request.session[REPLACED_KEY] = bool(replaced)


def replaced_old_codes(request):
    """Whether the codes just made replaced older ones (so that only then the page says the
    old ones no longer work)."""
    return bool(request.session.pop(REPLACED_KEY, False))


def take_new_codes(request):
    """The codes just made, formatted for reading ("abcd-efgh"), or [] once shown."""
    codes = request.session.pop(SESSION_KEY, None) or []
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def unused_count(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def device_for(user):
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()
