"""Running the task worker inside a test: what the always-on worker does in a moment."""

import io
import signal

from django.core.management import call_command

# The worker installs its own handlers for these (to stop after the current task); in a test
# they would outlive the call and turn a later Ctrl+C or SIGTERM into the worker's shutdown.
WORKER_SIGNALS = [
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGQUIT") if hasattr(signal, name)
]


def run_due_tasks():
    """Run every task that is due with the database backend's real worker, then stop; the
    signal handlers are as they were before."""
    handlers = {number: signal.getsignal(number) for number in WORKER_SIGNALS}
    try:
        call_command(
            "db_worker",
            batch=True,
            interval=0,
            startup_delay=False,
            verbosity=0,
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
