from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The content every page app shares: the base page, the shared StreamField blocks, the
    site settings, the shared call-to-action snippet, the site's public address and the
    layout's template tags. Imports no other app."""

    name = "core"
    verbose_name = "Site-wide content"

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # Defence in depth behind the upload check (settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS):
        # Pillow warns over this many pixels and refuses twice as many, whatever the source.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS

        from . import public_address  # noqa: F401 (registers its deploy check)
