from django.apps import AppConfig
from django.db.models.signals import post_save


class VideoConfig(AppConfig):
    """The privacy-respecting video block: oEmbed lookups through wagtail.embeds, posters kept
    on this site, and the facade that loads a player only when the visitor presses Play."""

    name = "video"
    verbose_name = "Video"

    def ready(self):
        from wagtail.embeds.models import Embed

        from .oembed import store_poster_for_new_embed

        post_save.connect(store_poster_for_new_embed, sender=Embed)
