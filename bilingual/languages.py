"""Which language a page is in, and its live versions in the other language.

A Welsh page is a translation of an English one (Wagtail's i18n: the same
``translation_key``, locale ``cy``); the Welsh overview is the English overview's sibling
under the tree's root, so Wagtail gives its tree the /cy/ prefix."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

WELSH = "cy"
ENGLISH = "en-gb"
# How each language is named in itself, and its BCP 47 tag for lang and hreflang.
NAMES = dict(settings.LANGUAGES)
TAGS = {ENGLISH: "en-GB", WELSH: "cy"}

# Locale rows never change language, so their codes are kept per process (refreshed when an
# id is not known): knowing a page's language then costs no query.
_codes_by_locale_id = {}


def language_code_of_locale(locale_id):
    if locale_id not in _codes_by_locale_id:
        _codes_by_locale_id.clear()
        _codes_by_locale_id.update(Locale.objects.values_list("pk", "language_code"))
    return _codes_by_locale_id.get(locale_id, settings.LANGUAGE_CODE)


def page_language(page):
    return language_code_of_locale(page.locale_id)


def tag(language_code):
    """``en-gb`` → ``en-GB``: the form lang and hreflang attributes use."""
    return TAGS.get(language_code) or translation.to_language(language_code)


def other_language(language_code):
    return ENGLISH if language_code == WELSH else WELSH


def live_versions(page):
    """{language code: page} of ``page`` and its live translations under a live overview:
    two queries. (Not checked for view restrictions: restrict both twins alike.)"""
    versions = {page_language(page): page}
    if not page.pk or not page.translation_key:
        return versions
    twins = (
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .live()
        .only("id", "locale_id", "url_path", "depth", "path", "translation_key")
    )
    twins = list(twins)
    if twins:
        live_homes = set(Page.objects.filter(depth=2).live().values_list("path", flat=True))
        for twin in twins:
            if home_path(twin) in live_homes:
                versions.setdefault(page_language(twin), twin)
    return versions


def home_path(page):
    """The tree path of the overview ``page`` is under (itself at depth 2). A page whose
    overview is not live has no address of its own: Wagtail routes its language's
    addresses from the English overview while the Welsh one is not live."""
    return page.path[: Page.steplen * 2]
