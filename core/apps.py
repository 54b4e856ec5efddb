from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every page app shares: the base page, the shared StreamField blocks, the site
    settings, the shared call-to-action snippet and template tags. Imports no other app."""

    name = "core"
    verbose_name = "Site-wide content"
