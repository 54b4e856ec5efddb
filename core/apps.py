from django.apps import AppConfig
from django.db.models.signals import post_save


class CoreConfig(AppConfig):
    """Site-wide building blocks shared by every page type: StreamField blocks, the base
    page mixin and the starter-content command."""

    name = "core"
    verbose_name = "Site-wide content"

    def ready(self):
        from wagtail.embeds.models import Embed

        post_save.connect(store_poster_for_new_embed, sender=Embed)


def store_poster_for_new_embed(sender, instance, created, **kwargs):
    """Wagtail creates an Embed when it first fetches a video's details from the provider:
    that is the moment to keep a copy of its thumbnail (see core.video.store_poster)."""
    if created:
        from core.video import store_poster

        store_poster(instance)
