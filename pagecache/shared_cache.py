"""The cache every web process shares (Redis in production): the page cache and the forms'
rate limit. Everything else that Django and Wagtail cache (site root paths, renditions) stays
in the per-process "default" cache, so a Redis outage cannot take the site down.

Redis is an accelerator here, never a dependency: ``FailOpenRedisCache`` turns any Redis
error (unreachable, timed out, but also a full Redis refusing writes under ``noeviction``, a
read-only replica, a script error: every ``RedisError``) into a miss (reads), a no-op (writes)
or an allowance (``incr``), logs one warning per outage, and does not try Redis again for
``RETRY_AFTER_SECONDS`` so that a dead server costs each request nothing rather than a timeout.
A Redis that answers reads but refuses writes counts as down too: it could not record a new
content generation, so the pages cached in it may be stale.

Why a subclass of Django's own RedisCache rather than django-redis with IGNORE_EXCEPTIONS: no
extra dependency, and django-redis would still try (and wait for) the dead server on every
call, while this backs off for a few seconds after the first failure.
"""

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger("pagecache.shared_cache")

SHARED_CACHE_ALIAS = "shared"
RETRY_AFTER_SECONDS = 5
# Connection errors, timeouts, and Redis refusing a command (OOM, READONLY, NOSCRIPT...).
UNREACHABLE = (RedisError, OSError)


def get_shared_cache():
    """The cache shared by every web process: settings.CACHES["shared"] (Redis in
    production, a per-process memory cache in development and tests)."""
    return caches[SHARED_CACHE_ALIAS]


# Sent once by the first successful call after an outage: changes made meanwhile could not
# retire the pages cached before them (pagecache/caching.py listens).
redis_back = Signal()


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache backend that keeps the site up when Redis is not."""

    retry_after_seconds = RETRY_AFTER_SECONDS
    _lock = threading.Lock()
    _down_until = 0.0  # monotonic time before which Redis is not tried again
    _was_down = False

    def _call(self, name, fallback, *args, **kwargs):
        if time.monotonic() < FailOpenRedisCache._down_until:
            return fallback
        try:
            if FailOpenRedisCache._was_down:
                self._recover()
                if FailOpenRedisCache._was_down:
                    # Retiring the pages cached before failed (say Redis is full and refuses
                    # the new generation): still down, or a stale page could be served.
                    return fallback
            return getattr(super(), name)(*args, **kwargs)
        except UNREACHABLE as error:
            self._mark_down(error)
            return fallback

    def _mark_down(self, error):
        with self._lock:
            already_down = FailOpenRedisCache._was_down
            FailOpenRedisCache._down_until = time.monotonic() + self.retry_after_seconds
            FailOpenRedisCache._was_down = True
        if not already_down:
            logger.warning(
                "Redis is unreachable or failing (%s: %s): serving without the shared cache, "
                "trying again every %s seconds",
                type(error).__name__,
                error,
                self.retry_after_seconds,
            )

    def _recover(self):
        """Before the first call after an outage: check that Redis answers (raising if not),
        then tell listeners, before the call reads anything cached before the outage."""
        self._cache.get_client(write=True).ping()
        with self._lock:
            back, FailOpenRedisCache._was_down = FailOpenRedisCache._was_down, False
        if back:
            logger.warning("Redis answers again: using the shared cache")
            redis_back.send(sender=type(self), cache=self)

    def reachable(self):
        """Whether Redis answered the last call (False while down: calls get stand-ins).
        Counters that are not essential ask this to fail closed (pagecache/ratelimit.py)."""
        return not FailOpenRedisCache._was_down

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read counts as this one use: a rate limit fails open.
        return self._call("incr", delta, key, delta, version)

    def clear(self):
        return self._call("clear", False)
