"""The addresses of a page's live versions in each language, for the switcher and the
alternates every page shows.

Every page needs them, so each process keeps, per content generation (as the menu does:
core/templatetags/navigation_tags.py), one table of the live pages that have a live version
in the other language: one query per generation and process, none per render. Publishing,
unpublishing, moving or deleting a page starts a new generation (pagecache/invalidation.py).
Editors' requests and previews (no generation) ask the database for the page's own."""

from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page

from .languages import home_path, live_versions, page_language

FIELDS = ("id", "locale_id", "url_path", "translation_key", "depth", "path")


def path_of(page, request):
    parts = page.get_url_parts(request)
    return parts[2] if parts else None


def addresses(pages, request):
    """{language: path} of ``pages`` (versions of one page) that have an address."""
    found = {}
    for page in pages:
        path = path_of(page, request)
        if path:
            found.setdefault(page_language(page), path)
    return found


def table(request):
    """{translation key: {language: path}} of the live public pages with a live public
    version in another language. Used only for visitors without a session (the page cache's
    requests), who can read no page with a view restriction: none is named to them."""
    groups = defaultdict(list)
    pages = Page.objects.live().public().filter(depth__gt=1).only(*FIELDS).order_by("path")
    pages = list(pages)
    live_homes = {page.path for page in pages if page.depth == 2}
    for page in pages:
        if home_path(page) in live_homes:  # else its address leads to the English page
            groups[str(page.translation_key)].append(page)
    found = {}
    for key, pages in groups.items():
        if len({page.locale_id for page in pages}) > 1:
            found[key] = addresses(pages, request)
    return found


def readable(page, request):
    """Whether the visitor of ``request`` may read ``page``: it has no view restriction they
    have not passed (Wagtail's own check), so a private version's address is never shown."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def live_addresses(page, request):
    """{language: path} of ``page`` and its live versions in other languages that the visitor
    may read."""
    generation = getattr(request, "content_generation", None)
    if not generation or getattr(request, "is_preview", False) or not page.live:
        versions = live_versions(page)
        own = versions.pop(page_language(page), page)
        versions = [own, *(twin for twin in versions.values() if readable(twin, request))]
        return addresses(versions, request)
    key = f"bilingual:twins:{request.get_host()}:{generation}"
    known = cache.get(key)
    if known is None:
        known = table(request)
        cache.set(key, known, settings.PAGE_CACHE_SECONDS)
    own = {page_language(page): path_of(page, request)}
    return {**known.get(str(page.translation_key), {}), **{k: v for k, v in own.items() if v}}
