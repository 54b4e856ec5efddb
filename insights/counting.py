"""Counting a page view from the beacon (static/insights/beacon.js): the checks a beacon must
pass, then one more view for the page and day, and for the referring host and day.

A beacon is counted only if its client has sent no more than INSIGHTS_BEACONS_PER_MINUTE in
the current minute (checked first, so that nothing, not even a refused page id, escapes it),
it comes from a page of this site (the browser's Sec-Fetch-Site or Origin header says so),
and it names a live page by its id. The headers stop browsers on other sites, not a script
that sets them (curl can): the rate limit, the cap on new referring hosts below and the
report's threshold (reports.py) bound what such a script can do.

The rate limit keeps, in the shared cache and for two minutes, a keyed hash of the client
address and a count; the cap on new referring hosts, the same hash and a count for the day.
Nothing about the visitor reaches the database.

If the shared cache cannot be reached (Redis stopped or full), the allowances cannot be
checked, and nothing is counted until it can: the beacon still answers
204, as counting is not essential and unchecked it would have no bound."""

import hashlib
import hmac
import logging
import re
from time import time as clock
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.models import Page

from pagecache import ratelimit

from .models import PageViewDay, ReferrerDay

logger = logging.getLogger("insights.counting")

PAGE_ID = re.compile(r"[1-9][0-9]{0,17}")
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
# A site's host name: two labels at least, the last (the top-level domain) not all digits,
# so no IP address ("10.0.0.5") and no "localhost".
HOST = re.compile(rf"(?=.{{1,253}}$)(?:{LABEL}\.)+(?![0-9]+$){LABEL}")
# A beacon is a page id and a host name: anything longer is not one.
MAX_BODY_BYTES = 1024


def from_this_site(request):
    """Whether the browser says the request comes from a page of this site. Browsers send
    Sec-Fetch-Site with every fetch and beacon; older ones send Origin with a POST."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return fetch_site == "same-origin"
    return urlsplit(origin).netloc == request.get_host()


def live_page_id(value):
    """The id of the live page ``value`` names, or None."""
    if not isinstance(value, str) or not PAGE_ID.fullmatch(value):
        return None
    page_id = int(value)
    return page_id if Page.objects.live().filter(pk=page_id, depth__gt=1).exists() else None


def referrer_host(value, own_host):
    """The other site a visitor came from, by host name, or "" (none, this site, nonsense)."""
    host = (value or "").strip().lower().removeprefix("www.")
    if not HOST.fullmatch(host) or host == own_host.split(":")[0].removeprefix("www."):
        return ""
    return host


def client_code(request):
    """A keyed hash of the client's address (never the address itself)."""
    address = import_string(settings.AXES_CLIENT_IP_CALLABLE)(request)  # the site's one rule
    client = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return client.hexdigest()[:24]


def _spend(key, seconds, allowance):
    """One more use of the allowance counted under ``key``; True once it is spent. Raises
    CounterUnavailable if the shared cache cannot be reached (pagecache/ratelimit.py)."""
    return not ratelimit.spend(key, seconds, allowance)


_paused = False


def over_the_limit(request):
    """Count this beacon against its client's allowance for the minute; True once spent.
    Raises CounterUnavailable if it cannot be checked, logging that once per outage (the
    shared cache logs the outage itself too)."""
    global _paused
    key = f"insights:beacons:{client_code(request)}:{int(clock() // 60)}"
    try:
        over = _spend(key, 120, settings.INSIGHTS_BEACONS_PER_MINUTE)
    except ratelimit.CounterUnavailable:
        if not _paused:
            logger.warning("The shared cache cannot be reached: page views are not counted")
        _paused = True
        raise
    _paused = False
    return over


def may_add_host(request):
    """Whether this client may add one more referring host to today's counts.

    Each beacon may name any host, so one script could fill the table (and the report) with
    made-up sites. Capping the new hosts per client and day bounds that with one small count
    per client, where shortening hosts to their last labels would still let it name a new
    domain with every beacon. Views from hosts already counted today are always added."""
    key = f"insights:new-hosts:{client_code(request)}:{timezone.localdate().isoformat()}"
    try:
        return not _spend(key, 24 * 60 * 60, settings.INSIGHTS_NEW_REFERRERS_PER_DAY)
    except ratelimit.CounterUnavailable:
        return False


def add_one(model, may_create=lambda: True, **lookup):
    """One more view on the row ``lookup`` names, creating it if need be (and
    ``may_create()`` allows); safe when two beacons for the same row arrive at once."""
    if model.objects.filter(**lookup).update(views=F("views") + 1):
        return
    if not may_create():
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, views=1)
    except IntegrityError:  # created meanwhile by another beacon
        model.objects.filter(**lookup).update(views=F("views") + 1)


def count_view(request, page_id, host):
    day = timezone.localdate()
    add_one(PageViewDay, page_id=page_id, day=day)
    if host:
        add_one(ReferrerDay, lambda: may_add_host(request), host=host, day=day)
