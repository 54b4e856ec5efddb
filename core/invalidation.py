"""What makes cached pages stale: any saved or deleted page, snippet, site setting, image,
document, site, privacy restriction or video lookup. Connected in apps.py.

A page shows far more than its own fields (the menu, the footer's settings, shared calls to
action, the case studies listed on theme and index pages, video lookups stored later by the
worker), so rather than tracking which pages show what, every such change stores a new
content generation and so retires every cached page at once: for a site of this size that is
simple and always right. Drafts count too (saving a draft saves the page row): harmless.

The CDN is told the same way: after the change is committed, every live page is purged
(wagtail.contrib.frontend_cache, when WAGTAILFRONTENDCACHE is configured), through a
background task, as Wagtail also does for the published page itself.
"""

import logging

from django.apps import apps
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import get_backends, purge_pages_from_cache
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from .caching import GENERATION_KEY, new_generation
from .shared_cache import get_shared_cache

logger = logging.getLogger("core.caching")

# Models shown on public pages besides pages, snippets and site settings (by label, so that
# core names the video app's poster records without importing the app).
SHOWN_ON_PAGES = {
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailembeds.embed",
    "video.videoposter",
}


def shows_on_pages(model):
    return (
        issubclass(model, Page | BaseSiteSetting)
        or model._meta.label_lower in SHOWN_ON_PAGES
        or model in get_snippet_models()
    )


def content_changed(sender, **kwargs):
    """Receiver of post_save, post_delete and Wagtail's page signals, for every model."""
    # Migrations' historical models are left out: a migration that saves a Site would purge
    # the CDN with queries on a schema that is not yet current.
    if isinstance(sender, type) and sender._meta.apps is apps and shows_on_pages(sender):
        expire_cached_pages()


def expire_cached_pages():
    """Retire every cached page now and, if inside a transaction, again once it commits:
    a request that read the old content before the commit may have stored it meanwhile."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        after_commit()
        return
    new_content_generation()
    if not any(callback is after_commit for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(after_commit)


def after_commit():
    new_content_generation()
    purge_cdn()


def new_content_generation():
    get_shared_cache().set(GENERATION_KEY, new_generation(), timeout=None)


def after_redis_outage(**kwargs):
    """Receiver of shared_cache.redis_back: a change made while Redis was unreachable could
    not retire the pages cached before it, so retire them all now."""
    new_content_generation()


def purge_cdn():
    if get_backends():
        purge_pages_from_cache(Page.objects.live().public())
