"""The routing guard: an address in one language never shows a page in the other.

Wagtail routes /cy/… from the site's root page ``.localized``, which falls back to the
English page while the Welsh twin is not live: /cy/<path> would show English under a Welsh
address (and the page cache and CDN would keep it there). Such a request is sent to the
page's own address instead, with a 302 that no cache keeps."""

from urllib.parse import urlsplit

from django.http import HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from wagtail import hooks

from . import translator_hooks  # noqa: F401 - the translators' report and editor message
from .languages import page_language
from .middleware import language_of


@hooks.register("before_serve_page")
def serve_only_in_the_pages_language(page, request, serve_args, serve_kwargs):
    language = getattr(request, "LANGUAGE_CODE", None) or language_of(request.path_info)
    if page_language(page) == language:
        return None
    url = page.get_url(request)
    if not url:
        return None  # no address of its own (no site): Wagtail answers as it would
    if urlsplit(url).path == request.path:
        return None  # its own address (a page moved into the other tree): not a loop
    response = HttpResponseRedirect(url)
    add_never_cache_headers(response)
    return response
