"""The suite's own helpers leave nothing behind them: the worker run inside a test gives back
the process's signal handlers (issue 16)."""

import signal

import pytest
from django_tasks_db.management.commands import db_worker

from tests.tasks import WORKER_SIGNALS, run_due_tasks


@pytest.mark.django_db
def test_running_the_worker_in_a_test_leaves_the_signal_handlers_as_they_were(
    settings, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)  # the test's transaction
    before = {number: signal.getsignal(number) for number in WORKER_SIGNALS}

    run_due_tasks()

    assert {number: signal.getsignal(number) for number in WORKER_SIGNALS} == before
