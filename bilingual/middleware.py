"""The language of a request comes from its address only: Welsh under /cy/, English
everywhere else (the admin included).

Written instead of Django's LocaleMiddleware, which also reads the Accept-Language header
and the language cookie and so adds ``Vary: Accept-Language`` (and ``Vary: Cookie``) to
every page: that would split the page cache's and any CDN's entries for one address by
each visitor's browser settings, and could show English visitors Welsh. Here one address
is one language, so nothing varies and this middleware never touches ``Vary``."""

from django.conf import settings
from django.utils import translation


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
        return self.get_response(request)
