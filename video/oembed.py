"""What the video block needs to know about a video, found through Wagtail's embeds framework.

Wagtail's own ``{% embed %}`` tag is not used on the public site: it writes the provider's
iframe straight into the page, so the provider's scripts and cookies load before the visitor
chooses to play, and it renders nothing when the provider cannot be reached. Instead the
block shows a facade (poster, title, link) and this module supplies what it needs: the
provider's name, the player address to load on request and a poster served from this site.

Two ways in, kept apart on purpose: ``look_up`` asks the provider (through Wagtail, which
stores the answer in its ``Embed`` model) and runs only in the background task and after an
editor saves; ``stored_video`` reads what was stored and is all a public render uses, so a
slow or unreachable provider can never slow a page down.
"""

import logging
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup
from django.conf import settings
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


def stored_embed(url):
    """The stored lookup for ``url``, however old (with its poster row, if any), or None.
    Reads the database only."""
    return Embed.objects.select_related("video_poster").filter(hash=get_embed_hash(url)).first()


def look_up(url):
    """The embed for ``url``: Wagtail's stored lookup, fetched from the provider when missing
    or past its ``cache_until``. If the provider cannot be reached, the last successful lookup
    however old, or None if there never was one. May take seconds: never call it while
    rendering a public page."""
    try:
        return get_embed(url)
    except EmbedException as error:
        logger.warning("Video provider lookup failed for %s: %s", url, error)
        return stored_embed(url)


def stored_video(url):
    """What the facade shows for ``url``, from the database only: no provider call and no
    storage call. A video never looked up successfully is a link to it."""
    embed = stored_embed(url)
    if embed is None:
        return Video(url, provider_name_from_url(url), player_url="", poster_url="")
    poster = getattr(embed, "video_poster", None)
    return Video(
        url,
        embed.provider_name or provider_name_from_url(url),
        player_url=player_url(embed.html),
        poster_url=poster.image.url if poster else "",
    )


def player_url(embed_html):
    """The player address from the provider's embed code, with YouTube moved to its no-cookie
    domain and autoplay on (the visitor has just pressed Play). Empty if the embed has no
    iframe, or its player is not allowed by the site's Content-Security-Policy frame-src
    (settings.VIDEO_FRAME_SOURCES): such videos are offered as a link only."""
    iframe = BeautifulSoup(embed_html or "", "html.parser").find("iframe")
    src = (iframe.get("src") or "") if iframe else ""
    parts = urlsplit(src)
    if parts.scheme not in ("http", "https"):
        return ""
    if parts.hostname in YOUTUBE_HOSTS:
        parts = parts._replace(scheme="https", netloc=YOUTUBE_NO_COOKIE_HOST)
    if f"{parts.scheme}://{parts.netloc}" not in settings.VIDEO_FRAME_SOURCES:
        logger.info("Video player %s is not in VIDEO_FRAME_SOURCES: link only", src)
        return ""
    query = "&".join(filter(None, [parts.query, urlencode({"autoplay": 1})]))
    return urlunsplit(parts._replace(query=query))
