"""Which searches that found nothing are counted (models.py keeps the counts).

Anyone can search, so the count must not be a way to fill the database or the editors'
report. A search is counted only within its client's allowance: SEARCH_NO_RESULTS_PER_HOUR
in a sliding hour, of which at most SEARCH_NO_RESULTS_NEW_TERMS_PER_DAY may be wordings not
yet counted today (new rows); more searches of wordings already counted just add one to
them. The allowances are the site's shared rate limit (pagecache/ratelimit.py): a keyed hash of
the client's address and a count in the shared cache, nothing in the database. Counting is
not essential: if the shared cache cannot be reached, nothing is counted (fail closed),
and the search itself is answered as ever."""

from django.conf import settings
from django.utils import timezone

from pagecache import ratelimit

from .models import UnansweredSearch

HOUR = 60 * 60
DAY = 24 * HOUR


def client_key(request):
    return ratelimit.keyed_hash(ratelimit.client_address(request))


def within_hourly_allowance(request):
    """Count this search against its client's sliding hour; True if it is within it."""
    window = ratelimit.SlidingWindow(f"sitesearch:unanswered:{client_key(request)}", HOUR)
    within = window.count() < settings.SEARCH_NO_RESULTS_PER_HOUR
    if within:
        window.add()
    if not ratelimit.reachable():
        raise ratelimit.CounterUnavailable(window.key)
    return within


def may_add_term(request):
    """Whether this client may add one more wording to today's counts."""
    day = timezone.localdate().isoformat()
    key = f"sitesearch:new-terms:{client_key(request)}:{day}"
    return ratelimit.spend(key, DAY, settings.SEARCH_NO_RESULTS_NEW_TERMS_PER_DAY)


def count_unanswered(request, query_string):
    """Count one search for ``query_string`` that found nothing, if its client may."""
    try:
        if within_hourly_allowance(request):
            UnansweredSearch.record(query_string, may_create=lambda: may_add_term(request))
    except ratelimit.CounterUnavailable:
        return
