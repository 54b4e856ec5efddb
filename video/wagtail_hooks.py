from django.contrib import messages
from wagtail import hooks

from . import oembed
from .blocks import VideoBlock


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_videos_visitors_cannot_play(request, page):
    """After a save (draft or publish), look up each video so visitors get a cached result,
    and tell the editor about any video that cannot be played yet. The page is already saved
    with its video addresses: a provider outage must never cost an editor their work."""
    for child in getattr(page, "body", None) or []:
        if not isinstance(child.block, VideoBlock):
            continue
        title, url = child.value["title"], child.value["url"]
        if not url:
            messages.warning(
                request,
                f"The video “{title}” has no web address yet. Visitors see “Video coming "
                "soon” until you add one.",
            )
        elif oembed.look_up(url) is None:
            provider = oembed.provider_name_from_url(url)
            messages.warning(
                request,
                f"We couldn't get the video “{title}” from {provider}: it may be down, or the "
                "address may be wrong. The page was saved with the address. Until the video "
                f"can be fetched, visitors see a link to it on {provider} instead of the player.",
            )
