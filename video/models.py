"""Posters stored on this site, recorded in the database.

A video's facade shows the provider's thumbnail, copied here so the visitor's browser does
not contact the provider before they press Play. The copy is made by the background task
(tasks.py); this row records that it exists, so that rendering a page learns the poster's
address from the database alone, without asking the storage (a network call on S3).
"""

from django.db import models
from wagtail.embeds.models import Embed

POSTER_FOLDER = "video-posters"


class VideoPoster(models.Model):
    # Wagtail refreshes an expired lookup in place (update_or_create on its hash), so the
    # poster stays attached to the video's Embed row; it goes when the Embed is deleted.
    embed = models.OneToOneField(Embed, on_delete=models.CASCADE, related_name="video_poster")
    image = models.FileField(upload_to=POSTER_FOLDER, max_length=255)
    # The provider thumbnail it was copied from: a different one is copied again.
    source_url = models.URLField(max_length=1000)
    stored_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.image.name
