"""The figures the two reports show, as charts.Table objects, over the last few weeks
(weeks start on Monday, UK dates; weeks with nothing counted show as 0).

- ``page_view_tables``: the page-view counter's views per week, per page and top referrers;
- ``submission_tables``: the interest forms' responses per week, per form and per region.
  Read through the app registry (``apps.get_model``), not imported: nothing but config
  imports this app, and it imports only the rate limiter and the staff names."""

import datetime

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from .charts import Table
from .models import PageViewDay, ReferrerDay

WEEK_CHOICES = (4, 12, 26, 52)
DEFAULT_WEEKS = 12
TOP_PAGES = 20
TOP_REFERRERS = 10


def weeks_from(value):
    """The number of weeks asked for, if one offered; the default otherwise."""
    return int(value) if value in {str(weeks) for weeks in WEEK_CHOICES} else DEFAULT_WEEKS


def mondays(weeks, today=None):
    """The Mondays starting each of the last ``weeks`` weeks, this week's last."""
    today = today or timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    return [this_monday - datetime.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def week_label(monday):
    return f"{monday.day} {monday:%b %Y}"


def per_week(daily, weeks_starting):
    """Rows (week label, total) for each week, from (date, count) pairs."""
    totals = dict.fromkeys(weeks_starting, 0)
    for day, count in daily:
        monday = day - datetime.timedelta(days=day.weekday())
        if monday in totals:
            totals[monday] += count
    return [(week_label(monday), total) for monday, total in totals.items()]


def page_view_tables(weeks):
    starting = mondays(weeks)
    views = PageViewDay.objects.filter(day__gte=starting[0])
    daily = views.values_list("day").annotate(total=Sum("views")).order_by("day")
    pages = (
        views.values_list("page__title")
        .annotate(total=Sum("views"))
        .order_by("-total", "page__title")[:TOP_PAGES]
    )
    referrers = (
        ReferrerDay.objects.filter(day__gte=starting[0])
        .values_list("host")
        .annotate(total=Sum("views"))
        .filter(total__gte=settings.INSIGHTS_MIN_REFERRER_VIEWS)
        .order_by("-total", "host")[:TOP_REFERRERS]
    )
    least = settings.INSIGHTS_MIN_REFERRER_VIEWS
    return [
        Table("weeks", "Page views per week", "Week beginning", "Views", per_week(daily, starting)),
        Table("pages", f"Most viewed pages (top {TOP_PAGES})", "Page", "Views", list(pages)),
        Table(
            "referrers",
            f"Top referring sites (top {TOP_REFERRERS})",
            "Site",
            "Views",
            list(referrers),
            empty_text=f"No other site sent {least} or more visits in these weeks.",
        ),
    ]


def submission_tables(weeks):
    starting = mondays(weeks)
    submission_model = apps.get_model("getinvolved", "InterestSubmission")
    since = timezone.make_aware(datetime.datetime.combine(starting[0], datetime.time()))
    responses = submission_model.objects.filter(submit_time__gte=since)
    daily = (
        responses.annotate(day=TruncDate("submit_time"))  # the UK date (TIME_ZONE)
        .values_list("day")
        .annotate(total=Count("pk"))
        .order_by("day")
    )
    forms = responses.values_list("page__title").annotate(total=Count("pk"))
    regions = responses.values_list("region").annotate(total=Count("pk"))
    return [
        Table(
            "weeks", "Responses per week", "Week beginning", "Responses", per_week(daily, starting)
        ),
        Table("forms", "Responses per form", "Form", "Responses", sorted_rows(forms)),
        Table(
            "regions",
            "Responses per region",
            "Region",
            "Responses",
            sorted_rows((region or "Not given", total) for region, total in regions),
        ),
    ]


def sorted_rows(rows):
    """Most first, then by name."""
    return sorted(((str(label), total) for label, total in rows), key=lambda r: (-r[1], r[0]))
