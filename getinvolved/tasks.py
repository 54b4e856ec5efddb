"""Notification emails, sent by the tasks framework's worker after the submission is stored
(submissions.queue_emails records each one owed and queues send_delivery for it).

django-tasks has no retries of its own: a failed send is queued again with a growing delay
(run_after) until FORM_EMAIL_MAX_ATTEMPTS, and each attempt is recorded on the
EmailDelivery row, where staff see it."""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from core.models import SiteSettings

from .records import EmailDelivery

logger = logging.getLogger("getinvolved.email")


@task()
def send_delivery(delivery_id):
    # Claim the delivery: only a task that moves it from "waiting" to "sending" may send it,
    # so a duplicate or late task finds nothing to do.
    claimed = EmailDelivery.objects.filter(
        pk=delivery_id,
        status__in=[EmailDelivery.Status.PENDING, EmailDelivery.Status.RETRYING],
    ).update(status=EmailDelivery.Status.SENDING, attempts=F("attempts") + 1)
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


def build_message(delivery):
    submission = delivery.submission
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
        subject = page.confirmation_subject or f"Thank you: {page.title}"
        reply_to = [site_settings.contact_email] if site_settings.contact_email else []
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=delivery.recipients.split(","),
        reply_to=reply_to,
        headers=headers,
    )
