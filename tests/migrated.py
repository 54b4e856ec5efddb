"""The test database as just migrated, made once per run on SQLite (issue 16: tests in half
the time).

Migrating a new test database costs about nine seconds of CPU. `make test` runs the suite in
several processes (pytest-xdist), each with its own database: the first process to need one
migrates it as usual and keeps a copy; the others wait for that copy and start from it
(pytest-django's keepdb, so their `migrate` finds nothing to do). The tests that run the
production settings in a subprocess start from the same copy (tests/conftest.py,
``migrated_sqlite``). On PostgreSQL each process migrates its own.
"""

import fcntl
import sqlite3
from pathlib import Path


def copy_database(source, destination):
    """Copy a SQLite database (a path or an open connection) with SQLite's backup API, which
    copies a consistent state even of a database in use."""
    reader = source if isinstance(source, sqlite3.Connection) else sqlite3.connect(source)
    writer = sqlite3.connect(destination)
    try:
        reader.backup(writer)
    finally:
        writer.close()
        if reader is not source:
            reader.close()


class MigratedCopy:
    """The run's copy of the migrated database, in ``directory``, guarded by a file lock
    while the first process makes it."""

    def __init__(self, directory):
        self.path = Path(directory) / "migrated.sqlite3"
        self.lock = open(Path(directory) / "migrated.lock", "w")  # noqa: SIM115 (held open)
        self.making = False

    @classmethod
    def for_this_run(cls, config, tmp_path_factory):
        # Under pytest-xdist (a worker has ``workerinput``) each process's temporary folder
        # is inside the run's own.
        base = tmp_path_factory.getbasetemp()
        return cls(base.parent if hasattr(config, "workerinput") else base)

    def start(self, test_database):
        """Before the test database is set up: True if it was copied (nothing to migrate),
        False if this process must migrate it and then call ``finish``."""
        fcntl.flock(self.lock, fcntl.LOCK_EX)
        if self.path.exists():
            copy_database(self.path, test_database)
            fcntl.flock(self.lock, fcntl.LOCK_UN)
            return True
        self.making = True
        return False

    def finish(self, connection):
        """After this process migrated its test database: keep the copy, let the others on."""
        if self.making:
            copy_database(connection, self.path)
            self.making = False
            fcntl.flock(self.lock, fcntl.LOCK_UN)
