"""Looking videos up and copying their posters, in the task worker rather than in a request.

A provider can take seconds to answer, or not answer at all; a thumbnail is a download. So
neither happens while a visitor waits: when a page is published (any way: the editor, an
approval, scheduled publishing, a script) or saved as a draft in the editor, a task is
queued for each of its video addresses. The worker (``manage.py db_worker``) looks the video
up through Wagtail, which stores the answer in its ``Embed`` model, and copies the thumbnail
(posters.py). Public renders then read only those rows (oembed.stored_video).

When the provider cannot be reached and nothing was ever stored, the task tries again later,
with growing delays (the database backend supports that; the immediate backend of the tests
does not), and the page shows a link to the video meanwhile.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import oembed, posters
from .blocks import videos_in

logger = logging.getLogger(__name__)

LOOKUP_ATTEMPTS = 6
FIRST_RETRY_SECONDS = 5 * 60  # then 10, 20, 40 and 80 minutes: about two and a half hours


def queue_video_lookups(page):
    """Queue the lookup of every video address in the page's body."""
    for url in dict.fromkeys(video["url"] for video in videos_in(page) if video["url"]):
        fetch_video.enqueue(url)


def queue_lookups_for_published_page(sender, instance, **kwargs):
    """Receiver of Wagtail's page_published signal (connected in apps.py)."""
    queue_video_lookups(instance)


@task()
def fetch_video(url, attempt=1):
    embed = oembed.look_up(url)
    if embed is None:
        retry_later(url, attempt)
        return "not found"
    return "poster stored" if posters.store_poster(embed) else "no poster"


def retry_later(url, attempt):
    backend = fetch_video.get_backend()
    if attempt >= LOOKUP_ATTEMPTS or not backend.supports_defer:
        logger.warning("Gave up looking up the video %s after %s attempts", url, attempt)
        return
    delay = timedelta(seconds=FIRST_RETRY_SECONDS * 2 ** (attempt - 1))
    fetch_video.using(run_after=timezone.now() + delay).enqueue(url, attempt + 1)
