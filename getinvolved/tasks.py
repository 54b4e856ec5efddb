"""Notification emails, sent by the tasks framework's worker after the submission is stored
(submissions.queue_emails records each one owed and queues send_delivery for it).

django-tasks has no retries of its own: a failed send is queued again with a growing delay
(run_after) until FORM_EMAIL_MAX_ATTEMPTS, and each attempt is recorded on the
EmailDelivery row, where staff see it.

A worker killed mid-send (or whose machine stopped) leaves its delivery "Sending": the claim
records when that attempt counts as abandoned (next_attempt_at, FORM_EMAIL_STUCK_AFTER_SECONDS
later), and ``requeue_stuck_deliveries`` queues such a delivery again whenever the worker
(`manage.py run_worker`) starts and every few minutes while it runs."""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.models import SiteSettings
from pagecache.worker import worker_heartbeat

from .records import EmailDelivery

logger = logging.getLogger("getinvolved.email")


@task()
def send_delivery(delivery_id):
    # Claim the delivery: only a task that moves it from "waiting" to "sending" may send it,
    # so a duplicate or late task finds nothing to do.
    # If this worker stops before it records the outcome, the attempt counts as abandoned at
    # next_attempt_at, and requeue_stuck_deliveries sends it again from then on.
    abandoned_at = timezone.now() + timedelta(seconds=settings.FORM_EMAIL_STUCK_AFTER_SECONDS)
    claimed = EmailDelivery.objects.filter(
        pk=delivery_id,
        status__in=[EmailDelivery.Status.PENDING, EmailDelivery.Status.RETRYING],
    ).update(
        status=EmailDelivery.Status.SENDING,
        attempts=F("attempts") + 1,
        next_attempt_at=abandoned_at,
    )
    if not claimed:
        return "nothing to send"
    delivery = EmailDelivery.objects.select_related("submission").get(pk=delivery_id)
    try:
        build_message(delivery).send()
    except Exception as error:  # noqa: BLE001 - any failure (refused, timeout, bad reply) is retried
        return record_failure(delivery, error)
    delivery.status = EmailDelivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.next_attempt_at = None
    delivery.save(update_fields=["status", "sent_at", "next_attempt_at"])
    return "sent"


def record_failure(delivery, error):
    delivery.last_error = f"{type(error).__name__}: {error}"[:500]
    backend = send_delivery.get_backend()
    if delivery.attempts < settings.FORM_EMAIL_MAX_ATTEMPTS and backend.supports_defer:
        delay = settings.FORM_EMAIL_RETRY_SECONDS * 2 ** (delivery.attempts - 1)
        delivery.next_attempt_at = timezone.now() + timedelta(seconds=min(delay, 6 * 60 * 60))
        delivery.status = EmailDelivery.Status.RETRYING
        send_delivery.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    else:
        delivery.next_attempt_at = None
        delivery.status = EmailDelivery.Status.FAILED
    delivery.save(update_fields=["status", "last_error", "next_attempt_at"])
    logger.warning(
        "Email delivery %s failed (attempt %s): %s; now %s",
        delivery.pk,
        delivery.attempts,
        type(error).__name__,
        delivery.status,
    )
    return delivery.status


@receiver(worker_heartbeat, dispatch_uid="getinvolved.requeue_stuck_deliveries")
def requeue_stuck_deliveries(**kwargs):
    """Queue again each delivery left "Sending" past its abandon time by a worker that
    stopped mid-send. Several workers may run this at once: moving the row out of "Sending"
    is the claim, so each stuck delivery is queued once. Returns how many were."""
    now = timezone.now()
    stuck = EmailDelivery.objects.filter(
        status=EmailDelivery.Status.SENDING, next_attempt_at__lte=now
    )
    requeued = 0
    for delivery in stuck.only("pk", "attempts"):
        gave_up = delivery.attempts >= settings.FORM_EMAIL_MAX_ATTEMPTS
        with transaction.atomic():
            moved = stuck.filter(pk=delivery.pk).update(
                status=EmailDelivery.Status.FAILED if gave_up else EmailDelivery.Status.RETRYING,
                last_error="The worker stopped while sending this email.",
                next_attempt_at=None if gave_up else now,
            )
            if moved and not gave_up:
                send_delivery.enqueue(delivery.pk)
                requeued += 1
        if moved:
            logger.warning(
                "Email delivery %s was left sending by a stopped worker; now %s",
                delivery.pk,
                "failed" if gave_up else "queued again",
            )
    return requeued


def build_message(delivery):
    # The member's confirmation in the language of the form they used (stored with the
    # submission: the worker has no request to take it from); the team's notification in
    # the site's language, which the admin speaks.
    submission = delivery.submission
    language = settings.LANGUAGE_CODE
    if delivery.kind == EmailDelivery.Kind.CONFIRMATION:
        language = submission.language or settings.LANGUAGE_CODE
    with translation.override(language):
        message = _build_message(delivery, submission)
    # Mail programs and screen readers read the message in its language (RFC 3282).
    message.extra_headers["Content-Language"] = translation.to_language(language)
    return message


def _build_message(delivery, submission):
    page = submission.page.specific
    site_settings = SiteSettings.for_site(page.get_site())
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    headers = {
        # One stable id per delivery: a receiving system can spot a resend.
        "Message-ID": f"<interest-delivery-{delivery.pk}@{urlsplit(base_url).hostname}>"
    }
    if delivery.kind == EmailDelivery.Kind.NOTIFICATION:
        # No answers in this email: editors choose its recipients, and only the Membership
        # team may read submissions. The email points them to the admin instead.
        listing = base_url + reverse("wagtailforms:list_submissions", args=[page.pk])
        body = (
            f"A new submission to “{page.title}” arrived on "
            f"{timezone.localtime(submission.submit_time):%d %B %Y at %H:%M}.\n"
            f"Region: {submission.region or 'not given'}\n\n"
            f"Members of the Membership team can read it here:\n{listing}\n"
        )
        subject = page.subject or f"New submission: {page.title}"
        reply_to = []
    else:
        body = f"{page.confirmation_text}\n\n{site_settings.organisation_name}\n"
        subject = page.confirmation_subject or _("Thank you: %(title)s") % {"title": page.title}
        reply_to = [site_settings.contact_email] if site_settings.contact_email else []
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=delivery.recipients.split(","),
        reply_to=reply_to,
        headers=headers,
    )
