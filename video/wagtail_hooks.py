"""After an editor saves a page: make its videos ready and say which ones visitors cannot play.

The page is already saved with its video addresses when this runs: a provider outage must
never cost an editor their work, so it is a warning here, not a validation error. Wagtail's
autosave (which posts the same form in the background, asking for JSON) is left alone: no
provider is called while the editor types, and no message waits for them on the next page.
"""

from django.contrib import messages
from django.db.models import F
from wagtail import hooks
from wagtail.models import Page

from . import oembed
from .blocks import videos_in
from .tasks import queue_video_lookups


def is_autosave(request):
    # How Wagtail's edit and create views tell their autosave posts from the editor's own:
    # they answer JSON to a request that does not accept HTML (``expects_json_response``).
    return not request.accepts("text/html")


def was_just_published(page):
    """Whether the revision just saved is live: publishing queued the lookups already
    (tasks.queue_lookups_for_published_page)."""
    return Page.objects.filter(pk=page.pk, live_revision_id=F("latest_revision_id")).exists()


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def check_videos_after_save(request, page):
    """Look up each video now, so the editor learns at once about one that cannot be played
    (the answer is stored for the public pages too), and queue the poster copies. A
    provider that is slow to answer delays only this save, never a visitor's page."""
    if is_autosave(request):
        return
    for video in videos_in(page):
        title, url = video["title"], video["url"]
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
    if not was_just_published(page):
        queue_video_lookups(page)
