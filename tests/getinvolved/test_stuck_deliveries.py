"""A delivery left "Sending" by a worker killed mid-send is sent later, exactly once, to a real
SMTP server (issue 10, acceptance 5).

Real parts: the worker is `manage.py run_worker`, a subprocess on the test's database. The
first mail server accepts the connection and then says nothing, so the worker is inside
send() when it is killed (SIGKILL: no clean-up runs). The second is a real SMTP server
process (aiosmtpd, smtp_sink.py) that a new worker sends to."""

import email
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from formhelpers import register_answers, submit

from getinvolved.models import EmailDelivery
from tests.servers import free_port

SMTP_SINK = Path(__file__).with_name("smtp_sink.py")
STUCK_AFTER = 3


class SilentMailServer:
    """Accepts connections and never answers: a mail server that hangs mid-conversation."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self):
        self.listener.close()
        for conn in self.connections:
            conn.close()


def database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    credentials = f"{db['USER']}:{db['PASSWORD']}"
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def worker(mail_port, *arguments):
    """The command and environment of `manage.py run_worker` on this test's database."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": database_url(),
        "EMAIL_PORT": str(mail_port),
        "FORM_EMAIL_STUCK_AFTER_SECONDS": str(STUCK_AFTER),
    }
    command = [sys.executable, "manage.py", "run_worker", "--no-startup-delay", *arguments]
    return {"args": command, "env": environment, "cwd": django_settings.BASE_DIR, "text": True}


def wait_for(condition, what, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


@pytest.fixture
def smtp_sink(tmp_path):
    mailbox = tmp_path / "mailbox"
    mailbox.mkdir()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(SMTP_SINK), str(port), str(mailbox)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "ready"
    yield port, mailbox
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_delivery_left_sending_by_a_killed_worker_is_sent_later_exactly_once(
    forms, settings, smtp_sink
):
    page = forms["register"]
    page.to_address = "membership@example.org"
    page.save_revision().publish()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert submit(Client(), page, register_answers()).status_code == 302
    owed = set(EmailDelivery.objects.values_list("pk", flat=True))
    assert len(owed) == 2  # the team's notification and the member's confirmation

    # A worker claims the first email; the mail server hangs; the worker is killed.
    silent = SilentMailServer()
    killed = subprocess.Popen(
        **worker(silent.port, "--interval", "0.2"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(
            lambda: (
                EmailDelivery.objects.filter(status=EmailDelivery.Status.SENDING).exists()
                and silent.connections
            ),
            "the worker to be sending",
        )
        killed.kill()
        killed.wait(timeout=10)
    finally:
        silent.close()
    stuck = EmailDelivery.objects.get(status=EmailDelivery.Status.SENDING)
    assert stuck.attempts == 1
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 1  # left so by the kill

    # Later, a worker starts (the stuck time has passed) with a mail server that works.
    time.sleep(STUCK_AFTER + 0.5)
    port, mailbox = smtp_sink
    output = subprocess.run(
        **worker(port, "--batch", "--interval", "0"), capture_output=True, timeout=120
    )
    assert output.returncode == 0, output.stdout + output.stderr

    stuck.refresh_from_db()
    assert stuck.status == EmailDelivery.Status.SENT
    assert stuck.attempts == 2
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {"sent"}
    received = Counter(
        email.message_from_bytes(path.read_bytes())["Message-ID"] for path in mailbox.iterdir()
    )
    assert received == Counter({f"<interest-delivery-{pk}@testserver>": 1 for pk in owed})
    assert "left sending by a stopped worker" in output.stdout + output.stderr


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_running_worker_finds_a_delivery_that_becomes_stuck_later(forms, settings, smtp_sink):
    """A delivery left "Sending" by another worker that stopped a moment ago is not stuck yet
    when this worker starts; the worker's periodic check sends it once it is."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert submit(Client(), forms["register"], register_answers()).status_code == 302
    delivery = EmailDelivery.objects.get()
    # As a worker that took it and then stopped leaves it: its task "running" for ever.
    DBTaskResult.objects.update(status="RUNNING")
    EmailDelivery.objects.filter(pk=delivery.pk).update(
        status=EmailDelivery.Status.SENDING,
        attempts=1,
        next_attempt_at=timezone.now() + timedelta(seconds=STUCK_AFTER),
    )
    port, mailbox = smtp_sink
    running = subprocess.Popen(
        **worker(port, "--interval", "0.2"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(lambda: any(mailbox.iterdir()), "the email to arrive")
        time.sleep(2)  # a few more checks: nothing is sent twice
    finally:
        running.terminate()
        running.wait(timeout=15)
    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 2
    assert len(list(mailbox.iterdir())) == 1
