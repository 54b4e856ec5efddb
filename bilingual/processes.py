"""Keeping every web process right about the Welsh tree.

Each process keeps Wagtail's site root paths (the English overview and its translations,
with their languages): a process that read them before the Welsh overview existed builds
every Welsh address as "None". Wagtail drops them when a site root is saved, but only in
the process that saved it; the others drop them when they see a new content generation
(pagecache/caching.py, the first one they see included). So creating a translation of a site
root, which is not live and so changes nothing else for visitors, starts a new generation.
"""

from django.db import transaction
from wagtail.models import Page

from pagecache.invalidation import new_content_generation

from . import languages


def forget_locales(**kwargs):
    """Receiver of pagecache.caching.generation_changed."""
    languages._codes_by_locale_id.clear()


def site_root_saved(sender, instance, created=False, raw=False, **kwargs):
    """Receiver of post_save: a new overview (English or Welsh) under the tree's root."""
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        transaction.on_commit(new_content_generation)
