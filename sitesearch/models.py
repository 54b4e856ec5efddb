"""What the search keeps: per day, how many searches for each wording found nothing, so
editors can see what visitors look for and do not find. Nothing about who searched (no
address, cookie, session, time of day) is stored, and the counts are deleted
SEARCH_NO_RESULTS_KEEP_DAYS after their day (on each new count, so no scheduled job is
needed). Wagtail's own Query and QueryDailyHits (search promotions) have the same shape but
count every search; this counts only those that found nothing."""

import datetime

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string


class UnansweredSearch(models.Model):
    query_string = models.CharField("Searched for", max_length=MAX_QUERY_STRING_LENGTH)
    date = models.DateField("Day")
    hits = models.PositiveIntegerField("Searches", default=0)

    class Meta:
        verbose_name = "search that found nothing"
        verbose_name_plural = "searches that found nothing"
        constraints = [
            models.UniqueConstraint(fields=["query_string", "date"], name="one_count_per_day")
        ]

    def __str__(self):
        return f"{self.query_string} ({self.date}: {self.hits})"

    @classmethod
    def record(cls, query_string, may_create=lambda: True):
        """Count one search for ``query_string`` that found nothing, today, adding a row for
        a new wording only if ``may_create()`` allows (counting.py); forget old days."""
        words = normalise_query_string(query_string)
        if not words:
            return
        today = timezone.localdate()
        if not cls.objects.filter(query_string=words, date=today).update(hits=F("hits") + 1):
            if not may_create():
                return
            try:
                with transaction.atomic():
                    cls.objects.create(query_string=words, date=today, hits=1)
            except IntegrityError:  # counted meanwhile by another request
                cls.objects.filter(query_string=words, date=today).update(hits=F("hits") + 1)
        oldest_kept = today - datetime.timedelta(days=settings.SEARCH_NO_RESULTS_KEEP_DAYS - 1)
        cls.objects.filter(date__lt=oldest_kept).delete()
