"""SQLite (`make run`, `make serve`) waits for its single writer instead of failing with
"database is locked" (a 500) while another process, e.g. the task worker, is writing: under
the development and the production settings alike."""

import json

from tests.production import run_with_production_settings

# Two threads, each in a transaction that reads and then writes, the second starting while
# the first holds its read. SQLite cannot let both write: without a write lock taken at the
# start of each transaction and a busy timeout, one of them fails with "database is locked".
CONCURRENT_WRITERS = """
import json, threading
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS visits (n integer)")
connection.close()
first_read, second_read, errors = threading.Event(), threading.Event(), []

def writer(name):
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                if name == "second":
                    first_read.wait(10)
                cursor.execute("SELECT count(*) FROM visits")
                if name == "first":
                    first_read.set()
                    second_read.wait(2)  # the second one never gets this far when it waits
                else:
                    second_read.set()
                cursor.execute("INSERT INTO visits VALUES (1)")
    except Exception as error:
        errors.append(str(error))
    finally:
        connection.close()

threads = [threading.Thread(target=writer, args=(name,)) for name in ("first", "second")]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(30)
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM visits")
    rows = cursor.fetchone()[0]
    cursor.execute("PRAGMA journal_mode")
    mode = cursor.fetchone()[0]
print(json.dumps({"errors": errors, "rows": rows, "mode": mode}))
"""


def test_production_settings_give_a_sqlite_database_a_busy_timeout_and_wal(tmp_path):
    program = (
        "import json\nfrom django.conf import settings\n"
        "print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
    )
    result = run_with_production_settings(
        program, DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}"
    )
    assert result.returncode == 0, result.stderr
    options = json.loads(result.stdout.splitlines()[-1])
    assert options["timeout"] >= 20
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]


def test_two_writers_at_once_both_succeed_under_the_production_settings(tmp_path):
    result = run_with_production_settings(
        CONCURRENT_WRITERS, DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}"
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.splitlines()[-1])
    assert outcome == {"errors": [], "rows": 2, "mode": "wal"}


def test_the_development_settings_do_the_same(tmp_path):
    result = run_with_production_settings(
        CONCURRENT_WRITERS,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["errors"] == []
