"""Which pages visitors may see (Wagtail's privacy settings), each answered in one query.

Wagtail asks the database twice to serve a page (its ancestors, then their restrictions) and
once more for every ``.public()`` list; these give the same answers inside a single query,
which keeps an uncached page render within its query budget (tests/test_query_counts.py).
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from wagtail.models import Page, PageViewRestriction

from .caching import current_content_generation


def view_restrictions_for(page):
    """The restrictions on ``page`` and its ancestors, as Page.get_view_restrictions():
    an alias answers to its source page's restrictions. The ancestors' paths are the
    prefixes of the page's own path, so they need no query; on a visitor's request the
    restrictions themselves come from this process's copy for the current content (any
    change to a restriction starts a new content generation), so none is needed at all."""
    step = page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    known = all_restrictions()
    if known is None:
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()
    wanted = set(paths)
    return [
        restriction
        for restriction, restricted_path, alias_paths in known
        if restricted_path in wanted or wanted & alias_paths
    ]


def all_restrictions():
    """Every restriction with its page's path and its page's aliases' paths, kept by this
    process for the current content generation; None when that is unknown."""
    generation = current_content_generation.get()
    if generation is None:
        return None
    key = f"view-restrictions:{generation}"
    known = cache.get(key)
    if known is None:
        restrictions = list(PageViewRestriction.objects.select_related("page"))
        aliases = {}
        if restrictions:
            sources = [restriction.page_id for restriction in restrictions]
            for source, path in Page.objects.filter(alias_of__in=sources).values_list(
                "alias_of_id", "path"
            ):
                aliases.setdefault(source, set()).add(path)
        known = [
            (
                restriction,
                restriction.page.path if restriction.page.alias_of_id is None else None,
                aliases.get(restriction.page_id, set()),
            )
            for restriction in restrictions
        ]
        cache.set(key, known, settings.PAGE_CACHE_SECONDS)
    return known


def public_pages(queryset):
    """``queryset.public()`` in the same query: no page at or below a restricted page."""
    restricted_at_or_above = PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path"))
    )
    return queryset.exclude(Exists(restricted_at_or_above))
