"""Handling a member's interest form, from display to stored record. The page's form route
(models.InterestFormPage.form_view) calls the two entry points here:

- ``blank_form(page, request, privacy_page)``: a new form carrying a one-time token;
- ``handle_post(page, request, privacy_page)``: the whole answer to a POST, in this order:
  1. refusals before the answers are read (``screen``: rate limit, honeypot, token problems),
     each a ``Refusal`` (reason logged, message shown, status, whether the token is renewed);
  2. a token already used (a second click or a resend): straight to the thank-you page;
  3. invalid answers: the form again with its errors;
  4. ``store``: the answers with the consent record (``record_consent``) and the emails owed
     (``queue_emails``), in one transaction; the same answers sent again are stored once.

protection.py holds the mechanisms (tokens, the rate counter, the blocked-attempt log);
records.py the rows written; tasks.py sends the queued emails.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import protection
from .forms import TOKEN_FIELD
from .languages import language_of
from .records import ConsentNotice, EmailDelivery, InterestSubmission
from .tasks import send_delivery


@dataclass(frozen=True)
class Refusal:
    """A post refused before its answers are read. ``reason`` goes to the log (logger
    getinvolved.protection, with a hashed client reference only), ``message`` above the
    member's answers, which stay in the form. ``renew_token(page)`` gives the redisplayed
    form a new token; None keeps the one posted (a rate-limited member may send it later).
    ``bot_signal``: whether it counts towards the client's bot allowance (protection.record)."""

    reason: str
    message: str
    status: int
    renew_token: Callable[[object], str] | None = None
    bot_signal: bool = False


_SEND_AGAIN = _(
    "For your security this form had expired. Your answers are still here: "
    "please check them and send the form again."
)

RATE_LIMITED = Refusal(
    "rate-limit",
    _(
        "We have received a lot of forms from your connection in a short time. "
        "Your answers are still here: please wait a few minutes, then send the form again."
    ),
    429,
)
HONEYPOT = Refusal(
    "honeypot",
    _("We could not accept this form. Please check your answers and send it again."),
    400,
    protection.reissue_token,
    bot_signal=True,
)
# By protection.TokenProblem's reason. An expired form is a member's, not a bot's.
TOKEN_REFUSALS = {
    "too-fast": Refusal(
        "token-too-fast",
        _(
            "That was quicker than we expected from a person. Please check your answers, then "
            "send the form again."
        ),
        400,
        protection.issue_token,  # dated now: sending at once is still too fast
        bot_signal=True,
    ),
    "expired": Refusal("token-expired", _SEND_AGAIN, 400, protection.reissue_token),
    "invalid": Refusal(
        "token-invalid", _SEND_AGAIN, 400, protection.reissue_token, bot_signal=True
    ),
}


def blank_form(page, request, privacy_page):
    """The form as first shown, with a new one-time token."""
    return page.get_form(
        user=request.user,
        privacy_page=privacy_page,
        initial={TOKEN_FIELD: protection.issue_token(page)},
    )


def handle_post(page, request, privacy_page):
    """Answer a member's POST to ``page``'s form: the response to send back."""
    form = page.get_form(request.POST, user=request.user, privacy_page=privacy_page)
    refusal, key = screen(page, request, form)
    if refusal is not None:
        return refuse(page, request, form, refusal)
    if InterestSubmission.objects.filter(idempotency_key=key).exists():
        return redirect(page.thank_you_url())  # a second click or a resend: stored once
    if not form.is_valid():
        return page.render_form(request, form)
    store(page, form, key, privacy_page)
    protection.record(request, page, protection.ACCEPTED)
    # Post/redirect/get: refreshing the thank-you page cannot send the form again.
    return redirect(page.thank_you_url())


def screen(page, request, form):
    """Checks made before the answers are read, in order. Returns ``(refusal, None)`` for a
    post to refuse, or ``(None, key)`` with the token's idempotency key."""
    if protection.rate_limit_exceeded(request, page):
        return RATE_LIMITED, None
    if form.honeypot_filled():
        return HONEYPOT, None
    try:
        return None, protection.read_token(page, request.POST.get(TOKEN_FIELD))
    except protection.TokenProblem as problem:
        return TOKEN_REFUSALS[problem.reason], None


def refuse(page, request, form, refusal):
    protection.log_blocked(request, page, refusal.reason)
    if refusal.bot_signal:
        protection.record(request, page, protection.BOT_SIGNAL)
    if refusal.renew_token is not None:
        form.data = form.data.copy()
        form.data[TOKEN_FIELD] = refusal.renew_token(page)
    problem = refusal.message
    if refusal is TOKEN_REFUSALS["too-fast"] and not form.is_valid():
        # A person with answers to fix is told only those: "quicker than expected" above
        # "Enter your name" reads as an accusation. (Still counted as a bot signal above.)
        problem = ""
    return page.render_form(request, form, problem=problem, status=refusal.status)


def store(page, form, key, privacy_page):
    """Store the answers with the consent record, then queue the emails in the same
    transaction. A duplicate (same token, or the same answers to this form) is dropped and
    the submission already stored is returned."""
    answers = form.answers()
    fingerprint = hashlib.sha256(
        json.dumps([page.pk, answers], cls=DjangoJSONEncoder, sort_keys=True).encode()
    ).hexdigest()
    notice = record_consent(privacy_page)
    try:
        with transaction.atomic():
            submission = InterestSubmission.objects.create(
                page=page,
                form_data=answers,
                idempotency_key=key,
                fingerprint=fingerprint,
                region=str(answers.get("region") or "")[:255],
                consent_notice=notice,
                consented_at=timezone.now(),
                language=language_of(page),
            )
            queue_emails(page, submission)
    except IntegrityError:
        duplicate = InterestSubmission.objects.filter(
            Q(idempotency_key=key) | Q(page=page, fingerprint=fingerprint)
        ).first()
        if duplicate is None:
            raise
        return duplicate
    return submission


def record_consent(privacy_page):
    """The ConsentNotice holding the privacy notice's text as the member sees it now: the
    privacy notice page's own rendering, generated sections included (privacy.py); for
    another page type, the body's words as search indexing reads them. Each distinct text
    is stored once."""
    if hasattr(privacy_page, "consent_text"):
        text = privacy_page.consent_text()
    else:
        body = getattr(privacy_page, "body", None)
        parts = body.stream_block.get_searchable_content(body) if body else []
        text = "\n\n".join(" ".join(str(part).split()) for part in parts if str(part).strip())
    language = language_of(privacy_page)
    digest = f"{privacy_page.title}\n\n{text}"
    if language != settings.LANGUAGE_CODE:  # English digests as before (existing rows)
        digest = f"{language}\n{digest}"
    digest = hashlib.sha256(digest.encode()).hexdigest()
    notice, _ = ConsentNotice.objects.get_or_create(
        sha256=digest,
        defaults={
            "page": privacy_page,
            "revision_id": privacy_page.live_revision_id,
            "title": privacy_page.title,
            "text": text,
            "language": language,
        },
    )
    return notice


def queue_emails(page, submission):
    """Record the emails owed for a new submission and queue a task for each. Called inside
    the transaction that stores the submission: with the database task backend the tasks are
    committed with it, or not at all."""
    owed = []
    recipients = page.notification_recipients()
    if recipients:
        owed.append((EmailDelivery.Kind.NOTIFICATION, recipients))
    member = page.member_email(submission)
    if page.send_confirmation and member and protection.confirmation_allowed(member):
        owed.append((EmailDelivery.Kind.CONFIRMATION, [member]))
    for kind, addresses in owed:
        delivery = EmailDelivery.objects.create(
            submission=submission, kind=kind, recipients=",".join(addresses)
        )
        send_delivery.enqueue(delivery.pk)
