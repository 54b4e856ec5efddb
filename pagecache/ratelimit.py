"""What every rate limit of the site shares: the client's address behind trusted proxies,
a keyed hash to count it by without storing it, and a sliding-window counter in the cache
every web process shares. Used by the interest forms (getinvolved/protection.py), the
staff password reset (staff/passwords.py) and, for the address, the sign-in lockout
(AXES_CLIENT_IP_CALLABLE). ``spend`` is the daily or per-minute allowance of the counters
that are not essential (the page-view beacon, the searches that found nothing): those fail
closed when the cache cannot be reached."""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from ipware import get_client_ip


def client_address(request):
    """The client's address: REMOTE_ADDR, or behind settings.TRUSTED_PROXY_COUNT proxies the
    X-Forwarded-For entry that many places from the end (django-ipware). The sign-in
    lockout uses it too (AXES_CLIENT_IP_CALLABLE)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        # ipware counts the proxies listed in the header: all but the one connecting to us.
        address, _ = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR", "")


def keyed_hash(value):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:16]


class CounterUnavailable(Exception):
    """The counters' cache cannot be reached: an allowance cannot be checked."""


def counters():
    """The cache holding the rate limits' counters (settings.FORM_RATE_LIMIT_CACHE)."""
    return caches[settings.FORM_RATE_LIMIT_CACHE]


class SlidingWindow:
    """A counter over the last ``window`` seconds, kept as two fixed buckets: the current
    one, and the previous one weighted by how much of it still lies inside the window (the
    usual sliding-window approximation; each step is one atomic cache operation)."""

    def __init__(self, key, window):
        self.key, self.window = key, window

    def _buckets(self, now):
        number = int(now // self.window)
        return f"{self.key}:{number}", f"{self.key}:{number - 1}", (now % self.window) / self.window

    def count(self, now=None):
        current, previous, elapsed = self._buckets(time.time() if now is None else now)
        values = counters().get_many([current, previous])
        return values.get(current, 0) + values.get(previous, 0) * (1 - elapsed)

    def add(self, now=None):
        current, _, _ = self._buckets(time.time() if now is None else now)
        cache = counters()
        # add() does nothing if the key exists; incr() is atomic in Redis and LocMemCache.
        cache.add(current, 0, timeout=2 * self.window)
        try:
            cache.incr(current)
        except ValueError:  # expired between add() and incr()
            cache.set(current, 1, timeout=2 * self.window)


def reachable():
    """Whether the counters' cache answered its last call. The shared cache in production
    (pagecache/shared_cache.FailOpenRedisCache) answers with stand-ins while Redis is down or
    full: a miss, a no-op, an allowance; a memory cache is always reachable."""
    return getattr(counters(), "reachable", lambda: True)()


def spend(key, seconds, allowance):
    """One more use of the allowance counted under ``key`` for ``seconds``; True while it
    lasts, False once spent. Raises CounterUnavailable if the cache cannot be reached, for
    the callers to fail closed: their counting is not essential, and unchecked it would have
    no bound (the forms' limit, which must not stop a member signing up, fails open)."""
    cache = counters()
    try:
        count = 1 if cache.add(key, 1, seconds) else cache.incr(key)
    except ValueError:  # gone between add and incr: this is its first use again
        count = 1 if cache.add(key, 1, seconds) else allowance + 1
    if not reachable():
        raise CounterUnavailable(key)
    return count <= allowance
