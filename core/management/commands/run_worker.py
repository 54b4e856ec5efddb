"""``manage.py run_worker``: the task worker to run in production and with `make run`/`serve`.

It is django-tasks-db's ``db_worker`` (same options) that also sends core.worker's heartbeat
when it starts and every TASK_WORKER_HEARTBEAT_SECONDS while it runs, from a thread of its
own, so that apps recover work a stopped worker left half done: a worker killed mid-task
leaves its task RUNNING for ever, and django-tasks has no way to run it again.
"""

import threading
import time

from django.conf import settings
from django_tasks_db.management.commands import db_worker

from core.worker import beat


class Command(db_worker.Command):
    help = (
        "Run the background task worker (db_worker), recovering at start and periodically "
        "what a stopped worker left half done (e.g. emails left 'Sending')."
    )

    def handle(self, *args, **options):
        beat()
        if not options["batch"]:
            threading.Thread(target=self.beat_periodically, daemon=True).start()
        super().handle(*args, **options)

    def beat_periodically(self):
        while True:
            time.sleep(settings.TASK_WORKER_HEARTBEAT_SECONDS)
            beat()
