"""Settings for a task worker run as a subprocess by a test: the test settings (the database
is the test's own, passed in DATABASE_URL), with tasks stored in the database and email sent
over SMTP to the port in EMAIL_PORT."""

from config.settings.base import env
from config.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = env.int("EMAIL_PORT")
EMAIL_TIMEOUT = 60
WAGTAILADMIN_BASE_URL = "http://testserver"
# The periodic check for stuck deliveries, often enough for a test to see it.
TASK_WORKER_HEARTBEAT_SECONDS = 1
