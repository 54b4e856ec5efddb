"""The video app: the privacy-respecting video block, its oEmbed lookups and stored posters.

Publishing a page queues its videos' lookups for the task worker (tasks.py); connected here,
once the models are loaded, because every publish sends the signal, whichever way it comes.
"""

from django.apps import AppConfig
from wagtail.signals import page_published


class VideoConfig(AppConfig):
    """The video block: oEmbed lookups through wagtail.embeds made in the background, posters
    kept on this site, and the facade that loads a player only when the visitor presses
    Play."""

    name = "video"
    verbose_name = "Video"

    def ready(self):
        from .tasks import queue_lookups_for_published_page

        page_published.connect(
            queue_lookups_for_published_page, dispatch_uid="video.queue_lookups_on_publish"
        )
