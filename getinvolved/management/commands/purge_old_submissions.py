import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
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
        "(with their email delivery records). Run daily from cron."
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
