"""``manage.py run_worker``: the task worker to run in production and with `make run`/`serve`.

It is django-tasks-db's ``db_worker`` (same options) that also sends pagecache.worker's heartbeat
when it starts and every TASK_WORKER_HEARTBEAT_SECONDS while it runs, from a thread of its
own, so that apps recover work a stopped worker left half done: a worker killed mid-task
leaves its task RUNNING for ever, and django-tasks has no way to run it again.

While the database cannot be reached it waits and tries again (db_worker alone would exit),
so that it carries on by itself when the database is back.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import close_old_connections
from django_tasks_db.management.commands import db_worker

from pagecache.outage import DATABASE_ERRORS
from pagecache.worker import beat

logger = logging.getLogger("pagecache.worker")
RETRY_SECONDS = 2


class Command(db_worker.Command):
    help = (
        "Run the background task worker (db_worker), recovering at start and periodically "
        "what a stopped worker left half done (e.g. emails left 'Sending')."
    )

    def handle(self, *args, **options):
        beat()
        if not options["batch"]:
            threading.Thread(target=self.beat_periodically, daemon=True).start()
        while True:
            try:
                return super().handle(*args, **options)
            except DATABASE_ERRORS as error:
                if options["batch"]:
                    raise
                logger.warning("The database is unreachable (%s): waiting for it", error)
                close_old_connections()
                time.sleep(RETRY_SECONDS)

    def beat_periodically(self):
        while True:
            time.sleep(settings.TASK_WORKER_HEARTBEAT_SECONDS)
            beat()
