"""After an editor saves a page: make its videos ready and say which ones visitors cannot play.

The page is already saved with its video addresses when this runs: a provider outage must
never cost an editor their work, so it is a warning here, not a validation error. Wagtail's
autosave (editorial.admin_requests.is_autosave) is left alone: no provider is called while the
editor types, and no message waits for them on the next page.

A warning is about something the save concerns: a video that is new or changed compared with
what visitors see now, or any video when the page is published or sent for approval. Saving
a one-word change elsewhere on a live page says nothing about its videos.
"""

from django.db.models import F
from wagtail import hooks
from wagtail.models import Page

from editorial.admin_requests import heads_for_public, is_autosave, warn_once

from . import oembed
from .blocks import videos_in
from .tasks import queue_video_lookups


def was_just_published(page):
    """Whether the revision just saved is live: publishing queued the lookups already
    (tasks.queue_lookups_for_published_page)."""
    return Page.objects.filter(pk=page.pk, live_revision_id=F("latest_revision_id")).exists()


def live_videos(page):
    """(title, address) of each video visitors see now: the live page's row, which a draft
    save leaves as it is. Nothing for a page never published."""
    if not page.live:
        return set()
    live = type(page).objects.filter(pk=page.pk).first()
    return {(video["title"], video["url"]) for video in videos_in(live)} if live else set()


def videos_to_check(request, page):
    videos = videos_in(page)
    if heads_for_public(request):
        return videos
    unchanged = live_videos(page)
    return [video for video in videos if (video["title"], video["url"]) not in unchanged]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def check_videos_after_save(request, page):
    """Look up each video the save concerns now, so the editor learns at once about one that
    cannot be played (the answer is stored for the public pages too), and queue the poster
    copies. A provider that is slow to answer delays only this save, never a visitor's page."""
    if is_autosave(request):
        return
    for video in videos_to_check(request, page):
        title, url = video["title"], video["url"]
        if not url:
            continue  # visitors see nothing of it: editorial.wagtail_hooks says so
        if oembed.look_up(url) is None:
            provider = oembed.provider_name_from_url(url)
            warn_once(
                request,
                f"We couldn't get the video “{title}” from {provider}: it may be down, or the "
                "address may be wrong. The page was saved with the address. Until the video "
                f"can be fetched, visitors see a link to it on {provider} instead of the player.",
            )
    if not was_just_published(page):
        queue_video_lookups(page)
