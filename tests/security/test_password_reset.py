"""Red-team finding (issue 15): the admin's password reset sent its email inside the
request, unthrottled, and answered measurably faster for an address with no account. Now
the request only queues a task (the worker finds the account and sends), every address gets
the same answer, and requests are limited per address and per client."""

import io
import re

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import Client
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from tests.tasks import run_due_tasks

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"
THROTTLED = "Too many password reset requests for this email address or from this connection"


@pytest.fixture(autouse=True)
def worker(monkeypatch, settings):
    """The database task backend, as in production; tests run its worker (tests/tasks.py).
    The worker would close the test's transaction between tasks: here it keeps it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    for cache in caches.all():
        cache.clear()  # the rate limit's counters


@pytest.fixture
def sam(django_user_model):
    return django_user_model.objects.create_user("sam", "sam@example.org", "a long passphrase")


def ask(email, address="192.0.2.10"):
    return Client(REMOTE_ADDR=address).post(RESET, {"email": email})


def reset_tasks():
    return DBTaskResult.objects.filter(task_path="staff.tasks.send_password_reset")


def test_the_email_is_queued_and_the_worker_sends_it(sam):
    response = ask("Sam@Example.org")
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    assert mail.outbox == []  # nothing sent while the visitor waited
    assert reset_tasks().count() == 1

    run_due_tasks()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["sam@example.org"]
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", email.body).group(1)
    assert "sam" in email.body  # Wagtail's email reminds them of their username
    page = Client().get(link, follow=True)
    assert page.status_code == 200
    assert "new_password1" in page.content.decode()


def test_an_address_without_an_account_gets_the_same_answer(sam):
    known, unknown = ask("sam@example.org"), ask("nobody@example.org", address="192.0.2.11")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert reset_tasks().count() == 2  # the request does the same work for both
    done = Client().get(unknown["Location"])
    assert "if an account exists for this address" in done.content.decode()
    run_due_tasks()
    assert [email.to for email in mail.outbox] == [["sam@example.org"]]


def test_repeated_requests_for_one_address_are_refused(sam):
    for number in range(3):
        assert ask("sam@example.org", address=f"192.0.2.{number + 20}").status_code == 302
    for email in ("sam@example.org", "SAM@example.org "):  # from yet another client
        refused = ask(email, address="198.51.100.7")
        assert refused.status_code == 200
        assert THROTTLED in refused.content.decode()
    # An address with no account is refused alike: the limit tells nothing about accounts.
    for _ in range(3):
        ask("nobody@example.org", address="198.51.100.8")
    assert THROTTLED in ask("nobody@example.org", address="198.51.100.9").content.decode()
    run_due_tasks()
    assert len(mail.outbox) == 3


def test_repeated_requests_from_one_client_are_refused(sam):
    for number in range(10):
        assert ask(f"person{number}@example.org").status_code == 302
    refused = ask("sam@example.org")
    assert refused.status_code == 200
    assert THROTTLED in refused.content.decode()
    assert ask("sam@example.org", address="198.51.100.7").status_code == 302  # another client
    run_due_tasks()
    assert len(mail.outbox) == 1


def test_the_daily_retention_run_deletes_finished_reset_tasks_and_the_addresses_in_them(sam):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    ask("sam@example.org")
    ask("typo@example.org", address="192.0.2.12")
    run_due_tasks()
    assert "typo@example.org" in str(list(reset_tasks().values_list("args_kwargs", flat=True)))
    call_command("purge_old_submissions", stdout=io.StringIO())
    assert reset_tasks().count() == 2  # finished today: kept for TASK_RESULT_RETENTION_DAYS
    reset_tasks().update(finished_at=timezone.now() - timedelta(days=2))
    ask("later@example.org", address="192.0.2.13")  # queued, not yet run: kept
    call_command("purge_old_submissions", stdout=io.StringIO())
    left = list(reset_tasks().values_list("args_kwargs", flat=True))
    assert len(left) == 1 and "later@example.org" in str(left)
