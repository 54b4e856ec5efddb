"""Resetting a forgotten admin password, without Wagtail's in-request email.

Wagtail's view (Django's) looks the address up and sends the email while the visitor
waits: unthrottled, and measurably quicker for an address that has no account. Here the
form only queues a task with the address, the same for every address (staff/tasks.py finds
the accounts and sends, in the worker), and the answer is always the same "check your
email" page. Requests are limited per address and per client (pagecache/ratelimit.py)."""

import logging

from django import forms
from django.conf import settings
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from pagecache.ratelimit import SlidingWindow, client_address, keyed_hash

from .tasks import send_password_reset

logger = logging.getLogger("staff.passwords")

TOO_MANY = (
    "Too many password reset requests for this email address or from this connection. "
    "Wait an hour, then try again. If you need access sooner, ask a site administrator."
)


def _windows(request, email):
    window = settings.PASSWORD_RESET_WINDOW
    return [
        (
            SlidingWindow(f"staff:password-reset:address:{keyed_hash(email)}", window),
            settings.PASSWORD_RESET_LIMIT_PER_ADDRESS,
        ),
        (
            SlidingWindow(
                f"staff:password-reset:client:{keyed_hash(client_address(request))}", window
            ),
            settings.PASSWORD_RESET_LIMIT_PER_CLIENT,
        ),
    ]


class QueuedPasswordResetForm(PasswordResetForm):
    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self):
        cleaned_data = super().clean()
        email = cleaned_data.get("email")
        if email:
            self.count_request(email.strip().lower())
        return cleaned_data

    def count_request(self, email):
        """Refuse a request past either limit; count it otherwise. Known and unknown
        addresses count alike. If the shared cache cannot be reached, the request goes
        through (fail open, as the forms' rate limit)."""
        try:
            windows = _windows(self.request, email)
            if any(window.count() >= limit for window, limit in windows):
                logger.warning("Password reset refused: too many requests")
                raise forms.ValidationError(TOO_MANY, code="throttled")
            for window, _ in windows:
                window.add()
        except forms.ValidationError:
            raise
        except Exception:  # noqa: BLE001 - any cache failure: fail open
            logger.exception("Rate limit cache unreachable: password reset let through")

    def save(self, use_https=False, **options):
        # Whether the address has an account is left to the worker: this request does the
        # same for every address.
        send_password_reset.enqueue(
            self.cleaned_data["email"],
            use_https=use_https,
            subject_template_name=options["subject_template_name"],
            email_template_name=options["email_template_name"],
        )


class QueuedPasswordResetView(PasswordResetView):
    """Wagtail's page and templates, with the form above (config/urls.py puts it at
    Wagtail's address: the form needs the request, which Wagtail's form setting cannot
    give it)."""

    def get_form_class(self):
        return QueuedPasswordResetForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
