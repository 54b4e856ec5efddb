"""Running the task worker inside a test: what the always-on worker does in a moment."""

import io

from django.core.management import call_command


def run_due_tasks():
    """Run every task that is due with the database backend's real worker, then stop."""
    call_command(
        "db_worker",
        batch=True,
        interval=0,
        startup_delay=False,
        verbosity=0,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
