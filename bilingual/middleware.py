"""The language of a request comes from its address only: Welsh under /cy/, English
everywhere else (the admin included).

Written instead of Django's LocaleMiddleware, which also reads the Accept-Language header
and the language cookie and so adds ``Vary: Accept-Language`` (and ``Vary: Cookie``) to
every page: that would split the page cache's and any CDN's entries for one address by
each visitor's browser settings, and could show English visitors Welsh. Here one address
is one language, so nothing varies and this middleware never touches ``Vary``."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from wagtail.models import Site

WELSH_PREFIX = "/cy/"


def language_of(path):
    """The language an address is in: its prefix's, or the default (English)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


class LanguageFromPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of(request.path_info)
        # Activated for every request, so a thread never keeps the last request's language;
        # i18n_patterns resolves /cy/… only while Welsh is active.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            return english_instead(request) or response
        return response


def english_instead(request):
    """For a Welsh address that finds no live Welsh page (none made yet, or not live), a
    302 that no cache keeps to the same address in English when a live public English page
    answers there: a Welsh reader reaches the page, as the switcher's "no Welsh version yet"
    says, rather than "page not found" (the routing guard does the same while the Welsh
    overview is not live: wagtail_hooks.py)."""
    if not request.path_info.startswith(WELSH_PREFIX):
        return None
    english_path = request.path_info[len(WELSH_PREFIX) - 1 :]
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        page = site.root_page.specific.route(request, [c for c in english_path.split("/") if c])[0]
    except Http404:
        return None
    if not page.live or page.get_view_restrictions().exists():
        return None
    query = request.META.get("QUERY_STRING", "")
    response = HttpResponseRedirect(english_path + (f"?{query}" if query else ""))
    add_never_cache_headers(response)
    return response
