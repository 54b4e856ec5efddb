"""Copies of providers' thumbnails, kept on this site as the videos' posters.

The facade shows a poster before the visitor presses Play; loading it from the provider would
tell the provider about every visitor. So the background task (tasks.py) downloads the
thumbnail once, re-encodes it as JPEG (which also makes sure it is an image) and records it in
``VideoPoster``, which is where rendering finds it.
"""

import io
import logging

import requests
from django.core.files.base import ContentFile
from PIL import Image

from .models import VideoPoster

logger = logging.getLogger(__name__)

POSTER_MAX_SIZE = (1280, 1280)
THUMBNAIL_TIMEOUT_SECONDS = 5


def download_as_jpeg(thumbnail_url):
    """The thumbnail as JPEG bytes at most POSTER_MAX_SIZE, or None (logged) if it cannot be
    fetched or is not an image."""
    try:
        response = requests.get(thumbnail_url, timeout=THUMBNAIL_TIMEOUT_SECONDS)
        response.raise_for_status()
        with Image.open(io.BytesIO(response.content)) as image:
            poster = image.convert("RGB")
        poster.thumbnail(POSTER_MAX_SIZE)
        jpeg = io.BytesIO()
        poster.save(jpeg, "JPEG", quality=85)
    except (requests.RequestException, OSError, Image.DecompressionBombError) as error:
        logger.warning("Could not store the thumbnail %s: %s", thumbnail_url, error)
        return None
    return jpeg.getvalue()


def store_poster(embed):
    """Keep a copy of the embed's thumbnail unless the same one is already kept. Returns the
    VideoPoster, or None when there is none (no thumbnail, or it could not be fetched): the
    facade then shows a placeholder."""
    poster = VideoPoster.objects.filter(embed=embed).first()
    if not embed.thumbnail_url or (poster and poster.source_url == embed.thumbnail_url):
        return poster
    jpeg = download_as_jpeg(embed.thumbnail_url)
    if jpeg is None:
        return poster
    if poster is None:
        poster = VideoPoster(embed=embed)
    else:
        poster.image.delete(save=False)  # the provider changed its thumbnail
    poster.source_url = embed.thumbnail_url
    name = f"{embed.hash}.jpg"
    # One name per video: a file left there without a row (by a failed save, or by the
    # earlier version of this code) is replaced rather than kept beside a renamed copy.
    poster.image.storage.delete(poster.image.field.generate_filename(poster, name))
    poster.image.save(name, ContentFile(jpeg), save=True)
    return poster
