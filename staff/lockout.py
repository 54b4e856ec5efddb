"""Sign-in lockout (django-axes) that a member of staff cannot clear for someone else.

django-axes' own reset on success (AXES_RESET_ON_SUCCESS) deletes every failed attempt that
matches any lockout parameter of the successful sign-in, including the address: anyone
with a login of their own could guess a colleague's password in batches and sign in
between batches to wipe the count. So that reset is off (config/settings/security.py) and
a successful sign-in clears only the failures recorded for its own username."""

from axes.models import AccessAttempt
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in, dispatch_uid="staff.reset_own_failed_sign_ins")
def reset_own_failed_sign_ins(sender, user, **kwargs):
    AccessAttempt.objects.filter(username=user.get_username()).delete()
