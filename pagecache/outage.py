"""Staying up when the database is down, and the health check the edge cache asks.

``HealthCheckMiddleware`` (first in MIDDLEWARE) answers ``/health/`` with 200 "ok" before
anything else runs: no host check, no Redis, no database, no page render. It says this
process can answer; the edge cache (deploy/varnish/) takes a node out when it does not.

``DatabaseOutageMiddleware`` (its ``process_exception``, for errors raised by a view) and
``server_error`` (the 500 handler, for errors raised in other middleware, such as saving a
session) turn a database that cannot be reached (django.db's OperationalError or
InterfaceError) into:

- for a visitor's page that the page cache (pagecache/caching.py) ever stored and still holds,
  that copy, even if content changed since: stale rather than an error;
- otherwise a 503 in the site's design, rendered from a template that needs no database,
  with Retry-After; after a POST it says plainly that the answers were not saved.

Nothing to restart afterwards: Django opens a new connection on the next request
(CONN_HEALTH_CHECKS, settings), and the task worker waits for the database
(pagecache/management/commands/run_worker.py).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

from .caching import STATUS_HEADER, may_use_cache, page_key
from .shared_cache import get_shared_cache

logger = logging.getLogger("pagecache.outage")

DATABASE_ERRORS = (OperationalError, InterfaceError)
HEALTH_PATH = "/health/"
RETRY_AFTER_SECONDS = 120


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH:
            response = HttpResponse("ok\n", content_type="text/plain")
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return unavailable(request, exception)
        return None


def server_error(request):
    """The 500 handler (config/urls.py): Django calls it while handling the exception."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        return unavailable(request, error)
    return defaults.server_error(request)


def unavailable(request, error):
    logger.warning("The database is unreachable (%s: %s)", type(error).__name__, error)
    stale = stale_page(request)
    if stale is not None:
        return stale
    posted = request.method not in ("GET", "HEAD")
    html = render_to_string("pagecache/unavailable.html", {"posted": posted})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def stale_page(request):
    """The copy of this page the page cache holds under any content generation, or None."""
    if not may_use_cache(request):
        return None
    entry = get_shared_cache().get(page_key(request))
    if not entry or entry.get("status") != 200:
        return None
    response = HttpResponse(entry["content"], status=200)
    for name, value in entry["headers"]:
        response[name] = value
    # Possibly older than the current content: no shared cache may keep it.
    response["Cache-Control"] = "no-store"
    response[STATUS_HEADER] = "stale"
    return response
