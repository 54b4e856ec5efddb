"""The page's language in the layout: ``<html lang>``, the switcher to the same page in the
other language, and the hreflang alternates in the head (site/templates/base.html)."""

from django import template
from django.utils import translation

from core.public_address import public_url

from ..languages import NAMES, live_versions, other_language, page_language, tag

register = template.Library()


@register.simple_tag
def html_lang():
    """The active language (from the address: bilingual/middleware.py) as lang wants it."""
    return tag(translation.get_language() or "en-gb")


def address(page, request):
    parts = page.get_url_parts(request)
    return public_url(request, parts[2]) if parts else None


@register.simple_tag(takes_context=True)
def language_versions(context, page):
    """What the switcher and the alternates need for ``page`` (None without a page):
    ``other`` is the other language (its code, tag, name in itself) and its live page's
    address (None when there is no live one yet); ``alternates`` lists (hreflang, address)
    for each live version and x-default (English), or nothing when there is only one."""
    request = context.get("request")
    if page is None or not getattr(page, "pk", None) or request is None:
        return None
    language = page_language(page)
    other = other_language(language)
    versions = {code: address(twin, request) for code, twin in live_versions(page).items()}
    versions = {code: url for code, url in versions.items() if url}
    alternates = []
    if len(versions) > 1:
        alternates = [(tag(code), url) for code, url in sorted(versions.items())]
        default = versions.get("en-gb")
        if default:
            alternates.append(("x-default", default))
    return {
        "language": language,
        "other": {
            "code": other,
            "tag": tag(other),
            "name": NAMES.get(other, other),
            "url": versions.get(other),
        },
        "alternates": alternates,
    }
