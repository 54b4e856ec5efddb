"""A stand-in oEmbed provider for tests, configured in config/settings/test.py only.

Real providers are on the internet, so tests use this finder instead: it recognises
``https://video.test/watch/<id>`` and returns an iframe to a player page that the test
server itself serves (``player`` below, routed in tests/urls.py) at
settings.TEST_VIDEO_PLAYER_ORIGIN. Browser tests set that origin to the live server under a
different host name, so to the browser the player is a third party.

With settings.TEST_VIDEO_PROVIDER_DOWN the finder fails as Wagtail's oEmbed finder does when
the provider cannot be reached.
"""

import io
import re

from django.conf import settings
from django.http import HttpResponse
from django.utils.html import format_html
from django.views.decorators.clickjacking import xframe_options_exempt
from PIL import Image
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

VIDEO_URL = re.compile(r"^https://video\.test/watch/([\w-]+)$")


def video_url(video_id):
    return f"https://video.test/watch/{video_id}"


def player_url(video_id):
    return f"{settings.TEST_VIDEO_PLAYER_ORIGIN}/test-player/{video_id}/"


class LocalVideoFinder(EmbedFinder):
    def accept(self, url):
        return VIDEO_URL.match(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        if settings.TEST_VIDEO_PROVIDER_DOWN:
            # What wagtail.embeds.finders.oembed raises when its request fails.
            raise EmbedNotFoundException("Request failed: the test video provider is down")
        video_id = VIDEO_URL.match(url).group(1)
        return {
            "title": f"Test video {video_id}",
            "author_name": "",
            "provider_name": "Test Video",
            "type": "video",
            "thumbnail_url": player_url(video_id) + "poster.png",
            "width": 640,
            "height": 360,
            "html": format_html(
                '<iframe src="{}" width="640" height="360" allowfullscreen></iframe>',
                player_url(video_id),
            ),
        }


embed_finder_class = LocalVideoFinder


@xframe_options_exempt  # like a real provider's player, it is made to be framed
def player(request, video_id):
    return HttpResponse(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Test player</title></head><body><main><p>Test player: {video_id}</p></main>"
        "</body></html>"
    )


def poster(request, video_id):
    png = io.BytesIO()
    Image.new("RGB", (320, 180), (0, 107, 107)).save(png, "PNG")
    return HttpResponse(png.getvalue(), content_type="image/png")
