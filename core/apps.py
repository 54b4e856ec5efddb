from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site-wide building blocks shared by every page type: StreamField blocks, the base
    page mixin and the starter-content command."""

    name = "core"
    verbose_name = "Site-wide content"
