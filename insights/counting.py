"""Counting a page view from the beacon (static/insights/beacon.js): the checks a beacon must
pass, then one more view for the page and day, and for the referring host and day.

A beacon is counted only if it comes from a page of this site (the browser's Sec-Fetch-Site
or Origin header says so), names a live page by its id, and its client has sent no more than
INSIGHTS_BEACONS_PER_MINUTE in the current minute. The rate limit keeps, in the shared cache
and for two minutes, a keyed hash of the client address and a count; nothing about the
visitor reaches the database."""

import hashlib
import hmac
import re
from time import time as clock
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.models import Page

from core.shared_cache import get_shared_cache

from .models import PageViewDay, ReferrerDay

PAGE_ID = re.compile(r"[1-9][0-9]{0,17}")
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
HOST = re.compile(rf"(?=.{{1,253}}$){LABEL}(?:\.{LABEL})*")
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


def over_the_limit(request):
    """Count this beacon against its client's allowance for the minute; True once it is
    spent. If the shared cache cannot be reached, beacons are counted (fail open)."""
    address = import_string(settings.AXES_CLIENT_IP_CALLABLE)(request)  # the site's one rule
    client = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    key = f"insights:beacons:{client.hexdigest()[:24]}:{int(clock() // 60)}"
    cache = get_shared_cache()
    try:
        count = 1 if cache.add(key, 1, 120) else cache.incr(key)
    except ValueError:  # gone between add and incr, or the cache is down
        return False
    return count > settings.INSIGHTS_BEACONS_PER_MINUTE


def add_one(model, **lookup):
    """One more view on the row ``lookup`` names, creating it if need be; safe when two
    beacons for the same row arrive at once."""
    if model.objects.filter(**lookup).update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, views=1)
    except IntegrityError:  # created meanwhile by another beacon
        model.objects.filter(**lookup).update(views=F("views") + 1)


def count_view(page_id, host):
    day = timezone.localdate()
    add_one(PageViewDay, page_id=page_id, day=day)
    if host:
        add_one(ReferrerDay, host=host, day=day)
