"""Spam and abuse protection that needs no third-party service: a signed one-time form
token (idempotency key and minimum fill time) and a per-client rate limit in Django's cache
(the honeypot field is in forms.py). Blocked attempts are logged without personal data.

Mechanisms only: which checks run, in which order, and what the member is told is decided
in submissions.py. Nothing here knows the models."""

import hashlib
import logging
import time
import uuid

from django.conf import settings
from django.core import signing
from django.core.cache import cache

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


def client_address(request):
    header = settings.FORM_CLIENT_IP_HEADER
    if header and request.META.get(header):
        # The proxy in front of us appends the address it saw: the last entry.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_reference(request):
    """A short keyed hash of the client address: lets logs and the rate limit tell clients
    apart without storing the address itself."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode())
    return digest.hexdigest()[:16]


def rate_limit_exceeded(request, page):
    """Count this post against the client's allowance; True once it is used up."""
    window = settings.FORM_RATE_LIMIT_WINDOW
    bucket = int(time.time() // window)
    key = f"getinvolved:posts:{client_reference(request)}:{bucket}"
    # add() is a no-op when the key exists; incr() is atomic in Redis and LocMemCache.
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > settings.FORM_RATE_LIMIT


def log_blocked(request, page, reason):
    """Record a blocked attempt: which form, why, and a hashed client reference only."""
    logger.warning(
        "Blocked a form submission: form page %s, reason %s, client %s",
        page.pk,
        reason,
        client_reference(request),
    )
