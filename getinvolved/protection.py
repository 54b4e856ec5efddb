"""Spam and abuse protection that needs no third-party service: a signed one-time form
token (idempotency key and minimum fill time), a per-form, per-client rate limit in Django's
cache that counts accepted submissions and bot signals apart, and a daily limit of
confirmation emails per recipient (the honeypot field is in forms.py). Blocked attempts are
logged without personal data.

Mechanisms only: which checks run, in which order, and what the member is told is decided
in submissions.py. Nothing here knows the models."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.core import signing

# Shared with the staff password reset; imported here under the names this module has used.
from pagecache.ratelimit import SlidingWindow, client_address, counters, reachable  # noqa: F401
from pagecache.ratelimit import keyed_hash as _keyed_hash

logger = logging.getLogger("getinvolved.protection")


def _salt(page):
    return f"getinvolved.form-token.{page.pk}"


def issue_token(page, issued_at=None):
    """A new token for one display of the form: a random key (the submission's idempotency
    key) and when the form was shown, signed so neither can be forged."""
    payload = {"key": uuid.uuid4().hex, "at": time.time() if issued_at is None else issued_at}
    return signing.dumps(payload, salt=_salt(page))


def reissue_token(page):
    """A fresh token for a member who has already filled the form in (their token expired or
    was damaged): dated as if shown long enough ago that sending at once is not "too fast"."""
    return issue_token(page, issued_at=time.time() - settings.FORM_MIN_FILL_SECONDS)


class TokenProblem(Exception):
    """Why a token is unusable: ``reason`` is "invalid", "expired" or "too-fast"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def read_token(page, token):
    """Return the token's idempotency key, or raise TokenProblem saying why it is unusable."""
    try:
        payload = signing.loads(token or "", salt=_salt(page), max_age=settings.FORM_TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise TokenProblem("expired") from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise TokenProblem("invalid") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("key"), str):
        raise TokenProblem("invalid")
    issued_at = payload.get("at")
    if not isinstance(issued_at, int | float):
        raise TokenProblem("invalid")
    if time.time() - issued_at < settings.FORM_MIN_FILL_SECONDS:
        raise TokenProblem("too-fast")
    return payload["key"]


def client_reference(request):
    """A short keyed hash of the client address: lets logs and the rate limit tell clients
    apart without storing the address itself."""
    return _keyed_hash(client_address(request))


# What the rate limit counts, per form and client address, with the setting limiting each.
ACCEPTED = "accepted"
BOT_SIGNAL = "bot-signal"
LIMITS = {ACCEPTED: "FORM_RATE_LIMIT", BOT_SIGNAL: "FORM_BOT_SIGNAL_LIMIT"}


def _window(kind, request, page):
    key = f"getinvolved:{kind}:{page.pk}:{client_reference(request)}"
    return SlidingWindow(key, settings.FORM_RATE_LIMIT_WINDOW)


def rate_limit_exceeded(request, page):
    """Whether this client has used up either allowance for this form. Counts nothing:
    ``record`` does, once the post's outcome is known. If the cache cannot be reached, the
    post is let through (a member's form matters more than a bot's) and that is logged."""
    try:
        return any(
            _window(kind, request, page).count() >= getattr(settings, setting)
            for kind, setting in LIMITS.items()
        )
    except Exception:  # noqa: BLE001 - any cache failure: fail open
        logger.exception("Rate limit cache unreachable: form post let through")
        return False


def record(request, page, kind):
    """Count an accepted submission (ACCEPTED) or a bot signal (BOT_SIGNAL) from this client
    to this form."""
    try:
        _window(kind, request, page).add()
    except Exception:  # noqa: BLE001 - any cache failure: fail open
        logger.exception("Rate limit cache unreachable: %s not counted", kind)


def mailbox(address):
    """The mailbox ``address`` reaches, for counting only (emails go to the address as typed):
    the local part unquoted (``"name"@`` is ``name@``), without a ``+tag`` (which most
    providers deliver to the same mailbox), and everything in lower case."""
    local, _, domain = address.strip().rpartition("@")
    if len(local) >= 2 and local.startswith('"') and local.endswith('"'):
        local = re.sub(r"\\(.)", r"\1", local[1:-1])
    local = local.split("+", 1)[0]
    return f"{local.lower()}@{domain.lower().rstrip('.')}"


def confirmation_allowed(address):
    """Whether one more confirmation email may go to ``address`` today (and count it):
    at most settings.FORM_CONFIRMATIONS_PER_ADDRESS per FORM_CONFIRMATION_WINDOW and mailbox.
    Fails closed: while the cache cannot be reached (Redis down or full) the count cannot be
    read, and the forms' rate limit lets every post through, so without this anyone could
    make the site mail a stranger any number of times. The submission is stored either way."""
    window = SlidingWindow(
        f"getinvolved:confirmations:{_keyed_hash(mailbox(address))}",
        settings.FORM_CONFIRMATION_WINDOW,
    )
    try:
        count = window.count()
        if not reachable():
            logger.warning("Rate limit cache unreachable: no confirmation email sent")
            return False
        if count >= settings.FORM_CONFIRMATIONS_PER_ADDRESS:
            return False
        window.add()
    except Exception:  # noqa: BLE001 - any cache failure: fail closed, as above
        logger.exception("Rate limit cache unreachable: no confirmation email sent")
        return False
    return True


def log_blocked(request, page, reason):
    """Record a blocked attempt: which form, why, and a hashed client reference only."""
    logger.warning(
        "Blocked a form submission: form page %s, reason %s, client %s",
        page.pk,
        reason,
        client_reference(request),
    )
