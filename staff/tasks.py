"""The password reset email, sent by the task worker (queued by staff/passwords.py)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django_tasks import task


@task()
def send_password_reset(email, use_https, subject_template_name, email_template_name):
    """Send the reset link to each active account with this address (none: nothing). Links
    use WAGTAILADMIN_BASE_URL (Wagtail's email template), not the request's host name."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return "not an address"
    form.save(
        domain_override=urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname,
        use_https=use_https,
        subject_template_name=subject_template_name,
        email_template_name=email_template_name,
    )
    return "done"
