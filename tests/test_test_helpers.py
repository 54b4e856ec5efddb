"""The suite's own helpers leave nothing behind them: the worker run inside a test gives back
the process's signal handlers, a production stack removes its static files, a process under
the test settings its media folder; the starter content's rows give the database back as it
was (issue 16)."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django_tasks_db.management.commands import db_worker

from devtools.localstack import LocalStack
from tests.starter import TableRows
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


def test_two_production_stacks_at_once_collect_static_files_into_folders_of_their_own():
    """`make test` runs the suite in several processes, so two stacks (tests/edge/) may run at
    once: neither may rewrite the other's static files and manifest while it serves them. A
    stopped stack leaves no folder behind."""
    stacks = [LocalStack(port=0), LocalStack(port=0)]
    try:
        folders = [
            Path(stack.environment("redis://127.0.0.1:9/0")["STATIC_ROOT"]) for stack in stacks
        ]
        assert folders[0] != folders[1]
        assert all(folder.is_dir() for folder in folders)
    finally:
        for stack in stacks:
            stack.stop()
    assert not any(folder.exists() for folder in folders)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_starter_contents_rows_give_back_the_database_as_it_was(starter_site):
    """tests/starter.py's TableRows stand in for loading the starter content again in every
    transactional test: written back after a flush, the tables hold the same rows, and the
    search index that SQLite's triggers keep (not copied itself) answers as before."""
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    def found(words):
        return sorted(page.pk for page in Page.objects.live().search(words))

    loaded = TableRows.read(connection)
    answers = found("Helston")
    assert answers, "the starter content mentions Helston"
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    assert not Page.objects.exists()

    loaded.write(connection)

    assert TableRows.read(connection).tables == loaded.tables
    assert found("Helston") == answers


def test_a_process_under_the_test_settings_removes_its_media_folder_when_it_ends(tmp_path):
    """config/settings/test.py makes a media folder in every process that loads it (`make test`
    runs `manage.py check` under them; some tests start such subprocesses)."""
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.MEDIA_ROOT)"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "TMPDIR": str(tmp_path),  # where tempfile makes it
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[1],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    made = Path(done.stdout.strip())
    assert made.parent == tmp_path and made.name.startswith("neu-belonging-media-")
    assert not made.exists(), f"{made} is still there"
