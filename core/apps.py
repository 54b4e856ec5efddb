from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every page app shares: the base page, the shared StreamField blocks, the site
    settings, the shared call-to-action snippet and template tags; and site-wide concerns:
    the page cache (caching.py, invalidation.py) and the shared cache (shared_cache.py).
    Imports no other app."""

    name = "core"
    verbose_name = "Site-wide content"

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # Defence in depth behind the upload check (settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS):
        # Pillow warns over this many pixels and refuses twice as many, whatever the source.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS

        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import (
            page_published,
            page_unpublished,
            post_page_move,
            published,
            unpublished,
        )

        from . import (
            invalidation,
            public_address,  # noqa: F401 (registers its deploy check)
        )
        from .shared_cache import redis_back

        # Every model, filtered in the receivers: pages, snippets and settings of any app.
        uid = "core.expire_cached_pages"
        post_save.connect(invalidation.content_saved, dispatch_uid=uid)
        post_delete.connect(invalidation.content_deleted, dispatch_uid=uid)
        post_page_move.connect(invalidation.page_moved, dispatch_uid=uid)
        for signal in (page_published, page_unpublished, published, unpublished):
            signal.connect(invalidation.content_published, dispatch_uid=uid)
        redis_back.connect(invalidation.after_redis_outage, dispatch_uid="core.after_redis_outage")
