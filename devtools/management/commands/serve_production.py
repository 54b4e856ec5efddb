"""``manage.py serve_production`` (`make serve`): the production settings on this machine.

gunicorn (WEB_CONCURRENCY workers, default 2) and the task worker, with a redis-server of
their own, on http://localhost:$PORT (8000). See devtools/localstack.py for what it sets
up. Ctrl+C stops everything it started."""

import os
import signal
import time

from django.core.management.base import BaseCommand, CommandError

from devtools.localstack import LocalStack, StackError


def stop_as_on_ctrl_c(signum, frame):
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Run the production stack locally: gunicorn, the task worker and Redis."

    def handle(self, *args, **options):
        port = int(os.environ.get("PORT", 8000))
        workers = int(os.environ.get("WEB_CONCURRENCY", 2))
        signal.signal(signal.SIGTERM, stop_as_on_ctrl_c)
        try:
            with LocalStack(port, web_workers=workers) as stack:
                self.stdout.write(
                    f"Production settings on {stack.url.replace('127.0.0.1', 'localhost')} "
                    f"(admin at /admin/; {workers} web workers, the task worker, Redis). "
                    "Ctrl+C stops them."
                )
                while all(process.poll() is None for process in stack.processes):
                    time.sleep(0.5)
                stopped = [p.what for p in stack.processes if p.poll() is not None]
                raise CommandError(f"Stopped unexpectedly: {', '.join(stopped)}")
        except StackError as error:
            raise CommandError(str(error)) from error
        except KeyboardInterrupt:
            self.stdout.write("Stopped.")
