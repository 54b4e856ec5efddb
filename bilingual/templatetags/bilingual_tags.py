"""The page's language in the layout: ``<html lang>``, the switcher to the same page in the
other language, and the hreflang alternates in the head (site/templates/base.html)."""

from django import template
from django.urls import translate_url
from django.utils import translation

from core.public_address import public_url

from ..languages import NAMES, other_language, page_language, tag
from ..twins import live_addresses

register = template.Library()


@register.simple_tag
def html_lang():
    """The active language (from the address: bilingual/middleware.py) as lang wants it."""
    return tag(translation.get_language() or "en-gb")


def view_versions(request, language):
    """A view of this site's own that is not a page (search): the same address with the
    other language's prefix. Nothing for a page not found."""
    match = request.resolver_match
    if match is None or match.url_name in (None, "wagtail_serve"):
        return {}
    here = request.get_full_path()
    there = translate_url(here, other_language(language))
    return {
        language: public_url(request, here),
        other_language(language): public_url(request, there),
    }


@register.simple_tag(takes_context=True)
def language_versions(context, page):
    """What the switcher and the alternates need for ``page`` (None without a page):
    ``other`` is the other language (its code, tag, name in itself) and its live page's
    address (None when there is no live one yet); ``alternates`` lists (hreflang, address)
    for each live version and x-default (English), or nothing when there is only one."""
    request = context.get("request")
    if request is None:
        return None
    if getattr(page, "pk", None):
        language = page_language(page)
        versions = {
            code: public_url(request, path) for code, path in live_addresses(page, request).items()
        }
    else:
        language = translation.get_language()
        versions = view_versions(request, language)
        if not versions:
            return None
    other = other_language(language)
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
