from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Serving visitors quickly and through outages: the page cache in the shared (Redis)
    cache, its invalidation and CDN purge, the rate limiter (its counters live in the same
    shared cache), the health check and the database-outage pages, and the worker's heartbeat.
    Imports no other app."""

    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import (
            page_published,
            page_unpublished,
            post_page_move,
            published,
            unpublished,
        )

        from . import invalidation
        from .shared_cache import redis_back

        # Every model, filtered in the receivers: pages, snippets and settings of any app.
        uid = "pagecache.expire_cached_pages"
        post_save.connect(invalidation.content_saved, dispatch_uid=uid)
        post_delete.connect(invalidation.content_deleted, dispatch_uid=uid)
        post_page_move.connect(invalidation.page_moved, dispatch_uid=uid)
        for signal in (page_published, page_unpublished, published, unpublished):
            signal.connect(invalidation.content_published, dispatch_uid=uid)
        redis_back.connect(
            invalidation.after_redis_outage, dispatch_uid="pagecache.after_redis_outage"
        )
