"""A mail outage never reaches the member, and every notification arrives exactly once when
the mail server comes back (acceptance 2).

Real parts throughout: the database task backend with its worker (`db_worker --batch`), and
a real SMTP server process (aiosmtpd, tests/getinvolved/smtp_sink.py) that is not running at
first, so connections are refused, and is then started."""

import email
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.test import Client
from formhelpers import register_answers, submit

from getinvolved.models import EmailDelivery, InterestSubmission
from tests.servers import free_port
from tests.tasks import run_due_tasks

SMTP_SINK = Path(__file__).with_name("smtp_sink.py")
MEMBERS = 3


def received_message_ids(mailbox):
    ids = []
    for path in sorted(mailbox.iterdir()):
        ids.append(email.message_from_bytes(path.read_bytes())["Message-ID"])
    return ids


@pytest.fixture
def smtp_server(tmp_path):
    """Start/stop control of a real SMTP server on a free port; it starts stopped."""

    class Server:
        port = free_port()
        mailbox = tmp_path / "mailbox"
        process = None

        def start(self):
            self.mailbox.mkdir(exist_ok=True)
            self.process = subprocess.Popen(
                [sys.executable, str(SMTP_SINK), str(self.port), str(self.mailbox)],
                stdout=subprocess.PIPE,
                text=True,
            )
            assert self.process.stdout.readline().strip() == "ready"

    server = Server()
    yield server
    if server.process:
        server.process.terminate()
        server.process.wait(timeout=10)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_outage_then_recovery_delivers_each_notification_once(
    forms, settings, smtp_server, membership_user
):
    page = forms["register"]
    page.to_address = "membership@example.org"
    page.save_revision().publish()

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_TIMEOUT = 5
    settings.FORM_EMAIL_RETRY_SECONDS = 1

    # The mail server is down. Members send the form and see the thank-you page.
    for number in range(MEMBERS):
        response = submit(
            Client(), page, register_answers(email_address=f"member{number}@example.org")
        )
        assert response.status_code == 302
        assert "Thank you for registering" in Client().get(response["Location"]).content.decode()
    assert InterestSubmission.objects.count() == MEMBERS
    deliveries = EmailDelivery.objects.all()
    assert deliveries.count() == MEMBERS * 2  # team notification + member confirmation each

    # The worker tries, fails, and schedules a retry; staff can see why.
    run_due_tasks()
    for delivery in EmailDelivery.objects.all():
        assert delivery.status == EmailDelivery.Status.RETRYING
        assert delivery.attempts == 1
        assert "ConnectionRefusedError" in delivery.last_error
        assert delivery.next_attempt_at is not None
    staff = Client()
    staff.force_login(membership_user)
    listing = staff.get("/admin/getinvolved/interestsubmission/").content.decode()
    assert listing.count("Team notification: Failed, will retry") == MEMBERS

    # The mail server comes back; the worker keeps running due tasks.
    smtp_server.start()
    deadline = time.monotonic() + 60
    while EmailDelivery.objects.exclude(status=EmailDelivery.Status.SENT).exists():
        assert time.monotonic() < deadline, list(
            EmailDelivery.objects.values("status", "last_error")
        )
        time.sleep(0.5)
        run_due_tasks()

    # Nothing is left to send, and running the worker again sends nothing more.
    time.sleep(2)
    run_due_tasks()
    received = Counter(received_message_ids(smtp_server.mailbox))
    expected = {
        f"<interest-delivery-{pk}@testserver>"
        for pk in EmailDelivery.objects.values_list("pk", flat=True)
    }
    assert set(received) == expected
    assert set(received.values()) == {1}
    assert sum(received.values()) == MEMBERS * 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_repeated_task_does_not_send_again(forms, settings, smtp_server):
    from getinvolved.tasks import send_delivery

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    smtp_server.start()

    submit(Client(), forms["register"], register_answers())
    delivery = EmailDelivery.objects.get()
    send_delivery.enqueue(delivery.pk)  # the same delivery queued a second time
    run_due_tasks()

    assert len(received_message_ids(smtp_server.mailbox)) == 1
    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_the_last_attempt_the_failure_stays_visible(forms, settings, smtp_server):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port  # never started
    settings.FORM_EMAIL_MAX_ATTEMPTS = 2
    settings.FORM_EMAIL_RETRY_SECONDS = 0

    submit(Client(), forms["register"], register_answers())
    run_due_tasks()  # a zero delay makes the retry due at once: both attempts run

    delivery = EmailDelivery.objects.get()
    assert delivery.status == EmailDelivery.Status.FAILED
    assert delivery.attempts == 2
    assert "ConnectionRefusedError" in delivery.last_error
    assert InterestSubmission.objects.count() == 1
