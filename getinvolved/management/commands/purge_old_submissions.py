import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend
from wagtail.log_actions import LogContext

from getinvolved.models import InterestSubmission

logger = logging.getLogger("getinvolved.retention")


def retention_cutoff(now=None):
    """The moment SUBMISSION_RETENTION_MONTHS calendar months before now."""
    now = now or timezone.now()
    months = settings.SUBMISSION_RETENTION_MONTHS
    year, month = divmod(now.month - 1 - months, 12)
    year += now.year
    month += 1
    # The same day of that month, or its last day (31 March minus one month: 28/29 Feb).
    day = now.day
    while True:
        try:
            return now.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1


class Command(BaseCommand):
    help = (
        "Delete interest form submissions older than SUBMISSION_RETENTION_MONTHS months "
        "(with their email delivery records), and finished background task records older "
        "than TASK_RESULT_RETENTION_DAYS days. Run daily from cron."
    )

    def handle(self, *args, **options):
        cutoff = retention_cutoff()
        old = InterestSubmission.objects.filter(submit_time__lt=cutoff)
        count = old.count()
        with LogContext():  # one "Delete submissions" entry per form in Wagtail's log
            old.delete()
        message = (
            f"Deleted {count} submission(s) older than "
            f"{settings.SUBMISSION_RETENTION_MONTHS} months (before {cutoff:%Y-%m-%d %H:%M %Z})."
        )
        logger.info(message)
        self.stdout.write(message)
        # Finished task records keep their arguments: a password reset's holds the address
        # typed (staff/tasks.py). django-tasks-db's own command deletes them, every queue
        # (tests and development may run tasks at once, keeping no records).
        if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
            call_command(
                "prune_db_task_results",
                queue_name="*",
                min_age_days=settings.TASK_RESULT_RETENTION_DAYS,
                verbosity=options.get("verbosity", 1),
                stdout=self.stdout,
            )
