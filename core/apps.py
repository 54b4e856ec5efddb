from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every page app shares: the base page, the shared StreamField blocks, the site
    settings, the shared call-to-action snippet and template tags; and site-wide concerns:
    the page cache (caching.py, invalidation.py) and the shared cache (shared_cache.py).
    Imports no other app."""

    name = "core"
    verbose_name = "Site-wide content"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import public_address  # noqa: F401 (registers its deploy check)
        from .invalidation import after_redis_outage, content_changed
        from .shared_cache import redis_back

        # Every model, filtered in the receiver: pages, snippets and settings of any app.
        for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
            signal.connect(content_changed, dispatch_uid="core.expire_cached_pages")
        redis_back.connect(after_redis_outage, dispatch_uid="core.after_redis_outage")
