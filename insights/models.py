"""What the page-view counter keeps: totals per page and day, and per referring host and
day. Nothing else: no address, no browser, no identifier, no time finer than the day, so no
row can be traced to a visitor or linked to another (tests/insights/ asserts the columns)."""

from django.db import models


class PageViewDay(models.Model):
    """How many times a page was viewed on one day (UK date)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "page views on a day"
        verbose_name_plural = "page views by day"
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="insights_one_row_per_page_day")
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.page_id} on {self.day}: {self.views}"


class ReferrerDay(models.Model):
    """How many page views came from another site on one day, by that site's host name only
    (the rest of the address, which can say what someone searched for, is never sent)."""

    day = models.DateField()
    host = models.CharField(max_length=253)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "referrals on a day"
        verbose_name_plural = "referrals by day"
        constraints = [
            models.UniqueConstraint(fields=["day", "host"], name="insights_one_row_per_host_day")
        ]

    def __str__(self):
        return f"{self.host} on {self.day}: {self.views}"
