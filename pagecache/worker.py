"""What the task worker tells the apps, so each can recover work a stopped worker left behind
(getinvolved: emails left "Sending" by a worker killed mid-send).

``worker_heartbeat`` is sent by ``manage.py run_worker`` (management/commands/run_worker.py)
when it starts, before it runs any task, and then every TASK_WORKER_HEARTBEAT_SECONDS. A
receiver must be safe to run in several workers at once (claim what it recovers atomically).
"""

import logging

from django.db import close_old_connections
from django.dispatch import Signal

logger = logging.getLogger("pagecache.worker")

worker_heartbeat = Signal()


def beat():
    """Send the heartbeat; a receiver that fails is logged and does not stop the worker."""
    close_old_connections()
    try:
        for receiver, result in worker_heartbeat.send_robust(sender=None):
            if isinstance(result, Exception):
                logger.error("Worker heartbeat receiver %s failed: %r", receiver, result)
    finally:
        close_old_connections()
