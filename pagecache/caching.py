"""Anonymous full-page caching in the shared cache (pagecache/shared_cache.py), and CDN headers.

A small middleware on Django's cache framework rather than wagtail-cache: this site needs one
Redis round trip per request (the page and the content generation in one ``get_many``; none
for a page this process served from Redis a moment ago, shared_cache.HitMemo),
invalidation by bumping a generation key rather than ``cache.clear()`` (which would also
wipe the forms' rate-limit counters in the same Redis), and its own fail-open cache backend.

What is cached: a GET answered 200 for a visitor without a session (not signed in), that
sets no cookie and does not ask not to be cached. So never: signed-in users and previews
(they have a session; previews are under /admin/ too), POSTs, form pages (they send
never-cache headers and a CSRF cookie: each display carries its own one-time token),
anything under PAGE_CACHE_EXCLUDED_PATHS.

Keys: the address without its query string, plus the query parameters some page answers by
(the case-study index's filters, declared with ``vary_on_query_parameters``), each with its
one value. Anything else in a query string (``utm_source``, made-up parameters) reads the
page's canonical entry. A page is stored only when rendered for exactly its key (no other
parameter, no empty or repeated one) by a page that accepted every value in it
(``accept_query_parameters``, which the case-study index calls when its filters are valid): so
one visitor sending made-up parameters or values adds no entry, and the number of entries
stays that of the site's pages and their valid filter combinations.

Invalidation (invalidation.py): any change that can alter a public page stores a new
"generation"; a cached page is served only if it was stored under the current one. For a
site of this size clearing every page on any such change is simple and always right.
"""

import hashlib
import time
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.encoding import escape_uri_path
from django.utils.http import urlencode
from wagtail.models import Site

from .shared_cache import HitMemo, get_shared_cache

GENERATION_KEY = "pagecache:generation"
PAGE_KEY_PREFIX = "pagecache:page:"
# Cookies that mean the visitor may see something personal: a session (signed in, or a
# message waiting for them) or Django's cookie-stored messages.
PERSONAL_COOKIES = ("messages",)
STATUS_HEADER = "X-Page-Cache"
# The content generation the current request was served under; None when unknown (signed-in
# users, the shared cache down). Per-process caches of site-wide data key on it.
current_content_generation = ContextVar("current_content_generation", default=None)
# The query parameters some page answers by: part of the key. Declared by the apps whose pages
# read them (vary_on_query_parameters), when their models load.
QUERY_PARAMETERS = set()
ACCEPTED_ATTRIBUTE = "page_cache_accepted_parameters"
# Sent when this process sees a content generation it had not seen (the first one too): each
# per-process cache that is not keyed on the generation drops its contents (apps connect).
generation_changed = Signal()
# Every process announces each new generation here (shared_cache.ChangeFeed).
CHANGES_CHANNEL = "pagecache:changes"


def vary_on_query_parameters(*names):
    """Declare query parameters that change what some page shows (at import time)."""
    QUERY_PARAMETERS.update(names)


def accept_query_parameters(request, names):
    """Called by a page that answered ``request`` by these parameters and found every value
    it was given valid: what it rendered may be stored under the key holding them."""
    setattr(request, ACCEPTED_ATTRIBUTE, frozenset(names))


def new_generation():
    return uuid.uuid4().hex


def cache_query(request):
    """The (name, value) pairs of the key: the declared parameters that have a value (the
    last, as forms read them), sorted. Every other parameter is left out."""
    if not request.META.get("QUERY_STRING"):
        return []
    return sorted((name, request.GET[name]) for name in QUERY_PARAMETERS if request.GET.get(name))


def page_key(request):
    query = urlencode(cache_query(request))
    address = f"{request.scheme}://{request.get_host()}{escape_uri_path(request.path)}?{query}"
    return PAGE_KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def answered_exactly(request):
    """Whether the response is what every request with this key should get: its query string
    holds only the key's parameters, once each, and the page accepted their values."""
    query = cache_query(request)
    accepted = getattr(request, ACCEPTED_ATTRIBUTE, frozenset())
    return (
        sorted(request.GET.lists()) == [(name, [value]) for name, value in query]
        and {name for name, _ in query} <= accepted
    )


def is_personal(request):
    cookies = (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)
    return any(name in request.COOKIES for name in cookies) or "HTTP_AUTHORIZATION" in request.META


def may_use_cache(request):
    return (
        request.method in ("GET", "HEAD")
        and not is_personal(request)
        and not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))
    )


def is_storable(response):
    control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in ("private", "no-cache", "no-store"))
    )


def current_generation(cache, found):
    """The content generation from ``found`` (a get_many result), creating one if the shared
    cache has none (first start, or Redis lost it). None when the shared cache is down."""
    generation = found.get(GENERATION_KEY)
    if generation is None:
        if cache.add(GENERATION_KEY, new_generation(), timeout=None):  # False if another won
            announce_change(cache)
        generation = cache.get(GENERATION_KEY)
    return generation


def announce_change(cache):
    """After a new generation is stored: every process drops its copies (HitMemo)."""
    if hasattr(cache, "publish"):
        cache.publish(CHANGES_CHANNEL)
    hit_memo.clear()


hit_memo = HitMemo(CHANGES_CHANNEL)


class PageCacheMiddleware:
    """Serve anonymous GETs from the shared cache; store what may be shared; tell CDNs.

    Sits just after WhiteNoise, before sessions and authentication, so a hit costs no
    database query and one cache round trip, or none (HitMemo). Headers set further in (Vary,
    CSP, X-Frame-Options) are stored with the page; SecurityMiddleware, outside, adds its own.

    Every request also learns the content generation, and a process that sees a new one
    drops its own (per-process) copy of Wagtail's site root paths, so that a change made
    through another process (a site's host name, the home page's slug) reaches this one."""

    seen_generation = None

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.content_generation = None
        if not settings.PAGE_CACHE_SECONDS or request.path.startswith(
            (settings.STATIC_URL, settings.MEDIA_URL)
        ):
            return self.get_response(request)
        cache = get_shared_cache()
        if not may_use_cache(request):
            self.notice(current_generation(cache, {}))
            response = self.get_response(request)
            if is_personal(request) and "Cache-Control" not in response:
                # An editor's page (with the Wagtail user bar) must not reach a shared cache.
                patch_cache_control(response, private=True)
            return response

        key = page_key(request)
        entry = hit_memo.get(cache, key)
        if entry is not None:
            return self.from_entry(request, entry)
        read_at = time.monotonic()
        found = cache.get_many([GENERATION_KEY, key])
        generation = self.notice(current_generation(cache, found))
        entry = found.get(key)
        if generation is not None and entry and entry["generation"] == generation:
            if hasattr(cache, "change_feed") and cache.reachable():
                hit_memo.keep(cache, generation, read_at, key, entry)
            return self.from_entry(request, entry)

        request.content_generation = generation
        token = current_content_generation.set(generation)
        try:
            response = self.get_response(request)
        finally:
            current_content_generation.reset(token)
        if request.method == "GET" and is_storable(response):
            self.make_public(response)
            if generation is not None and answered_exactly(request):
                self.store(cache, key, generation, response)
        response.setdefault(STATUS_HEADER, "miss")
        return response

    @classmethod
    def notice(cls, generation):
        if generation is not None and generation != cls.seen_generation:
            # The first one too: this process may have read the paths before it (with Redis
            # down), and another process may have changed a site meanwhile.
            Site.clear_site_root_paths_cache()
            cls.seen_generation = generation
            generation_changed.send(sender=cls, generation=generation)
        return generation

    def make_public(self, response):
        # Browsers revalidate every time (cheap: ETag, 304); a CDN may keep it s-maxage.
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=settings.CDN_CACHE_SECONDS,
            must_revalidate=True,
        )

    def store(self, cache, key, generation, response):
        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(
                lambda rendered: self.store(cache, key, generation, rendered)
            )
            return
        set_response_etag(response)
        headers = [(name, value) for name, value in response.items() if name != STATUS_HEADER]
        entry = {
            "generation": generation,
            "status": response.status_code,
            "headers": headers,
            "content": response.content,
        }
        cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)

    def from_entry(self, request, entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return get_conditional_response(request, etag=response.get("ETag"), response=response)
