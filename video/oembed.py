"""What the video block needs to know about a video, found through Wagtail's embeds framework.

Wagtail's own ``{% embed %}`` tag is not used on the public site: it writes the provider's
iframe straight into the page, so the provider's scripts and cookies load before the visitor
chooses to play, and it renders nothing when the provider cannot be reached. Instead the
block shows a facade (poster, title, link) and this module supplies what it needs: the
provider's name, the player address to load on request and a poster served from this site.
"""

import io
import logging
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit, urlunsplit

import requests
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed

logger = logging.getLogger(__name__)

# Names for the providers editors are told about, used when the provider cannot be asked.
PROVIDER_NAMES = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "ted.com": "TED",
}
# YouTube's privacy-enhanced mode: the same player, but no cookies until the visitor plays.
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com"}
YOUTUBE_NO_COOKIE_HOST = "www.youtube-nocookie.com"
POSTER_FOLDER = "video-posters"
POSTER_MAX_SIZE = (1280, 1280)
THUMBNAIL_TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class Video:
    url: str
    provider_name: str
    player_url: str  # empty when the video cannot be played on this site: link only
    poster_url: str  # empty when no provider thumbnail is stored


def is_embeddable(url):
    """Whether a configured finder recognises the URL. Needs no network: finders match the
    URL against their providers' patterns."""
    return any(finder.accept(url) for finder in get_finders())


def host_of(url):
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def provider_name_from_url(url):
    host = host_of(url)
    for domain, name in PROVIDER_NAMES.items():
        if host == domain or host.endswith("." + domain):
            return name
    return host or "the provider"


def look_up(url):
    """The embed for ``url``: Wagtail's cached lookup, fetched from the provider when not
    cached. If the provider cannot be reached, the last successful lookup however old
    (Wagtail would refetch one past its ``cache_until``), or None if there never was one."""
    try:
        return get_embed(url)
    except EmbedException as error:
        logger.warning("Video provider lookup failed for %s: %s", url, error)
        return Embed.objects.filter(hash=get_embed_hash(url)).first()


def video_for(url):
    embed = look_up(url)
    if embed is None:
        return Video(url, provider_name_from_url(url), player_url="", poster_url="")
    return Video(
        url,
        embed.provider_name or provider_name_from_url(url),
        player_url=player_url(embed.html),
        poster_url=stored_poster_url(embed),
    )


class _IframeSource(HTMLParser):
    def __init__(self):
        super().__init__()
        self.src = ""

    def handle_starttag(self, tag, attrs):
        if tag == "iframe" and not self.src:
            self.src = dict(attrs).get("src") or ""


def player_url(embed_html):
    """The player address from the provider's embed code, with YouTube moved to its no-cookie
    domain and autoplay on (the visitor has just pressed Play). Empty if the embed has no
    iframe, or its player is not allowed by the site's Content-Security-Policy frame-src
    (settings.VIDEO_FRAME_SOURCES): such videos are offered as a link only."""
    parser = _IframeSource()
    parser.feed(embed_html or "")
    parts = urlsplit(parser.src)
    if parts.scheme not in ("http", "https"):
        return ""
    if parts.hostname in YOUTUBE_HOSTS:
        parts = parts._replace(scheme="https", netloc=YOUTUBE_NO_COOKIE_HOST)
    if f"{parts.scheme}://{parts.netloc}" not in settings.VIDEO_FRAME_SOURCES:
        logger.info("Video player %s is not in VIDEO_FRAME_SOURCES: link only", parser.src)
        return ""
    query = "&".join(filter(None, [parts.query, urlencode({"autoplay": 1})]))
    return urlunsplit(parts._replace(query=query))


def poster_name(embed):
    return f"{POSTER_FOLDER}/{embed.hash}.jpg"


def stored_poster_url(embed):
    name = poster_name(embed)
    return default_storage.url(name) if default_storage.exists(name) else ""


def store_poster(embed):
    """Keep a copy of the provider's thumbnail on this site, so the facade can show it
    without the visitor's browser contacting the provider. Re-encoded as JPEG, which also
    makes sure it is an image. Failures are logged: the facade then shows a placeholder."""
    name = poster_name(embed)
    if not embed.thumbnail_url or default_storage.exists(name):
        return
    try:
        response = requests.get(embed.thumbnail_url, timeout=THUMBNAIL_TIMEOUT_SECONDS)
        response.raise_for_status()
        with Image.open(io.BytesIO(response.content)) as image:
            poster = image.convert("RGB")
        poster.thumbnail(POSTER_MAX_SIZE)
        jpeg = io.BytesIO()
        poster.save(jpeg, "JPEG", quality=85)
    except (requests.RequestException, OSError, Image.DecompressionBombError) as error:
        logger.warning("Could not store the thumbnail for %s: %s", embed.url, error)
        return
    default_storage.save(name, ContentFile(jpeg.getvalue()))


def store_poster_for_new_embed(sender, instance, created, **kwargs):
    """Wagtail creates an Embed when it first fetches a video's details from the provider:
    that is the moment to keep a copy of its thumbnail."""
    if created:
        store_poster(instance)
