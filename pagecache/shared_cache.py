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
import os
import select
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.client import PubSub
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
        return self._guarded(getattr(super(), name), fallback, *args, **kwargs)

    def _guarded(self, method, fallback, *args, **kwargs):
        if time.monotonic() < FailOpenRedisCache._down_until:
            return fallback
        try:
            if FailOpenRedisCache._was_down:
                self._recover()
                if FailOpenRedisCache._was_down:
                    # Retiring the pages cached before failed (say Redis is full and refuses
                    # the new generation): still down, or a stale page could be served.
                    return fallback
            return method(*args, **kwargs)
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

    def publish(self, channel):
        """Announce a change on ``channel`` to every process's ChangeFeed (0 when down)."""
        if FailOpenRedisCache._was_down:
            return 0  # the first call that reaches Redis again announces a new generation
        client = self._cache.get_client(write=True)
        return self._guarded(client.publish, 0, self.make_key(channel), b"1")

    def change_feed(self, channel):
        """A new subscription to ``channel`` (see ChangeFeed), or None while Redis is down."""
        feed = ChangeFeed(self._cache.get_client(write=True).connection_pool)
        if self._guarded(feed.start, False, self.make_key(channel)):
            return feed
        self._guarded(feed.close, None)  # its connection back to the pool
        return None


class ChangeFeed(PubSub):
    """One process's subscription to the announcements of content changes that every process
    makes through Redis (publish above). ``quiet()`` costs no round trip (a poll of the socket
    Redis queues each announcement to before it answers the process that announced), so a
    process may keep what it read from Redis while its feed is quiet (HitMemo)."""

    def on_connect(self, connection):
        # Reconnected: announcements made while disconnected are lost; never quiet again.
        self.broken = True
        super().on_connect(connection)

    def start(self, channel):
        self.broken = False
        self.subscribe(channel)
        confirmed = self.get_message(timeout=0.25)  # one round trip, once per process
        if not confirmed or confirmed["type"] != "subscribe" or self.connection.can_read(0):
            return False
        self.poller = select.poll()  # on redis-py's socket: anything arriving ends the feed
        self.poller.register(self.connection._sock, select.POLLIN | select.POLLPRI)
        return True

    def quiet(self):
        """Whether nothing reached the subscription (an announcement, or the connection
        closing) since it started: one poll() of its socket, no round trip."""
        if not self.broken and self.poller.poll(0):
            self.broken = True  # read no further: this subscription is done
        return not self.broken


class HitMemo:
    """This process's copies of the page-cache entries it last served from Redis
    (caching.py), so that a hit costs no round trip: each kept MEMO_SECONDS after it was
    read, while the ChangeFeed (pub/sub, polled without a round trip) gets nothing. Every new
    generation is announced (caching.announce_change), so a change on any node retires them
    at once; the time bound covers what announces nothing (Redis evicting the generation, a
    connection silently cut). Only with Redis, only what was read after subscribing, at most
    MEMO_ENTRIES pages."""

    MEMO_SECONDS = 1.0
    MEMO_ENTRIES = 128

    def __init__(self, channel):
        self.channel = channel  # where every new generation is announced
        self.lock = threading.Lock()
        self.feed = self.pid = self.generation = self.redis = None
        self.since = 0.0
        self.entries = {}  # page key: (when read, entry), all of self.generation

    def clear(self):
        with self.lock:
            self.generation, self.entries, self.since = None, {}, time.monotonic()

    def get(self, cache, key):
        kept = self.entries.get(key)
        if kept is None or time.monotonic() - kept[0] > self.MEMO_SECONDS:
            return None
        if getattr(cache, "_servers", None) != self.redis:  # settings changed (tests)
            return None
        with self.lock:
            if self.pid != os.getpid() or not self.feed.quiet():
                self.generation, self.entries = None, {}
            return kept[1] if self.entries.get(key) is kept else None

    def keep(self, cache, generation, read_at, key, entry):
        """After reading ``generation`` and ``entry`` from Redis, the read sent at ``read_at``."""
        with self.lock:
            stale = self.pid != os.getpid() or self.redis != cache._servers
            if self.feed is None or self.feed.broken or stale:
                if self.feed is not None and self.pid == os.getpid():
                    self.feed.close()  # (not a parent process's, after a fork)
                self.pid, self.generation, self.entries = os.getpid(), None, {}
                self.redis = cache._servers
                self.feed = cache.change_feed(self.channel)
                self.since = time.monotonic()  # after subscribing: later reads may be kept
                return
            if read_at < self.since or not self.feed.quiet():
                return
            if generation != self.generation:
                self.generation, self.entries = generation, {}
            self.entries.pop(key, None)  # (re)inserted last: the oldest go first
            if len(self.entries) >= self.MEMO_ENTRIES:
                self.entries.pop(next(iter(self.entries)))
            self.entries[key] = (read_at, entry)
